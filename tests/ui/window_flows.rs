//! The editor window on small screens and in a bright room, through
//! egui_kittest: side panels that fold away on a 1280×720 projector and
//! come back with F9/F10 or the View menu, and the theme menu.

use crate::common;

use egui::Key;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;

use waymark::app::WaymarkApp;

use common::app::editor_sized;
use waymark::app::dialogs::ScriptedDialogs;
use waymark::edit::Document;
use waymark::interchange::sample::sample_map;
use waymark::layout::{Style, layout};
use waymark::ui::appearance::Appearance;

fn findings_shown(h: &Harness<'_, WaymarkApp>) -> bool {
    h.query_by_label("Findings").is_some()
}

fn inspector_shown(h: &Harness<'_, WaymarkApp>) -> bool {
    h.query_by_label("Journey map").is_some()
}

#[test]
fn a_fresh_start_at_1280_by_720_gives_the_map_the_width_and_shows_card_titles() {
    let h = editor_sized(1280.0, 720.0);
    assert!(!findings_shown(&h), "the findings panel should fold away");
    assert!(!inspector_shown(&h), "the inspector should fold away");
    let view = h.state().view_state();
    let map_layout = layout(h.state().document().map(), &Style::default());
    assert!(
        waymark::paint::card_titles_shown(&map_layout, view.zoom),
        "at {:.0} % the cards are empty boxes",
        view.zoom * 100.0
    );
    // The toolbar still says how many findings there are.
    assert!(h.query_by_label("Analysis (2)").is_some());
}

#[test]
fn f9_and_f10_hide_and_show_the_panels_and_the_map_refits() {
    let mut h = editor_sized(1600.0, 1000.0);
    assert!(findings_shown(&h) && inspector_shown(&h));
    let zoom = h.state().view_state().zoom;
    h.key_press(Key::F9);
    h.run();
    assert!(!findings_shown(&h));
    assert!(inspector_shown(&h));
    h.key_press(Key::F10);
    h.run();
    assert!(!inspector_shown(&h));
    assert!(
        h.state().view_state().zoom > zoom,
        "a fitted map grows into the room the panels left"
    );
    h.key_press(Key::F9);
    h.run();
    h.key_press(Key::F10);
    h.run();
    assert!(findings_shown(&h) && inspector_shown(&h));
}

#[test]
fn the_view_menu_shows_a_folded_panel_on_a_small_screen() {
    let mut h = editor_sized(1280.0, 720.0);
    h.get_by_label("View").click();
    h.run();
    h.get_by_label("Inspector Panel (F10)").click();
    h.run();
    assert!(inspector_shown(&h));
    assert!(!findings_shown(&h));
}

/// eframe's storage, in memory.
#[derive(Default)]
struct MemoryStorage(std::collections::HashMap<String, String>);

impl eframe::Storage for MemoryStorage {
    fn get_string(&self, key: &str) -> Option<String> {
        self.0.get(key).cloned()
    }
    fn set_string(&mut self, key: &str, value: String) {
        self.0.insert(key.to_owned(), value);
    }
    fn remove_string(&mut self, key: &str) {
        self.0.remove(key);
    }
    fn flush(&mut self) {}
}

#[test]
fn view_theme_dark_darkens_editor_and_map_and_is_remembered() {
    let mut h = editor_sized(1600.0, 1000.0);
    assert!(!h.state().map_theme().dark);
    h.get_by_label("View").click();
    h.run();
    h.get_by_label("Theme").hover();
    h.run();
    h.get_by_label("Dark").click();
    h.run();
    assert_eq!(h.ctx.theme(), egui::Theme::Dark);
    assert!(h.state().map_theme().dark, "the map follows the editor");
    assert_eq!(h.state().theme_choice(), Appearance::Dark);

    // Quit and start again with the same storage.
    let mut storage = MemoryStorage::default();
    eframe::App::save(h.state_mut(), &mut storage);
    let ctx = egui::Context::default();
    let app = WaymarkApp::with_context(
        &ctx,
        Some(&storage),
        Document::new(sample_map()),
        Box::new(ScriptedDialogs::default()),
    );
    assert_eq!(app.theme_choice(), Appearance::Dark);
    assert!(app.map_theme().dark);
}
