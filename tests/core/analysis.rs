//! Every analysis rule: a map that triggers it, with the place asserted,
//! and a map that comes close but must not trigger it.

use crate::common;

use common::{Builder, clean_journey};
use waymark::analysis::{Place, Rule, Severity, analyze, recognise_role};
use waymark::model::{Channel, Emotion, StageRole};

#[test]
fn the_clean_journey_has_no_findings() {
    let (b, _) = clean_journey();
    let analysis = analyze(&b.map);
    assert_eq!(analysis.findings, vec![], "{:#?}", analysis.findings);
}

// ---- empty-stage -------------------------------------------------------

#[test]
fn empty_stage_names_the_stage_without_touchpoints() {
    let (mut b, stages) = clean_journey();
    let extra = b.stage("Onboarding");
    // A thought is not a touchpoint: the stage is still empty.
    let thought = b.thought;
    b.card_in(extra, thought, "Where do I start?", Channel::Website);
    let found = Rule::EmptyStage.check(&b.map);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].place, Place::Stage(extra));
    assert_eq!(found[0].severity, Severity::Error);
    assert!(
        found[0].message.contains("\"Onboarding\""),
        "{}",
        found[0].message
    );
    assert!(!found.iter().any(|f| f.place == Place::Stage(stages[0])));
}

#[test]
fn one_touchpoint_is_enough_to_not_be_empty() {
    let (mut b, _) = clean_journey();
    let extra = b.stage("Onboarding");
    b.touch(extra, "Welcome email", Channel::Email);
    assert!(Rule::EmptyStage.check(&b.map).is_empty());
}

// ---- missing-emotion ---------------------------------------------------

#[test]
fn missing_emotion_when_no_card_nor_stage_carries_one() {
    let (mut b, stages) = clean_journey();
    for card in &mut b.map.cards {
        if card.stage == stages[2] {
            std::sync::Arc::make_mut(card).emotion = None;
        }
    }
    let found = Rule::MissingEmotion.check(&b.map);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].place, Place::Stage(stages[2]));
    assert_eq!(found[0].names.stages, vec!["Decision".to_owned()]);
}

#[test]
fn the_stage_own_emotion_is_enough() {
    let (mut b, stages) = clean_journey();
    for card in &mut b.map.cards {
        if card.stage == stages[2] {
            std::sync::Arc::make_mut(card).emotion = None;
        }
    }
    b.map.stages[2].emotion = Some(Emotion::new(0, "calm"));
    assert!(Rule::MissingEmotion.check(&b.map).is_empty());
}

// ---- emotion-drop ------------------------------------------------------

#[test]
fn emotion_drop_of_two_names_the_stage_pair() {
    let (mut b, stages) = clean_journey();
    b.feel(stages[1], 2);
    b.feel(stages[2], 0);
    let found = Rule::EmotionDrop.check(&b.map);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].place, Place::Stages(stages[1], stages[2]));
    assert_eq!(found[0].severity, Severity::Warning);
    assert!(found[0].message.contains("+2") && found[0].message.contains("\"Decision\""));
}

#[test]
fn emotion_crossing_from_positive_to_negative_is_a_drop() {
    let (mut b, stages) = clean_journey();
    b.feel(stages[3], -1);
    let found = Rule::EmotionDrop.check(&b.map);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].place, Place::Stages(stages[2], stages[3]));
}

#[test]
fn a_fall_of_less_than_two_that_stays_positive_is_no_drop() {
    let (mut b, stages) = clean_journey();
    b.feel(stages[1], 2);
    b.feel(stages[2], 1); // falls by 1, stays positive
    b.feel(stages[3], 0); // falls to neutral, not negative
    assert!(Rule::EmotionDrop.check(&b.map).is_empty());
}

