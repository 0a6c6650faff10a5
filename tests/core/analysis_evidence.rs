//! Evidence on cards (RON round trip, old files), the assumed-low-point
//! rule, imports that invent no channel, and analysis that stays linear
//! on a hostile map.

use crate::common;

use std::sync::Arc;

use common::{Builder, clean_journey};
use waymark::analysis::{Place, Rule, Severity, analyze};
use waymark::format;
use waymark::interchange::mermaid;
use waymark::model::generated::one_actor_per_section;
use waymark::model::{Channel, Emotion, Evidence};

// ---- evidence in the file ------------------------------------------------

#[test]
fn evidence_round_trips_through_ron() {
    let (mut b, stages) = clean_journey();
    let card = b.touch(stages[3], "Checkout", Channel::Website);
    b.edit(card, |c| {
        c.evidence = Evidence::Measured;
        c.source = "https://example.org/funnel?q=\"checkout\"".into();
    });
    let text = format::to_string(&b.map);
    assert!(text.contains("evidence: Measured"), "{text}");
    let back = format::from_str(&text, "map.ron").expect("loads");
    assert_eq!(back, b.map);
}

#[test]
fn files_from_before_evidence_load_as_assumed_with_no_channel_missing() {
    // A card as version 1 files wrote it, before evidence existed; and one
    // written by hand without a channel.
    let text = r#"(
    format: "waymark",
    version: 1,
    map: (
        title: "Old",
        stages: [(id: 1, name: "Buy")],
        lanes: [(id: 2, name: "Touchpoints", kind: Touchpoints)],
        cards: [
            (id: 3, stage: 1, lane: 2, title: "Checkout", channel: Website),
            (id: 4, stage: 1, lane: 2, title: "Receipt"),
        ],
        next_id: 5,
    ),
)"#;
    let map = format::from_str(text, "old.ron").expect("old files still load");
    assert_eq!(map.cards[0].evidence, Evidence::Assumed);
    assert_eq!(map.cards[0].source, "");
    assert_eq!(map.cards[0].channel, Channel::Website);
    assert_eq!(map.cards[1].channel, Channel::Unknown);
}

// ---- assumed-low-point ---------------------------------------------------

#[test]
fn assumed_low_point_lists_each_stage_whose_low_is_only_assumed() {
    let (mut b, stages) = clean_journey();
    let pain = b.pain;
    let fees = b.card_in(stages[3], pain, "Hidden fees", Channel::Website);
    let wait = b.card_in(stages[4], pain, "Slow delivery", Channel::Website);
    b.edit(fees, |c| c.emotion = Some(Emotion::new(-2, "annoyed")));
    b.edit(wait, |c| c.emotion = Some(Emotion::new(-1, "impatient")));
    let found = Rule::AssumedLowPoint.check(&b.map);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(found[0].severity, Severity::Warning);
    assert_eq!(found[0].place, Place::Map);
    let parts: Vec<Place> = found[0].parts.iter().map(|p| p.place).collect();
    assert_eq!(
        parts,
        vec![
            Place::Card {
                card: fees,
                stage: stages[3],
                lane: pain
            },
            Place::Card {
                card: wait,
                stage: stages[4],
                lane: pain
            },
        ]
    );
    assert!(
        found[0]
            .message
            .starts_with("The lowest points of 2 stages rest only on assumptions"),
        "{}",
        found[0].message
    );
}

#[test]
fn an_observed_card_at_the_low_or_no_negative_low_is_fine() {
    let (mut b, stages) = clean_journey();
    let (pain, thought) = (b.pain, b.thought);
    let fees = b.card_in(stages[3], pain, "Hidden fees", Channel::Website);
    let worry = b.card_in(stages[3], thought, "Is it safe?", Channel::Website);
    for id in [fees, worry] {
        b.edit(id, |c| c.emotion = Some(Emotion::new(-2, "")));
    }
    assert_eq!(Rule::AssumedLowPoint.check(&b.map).len(), 1);
    // One card at the low is observed: the low rests on evidence.
    b.edit(fees, |c| c.evidence = Evidence::Observed);
    assert!(Rule::AssumedLowPoint.check(&b.map).is_empty());
    // A lower assumed card elsewhere in the stage would be the new low,
    // but a higher one is not.
    let (mut b, _) = clean_journey();
    // The clean journey's lows are all +1: nothing negative to check.
    assert!(Rule::AssumedLowPoint.check(&b.map).is_empty());
    b.map.stages[0].emotion = Some(Emotion::new(-2, "stage's own"));
    assert!(
        Rule::AssumedLowPoint.check(&b.map).is_empty(),
        "only cards carry evidence"
    );
}

