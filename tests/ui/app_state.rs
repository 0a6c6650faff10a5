//! The app layer around the core, driven as a user would through
//! egui_kittest: state that never goes stale after Open, dialogs that own
//! the keyboard, saves that honour the extension, exports that report
//! failure, and keyboard zoom that zooms the map.

use crate::common;

use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;

use waymark::analysis::analyze;
use waymark::app::WaymarkApp;

use common::app::{editor, map, show_an_error_dialog};
use waymark::app::dialogs::{Picked, ScriptedDialogs};
use waymark::edit::Document;
use waymark::interchange::sample::sample_map;
use waymark::interchange::templates;
use waymark::model::{Card, LaneKind, Map};

/// Makes the sample dirty with a change that is easy to see: a new stage.
fn dirty(h: &mut Harness<'_, WaymarkApp>) {
    h.get_by_label("+ Stage").click();
    h.run();
    h.key_press(Key::Enter);
    h.run();
    assert!(h.state().document().is_dirty());
}

fn open_first_template(h: &mut Harness<'_, WaymarkApp>) -> Map {
    h.get_by_label("File").click();
    h.run();
    h.get_by_label("New from Template").hover();
    h.run();
    let first = &templates::all()[0];
    h.get_by_label(first.name).click();
    h.run();
    templates::load(first)
}

#[test]
fn opening_a_template_after_the_sample_shows_the_templates_findings_only() {
    let dialogs = ScriptedDialogs::default();
    let mut h = editor(Document::new(sample_map()), &dialogs);
    let sample_findings = analyze(&sample_map()).findings.len();
    h.get_by_label(&format!("Analysis ({sample_findings})"));
    // Select a stage of the sample, so a stale selection would show.
    h.get_by_label("Stage Awareness").click();
    h.run();
    let template = open_first_template(&mut h);
    assert_eq!(map(&h), template);
    let expected = analyze(&template);
    assert_eq!(h.state_mut().current_analysis(), &expected);
    h.get_by_label(&format!("Analysis ({})", expected.findings.len()));
    assert!(
        h.query_by_label_contains("(removed stage)").is_none(),
        "the sample's findings are still listed"
    );
    assert!(h.state().view_state().selection.is_empty());
}

#[test]
fn keys_do_not_reach_the_map_behind_save_changes() {
    let dir = tempfile::tempdir().unwrap();
    let dialogs = ScriptedDialogs::default();
    let mut h = editor(Document::new(sample_map()), &dialogs);
    dirty(&mut h);
    let before = map(&h);
    h.key_press_modifiers(Modifiers::COMMAND, Key::N);
    h.run();
    h.get_by_label("Save changes?");
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.run();
    h.key_press(Key::Delete);
    h.run();
    assert_eq!(map(&h), before, "keys behind the dialog changed the map");
    assert!(h.state().view_state().selection.cards.is_empty());

    // Esc cancels.
    h.key_press(Key::Escape);
    h.run();
    assert!(h.query_by_label("Save changes?").is_none());
    assert_eq!(map(&h), before);

    // Enter is the default button: Save, then go on to the new map.
    let path = dir.path().join("saved.ron");
    dialogs.push(Picked::Path(path.clone()));
    h.key_press_modifiers(Modifiers::COMMAND, Key::N);
    h.run();
    h.key_press(Key::Enter);
    h.run();
    assert_eq!(waymark::format::load(&path).ok(), Some(before));
    assert_eq!(map(&h), Map::blank());
}

#[test]
fn the_typed_path_dialog_has_the_focus_enter_confirms_and_esc_cancels() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("typed.ron");
    let dialogs = ScriptedDialogs::default();
    dialogs.push(Picked::Unavailable);
    let mut h = editor(Document::new(sample_map()), &dialogs);
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run();
    // The prefilled path is selected: typing replaces it.
    h.get_by_label("Path")
        .type_text(&path.display().to_string());
    h.run();
    h.key_press(Key::Enter);
    h.run();
    assert_eq!(waymark::format::load(&path).ok(), Some(sample_map()));
    assert!(h.query_by_label("Path").is_none());

    // Esc cancels and writes nothing.
    let other = dir.path().join("other.ron");
    dialogs.push(Picked::Unavailable);
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::S);
    h.run();
    h.get_by_label("Path")
        .type_text(&other.display().to_string());
    h.run();
    h.key_press(Key::Escape);
    h.run();
    assert!(h.query_by_label("Path").is_none());
    assert!(!other.exists());
}

#[test]
fn enter_on_an_error_dialog_closes_it_and_starts_no_edit_behind_it() {
    let dialogs = ScriptedDialogs::default();
    let mut h = editor(Document::new(sample_map()), &dialogs);
    h.get_by_label("Stage Awareness").click();
    h.run();
    show_an_error_dialog(&mut h);
    h.key_press(Key::Enter);
    h.run();
    assert!(h.query_by_label("Something went wrong").is_none());
    assert!(
        h.state().view_state().editing.is_none(),
        "Enter reached the map"
    );
    assert_eq!(map(&h), sample_map());
}