#[test]
fn a_drop_answered_by_a_pain_point_opportunity_or_support_is_fine() {
    for answer in ["pain", "opp", "support", "follow-up"] {
        let (mut b, stages) = clean_journey();
        b.feel(stages[3], -2);
        // The answer itself feels fine (+1); the stage stays negative.
        match answer {
            "pain" => {
                let lane = b.pain;
                b.card_in(stages[3], lane, "Hidden fees", Channel::Website);
            }
            "opp" => {
                let lane = b.opp;
                b.card_in(stages[3], lane, "Show fees early", Channel::Website);
            }
            "support" => {
                b.touch(stages[3], "Hotline", Channel::Phone);
            }
            _ => {
                b.touch(stages[3], "Follow-up email", Channel::Email);
            }
        }
        assert!(Rule::EmotionDrop.check(&b.map).is_empty(), "{answer}");
    }
}

#[test]
fn a_support_touchpoint_that_feels_bad_is_a_cause_not_a_cure() {
    let (mut b, stages) = clean_journey();
    // The support line where the customer waits forty minutes.
    let hotline = b.touch(stages[3], "Support hotline", Channel::Phone);
    b.feel(stages[3], -2);
    let found = Rule::EmotionDrop.check(&b.map);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(found[0].place, Place::Stages(stages[2], stages[3]));
    // The near miss: the same line, answered within a minute.
    b.edit(hotline, |c| c.emotion = Some(Emotion::new(0, "relieved")));
    assert!(Rule::EmotionDrop.check(&b.map).is_empty());
}

#[test]
fn a_stage_without_emotion_breaks_the_chain_instead_of_reporting_a_drop() {
    let (mut b, stages) = clean_journey();
    b.feel(stages[1], 2);
    for card in &mut b.map.cards {
        if card.stage == stages[2] {
            std::sync::Arc::make_mut(card).emotion = None;
        }
    }
    b.feel(stages[3], -2);
    assert!(Rule::EmotionDrop.check(&b.map).is_empty());
}

// ---- channel-dropped ---------------------------------------------------

/// Two stages where customers are mostly in the store, then mostly on
/// the website, with no email and no hand-over words anywhere.
fn store_then_web() -> (Builder, Vec<waymark::model::StageId>) {
    let mut b = Builder::new();
    let stages = vec![
        b.stage("In store"),
        b.stage("Checkout"),
        b.stage("Use at home"),
    ];
    b.touch(stages[0], "Advisor at the shelf", Channel::Store);
    b.touch(stages[0], "Fitting area", Channel::Store);
    b.touch(stages[0], "Stock on the website", Channel::Website);
    b.touch(stages[1], "Online payment page", Channel::Website);
    b.touch(stages[1], "Delivery options", Channel::Website);
    b.touch(stages[2], "Care guide page", Channel::Website);
    b.touch(stages[2], "Care app", Channel::App);
    (b, stages)
}

#[test]
fn channel_dropped_names_the_pair_and_the_main_channel() {
    let (b, stages) = store_then_web();
    let found = Rule::ChannelDropped.check(&b.map);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(found[0].place, Place::Stages(stages[0], stages[1]));
    assert_eq!(found[0].channel, Some(Channel::Store));
    assert_eq!(found[0].severity, Severity::Info);
    assert_eq!(
        found[0].key(),
        format!("stages:{}>{}/channel:store", stages[0], stages[1])
    );
}

#[test]
fn a_hand_over_in_the_next_stage_closes_the_break() {
    for (title, channel) in [
        ("Receipt by email", Channel::Email),
        ("QR code to finish at home", Channel::Website),
        ("Follow-up call", Channel::Phone),
    ] {
        let (mut b, stages) = store_then_web();
        b.touch(stages[1], title, channel);
        assert!(Rule::ChannelDropped.check(&b.map).is_empty(), "{title}");
    }
    // A hand-over that itself feels bad hands nobody over.
    let (mut b, stages) = store_then_web();
    let email = b.touch(stages[1], "Receipt by email", Channel::Email);
    b.edit(email, |c| c.emotion = Some(Emotion::new(-1, "spammed")));
    assert_eq!(Rule::ChannelDropped.check(&b.map).len(), 1);
}

