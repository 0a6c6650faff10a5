//! The real editor in an egui_kittest harness, with scripted file dialogs
//! and, where a test asks, autosave into a folder of its own; the keys
//! tests press.

use std::path::{Path, PathBuf};

use egui::{Key, Modifiers};
use egui_kittest::Harness;

use waymark::app::WaymarkApp;
use waymark::app::dialogs::ScriptedDialogs;
use waymark::edit::Document;
use waymark::format;
use waymark::interchange::sample::sample_map;
use waymark::interchange::templates;
use waymark::model::Map;
use waymark::recovery::RecoveryDir;

/// The editor on `doc`, with scripted dialogs, one frame run.
pub fn editor(doc: Document, dialogs: &ScriptedDialogs) -> Harness<'static, WaymarkApp> {
    build(doc, dialogs, None)
}

/// The editor on `doc`, autosaving to `recovery` (and offering what is
/// there), one frame run.
pub fn editor_recovering(
    doc: Document,
    dialogs: &ScriptedDialogs,
    recovery: &Path,
) -> Harness<'static, WaymarkApp> {
    build(doc, dialogs, Some(RecoveryDir::new(recovery)))
}

fn build(
    doc: Document,
    dialogs: &ScriptedDialogs,
    recovery: Option<RecoveryDir>,
) -> Harness<'static, WaymarkApp> {
    let dialogs = dialogs.clone();
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1600.0, 1000.0))
        .build_eframe(move |cc| {
            let app = WaymarkApp::new(cc, doc, Box::new(dialogs));
            match recovery {
                Some(dir) => app.with_recovery(dir),
                None => app,
            }
        });
    harness.run();
    harness
}

/// The editor on the sample in a window of `width`×`height` points, in
/// the light look the real app starts with (kittest would force dark).
pub fn editor_sized(width: f32, height: f32) -> Harness<'static, WaymarkApp> {
    let mut harness = Harness::builder()
        .with_size(egui::vec2(width, height))
        .with_theme(egui::Theme::Light)
        .build_eframe(|cc| {
            WaymarkApp::new(
                cc,
                Document::new(sample_map()),
                Box::new(ScriptedDialogs::default()),
            )
        });
    harness.run();
    harness
}

/// Opens a file that does not exist through the typed-path dialog
/// (Ctrl+Shift+O), leaving the error dialog open.
pub fn show_an_error_dialog(h: &mut Harness<'_, WaymarkApp>) {
    use egui_kittest::kittest::Queryable as _;
    h.key_press_modifiers(
        egui::Modifiers::COMMAND | egui::Modifiers::SHIFT,
        egui::Key::O,
    );
    h.run();
    h.get_by_label("Path").type_text("/no/such/folder/map.ron");
    h.run();
    h.key_press(egui::Key::Enter);
    h.run();
    h.get_by_label("Something went wrong");
}

/// The open map.
pub fn map(h: &Harness<'_, WaymarkApp>) -> Map {
    h.state().document().map().clone()
}

/// Makes the map dirty with a change that is easy to see: a new stage,
/// named by typing. Returns the map after the change.
pub fn add_stage(h: &mut Harness<'_, WaymarkApp>) -> Map {
    use egui_kittest::kittest::Queryable as _;
    h.get_by_label("+ Stage").click();
    h.run();
    h.key_press(egui::Key::Enter);
    h.run();
    assert!(
        h.state().document().is_dirty(),
        "the edit made the map dirty"
    );
    map(h)
}

/// Whether a widget with exactly this label is shown.
pub fn shows(h: &Harness<'_, WaymarkApp>, label: &str) -> bool {
    use egui_kittest::kittest::Queryable as _;
    h.query_by_label(label).is_some()
}

/// A folder with the sample saved as `journey.ron`, and a recovery folder.
pub struct Files {
    _dir: tempfile::TempDir,
    pub map: PathBuf,
    pub recovery: PathBuf,
}

pub fn files() -> Files {
    let dir = tempfile::tempdir().unwrap();
    let map = dir.path().join("journey.ron");
    format::save(&sample_map(), &map).unwrap();
    let recovery = dir.path().join("recovery");
    Files {
        map,
        recovery,
        _dir: dir,
    }
}

pub fn recovery_files(dir: &Path) -> Vec<PathBuf> {
    match std::fs::read_dir(dir) {
        Ok(entries) => entries
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|e| e == "ron"))
            .collect(),
        Err(_) => Vec::new(),
    }
}

/// A colleague's version of the map: another map altogether.
pub fn colleague_map() -> Map {
    templates::load(&templates::all()[0])
}

/// Clicks File, then a menu item by its text (its label may go on with
/// the item's shortcut, as in "Compare with… Ctrl+Shift+D").
pub fn file_menu(h: &mut Harness<'_, WaymarkApp>, item: &str) {
    use egui_kittest::kittest::Queryable as _;
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
    use egui_kittest::kittest::Queryable as _;
    let canvas = h.state().view_state().canvas;
    h.query_by_label(label)
        .is_some_and(|node| canvas.contains(node.rect().center()))
}

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

/// [`map`], for tests whose locals are called `map`.
pub fn app_map(h: &Harness<'_, WaymarkApp>) -> Map {
    map(h)
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

/// Types `text` as a keyboard does in a real window: for each character
/// a key press, the text, a key release, one event a frame. Unlike
/// kittest's `type_text` on a node, the keys go wherever the app sends
/// them, so a shortcut that wrongly fires on a letter shows.
pub fn type_like_a_keyboard(h: &mut Harness<'_, WaymarkApp>, text: &str) {
    for c in text.chars() {
        let key = Key::from_name(&c.to_ascii_uppercase().to_string());
        if let Some(key) = key {
            h.key_down(key);
        }
        h.event(egui::Event::Text(c.to_string()));
        if let Some(key) = key {
            h.key_up(key);
        }
        h.step();
    }
    h.run();
}

/// A primary click at a screen point, pressed and released a frame apart.
pub fn click_at(h: &mut Harness<'_, WaymarkApp>, pos: egui::Pos2) {
    h.event(egui::Event::PointerMoved(pos));
    h.step();
    for pressed in [true, false] {
        h.event(egui::Event::PointerButton {
            pos,
            button: egui::PointerButton::Primary,
            pressed,
            modifiers: Modifiers::NONE,
        });
        h.step();
    }
}

/// The editor on the sample with short frames (1/60 s), so two clicks a
/// few frames apart make a double-click, as in a real window.
pub fn editor_fast(doc: Document, dialogs: &ScriptedDialogs) -> Harness<'static, WaymarkApp> {
    let dialogs = dialogs.clone();
    let mut h = Harness::builder()
        .with_size(egui::vec2(1600.0, 1000.0))
        .with_step_dt(1.0 / 60.0)
        .build_eframe(move |cc| WaymarkApp::new(cc, doc, Box::new(dialogs)));
    h.run();
    h
}

/// The screen centre of an empty cell of the open map, as shown now.
pub fn empty_cell(h: &Harness<'_, WaymarkApp>) -> egui::Pos2 {
    let m = map(h);
    let layout = waymark::layout::layout(&m, &waymark::layout::Style::default());
    let view = h.state().view_state();
    let v = view.view(view.canvas);
    for si in 0..m.stages.len() {
        for li in 0..m.lanes.len() {
            if layout.cell_count(si, li) == 0
                && let Some(r) = layout.cell_rect(si, li)
            {
                let p = v.to_screen(r.center());
                if view.canvas.contains(p) {
                    return p;
                }
            }
        }
    }
    panic!("the map shows no empty cell");
}