#[test]
fn save_as_csv_writes_csv_and_keeps_the_map_untitled() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("journey.csv");
    let dialogs = ScriptedDialogs::default();
    dialogs.push(Picked::Path(path.clone()));
    let mut h = editor(Document::new(sample_map()), &dialogs);
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::S);
    h.run();
    let back = waymark::io::load_any(&path).expect("the copy reads back as CSV");
    assert_eq!(back.cards.len(), sample_map().cards.len());
    assert_eq!(
        h.state().document().path(),
        None,
        "the map is not tied to a CSV"
    );
    let status = h.state().status().cloned().expect("a message");
    assert!(status.text.contains("cards only"), "{status:?}");
}

fn panicking_export(
    _: &Map,
    _: &std::path::Path,
    _: &waymark::export::ExportOptions,
    _: Option<&waymark::export::Progress>,
) -> Result<(), waymark::export::ExportError> {
    panic!("a simulated crash in the export worker");
}

fn wait_for(h: &mut Harness<'_, WaymarkApp>, done: impl Fn(&WaymarkApp) -> bool) {
    for _ in 0..600 {
        if done(h.state()) {
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
        h.run_steps(1);
    }
    panic!("gave up waiting");
}

#[test]
fn a_crashed_export_is_reported_and_the_next_export_runs() {
    let dir = tempfile::tempdir().unwrap();
    let dialogs = ScriptedDialogs::default();
    let mut h = editor(Document::new(sample_map()), &dialogs);
    h.state_mut().set_exporter(panicking_export);
    h.key_press_modifiers(Modifiers::COMMAND, Key::E);
    h.run();
    h.get_by_label("Save to")
        .type_text(&dir.path().join("first.png").display().to_string());
    h.run();
    h.key_press(Key::Enter);
    h.run_steps(1);
    wait_for(&mut h, |app| !app.dialogs_open().is_empty());
    h.run();
    h.get_by_label_contains("stopped unexpectedly");
    h.key_press(Key::Enter);
    h.run();

    h.state_mut().set_exporter(waymark::export::export_file);
    let second = dir.path().join("second.png");
    h.key_press_modifiers(Modifiers::COMMAND, Key::E);
    h.run();
    h.get_by_label("Save to")
        .type_text(&second.display().to_string());
    h.run();
    h.key_press(Key::Enter);
    h.run_steps(1);
    wait_for(&mut h, |app| {
        app.status().is_some_and(|s| s.text.starts_with("Exported"))
    });
    assert!(second.exists());
}

#[test]
fn ctrl_equals_zooms_the_map_and_never_the_interface() {
    let dialogs = ScriptedDialogs::default();
    let mut h = editor(Document::new(sample_map()), &dialogs);
    let fitted = h.state().view_state().zoom;
    h.key_press_modifiers(Modifiers::COMMAND, Key::Equals);
    h.run();
    let ui_zoom = |h: &Harness<'_, WaymarkApp>| h.ctx.zoom_factor();
    assert!(
        (ui_zoom(&h) - 1.0).abs() < 1e-3,
        "the whole interface zoomed"
    );
    let zoomed = h.state().view_state().zoom;
    assert!(zoomed > fitted * 1.2, "{fitted} -> {zoomed}");
    h.key_press_modifiers(Modifiers::COMMAND, Key::Plus);
    h.run();
    assert!(h.state().view_state().zoom > zoomed);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Minus);
    h.run();
    assert!(
        (ui_zoom(&h) - 1.0).abs() < 1e-3,
        "the whole interface zoomed"
    );
    h.key_press_modifiers(Modifiers::COMMAND, Key::Num1);
    h.run();
    assert_eq!(h.state().view_state().zoom, 1.0);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Num0);
    h.run();
    assert!((h.state().view_state().zoom - fitted).abs() < 1e-4);
}

#[test]
fn undoing_a_just_added_card_leaves_no_edit_behind() {
    let dialogs = ScriptedDialogs::default();
    let mut h = editor(Document::new(sample_map()), &dialogs);
    h.get_by_label("Instagram trail video ad").click();
    h.run();
    h.key_press(Key::N);
    h.run();
    assert!(h.state().view_state().editing.is_some());
    assert_eq!(map(&h).cards.len(), sample_map().cards.len() + 1);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(map(&h), sample_map());
    assert!(
        h.state().view_state().editing.is_none(),
        "a stale edit is left"
    );
}