#[test]
fn minor_channels_entry_channels_and_empty_next_stages_do_not_count() {
    // Store is not the main channel once the website carries more.
    let (mut b, stages) = store_then_web();
    b.touch(stages[0], "Website reviews", Channel::Website);
    b.touch(stages[0], "Website chat", Channel::Website);
    assert!(Rule::ChannelDropped.check(&b.map).is_empty());

    // Carried on: the store is used in the next stage too.
    let (mut b, stages) = store_then_web();
    b.touch(stages[1], "Tills", Channel::Store);
    assert!(Rule::ChannelDropped.check(&b.map).is_empty());

    // Entry channels point elsewhere by nature: their end is no break.
    let mut b = Builder::new();
    let (a, c) = (b.stage("Awareness"), b.stage("Consideration"));
    b.touch(a, "Banner", Channel::Ad);
    b.touch(a, "Search result", Channel::Search);
    b.touch(a, "A friend's tip", Channel::WordOfMouth);
    b.touch(c, "Product page", Channel::Website);
    assert!(Rule::ChannelDropped.check(&b.map).is_empty());

    // A thought's channel is not a touchpoint channel.
    let (mut b, stages) = store_then_web();
    b.map.cards.retain(|c| c.channel != Channel::Store);
    let thought = b.thought;
    b.card_in(stages[0], thought, "Hmm", Channel::Store);
    assert!(Rule::ChannelDropped.check(&b.map).is_empty());

    // An empty next stage is empty-stage's business.
    let (mut b, stages) = store_then_web();
    b.map.cards.retain(|c| c.stage != stages[1]);
    assert!(Rule::ChannelDropped.check(&b.map).is_empty());
    assert_eq!(
        Rule::EmptyStage.check(&b.map)[0].place,
        Place::Stage(stages[1])
    );
}

#[test]
fn unknown_channels_make_no_channel_finding() {
    // A Mermaid-like journey: every touchpoint without a channel.
    let (mut b, _) = store_then_web();
    for card in &mut b.map.cards {
        std::sync::Arc::make_mut(card).channel = Channel::Unknown;
    }
    assert!(Rule::ChannelDropped.check(&b.map).is_empty());
    assert!(Rule::SingleChannelStage.check(&b.map).is_empty());
    // One known channel beside an unknown one: maybe a second channel.
    let mut b = Builder::new();
    let s = b.stage("Consideration");
    b.touch(s, "Product page", Channel::Website);
    b.touch(s, "Imported task", Channel::Unknown);
    assert!(Rule::SingleChannelStage.check(&b.map).is_empty());
}

// ---- single-channel-stage ----------------------------------------------

#[test]
fn single_channel_stage_names_the_stage_and_channel() {
    let (mut b, stages) = clean_journey();
    b.map
        .cards
        .retain(|c| !(c.stage == stages[3] && c.channel == Channel::Email));
    let found = Rule::SingleChannelStage.check(&b.map);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].place, Place::Stage(stages[3]));
    assert_eq!(found[0].channel, Some(Channel::Website));
}

#[test]
fn two_touchpoints_on_one_channel_plus_a_thought_elsewhere_is_still_single() {
    let (mut b, stages) = clean_journey();
    b.map
        .cards
        .retain(|c| !(c.stage == stages[3] && c.channel == Channel::Email));
    b.touch(stages[3], "Another page", Channel::Website);
    let thought = b.thought;
    b.card_in(stages[3], thought, "Is it safe?", Channel::Email);
    assert_eq!(Rule::SingleChannelStage.check(&b.map).len(), 1);
    // The near miss: a second channel among the touchpoints.
    b.touch(stages[3], "Receipt", Channel::Email);
    assert!(Rule::SingleChannelStage.check(&b.map).is_empty());
}

// ---- ends-at-purchase --------------------------------------------------

