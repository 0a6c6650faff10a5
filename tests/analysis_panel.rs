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

#[test]
fn clicking_a_finding_locates_its_place() {
    let mut harness = harness(sample_map());
    harness.run();
    let target = harness.state().analysis.findings[3].clone();
    assert_eq!(target.rule, Rule::ChannelDropped);
    harness.get_by_label(&target.message).click();
    harness.run();
    assert_eq!(
        harness.state().actions,
        vec![PanelAction::Locate(target.place)]
    );

    // A card finding locates its card.
    let card = harness.state().analysis.findings[0].clone();
    harness.get_by_label(&card.message).click();
    harness.run();
    assert_eq!(
        harness.state().actions.last(),
        Some(&PanelAction::Locate(card.place))
    );
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
fn every_stage_shows_its_summary() {
    let mut harness = harness(sample_map());
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