// ---- imports invent nothing ----------------------------------------------

#[test]
fn a_mermaid_journey_without_channels_gets_no_channel_finding() {
    let text = "journey
    title Going out
    section Plan
      Pick a film: 4: Me
      Ask a friend: 3: Me, Sam
    section Travel
      Take the bus: 2: Me
      Walk in the rain: 1: Me
    section Watch
      Buy popcorn: 3: Sam
      Watch the film: 5: Me, Sam
";
    let map = mermaid::from_str(text).expect("parses");
    assert!(map.cards.iter().all(|c| c.channel == Channel::Unknown));
    let analysis = analyze(&map);
    let channel_rules: Vec<_> = analysis
        .findings
        .iter()
        .filter(|f| matches!(f.rule, Rule::ChannelDropped | Rule::SingleChannelStage))
        .collect();
    assert!(channel_rules.is_empty(), "{channel_rules:#?}");
    // The near miss: the same journey with one channel everywhere speaks.
    let mut known = map.clone();
    for card in &mut known.cards {
        Arc::make_mut(card).channel = Channel::Website;
    }
    assert_eq!(Rule::SingleChannelStage.check(&known).len(), 3);
}

// ---- linear on hostile maps ----------------------------------------------

#[test]
fn findings_stay_linear_on_thousands_of_sections_and_actors() {
    let n = 3_000;
    let analysis = analyze(&one_actor_per_section(n));
    // One persona-gap finding per persona, not one per (persona, stage).
    let gaps: Vec<_> = analysis
        .findings
        .iter()
        .filter(|f| f.rule == Rule::PersonaGap)
        .collect();
    assert_eq!(gaps.len(), n);
    assert!(
        gaps[0].message.starts_with(&format!(
            "Persona \"Actor 0\" has no touchpoint in {} stages",
            n - 1
        )),
        "{}",
        gaps[0].message
    );
    // Every finding is bounded: at most a hundred parts, a short message.
    assert!(analysis.findings.iter().all(|f| f.parts.len() <= 100));
    assert!(analysis.findings.iter().all(|f| f.message.len() < 400));
    let parts: usize = analysis.findings.iter().map(|f| f.parts.len()).sum();
    assert!(parts <= 102 * n, "{parts} parts");
    // Aggregated rules give one finding for the whole map.
    let per_rule = |rule| analysis.findings.iter().filter(|f| f.rule == rule).count();
    assert_eq!(per_rule(Rule::MissingOwner), 1);
    assert_eq!(per_rule(Rule::MissingMetric), 1);
    assert_eq!(per_rule(Rule::AssumedLowPoint), 1);
}

#[test]
fn a_persona_missing_a_few_of_many_stages_lists_exactly_those() {
    let mut b = Builder::new();
    let maya = b.persona("Maya");
    let tom = b.persona("Tom");
    let stages: Vec<_> = (0..500).map(|i| b.stage(&format!("Step {i}"))).collect();
    for (i, &s) in stages.iter().enumerate() {
        let card = b.touch(s, "Page", Channel::Website);
        let for_tom = i % 100 != 7;
        b.edit(card, |c| {
            c.personas = if for_tom { vec![maya, tom] } else { vec![maya] }
        });
    }
    let found = Rule::PersonaGap.check(&b.map);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(found[0].place, Place::Persona(tom));
    let listed: Vec<Place> = found[0].parts.iter().map(|p| p.place).collect();
    let want: Vec<Place> = [7, 107, 207, 307, 407]
        .iter()
        .map(|&i| Place::Stage(stages[i]))
        .collect();
    assert_eq!(listed, want);
}
