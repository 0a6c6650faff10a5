//! The analysis panel on its own, driven headlessly with egui_kittest.

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use waymark::analysis::{Analysis, Rule, analyze};
use waymark::interchange::sample::sample_map;
use waymark::model::Map;
use waymark::ui::analysis_panel::{AnalysisPanel, PanelAction, summary_text};

struct State {
    panel: AnalysisPanel,
    map: Map,
    analysis: Analysis,
    actions: Vec<PanelAction>,
}

fn harness(map: Map) -> Harness<'static, State> {
    let analysis = analyze(&map);
    let state = State {
        panel: AnalysisPanel::new(),
        map,
        analysis,
        actions: Vec::new(),
    };
    Harness::builder()
        .with_size(egui::vec2(420.0, 1400.0))
        .build_ui_state(
            |ui, state: &mut State| {
                if let Some(action) = state.panel.ui(ui, &state.map, &state.analysis) {
                    state.actions.push(action);
                }
            },
            state,
        )
}

/// The sample with two empty stages added: errors to sort before the
/// sample's warning and info.
fn with_gaps() -> Map {
    let mut map = sample_map();
    for name in ["Team offsite", "Backlog"] {
        let id = map.new_stage_id();
        map.stages.push(waymark::model::Stage::new(id, name));
    }
    map
}

#[test]
fn clicking_a_finding_locates_its_place() {
    let mut harness = harness(with_gaps());
    harness.run();
    let target = harness.state().analysis.findings[0].clone();
    assert_eq!(target.rule, Rule::EmptyStage);
    harness.get_by_label(&target.message).click();
    harness.run();
    assert_eq!(
        harness.state().actions,
        vec![PanelAction::Locate(target.place)]
    );

    // An aggregated finding locates its first card, and lists every card,
    // each one click away.
    let owner = harness
        .state()
        .analysis
        .findings
        .iter()
        .find(|f| f.rule == Rule::MissingOwner)
        .cloned()
        .expect("the sample has a card without an owner");
    harness.get_by_label(&owner.message).click();
    harness.run();
    assert_eq!(
        harness.state().actions.last(),
        Some(&PanelAction::Locate(owner.parts[0].place))
    );
    // The second aggregated finding's list (assumed-low-point's is first).
    harness
        .get_all_by_label("Show 1 card")
        .nth(1)
        .expect("missing-owner lists its card")
        .click();
    harness.run();
    harness.get_by_label(&owner.parts[0].name).click();
    harness.run();
    assert_eq!(harness.state().actions.len(), 3);
    assert_eq!(
        harness.state().actions.last(),
        Some(&PanelAction::Locate(owner.parts[0].place))
    );
}

#[test]
fn errors_come_first_then_warnings_then_info() {
    let mut harness = harness(with_gaps());
    harness.run();
    let findings = harness.state().analysis.findings.clone();
    let tops: Vec<f32> = findings
        .iter()
        .map(|f| harness.get_by_label(&f.message).rect().top())
        .collect();
    assert!(tops.windows(2).all(|w| w[0] < w[1]), "{tops:?}");
    let severities: Vec<_> = findings.iter().map(|f| f.severity.id()).collect();
    assert_eq!(severities, ["error", "error", "warning", "info"]);
}

#[test]
fn severity_counters_are_filter_toggles_with_plurals() {
    let mut harness = harness(with_gaps());
    harness.run();
    let info = harness
        .state()
        .analysis
        .findings
        .iter()
        .find(|f| f.rule == Rule::MissingOwner)
        .cloned()
        .expect("an info finding");
    // "2 errors", "1 warning", "1 info": plurals right.
    harness.get_by_label("2 errors");
    harness.get_by_label("1 warning");
    harness.get_by_label("1 info").click();
    harness.run();
    assert!(harness.query_by_label(&info.message).is_none());
    assert!(
        !harness
            .state()
            .panel
            .shows(waymark::analysis::Severity::Info)
    );
    harness.get_by_label("1 info").click();
    harness.run();
    harness.get_by_label(&info.message);
}

#[test]
fn grouping_by_stage_is_an_option() {
    let mut harness = harness(with_gaps());
    harness.run();
    let first = harness.state().analysis.findings[0].clone();
    let summary = summary_text(&harness.state().analysis.summaries[0]);
    // The flat list names each finding's place: both map-wide ones say so.
    assert_eq!(harness.get_all_by_label("Whole map").count(), 2);
    assert!(harness.query_by_label(&summary).is_none());
    harness.get_by_label("Group by stage").click();
    harness.run();
    assert!(harness.state().panel.grouped_by_stage());
    // One "Whole map" section, first; the empty stages' errors under their
    // stages, after the sample's six, each stage with its summary.
    let whole = harness.get_by_label("Whole map").rect().top();
    let error = harness.get_by_label(&first.message).rect().top();
    let awareness = harness.get_by_label(&summary).rect().top();
    assert!(whole < awareness && awareness < error);
}

#[test]
fn dismiss_asks_the_app_for_a_reason_and_restore_returns_the_command() {
    let mut harness = harness(sample_map());
    harness.run();
    let first = harness.state().analysis.findings[0].clone();
    // The first Dismiss button belongs to the first finding.
    harness
        .get_all_by_label("Dismiss")
        .next()
        .expect("a Dismiss button")
        .click();
    harness.run();
    assert_eq!(
        harness.state().actions.last(),
        Some(&PanelAction::AskDismiss {
            rule: first.rule,
            key: first.key(),
            message: first.message.clone(),
        })
    );
    let action = PanelAction::Dismiss {
        rule: first.rule,
        key: first.key(),
        reason: "referrals have no owner".into(),
    };

    // Applied by the app, the finding moves to the dismissed section.
    let mut map = harness.state().map.clone();
    action
        .command()
        .expect("a command")
        .apply(&mut map)
        .expect("applies");
    let mut harness = self::harness(map);
    harness.run();
    harness.get_by_label("Dismissed (1)").click();
    harness.run();
    harness.get_by_label("Restore").click();
    harness.run();
    assert_eq!(
        harness.state().actions,
        vec![PanelAction::Restore {
            rule: first.rule,
            key: first.key()
        }]
    );
}

#[test]
fn every_stage_shows_its_summary_when_grouped() {
    let mut harness = harness(sample_map());
    harness.run();
    harness.get_by_label("Group by stage").click();
    harness.run();
    let summaries = harness.state().analysis.summaries.clone();
    assert_eq!(
        summary_text(&summaries[2]),
        "3 touchpoints \u{b7} Website, Store, Phone / support \u{b7} emotion +0.2"
    );
    for summary in &summaries {
        harness.get_by_label(&summary_text(summary));
    }
}
