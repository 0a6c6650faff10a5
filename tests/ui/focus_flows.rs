//! Keys go where the user is typing: a field the app just made takes the
//! keyboard, and no letter shortcut runs while a text field has it or is
//! about to. Typed with key events one a frame, as a real keyboard sends
//! them, so a shortcut that steals a letter shows up as a stray card.

use egui::Key;
use egui_kittest::kittest::Queryable as _;

use crate::common::app::{click_at, editor, editor_fast, empty_cell, map, type_like_a_keyboard};
use waymark::app::dialogs::ScriptedDialogs;
use waymark::edit::Document;
use waymark::interchange::sample::sample_map;
use waymark::model::Channel;

#[test]
fn typing_right_after_add_persona_names_the_persona_and_adds_no_card() {
    let mut h = editor(Document::new(sample_map()), &ScriptedDialogs::default());
    let before = map(&h);
    h.get_by_label("Add Persona").click();
    h.step();
    type_like_a_keyboard(&mut h, "Anna, planning parent");
    let after = map(&h);
    assert_eq!(after.cards.len(), before.cards.len(), "no stray card");
    let names: Vec<&str> = after.personas.iter().map(|p| p.name.as_str()).collect();
    assert!(
        names.contains(&"Anna, planning parent"),
        "the new persona has the typed name: {names:?}"
    );
    assert_eq!(after.personas.len(), before.personas.len() + 1);
}

#[test]
fn typing_right_after_a_double_click_on_an_empty_cell_titles_the_new_card() {
    let mut h = editor_fast(Document::new(sample_map()), &ScriptedDialogs::default());
    let before = map(&h).cards.len();
    let cell = empty_cell(&h);
    click_at(&mut h, cell);
    click_at(&mut h, cell);
    // "n" first: the Add Card shortcut, had it reached the canvas.
    type_like_a_keyboard(&mut h, "new boots");
    h.key_press(Key::Enter);
    h.run();
    let m = map(&h);
    assert_eq!(m.cards.len(), before + 1, "one card, no stray ones");
    assert!(
        m.cards.iter().any(|c| c.title == "new boots"),
        "the typed text is the new card's title"
    );
}

#[test]
fn a_double_click_after_choosing_a_channel_and_typing_an_owner_adds_a_card() {
    // Quick, as xdotool is (and a quick user may be): the click on the
    // Owner field is less than egui's 0.3 s before the double-click.
    let mut h = editor_fast(Document::new(sample_map()), &ScriptedDialogs::default());
    let first = map(&h).cards[0].clone();
    h.get_by_label(&first.title).click();
    h.run();
    h.get_by_label("Channel").click();
    h.run();
    h.get_by_label("Email").click();
    h.run();
    h.get_by_label("Owner").click();
    h.run();
    type_like_a_keyboard(&mut h, "Sam");
    let before = map(&h);
    assert_eq!(
        before.card(first.id).map(|c| c.channel.clone()),
        Some(Channel::Email)
    );
    let cell = empty_cell(&h);
    click_at(&mut h, cell);
    click_at(&mut h, cell);
    h.run();
    assert_eq!(
        map(&h).cards.len(),
        before.cards.len() + 1,
        "the double-click added a card"
    );
    assert!(
        h.query_by_label("Edit card title").is_some(),
        "its title is being edited"
    );
}

#[test]
fn typing_after_choosing_a_custom_channel_names_the_channel() {
    let mut h = editor(Document::new(sample_map()), &ScriptedDialogs::default());
    let first = map(&h).cards[0].clone();
    let before = map(&h).cards.len();
    h.get_by_label(&first.title).click();
    h.run();
    h.get_by_label("Channel").click();
    h.run();
    // The last item of a list that scrolls: clicked as a screen reader
    // does, wherever it is scrolled to.
    h.get_by_label("Custom…").click_accesskit();
    h.step();
    type_like_a_keyboard(&mut h, "Podcast");
    let m = map(&h);
    assert_eq!(m.cards.len(), before, "no stray card");
    assert_eq!(
        m.card(first.id).map(|c| c.channel.clone()),
        Some(Channel::Custom("Podcast".into()))
    );
}

#[test]
fn esc_that_closes_a_dropdown_keeps_the_selection() {
    let mut h = editor(Document::new(sample_map()), &ScriptedDialogs::default());
    let first = map(&h).cards[0].clone();
    h.get_by_label(&first.title).click();
    h.run();
    h.get_by_label("Channel").click();
    h.run();
    assert!(h.query_by_label("Email").is_some(), "the dropdown is open");
    h.key_press(Key::Escape);
    h.run();
    assert!(
        h.query_by_label("Email").is_none(),
        "Esc closed the dropdown"
    );
    assert!(
        h.state().view_state().selection.cards.contains(&first.id),
        "and only the dropdown"
    );
    h.key_press(Key::Escape);
    h.run();
    assert!(
        h.state().view_state().selection.is_empty(),
        "a second Esc clears it"
    );
}

#[test]
fn a_triple_click_on_an_empty_cell_adds_one_card() {
    let mut h = editor_fast(Document::new(sample_map()), &ScriptedDialogs::default());
    let before = map(&h).cards.len();
    let cell = empty_cell(&h);
    for _ in 0..3 {
        click_at(&mut h, cell);
    }
    h.run();
    assert_eq!(map(&h).cards.len(), before + 1);
}
