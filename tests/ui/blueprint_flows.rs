//! Service blueprint and funnel flows on the real app: draw a link by
//! dragging from a card's edge to another card, delete it, undo each; set
//! a stage's volume in the inspector; import stage counts from a CSV.

use egui::{Key, Modifiers, Pos2};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;

use crate::common::app::{editor, file_menu, map, press, press_with};
use waymark::app::WaymarkApp;
use waymark::app::dialogs::{Picked, ScriptedDialogs};
use waymark::edit::Document;
use waymark::interchange::templates;
use waymark::model::{Link, Map};

/// The service blueprint template, without its links, so the flows draw
/// their own.
fn bare_blueprint() -> Map {
    let mut map = templates::load(templates::by_id("service-blueprint").expect("template"));
    map.links.clear();
    map
}

fn center(h: &Harness<'_, WaymarkApp>, label: &str) -> Pos2 {
    h.get_by_label(label).rect().center()
}

fn id_of(map: &Map, title: &str) -> waymark::model::CardId {
    map.cards
        .iter()
        .find(|c| c.title == title)
        .map(|c| c.id)
        .expect("card exists")
}

/// Drags with the pointer from one point to another in small steps, as a
/// hand does.
fn drag(h: &mut Harness<'_, WaymarkApp>, from: Pos2, to: Pos2) {
    h.drag_at(from);
    h.run();
    for i in 1..=10 {
        h.hover_at(from + (to - from) * (i as f32 / 10.0));
        h.run();
    }
    h.drop_at(to);
    h.run();
}

const FRONT: &str = "Online booking form";
const BACK: &str = "Reservation agent confirms special requests";

#[test]
fn drag_from_a_cards_edge_to_another_card_draws_a_link_with_undo() {
    let dialogs = ScriptedDialogs::default();
    let mut h = editor(Document::new(bare_blueprint()), &dialogs);
    let m = map(&h);
    let link = Link::new(id_of(&m, FRONT), id_of(&m, BACK));
    // Selecting the card shows its handle on the right edge.
    h.get_by_label(FRONT).click();
    h.run();
    let handle = center(&h, &format!("Link from {FRONT}"));
    assert!(h.get_by_label(FRONT).rect().right() - handle.x < 1.0);
    let target = center(&h, BACK);
    drag(&mut h, handle, target);
    assert_eq!(map(&h).links, [link], "one arrow, from the served card");
    // The card did not move: the handle drew, it did not drag the card.
    assert_eq!(map(&h).cards, m.cards);
    assert!(
        h.query_by_label(&format!("Link {FRONT} to {BACK}"))
            .is_some()
    );

    press_with(&mut h, Modifiers::COMMAND, Key::Z);
    assert!(map(&h).links.is_empty(), "one undo takes the arrow out");
    press_with(&mut h, Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    assert_eq!(map(&h).links, [link]);
}

#[test]
fn a_link_dropped_on_nothing_or_escaped_draws_nothing() {
    let dialogs = ScriptedDialogs::default();
    let mut h = editor(Document::new(bare_blueprint()), &dialogs);
    h.get_by_label(FRONT).click();
    h.run();
    let handle = center(&h, &format!("Link from {FRONT}"));
    // Onto the card itself: no arrow to itself.
    let target = center(&h, FRONT);
    drag(&mut h, handle, target);
    assert!(map(&h).links.is_empty());
    // Esc while drawing: dropped, even over a card.
    h.drag_at(handle);
    h.run();
    h.hover_at(center(&h, BACK));
    h.run();
    press(&mut h, Key::Escape);
    h.drop_at(center(&h, BACK));
    h.run();
    assert!(map(&h).links.is_empty());
}

#[test]
fn a_clicked_link_is_deleted_with_delete_and_comes_back_with_undo() {
    let dialogs = ScriptedDialogs::default();
    let mut blueprint = bare_blueprint();
    let link = Link::new(id_of(&blueprint, FRONT), id_of(&blueprint, BACK));
    blueprint.links.push(link);
    let mut h = editor(Document::new(blueprint), &dialogs);
    h.get_by_label(&format!("Link {FRONT} to {BACK}")).click();
    h.run();
    assert_eq!(h.state().view_state().selected_link, Some(link));
    press(&mut h, Key::Delete);
    assert!(map(&h).links.is_empty());
    let status = h.state().status().expect("a status line");
    assert!(status.text.contains("Deleted the link"), "{}", status.text);
    assert_eq!(
        map(&h).cards.len(),
        bare_blueprint().cards.len(),
        "no card went"
    );
    press_with(&mut h, Modifiers::COMMAND, Key::Z);
    assert_eq!(map(&h).links, [link]);

    // The card's inspector lists the link, and Remove takes it away too.
    h.get_by_label(FRONT).click();
    h.run();
    assert!(h.query_by_label(&format!("served by “{BACK}”")).is_some());
    h.get_by_label("Remove").click();
    h.run();
    assert!(map(&h).links.is_empty());
}

#[test]
fn a_stages_volume_is_typed_in_the_inspector_with_undo() {
    let dialogs = ScriptedDialogs::default();
    let mut h = editor(Document::new(bare_blueprint()), &dialogs);
    h.get_by_label("Stage Find the hotel").click();
    h.run();
    for (field, text) in [("Customers reached", "12000"), ("Period", "March 2026")] {
        h.get_by_label(field).focus();
        h.run();
        h.get_by_label(field).type_text(text);
        h.run();
    }
    let m = map(&h);
    assert_eq!(m.stages[0].volume, Some(12_000));
    assert_eq!(m.stages[0].period, "March 2026");
    assert!(m.has_funnel());
    // Typing the count was one step, the period another.
    press_with(&mut h, Modifiers::COMMAND, Key::Z);
    assert_eq!(map(&h).stages[0].period, "");
    assert_eq!(map(&h).stages[0].volume, Some(12_000));
    press_with(&mut h, Modifiers::COMMAND, Key::Z);
    assert_eq!(map(&h).stages[0].volume, None);
}

#[test]
fn stage_counts_import_from_a_csv_as_one_step_naming_unknown_stages() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("march.csv");
    std::fs::write(
        &path,
        "stage,count\nFind the hotel,12000\nBook a room,3100\nCheckin,2600\n",
    )
    .unwrap();
    let dialogs = ScriptedDialogs::default();
    let mut h = editor(Document::new(bare_blueprint()), &dialogs);
    dialogs.push(Picked::Path(path));
    file_menu(&mut h, "Import Stage Volumes…");
    let m = map(&h);
    assert_eq!(m.stages[0].volume, Some(12_000));
    assert_eq!(m.stages[1].volume, Some(3_100));
    let status = h.state().status().expect("a status line");
    assert!(
        status
            .text
            .contains("Imported the counts of 2 stages from march.csv"),
        "{}",
        status.text
    );
    assert!(
        status.text.contains("\"Checkin\" (line 4)"),
        "an unknown stage is named with its line: {}",
        status.text
    );
    // The drop-off shows in the analysis.
    let rules: Vec<&str> = waymark::analysis::analyze(&m)
        .findings
        .iter()
        .map(|f| f.rule.id())
        .collect();
    assert!(rules.contains(&"biggest-drop-off"), "{rules:?}");
    press_with(&mut h, Modifiers::COMMAND, Key::Z);
    assert!(!map(&h).has_funnel(), "one undo takes the whole import out");
}

