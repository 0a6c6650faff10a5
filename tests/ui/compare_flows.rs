//! Comparing maps in the editor, driven through egui_kittest on the real
//! app: compare with a file and go to a changed card, leave with Esc, save
//! and compare a future state, and settle merge conflicts from the
//! analysis panel with undo.

use crate::common;

use std::sync::Arc;

use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;

use common::app::{editor, file_menu, map as app_map, on_canvas};
use waymark::app::WaymarkApp;
use waymark::app::dialogs::{Picked, ScriptedDialogs};
use waymark::compare::{Target, current_path, merge};
use waymark::edit::{Command, Document};
use waymark::interchange::sample::sample_map;
use waymark::model::{Card, CardId, Map, MapState};
use waymark::ui::Action;
use waymark::ui::view::Selection;

/// The id of the sample's card with this title.
fn card_id(map: &Map, title: &str) -> CardId {
    map.cards
        .iter()
        .find(|c| c.title == title)
        .unwrap_or_else(|| panic!("the sample has a card {title:?}"))
        .id
}

/// The sample with one card renamed, one removed and one added, as the
/// editor's map; the sample itself saved as the file to compare with.
fn changed_sample() -> (Map, CardId, CardId) {
    let mut map = sample_map();
    let renamed = card_id(&map, "Refer-a-friend reward");
    let removed = card_id(&map, "Instagram trail video ad");
    for card in &mut map.cards {
        if card.id == renamed {
            Arc::make_mut(card).title = "Refer-a-friend bonus".into();
        }
    }
    map.cards.retain(|c| c.id != removed);
    let (stage, lane) = (map.stages[1].id, map.lanes[0].id);
    let added = map.new_card_id();
    map.cards
        .push(Arc::new(Card::new(added, stage, lane, "Trail shoe quiz")));
    (map, renamed, removed)
}

/// Shows the map's top-left corner at 100 %: the last stage is off screen.
fn show_top_left(h: &mut Harness<'_, WaymarkApp>) {
    let view = h.state_mut().view_state_mut();
    view.zoom = 1.0;
    view.pan = egui::Vec2::ZERO;
    view.fitted = false;
    view.fit_pending = false;
    h.run();
}

#[test]
fn compare_with_a_file_then_locate_a_changed_card_and_leave_with_esc() {
    let dir = tempfile::tempdir().unwrap();
    let old = dir.path().join("old.ron");
    waymark::format::save(&sample_map(), &old).unwrap();
    let (map, renamed, removed) = changed_sample();
    let dialogs = ScriptedDialogs::default();
    let mut h = editor(Document::new(map), &dialogs);
    show_top_left(&mut h);
    assert!(!on_canvas(&h, "Refer-a-friend bonus"), "starts off screen");

    dialogs.push(Picked::Path(old.clone()));
    file_menu(&mut h, "Compare with…");
    assert_eq!(h.state().comparing_with(), Some(old.as_path()));
    h.get_by_label("Comparison");
    h.get_by_label("3 changes");
    let comparison = h.state().comparison().unwrap().clone();
    assert!(
        comparison
            .mark(renamed)
            .is_some_and(|m| m.fields == ["title"])
    );
    assert_eq!(comparison.ghosts.len(), 1);
    assert_eq!(comparison.ghosts[0].card.id, removed);

    // One click on the entry selects the renamed card and scrolls to it.
    let entry = comparison
        .entries
        .iter()
        .find(|e| e.target == Target::Card(renamed))
        .expect("an entry for the renamed card");
    assert!(
        entry.text.contains("Refer-a-friend reward"),
        "{}",
        entry.text
    );
    h.get_by_label(&entry.text).click();
    h.run();
    h.run();
    assert_eq!(h.state().view_state().selection, Selection::card(renamed));
    assert!(on_canvas(&h, "Refer-a-friend bonus"), "the card is in view");

    // Esc belongs to an open dialog first; then it leaves the comparison.
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::O);
    h.run();
    h.get_by_label("Open a map");
    h.key_press(Key::Escape);
    h.run();
    assert!(h.query_by_label("Open a map").is_none());
    assert!(
        h.state().comparing_with().is_some(),
        "Esc closed the dialog only"
    );
    h.key_press(Key::Escape);
    h.run();
    assert_eq!(h.state().comparing_with(), None);
    assert!(h.query_by_label("Comparison").is_none());
}

