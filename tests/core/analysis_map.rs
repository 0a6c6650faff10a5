//! Whole-map analysis: the sample's findings, ordering, dismissals,
//! summaries and canvas gaps.

use crate::common;

use common::clean_journey;
use waymark::analysis::{Place, Rule, Severity, analyze, stage_gaps};
use waymark::edit::Command;
use waymark::interchange::sample::sample_map;
use waymark::model::{Channel, Dismissal};

/// (rule, stage names, card title or channel) for each active finding.
fn describe(map: &waymark::model::Map) -> Vec<(String, String, String)> {
    analyze(map)
        .findings
        .iter()
        .map(|f| {
            let subject = f
                .names
                .card
                .clone()
                .or_else(|| f.channel.as_ref().map(|c| c.label().to_owned()))
                .unwrap_or_default();
            (f.rule.id().to_owned(), f.names.stages.join(" > "), subject)
        })
        .collect()
}

/// The sample's findings, read and defended (see the closing note of
/// issue 11): one stage's low point is still only the workshop's belief,
/// and word of mouth has no owner. The sample names no channel break: where
/// its main channels end, an email or a booking hands the customer over.
#[test]
fn the_sample_map_has_two_findings_worth_reading() {
    let map = sample_map();
    let analysis = analyze(&map);
    let got: Vec<(&str, Vec<&str>)> = analysis
        .findings
        .iter()
        .map(|f| {
            (
                f.rule.id(),
                f.parts.iter().map(|p| p.name.as_str()).collect(),
            )
        })
        .collect();
    assert_eq!(
        got,
        vec![
            (
                "assumed-low-point",
                vec!["\"Are my old boots the reason my feet hurt?\" (Awareness)"]
            ),
            (
                "missing-owner",
                vec!["\"Friend's recommendation\" (Awareness)"]
            ),
        ]
    );
    assert_eq!(analysis.worst(), Some(Severity::Warning));
    assert!(
        describe(&map)
            .iter()
            .all(|(rule, ..)| rule != "channel-dropped")
    );
}

#[test]
fn the_sample_summaries_count_touchpoints_channels_and_emotion() {
    let map = sample_map();
    let analysis = analyze(&map);
    assert_eq!(analysis.summaries.len(), map.stages.len());
    let decision = &analysis.summaries[2];
    assert_eq!(decision.name, "Decision");
    assert_eq!(decision.touchpoints, 3);
    assert_eq!(
        decision.channels,
        vec![Channel::Website, Channel::Store, Channel::Phone]
    );
    let expected = map.stage_emotion(&map.stages[2]);
    assert_eq!(decision.emotion, expected);
    // The summary agrees with the model's own stage emotions everywhere.
    let model: Vec<Option<f32>> = map.stage_emotions();
    let ours: Vec<Option<f32>> = analysis.summaries.iter().map(|s| s.emotion).collect();
    assert_eq!(ours, model);
}

#[test]
fn findings_are_ordered_by_severity_then_place() {
    let (mut b, stages) = clean_journey();
    // At Purchase: an info (touchpoint without owner), then a warning (a
    // pain point with no opportunity); after it an empty stage (error).
    let card = b.touch(stages[3], "Receipt", Channel::Email);
    b.edit(card, |c| c.owner.clear());
    let lane = b.pain;
    b.card_in(stages[3], lane, "Slow payment", Channel::Website);
    let extra = b.stage("Team offsite");
    let analysis = analyze(&b.map);
    let got: Vec<(Rule, Place)> = analysis
        .findings
        .iter()
        .map(|f| (f.rule, f.place))
        .collect();
    assert_eq!(got[0], (Rule::EmptyStage, Place::Stage(extra)));
    assert_eq!(got[1].0, Rule::UnansweredPainPoint);
    assert_eq!(got[2], (Rule::MissingOwner, Place::Map));
    assert_eq!(got.len(), 3);
}