#[test]
fn ends_at_purchase_names_the_last_sale_stage() {
    let mut b = Builder::new();
    let a = b.stage("Discover");
    let c = b.stage("Compare offers");
    let p = b.stage("Checkout");
    for s in [a, c, p] {
        b.touches(s);
    }
    let found = Rule::EndsAtPurchase.check(&b.map);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].place, Place::Stage(p));
    assert_eq!(found[0].severity, Severity::Error);
}

#[test]
fn a_post_purchase_stage_or_a_non_sales_journey_does_not_end_at_purchase() {
    let mut b = Builder::new();
    let p = b.stage("Checkout");
    let u = b.stage("Unboxing");
    b.touches(p);
    b.touches(u);
    assert!(Rule::EndsAtPurchase.check(&b.map).is_empty());

    let mut b = Builder::new();
    let s = b.stage("Arrive at the clinic");
    b.touches(s);
    assert!(Rule::EndsAtPurchase.check(&b.map).is_empty());
}

#[test]
fn a_pre_purchase_stage_after_the_sale_does_not_carry_the_journey_on() {
    let mut b = Builder::new();
    let d = b.stage("Decision");
    let a = b.stage("Awareness");
    b.touches(d);
    b.touches(a);
    let found = Rule::EndsAtPurchase.check(&b.map);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].place, Place::Stage(d));
}

// ---- missing-owner / missing-metric ------------------------------------

#[test]
fn missing_owner_and_metric_are_one_finding_listing_the_touchpoints() {
    let (mut b, stages) = clean_journey();
    let card = b.touch(stages[4], "Loyalty app", Channel::App);
    let other = b.touch(stages[1], "Comparison app", Channel::App);
    for id in [card, other] {
        b.edit(id, |c| {
            c.owner = "  ".into();
            c.metric.clear();
        });
    }
    let lane = b.touch;
    for rule in [Rule::MissingOwner, Rule::MissingMetric] {
        let found = rule.check(&b.map);
        assert_eq!(found.len(), 1, "{rule}");
        assert_eq!(found[0].place, Place::Map);
        assert_eq!(found[0].key(), "map");
        assert_eq!(found[0].severity, Severity::Info);
        // In stage order, each one click away.
        let places: Vec<Place> = found[0].parts.iter().map(|p| p.place).collect();
        assert_eq!(
            places,
            vec![
                Place::Card {
                    card: other,
                    stage: stages[1],
                    lane
                },
                Place::Card {
                    card,
                    stage: stages[4],
                    lane
                },
            ]
        );
        assert!(
            found[0].message.starts_with("2 touchpoints have no")
                && found[0].message.contains("\"Loyalty app\" (Retention)"),
            "{}",
            found[0].message
        );
    }
}

#[test]
fn one_touchpoint_without_an_owner_reads_in_the_singular() {
    let (mut b, stages) = clean_journey();
    let card = b.touch(stages[4], "Loyalty app", Channel::App);
    b.edit(card, |c| c.owner.clear());
    let found = Rule::MissingOwner.check(&b.map);
    assert_eq!(
        found[0].message,
        "1 touchpoint has no owner: \"Loyalty app\" (Retention)."
    );
}

#[test]
fn cards_outside_touchpoint_lanes_need_no_owner_or_metric() {
    let (mut b, stages) = clean_journey();
    let lane = b.thought;
    let card = b.card_in(stages[4], lane, "Was it worth it?", Channel::Website);
    b.edit(card, |c| {
        c.owner.clear();
        c.metric.clear();
    });
    assert!(Rule::MissingOwner.check(&b.map).is_empty());
    assert!(Rule::MissingMetric.check(&b.map).is_empty());
}

// ---- unanswered-pain-point ---------------------------------------------