#[test]
fn comparing_with_a_file_that_cannot_be_read_says_why_and_compares_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("missing.ron");
    let dialogs = ScriptedDialogs::default();
    let mut h = editor(Document::new(sample_map()), &dialogs);
    dialogs.push(Picked::Path(missing));
    file_menu(&mut h, "Compare with…");
    h.get_by_label("Something went wrong");
    assert!(h.query_by_label_contains("missing.ron").is_some());
    assert_eq!(h.state().comparing_with(), None);
    assert!(h.query_by_label("Comparison").is_none());
}

#[test]
fn the_comparison_follows_edits_and_is_dropped_when_another_map_opens() {
    let dir = tempfile::tempdir().unwrap();
    let old = dir.path().join("old.ron");
    waymark::format::save(&sample_map(), &old).unwrap();
    let (map, renamed, _) = changed_sample();
    let dialogs = ScriptedDialogs::default();
    let mut h = editor(Document::new(map), &dialogs);
    h.state_mut().queue(Action::CompareWith(old.clone()));
    h.run();
    h.get_by_label("3 changes");

    // Renaming the card back: one change fewer, at once.
    h.state_mut().queue(Action::Edit {
        command: Command::EditCard {
            id: renamed,
            field: waymark::edit::CardField::Title("Refer-a-friend reward".into()),
        },
        merge: None,
    });
    h.run();
    h.get_by_label("2 changes");
    assert!(h.state().comparison().unwrap().mark(renamed).is_none());

    // Undo brings it back: the comparison is keyed on the revision.
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    h.get_by_label("3 changes");

    // Opening another map leaves the comparison behind.
    assert!(!h.state().document().is_dirty());
    h.state_mut().queue(Action::OpenFile(old));
    h.run();
    assert_eq!(app_map(&h), sample_map());
    assert_eq!(h.state().comparing_with(), None);
    assert!(h.query_by_label("Comparison").is_none());
}

#[test]
fn save_as_future_state_writes_name_future_ron_opens_it_and_compares_with_current() {
    let dir = tempfile::tempdir().unwrap();
    let current = dir.path().join("journey.ron");
    waymark::format::save(&sample_map(), &current).unwrap();
    let dialogs = ScriptedDialogs::default();
    let mut h = editor(Document::open(&current).unwrap(), &dialogs);

    file_menu(&mut h, "Save as Future State…");
    let future = dir.path().join("journey.future.ron");
    let saved = waymark::format::load(&future).expect("journey.future.ron is written");
    assert_eq!(saved.state, MapState::Future);
    assert_eq!(
        Map {
            state: MapState::Current,
            ..saved.clone()
        },
        sample_map()
    );
    assert_eq!(h.state().document().path(), Some(future.as_path()));
    assert_eq!(app_map(&h), saved);
    assert_eq!(current_path(&future).as_deref(), Some(current.as_path()));

    // Compare with current: only the state differs so far, and that is
    // the comparison's premise, not a change it lists.
    file_menu(&mut h, "Compare with Current");
    assert_eq!(h.state().comparing_with(), Some(current.as_path()));
    h.get_by_label("No differences.");

    // A second Save as future state on the current map opens the existing
    // file rather than overwriting it.
    let bytes = std::fs::read(&future).unwrap();
    h.state_mut().queue(Action::OpenFile(current.clone()));
    h.run();
    file_menu(&mut h, "Save as Future State…");
    assert_eq!(std::fs::read(&future).unwrap(), bytes);
    assert_eq!(h.state().document().path(), Some(future.as_path()));
}