#[test]
fn dismissed_findings_move_to_their_own_list_with_the_reason() {
    let mut map = sample_map();
    let before = analyze(&map);
    let target = before.findings[1].clone();
    assert_eq!(target.rule, Rule::MissingOwner);
    Command::Dismiss(Dismissal {
        rule: target.rule.id().to_owned(),
        place: target.key(),
        reason: "Word of mouth has no owner".into(),
    })
    .apply(&mut map)
    .expect("dismiss applies");
    let after = analyze(&map);
    assert_eq!(after.findings.len(), before.findings.len() - 1);
    assert!(!after.findings.contains(&target));
    assert_eq!(after.dismissed.len(), 1);
    assert_eq!(after.dismissed[0].finding, target);
    assert_eq!(after.dismissed[0].reason, "Word of mouth has no owner");

    // A dismissal of one dropped channel leaves the others of that pair:
    // a stage in the store and the app alike, then only on the website.
    let (mut b, _) = clean_journey();
    b.map.cards.retain(|c| c.channel != Channel::Email);
    let (a, c) = (b.stage("Try on"), b.stage("Pay online"));
    b.touch(a, "Fitting", Channel::Store);
    b.touch(a, "Fit scan", Channel::App);
    b.touch(c, "Payment page", Channel::Website);
    let pair: Vec<_> = analyze(&b.map)
        .findings
        .into_iter()
        .filter(|f| f.rule == Rule::ChannelDropped && f.place == Place::Stages(a, c))
        .collect();
    assert_eq!(pair.len(), 2, "{pair:#?}");
    b.map.dismissals.push(Dismissal {
        rule: "channel-dropped".into(),
        place: pair[0].key(),
        reason: String::new(),
    });
    let after2 = analyze(&b.map);
    assert_eq!(after2.dismissed.len(), 1);
    assert!(after2.findings.contains(&pair[1]));
    assert!(!after2.findings.contains(&pair[0]));

    // Undismissing brings it back.
    Command::Undismiss {
        rule: target.rule.id().to_owned(),
        place: target.key(),
    }
    .apply(&mut map)
    .expect("undismiss applies");
    assert!(analyze(&map).findings.contains(&target));
}

#[test]
fn a_dismissal_for_another_rule_on_the_same_place_does_not_hide_it() {
    let mut map = sample_map();
    let target = analyze(&map).findings[1].clone();
    map.dismissals.push(Dismissal {
        rule: "missing-metric".into(),
        place: target.key(),
        reason: String::new(),
    });
    assert!(analyze(&map).findings.contains(&target));
}

#[test]
fn stage_gaps_mark_boundaries_with_their_worst_severity() {
    let (mut b, stages) = clean_journey();
    // Purchase: the website only, no email to hand anyone over.
    b.map
        .cards
        .retain(|c| !(c.stage == stages[3] && c.channel == Channel::Email));
    b.feel(stages[3], -1); // emotion drop Decision > Purchase
    b.touch(stages[2], "Store visit", Channel::Store); // Store dropped there too
    let analysis = analyze(&b.map);
    let gaps = stage_gaps(&analysis, Severity::Info);
    assert_eq!(gaps.len(), 1, "{gaps:#?}");
    assert_eq!((gaps[0].from, gaps[0].to), (stages[2], stages[3]));
    assert_eq!(gaps[0].severity, Severity::Warning);
    assert_eq!(gaps[0].text.lines().count(), 2);
    // The sample has no boundary finding at all.
    assert!(stage_gaps(&analyze(&sample_map()), Severity::Info).is_empty());
}

#[test]
fn every_rule_has_a_unique_kebab_case_id_that_round_trips() {
    let mut seen = std::collections::HashSet::new();
    for rule in Rule::ALL {
        let id = rule.id();
        assert!(
            id.chars().all(|c| c.is_ascii_lowercase() || c == '-'),
            "{id}"
        );
        assert!(seen.insert(id));
        assert_eq!(Rule::from_id(id), Some(rule));
    }
    assert_eq!(Rule::from_id("no-such-rule"), None);
}
