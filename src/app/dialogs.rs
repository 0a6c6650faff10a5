//! Native file dialogs behind a small trait, so tests never open one and
//! machines without a desktop portal get a typed path instead of a hang.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// What a file dialog gave back.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Picked {
    /// The user chose a file.
    Path(PathBuf),
    /// The user cancelled.
    Cancelled,
    /// No dialog can be shown here; ask for a typed path.
    Unavailable,
}

/// Which file a dialog asks for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DialogKind {
    /// A map to open.
    OpenMap,
    /// Where to save a map.
    SaveMap,
    /// Where to write an export with this extension.
    Export(&'static str),
    /// A file to import.
    Import,
}

/// Shows file dialogs.
pub trait FileDialogs {
    /// Asks for a file. `suggested` is a file name to start from.
    fn pick(&mut self, kind: DialogKind, suggested: &str, folder: Option<&Path>) -> Picked;
}

/// The real dialogs, through rfd's desktop portal.
#[derive(Default)]
pub struct NativeDialogs;

impl FileDialogs for NativeDialogs {
    fn pick(&mut self, kind: DialogKind, suggested: &str, folder: Option<&Path>) -> Picked {
        // rfd's portal backend answers "no file" at once when there is no
        // portal, exactly as for a cancel. Without a session bus there can
        // be no portal; with one, an instant "no" means the same.
        if std::env::var_os("DBUS_SESSION_BUS_ADDRESS").is_none() {
            return Picked::Unavailable;
        }
        let mut dialog = rfd::FileDialog::new();
        if let Some(folder) = folder {
            dialog = dialog.set_directory(folder);
        }
        let started = Instant::now();
        let result = match kind {
            DialogKind::OpenMap => dialog
                .add_filter("Waymark map", &["ron"])
                .add_filter("Mermaid journey or CSV", &["mmd", "csv"])
                .pick_file(),
            DialogKind::Import => dialog
                .add_filter("Mermaid journey or CSV", &["mmd", "mermaid", "csv"])
                .pick_file(),
            DialogKind::SaveMap => dialog
                .add_filter("Waymark map", &["ron"])
                .set_file_name(suggested)
                .save_file(),
            DialogKind::Export(ext) => dialog
                .add_filter(ext.to_uppercase(), &[ext])
                .set_file_name(suggested)
                .save_file(),
        };
        match result {
            Some(path) => Picked::Path(path),
            None if started.elapsed() < Duration::from_millis(150) => Picked::Unavailable,
            None => Picked::Cancelled,
        }
    }
}

/// Dialogs that answer from a script, for tests: the test keeps a clone
/// and pushes the answers the next dialogs will give. Behind the `testing`
/// feature.
#[cfg(feature = "testing")]
#[derive(Clone, Default)]
pub struct ScriptedDialogs {
    answers: std::sync::Arc<std::sync::Mutex<std::collections::VecDeque<Picked>>>,
}

#[cfg(feature = "testing")]
impl ScriptedDialogs {
    /// Queues the answer of a future dialog.
    pub fn push(&self, answer: Picked) {
        if let Ok(mut answers) = self.answers.lock() {
            answers.push_back(answer);
        }
    }
}

#[cfg(feature = "testing")]
impl FileDialogs for ScriptedDialogs {
    fn pick(&mut self, _kind: DialogKind, _suggested: &str, _folder: Option<&Path>) -> Picked {
        self.answers
            .lock()
            .ok()
            .and_then(|mut a| a.pop_front())
            .unwrap_or(Picked::Cancelled)
    }
}
