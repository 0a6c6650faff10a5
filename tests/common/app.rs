//! The real app under egui_kittest, for UI flows: a harness on a
//! document with scripted file dialogs, and the keys tests press.

use egui::{Key, Modifiers};
use egui_kittest::Harness;

use waymark::app::WaymarkApp;
use waymark::app::dialogs::ScriptedDialogs;
use waymark::edit::Document;
use waymark::model::Map;

/// The app on `doc` in a window of `size` points, settled after its first
/// frames. Up to 12 frames a `run`: a glide of the presentation camera
/// takes a few.
pub fn app_harness(
    doc: Document,
    dialogs: &ScriptedDialogs,
    size: egui::Vec2,
) -> Harness<'static, WaymarkApp> {
    let dialogs = dialogs.clone();
    let mut harness = Harness::builder()
        .with_size(size)
        .with_max_steps(12)
        .build_eframe(move |cc| WaymarkApp::new(cc, doc, Box::new(dialogs)));
    harness.run();
    harness
}

/// The open map.
pub fn app_map(h: &Harness<'_, WaymarkApp>) -> Map {
    h.state().document().map().clone()
}

/// Presses a key and lets the app settle.
pub fn press(h: &mut Harness<'_, WaymarkApp>, key: Key) {
    h.key_press(key);
    h.run();
}

/// Presses a key with modifiers and lets the app settle.
pub fn press_with(h: &mut Harness<'_, WaymarkApp>, modifiers: Modifiers, key: Key) {
    h.key_press_modifiers(modifiers, key);
    h.run();
}
