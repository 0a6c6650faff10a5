//! Whole-map analysis: the sample's findings, ordering, dismissals,
//! summaries and canvas gaps.

mod common;

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

#[test]
fn the_sample_map_has_a_few_findings_and_no_errors_or_warnings() {
    let map = sample_map();
    let got = describe(&map);
    let want: Vec<(String, String, String)> = [
        ("missing-owner", "Awareness", "Friend's recommendation"),
        ("channel-dropped", "Awareness > Consideration", "Social"),
        ("channel-dropped", "Consideration > Decision", "Review site"),
        ("channel-dropped", "Consideration > Decision", "Email"),
        ("channel-dropped", "Decision > Purchase", "Phone / support"),
        ("channel-dropped", "Purchase > Retention", "Website"),
        ("channel-dropped", "Purchase > Retention", "Store"),
        ("channel-dropped", "Retention > Advocacy", "Parcel"),
    ]
    .iter()
    .map(|(a, b, c)| (a.to_string(), b.to_string(), c.to_string()))
    .collect();
    assert_eq!(got, want);
    let analysis = analyze(&map);
    assert_eq!(analysis.worst(), Some(Severity::Info));
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
fn findings_are_ordered_by_stage_then_severity() {
    let (mut b, stages) = clean_journey();
    // At Purchase: an info (touchpoint without owner), then a warning (a
    // pain point with no opportunity); after it an empty stage (error).
    let card = b.touch(stages[3], "Receipt", Channel::Email);
    b.edit(card, |c| c.owner.clear());
    let lane = b.pain;
    b.card_in(stages[3], lane, "Slow payment", Channel::Website);
    let extra = b.stage("Team offsite");
    let analysis = analyze(&b.map);
    let got: Vec<(Rule, Vec<String>)> = analysis
        .findings
        .iter()
        .map(|f| (f.rule, f.names.stages.clone()))
        .collect();
    let purchase = vec!["Purchase".to_owned()];
    assert_eq!(
        got,
        vec![
            (Rule::UnansweredPainPoint, purchase.clone()),
            (Rule::MissingOwner, purchase),
            (Rule::EmptyStage, vec!["Team offsite".to_owned()]),
        ]
    );
    assert_eq!(analysis.findings[2].place, Place::Stage(extra));
}

#[test]
fn dismissed_findings_move_to_their_own_list_with_the_reason() {
    let mut map = sample_map();
    let before = analyze(&map);
    let target = before.findings[0].clone();
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

    // A dismissal of one dropped channel leaves the others of that pair.
    let dropped = after
        .findings
        .iter()
        .find(|f| f.rule == Rule::ChannelDropped && f.names.stages[0] == "Consideration")
        .cloned()
        .expect("a dropped channel after Consideration");
    Command::Dismiss(Dismissal {
        rule: "channel-dropped".into(),
        place: dropped.key(),
        reason: String::new(),
    })
    .apply(&mut map)
    .expect("dismiss applies");
    let after2 = analyze(&map);
    assert_eq!(after2.dismissed.len(), 2);
    assert!(
        after2
            .findings
            .iter()
            .any(|f| f.rule == Rule::ChannelDropped
                && f.place == dropped.place
                && f.channel != dropped.channel)
    );

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
    let target = analyze(&map).findings[0].clone();
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
    b.feel(stages[3], -1); // emotion drop Decision > Purchase
    b.touch(stages[2], "Store visit", Channel::Store); // Store dropped there too
    let analysis = analyze(&b.map);
    let gaps = stage_gaps(&analysis, Severity::Info);
    assert_eq!(gaps.len(), 1, "{gaps:#?}");
    assert_eq!((gaps[0].from, gaps[0].to), (stages[2], stages[3]));
    assert_eq!(gaps[0].severity, Severity::Warning);
    assert_eq!(gaps[0].text.lines().count(), 2);
    // Above info, the channel hand-overs of the sample leave no mark.
    assert!(stage_gaps(&analyze(&sample_map()), Severity::Warning).is_empty());
    assert_eq!(stage_gaps(&analyze(&sample_map()), Severity::Info).len(), 5);
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
