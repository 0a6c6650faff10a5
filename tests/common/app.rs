//! The real editor in an egui_kittest harness, with scripted file dialogs
//! and, where a test asks, autosave into a folder of its own.

use std::path::{Path, PathBuf};

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