#[test]
fn a_bad_count_changes_nothing_and_says_where() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bad.csv");
    std::fs::write(
        &path,
        "stage,count\nFind the hotel,12000\nBook a room,lots\n",
    )
    .unwrap();
    let dialogs = ScriptedDialogs::default();
    let mut h = editor(Document::new(bare_blueprint()), &dialogs);
    dialogs.push(Picked::Path(path));
    file_menu(&mut h, "Import Stage Volumes…");
    assert!(!map(&h).has_funnel());
    assert!(
        h.query_by_label_contains("bad.csv:3:13").is_some(),
        "the error names the file, line and column"
    );
}

/// Found while testing links: egui ends a drag on Esc as it does on a
/// release, so the card drag's drop ran on Esc too. Esc during a card
/// drag leaves the card where it was.
#[test]
fn esc_during_a_card_drag_leaves_the_card_in_place() {
    let dialogs = ScriptedDialogs::default();
    let mut h = editor(Document::new(bare_blueprint()), &dialogs);
    let before = map(&h);
    let from = center(&h, FRONT);
    let to = center(&h, "Concierge desk");
    h.drag_at(from);
    h.run();
    for i in 1..=10 {
        h.hover_at(from + (to - from) * (i as f32 / 10.0));
        h.run();
    }
    press(&mut h, Key::Escape);
    h.drop_at(to);
    h.run();
    assert_eq!(map(&h).cards, before.cards, "the card stays in its cell");
}

/// The same defect for a stage header: Esc while dragging it keeps the
/// stages in their order.
#[test]
fn esc_during_a_header_drag_keeps_the_order() {
    let dialogs = ScriptedDialogs::default();
    let mut h = editor(Document::new(bare_blueprint()), &dialogs);
    let before = map(&h);
    let from = center(&h, "Stage Check out and after");
    let first = h.get_by_label("Stage Find the hotel").rect();
    let to = egui::pos2(first.left() + 5.0, from.y);
    h.drag_at(from);
    h.run();
    for i in 1..=8 {
        h.hover_at(from + (to - from) * (i as f32 / 8.0));
        h.run();
    }
    press(&mut h, Key::Escape);
    h.drop_at(to);
    h.run();
    assert_eq!(map(&h).stages, before.stages);
}