/// The sample merged from two sides that renamed "Checkout" differently.
fn conflicted() -> Map {
    let base = sample_map();
    let id = card_id(&base, "Checkout");
    let rename = |title: &str| {
        let mut map = base.clone();
        for card in &mut map.cards {
            if card.id == id {
                Arc::make_mut(card).title = title.into();
            }
        }
        map
    };
    let merged = merge(&base, &rename("Pay now"), &rename("Checkout v2"));
    assert_eq!(merged.conflicts.len(), 1);
    merged.map
}

#[test]
fn take_theirs_on_a_conflict_then_undo_restores_it() {
    let merged = conflicted();
    let id = card_id(&merged, "Pay now");
    let dialogs = ScriptedDialogs::default();
    let mut h = editor(Document::new(merged.clone()), &dialogs);
    // The finding names both values.
    h.get_by_label(
        "Merge conflict: card \"Pay now\": title is \"Pay now\" in ours and \"Checkout v2\" in theirs.",
    );

    // A conflict is settled, not dismissed: every other finding has its
    // "Dismiss", the conflict has its two choices instead.
    let findings = h.state_mut().current_analysis().findings.len();
    assert_eq!(h.query_all_by_label("Dismiss").count(), findings - 1);

    h.get_by_label("Take theirs").click();
    h.run();
    let map = app_map(&h);
    assert_eq!(map.card(id).unwrap().title, "Checkout v2");
    assert!(map.conflicts.is_empty());
    assert!(h.query_by_label("Take theirs").is_none());

    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(app_map(&h), merged);
    h.get_by_label("Take theirs");

    // Keep ours keeps the title and settles the conflict, one step too.
    h.get_by_label("Keep ours").click();
    h.run();
    let map = app_map(&h);
    assert_eq!(map.card(id).unwrap().title, "Pay now");
    assert!(map.conflicts.is_empty());
    assert_eq!(
        h.state().document().history().undo_label(),
        Some("keep ours")
    );
}

#[test]
fn on_a_big_map_typing_is_compared_once_it_pauses() {
    let dir = tempfile::tempdir().unwrap();
    let map = waymark::model::generated::large_map(1_200);
    let card = map.cards[600].clone();
    let mut old = map.clone();
    for c in &mut old.cards {
        if c.id == card.id {
            Arc::make_mut(c).title = "As it was".into();
        }
    }
    let path = dir.path().join("old.ron");
    waymark::format::save(&old, &path).unwrap();
    let dialogs = ScriptedDialogs::default();
    let mut h = editor(Document::new(map), &dialogs);
    h.state_mut().queue(Action::CompareWith(path));
    h.run();
    h.get_by_label("1 change");

    // A keystroke that makes the card as it was: the comparison waits...
    h.state_mut().queue(Action::Edit {
        command: Command::EditCard {
            id: card.id,
            field: waymark::edit::CardField::Title("As it was".into()),
        },
        merge: None,
    });
    h.run();
    assert!(h.state().comparison_waiting());
    h.get_by_label("1 change");
    // ...until the document has rested (each kittest step is 0.25 s).
    h.run_steps(3);
    assert!(!h.state().comparison_waiting());
    h.get_by_label("No differences.");

    // A change of shape (a deleted card) is compared at once.
    h.state_mut().queue(Action::Edit {
        command: Command::DeleteCards(vec![card.id]),
        merge: None,
    });
    h.run();
    assert!(!h.state().comparison_waiting());
    h.get_by_label("1 change");
    assert_eq!(h.state().comparison().unwrap().ghosts.len(), 1);
}

#[test]
fn without_a_file_dialog_compare_with_asks_for_a_typed_path() {
    let dir = tempfile::tempdir().unwrap();
    let old = dir.path().join("old.ron");
    waymark::format::save(&sample_map(), &old).unwrap();
    let (map, _, _) = changed_sample();
    let dialogs = ScriptedDialogs::default();
    dialogs.push(Picked::Unavailable);
    let mut h = editor(Document::new(map), &dialogs);
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::D);
    h.run();
    h.get_by_label("Compare with a map");
    h.get_by_label("Path").type_text(&old.display().to_string());
    h.run();
    h.key_press(Key::Enter);
    h.run();
    assert_eq!(h.state().comparing_with(), Some(old.as_path()));
    h.get_by_label("3 changes");
}