#[test]
fn unanswered_pain_point_names_the_card() {
    let (mut b, stages) = clean_journey();
    let lane = b.pain;
    let pain = b.card_in(stages[3], lane, "Forced sign-up", Channel::Website);
    // An opportunity in another stage does not answer it.
    let opp = b.opp;
    b.card_in(stages[2], opp, "Guest checkout", Channel::Website);
    let found = Rule::UnansweredPainPoint.check(&b.map);
    assert_eq!(found.len(), 1);
    assert!(matches!(found[0].place, Place::Card { card, .. } if card == pain));
    assert_eq!(found[0].severity, Severity::Warning);
}

#[test]
fn an_opportunity_in_the_same_stage_answers_the_pain() {
    let (mut b, stages) = clean_journey();
    let (pain, opp) = (b.pain, b.opp);
    b.card_in(stages[3], pain, "Forced sign-up", Channel::Website);
    b.card_in(stages[3], opp, "Guest checkout", Channel::Website);
    assert!(Rule::UnansweredPainPoint.check(&b.map).is_empty());
}

// ---- anxious-decision --------------------------------------------------

#[test]
fn anxious_decision_names_the_stage() {
    let mut b = Builder::new();
    let d = b.stage("Choose a plan");
    b.touches(d);
    b.feel(d, -1);
    let found = Rule::AnxiousDecision.check(&b.map);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].place, Place::Stage(d));
    assert!(found[0].message.contains("-1"), "{}", found[0].message);
}

#[test]
fn reassurance_or_a_non_decision_stage_calms_the_anxiety() {
    for title in [
        "Customer reviews",
        "30-day money-back guarantee",
        "Free returns",
        "Live chat",
        "Trust badges",
    ] {
        let mut b = Builder::new();
        let d = b.stage("Decision");
        b.touches(d);
        b.feel(d, -1);
        // The reassurance itself feels fine (+1); the stage stays negative.
        b.touch(d, title, Channel::Website);
        assert!(Rule::AnxiousDecision.check(&b.map).is_empty(), "{title}");
    }
    // Negative, unreassured, but not a decision or purchase stage.
    let mut b = Builder::new();
    let s = b.stage("Research");
    b.touches(s);
    b.feel(s, -2);
    assert!(Rule::AnxiousDecision.check(&b.map).is_empty());
    // A decision stage by explicit role, whatever its name.
    b.map.stages[0].role = Some(StageRole::Decision);
    assert_eq!(Rule::AnxiousDecision.check(&b.map).len(), 1);
}

#[test]
fn reassurance_that_feels_bad_does_not_reassure() {
    let mut b = Builder::new();
    let d = b.stage("Decision");
    b.touches(d);
    // A review page that leaves the customer skeptical.
    let reviews = b.touch(d, "Customer reviews", Channel::Website);
    b.feel(d, -1);
    let found = Rule::AnxiousDecision.check(&b.map);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].place, Place::Stage(d));
    // The near miss: reviews that do reassure.
    b.edit(reviews, |c| c.emotion = Some(Emotion::new(1, "reassured")));
    assert!(Rule::AnxiousDecision.check(&b.map).is_empty());
}

// ---- persona-gap -------------------------------------------------------

#[test]
fn persona_gap_is_one_finding_per_persona_listing_the_stages() {
    let (mut b, stages) = clean_journey();
    let maya = b.persona("Maya");
    let tom = b.persona("Tom");
    // Every touchpoint of Consideration and Retention is for Maya only.
    for card in &mut b.map.cards {
        if card.stage == stages[1] || card.stage == stages[4] {
            std::sync::Arc::make_mut(card).personas = vec![maya];
        }
    }
    let found = Rule::PersonaGap.check(&b.map);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(found[0].place, Place::Persona(tom));
    assert_eq!(found[0].names.persona.as_deref(), Some("Tom"));
    assert_eq!(found[0].key(), format!("persona:{tom}"));
    let places: Vec<Place> = found[0].parts.iter().map(|p| p.place).collect();
    assert_eq!(
        places,
        vec![Place::Stage(stages[1]), Place::Stage(stages[4])]
    );
    assert_eq!(
        found[0].message,
        "Persona \"Tom\" has no touchpoint in 2 stages: \"Consideration\", \"Retention\"."
    );
}