/// Selects the sample's Instagram card, then types "!" in its Owner and
/// clicks the inspector's `other` button in one frame. Returns the card
/// before and after.
fn owner_and_click_in_one_frame(other: &str) -> (Card, Card) {
    let title = "Instagram trail video ad";
    let card = |m: &Map| {
        let found = m.cards.iter().find(|c| c.title == title).expect("card");
        Card::clone(found)
    };
    let dialogs = ScriptedDialogs::default();
    let mut h = editor(Document::new(sample_map()), &dialogs);
    h.get_by_label(title).click();
    h.run();
    let before = card(&map(&h));
    h.get_by_label("Owner").focus();
    h.run();
    // Both events go into the same frame.
    h.get_by_label("Owner").type_text("!");
    h.get_by_label(other).click();
    h.run();
    (before, card(&map(&h)))
}

#[test]
fn two_edits_to_one_card_in_one_frame_both_land() {
    let (_, card) = owner_and_click_in_one_frame("Physical");
    assert!(card.owner.ends_with('!'), "owner: {}", card.owner);
    assert_eq!(card.medium, waymark::model::Medium::Physical);
}

#[test]
fn typing_an_owner_and_choosing_evidence_in_one_frame_both_land() {
    let (before, card) = owner_and_click_in_one_frame("observed");
    assert_ne!(before.evidence, waymark::model::Evidence::Observed);
    assert!(card.owner.ends_with('!'), "owner: {}", card.owner);
    assert_eq!(card.evidence, waymark::model::Evidence::Observed);
}

#[test]
fn renaming_a_custom_lane_renames_its_kind() {
    let dialogs = ScriptedDialogs::default();
    let mut h = editor(Document::new(sample_map()), &dialogs);
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::L);
    h.run();
    h.get_by_label("Edit lane name").type_text("Channels");
    h.run();
    h.key_press(Key::Enter);
    h.run();
    let m = map(&h);
    let lane = m.lanes.iter().find(|l| l.name == "Channels").expect("lane");
    assert_eq!(lane.kind, LaneKind::Custom("Channels".into()));
}

#[test]
fn a_status_message_ends_with_the_next_action() {
    let dialogs = ScriptedDialogs::default();
    let mut h = editor(Document::new(sample_map()), &dialogs);
    h.get_by_label("Instagram trail video ad").click();
    h.run();
    h.key_press(Key::Num1);
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(h.state().status().map(|s| s.text.as_str()), Some("Undone"));
    // The next action says what it did: "Undone" is gone with it.
    h.key_press(Key::Delete);
    h.run();
    assert_eq!(
        h.state().status().map(|s| s.text.as_str()),
        Some("Deleted card “Instagram trail video ad”")
    );
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.run();
    assert_eq!(
        h.state().status(),
        None,
        "an action that says nothing clears it"
    );
}

#[test]
fn dismissing_a_finding_asks_for_a_reason_in_a_dialog() {
    let dialogs = ScriptedDialogs::default();
    let mut h = editor(Document::new(sample_map()), &dialogs);
    let first = analyze(&sample_map()).findings[0].clone();
    h.get_all_by_label("Dismiss")
        .next()
        .expect("a Dismiss button")
        .click();
    h.run();
    // The reason field has the focus: type straight away, Enter confirms.
    h.get_by_label("Reason (the team will see it)")
        .type_text("referrals have no owner");
    h.run();
    h.key_press(Key::Enter);
    h.run();
    let m = map(&h);
    assert_eq!(m.dismissals.len(), 1);
    assert_eq!(m.dismissals[0].rule, first.rule.id());
    assert_eq!(m.dismissals[0].reason, "referrals have no owner");
    // One undo step brings it back.
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(map(&h), sample_map());
}

#[test]
fn moving_a_stage_recolours_no_other_stage() {
    use waymark::edit::Command;
    use waymark::export::{ExportOptions, render_image};
    use waymark::layout::{Style, layout};
    let header_pixel = |m: &Map, name: &str| {
        let l = layout(m, &Style::default());
        let si = m.stages.iter().position(|s| s.name == name).expect("stage");
        let h = l.stages[si].header;
        let p = egui::pos2(h.right() - 8.0, h.center().y) - l.bounds.min;
        let image = render_image(m, &ExportOptions::default()).expect("renders");
        *image.get_pixel(p.x as u32, p.y as u32)
    };
    let before = sample_map();
    let mut after = before.clone();
    let advocacy = after.stages.last().expect("a stage").id;
    Command::MoveStage {
        id: advocacy,
        to: 0,
    }
    .apply(&mut after)
    .expect("moves");
    for name in ["Awareness", "Consideration", "Advocacy"] {
        assert_eq!(
            header_pixel(&before, name),
            header_pixel(&after, name),
            "{name}"
        );
    }
}

#[test]
fn help_says_every_format_the_editor_opens() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_waymark"))
        .arg("--help")
        .output()
        .expect("runs");
    let text = String::from_utf8_lossy(&out.stdout);
    for ext in [".ron", ".mmd", ".csv"] {
        assert!(text.contains(ext), "--help does not name {ext}:\n{text}");
    }
}
