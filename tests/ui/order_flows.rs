//! What the user does lands in the order it was done, and a save takes
//! everything typed so far: a paste and a save in one frame, a title
//! being typed in place when Ctrl+S comes.

use egui::{Event, Key, Modifiers};
use egui_kittest::kittest::Queryable as _;

use crate::common::app::editor;
use waymark::app::dialogs::ScriptedDialogs;
use waymark::edit::Document;
use waymark::format;
use waymark::interchange::sample::sample_map;

fn saved_sample() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("journey.ron");
    format::save(&sample_map(), &path).unwrap();
    (dir, path)
}

fn ctrl(key: Key, pressed: bool) -> Event {
    Event::Key {
        key,
        physical_key: None,
        pressed,
        repeat: false,
        modifiers: Modifiers::COMMAND,
    }
}

#[test]
fn a_paste_then_ctrl_s_in_one_frame_saves_the_pasted_cards() {
    let (_dir, path) = saved_sample();
    let mut h = editor(Document::open(&path).unwrap(), &ScriptedDialogs::default());
    let events = &mut h.input_mut().events;
    events.push(Event::Paste("title\nPodcast ad\nRadio spot".into()));
    events.push(ctrl(Key::S, true));
    events.push(ctrl(Key::S, false));
    h.run();
    let saved = format::load(&path).unwrap();
    let titles: Vec<&str> = saved.cards.iter().map(|c| c.title.as_str()).collect();
    assert!(
        titles.contains(&"Podcast ad") && titles.contains(&"Radio spot"),
        "the save came after the paste: {} cards saved",
        titles.len()
    );
    assert!(!h.state().document().is_dirty());
}

#[test]
fn ctrl_s_while_typing_a_title_in_place_saves_the_typed_title() {
    let (_dir, path) = saved_sample();
    let mut h = editor(Document::open(&path).unwrap(), &ScriptedDialogs::default());
    let card = sample_map().cards[0].clone();
    h.get_by_label(&card.title).click();
    h.run();
    h.key_press(Key::Enter);
    h.run();
    h.get_by_label("Edit card title")
        .type_text("Trail video ad");
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run();
    let saved = format::load(&path).unwrap();
    assert_eq!(
        saved.card(card.id).map(|c| c.title.as_str()),
        Some("Trail video ad"),
        "the typed title is saved"
    );
    assert!(!h.state().document().is_dirty(), "and the map is clean");
    assert!(
        h.query_by_label("Edit card title").is_none(),
        "the edit is done"
    );
}