#[test]
fn a_card_for_everyone_or_for_the_persona_closes_the_gap() {
    let (mut b, stages) = clean_journey();
    let maya = b.persona("Maya");
    let tom = b.persona("Tom");
    for card in &mut b.map.cards {
        if card.stage == stages[4] {
            std::sync::Arc::make_mut(card).personas = vec![maya];
        }
    }
    let card = b.touch(stages[4], "Store visit", Channel::Store);
    b.edit(card, |c| c.personas = vec![tom]);
    assert!(Rule::PersonaGap.check(&b.map).is_empty());
}

// ---- stage-order -------------------------------------------------------

#[test]
fn stage_order_names_the_early_stage_and_the_one_it_should_follow() {
    let mut b = Builder::new();
    let a = b.stage("Awareness");
    let r = b.stage("Loyalty");
    let p = b.stage("Buy");
    for s in [a, r, p] {
        b.touches(s);
    }
    let found = Rule::StageOrder.check(&b.map);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].place, Place::Stages(r, p));
    assert!(
        found[0]
            .message
            .starts_with("\"Loyalty\" (Retention) comes before \"Buy\"")
    );
}

#[test]
fn repeated_roles_unknown_names_and_explicit_roles_keep_order() {
    let mut b = Builder::new();
    let names = [
        "Discover",
        "Research",
        "Compare",
        "Team offsite",
        "Checkout",
        "Use",
    ];
    for n in names {
        let s = b.stage(n);
        b.touches(s);
    }
    assert!(Rule::StageOrder.check(&b.map).is_empty());
    // An explicit role overrides the name.
    let s = b.stage_with_role("Awareness", StageRole::Advocacy);
    b.touches(s);
    assert!(Rule::StageOrder.check(&b.map).is_empty());
}

// ---- roles -------------------------------------------------------------

#[test]
fn roles_are_recognised_from_names_and_synonyms_in_any_case() {
    let cases = [
        ("AWARENESS", Some(StageRole::Awareness)),
        ("Discovery", Some(StageRole::Awareness)),
        ("research & compare", Some(StageRole::Consideration)),
        ("Decide", Some(StageRole::Decision)),
        ("Check-out", Some(StageRole::Purchase)),
        ("Post-purchase support", Some(StageRole::Retention)),
        ("Onboarding", Some(StageRole::Retention)),
        ("Loyalty", Some(StageRole::Retention)),
        ("Word of mouth", Some(StageRole::Advocacy)),
        ("Refer a friend", Some(StageRole::Advocacy)),
        ("Team offsite", None),
        ("", None),
    ];
    for (name, role) in cases {
        assert_eq!(recognise_role(name), role, "{name}");
    }
}

// ---- robustness --------------------------------------------------------

#[test]
fn nothing_panics_on_odd_maps() {
    // No stages, no lanes.
    assert!(analyze(&waymark::model::Map::new("")).findings.is_empty());
    // A blank map: every stage empty, nothing else said about them.
    let blank = analyze(&waymark::model::Map::blank());
    assert!(blank.findings.iter().all(|f| f.rule == Rule::EmptyStage));
    assert_eq!(blank.findings.len(), 6);
    // Cards pointing nowhere, a persona id that does not exist.
    let (mut b, stages) = clean_journey();
    let card = b.touch(stages[0], "Ghost", Channel::Website);
    b.edit(card, |c| {
        c.stage = waymark::model::StageId(9999);
        c.lane = waymark::model::LaneId(9998);
    });
    let other = b.touch(stages[1], "Stray", Channel::Website);
    b.edit(other, |c| {
        c.personas = vec![waymark::model::PersonaId(9997)]
    });
    let _ = analyze(&b.map);
}
