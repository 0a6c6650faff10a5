//! Driving the real editor in egui_kittest: a harness on a document with
//! scripted file dialogs, and small readers of what it shows.

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;

use waymark::app::WaymarkApp;
use waymark::app::dialogs::ScriptedDialogs;
use waymark::edit::Document;
use waymark::model::Map;

/// The editor on a document, 1600×1000, after its first frames; the file
/// dialogs answer from `dialogs` (the test keeps a clone to push answers).
pub fn app_harness(doc: Document, dialogs: &ScriptedDialogs) -> Harness<'static, WaymarkApp> {
    let dialogs = dialogs.clone();
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1600.0, 1000.0))
        .build_eframe(move |cc| WaymarkApp::new(cc, doc, Box::new(dialogs)));
    harness.run();
    harness
}

/// The map as the editor holds it now.
pub fn app_map(h: &Harness<'_, WaymarkApp>) -> Map {
    h.state().document().map().clone()
}

/// Clicks File, then a menu item by its text (its label may go on with
/// the item's shortcut, as in "Compare with… Ctrl+Shift+D").
pub fn file_menu(h: &mut Harness<'_, WaymarkApp>, item: &str) {
    h.get_by_label("File").click();
    h.run();
    match h.query_by_label(item) {
        Some(node) => node.click(),
        None => h.get_by_label_contains(&format!("{item} ")).click(),
    }
    h.run();
}

/// Whether a widget with exactly this label is shown with its centre on
/// the canvas (the canvas builds widgets only for cards in view).
pub fn on_canvas(h: &Harness<'_, WaymarkApp>, label: &str) -> bool {
    let canvas = h.state().view_state().canvas;
    h.query_by_label(label)
        .is_some_and(|node| canvas.contains(node.rect().center()))
}
