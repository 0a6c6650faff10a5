//! Deleting says what went and offers Undo; a stage or lane that holds
//! cards asks first. The card's context menu copies, duplicates and moves.

use egui::Key;
use egui_kittest::kittest::Queryable as _;

use crate::common::app::{editor, map, press};
use waymark::app::dialogs::ScriptedDialogs;
use waymark::edit::Document;
use waymark::interchange::sample::sample_map;
use waymark::ui::view::Selection;

#[test]
fn delete_on_a_stage_with_cards_asks_first_and_cancel_keeps_it() {
    let mut h = editor(Document::new(sample_map()), &ScriptedDialogs::default());
    let stage = map(&h).stages[0].clone();
    let held = map(&h).stage_cards(stage.id).count();
    h.state_mut().view_state_mut().selection = Selection::stage(stage.id);
    h.run();
    press(&mut h, Key::Delete);
    assert!(
        h.query_by_label("Delete with its cards?").is_some(),
        "it asks"
    );
    assert_eq!(map(&h), sample_map(), "nothing deleted yet");
    press(&mut h, Key::Escape);
    assert_eq!(map(&h), sample_map(), "Esc keeps the stage");
    assert!(h.state().dialogs_open().is_empty());

    press(&mut h, Key::Delete);
    press(&mut h, Key::Enter);
    let m = map(&h);
    assert!(m.stage(stage.id).is_none(), "Enter deleted it");
    assert_eq!(m.cards.len(), sample_map().cards.len() - held);
    let status = h.state().status().expect("a status line").clone();
    assert!(
        status.text.contains(&stage.name) && status.text.contains(&format!("{held} cards")),
        "the status names what went: {}",
        status.text
    );
    assert!(status.undo, "with Undo beside it");
    h.get_by_label_contains("Undo (Ctrl+Z)").click();
    h.run();
    assert_eq!(
        map(&h),
        sample_map(),
        "the status bar's Undo brings it back"
    );
}

#[test]
fn deleting_cards_says_how_many_and_undo_restores_them() {
    let mut h = editor(Document::new(sample_map()), &ScriptedDialogs::default());
    let card = map(&h).cards[0].clone();
    h.get_by_label(&card.title).click();
    h.run();
    press(&mut h, Key::Delete);
    assert!(
        map(&h).card(card.id).is_none(),
        "a card goes without a question"
    );
    let status = h.state().status().expect("a status line");
    assert_eq!(status.text, format!("Deleted card “{}”", card.title));
    assert!(status.undo);
}

#[test]
fn the_status_bar_counts_one_card_in_the_singular() {
    let mut m = sample_map();
    m.cards.truncate(1);
    let h = editor(Document::new(m), &ScriptedDialogs::default());
    assert!(h.query_by_label("1 card · 6 stages").is_some());
}

#[test]
fn a_cards_context_menu_duplicates_and_moves_it_to_another_stage() {
    let mut h = editor(Document::new(sample_map()), &ScriptedDialogs::default());
    let card = map(&h).cards[0].clone();
    let later = map(&h).stages[2].clone();
    h.get_by_label(&card.title).click_secondary();
    h.run();
    assert!(
        h.query_by_label_contains("Copy").is_some(),
        "Copy is offered"
    );
    h.get_by_label_contains("Duplicate").click();
    h.run();
    let copies = map(&h)
        .cards
        .iter()
        .filter(|c| c.title == card.title)
        .count();
    assert_eq!(copies, 2, "Duplicate made a copy");

    // One of the two: right-clicking a card outside the selection (the
    // copy is selected now) acts on that card alone.
    let one = h
        .query_all_by_label(&card.title)
        .next()
        .expect("the card is shown");
    one.click_secondary();
    h.run();
    h.get_by_label("Move to Stage").click();
    h.run();
    h.get_by_label(&later.name).click();
    h.run();
    let moved = map(&h)
        .cards
        .iter()
        .filter(|c| c.title == card.title && c.stage == later.id)
        .count();
    assert_eq!(moved, 1, "Move to Stage moved the card");
}
