//! Saving without losing anything: a file changed on disk is never
//! overwritten without asking, a newer Waymark's file never at all, fields
//! this version does not know are dropped only after asking, and a failed
//! save leaves the map open and unsaved. While a clean map is open, a
//! change on disk offers a reload.

use std::path::Path;
use std::time::SystemTime;

use crate::edit::{DocId, Document};
use crate::format::{DiskStamp, SaveError};

use super::WaymarkApp;
use super::dialog_types::Dialog;
use super::watch::DiskWatch;

/// How many unknown fields a dialog lists before "and N more".
const LISTED_FIELDS: usize = 12;

/// What the editor knows about the open file on disk.
#[derive(Default)]
pub(super) struct DiskCheck {
    watch: Option<DiskWatch>,
    /// The document, file and stamp the watch was last set up for.
    watched: Option<(DocId, Option<std::path::PathBuf>, Option<DiskStamp>)>,
    /// The user kept this map when its file looked like this on disk: do
    /// not ask again until it changes once more.
    declined: Option<(DocId, u64, Option<SystemTime>)>,
    /// A change came while a dialog was open: look again once it closes.
    recheck: bool,
}

impl DiskCheck {
    /// Watching with a thread that wakes the UI through `ctx`.
    pub fn new(ctx: &egui::Context) -> Self {
        let ctx = ctx.clone();
        Self {
            watch: Some(DiskWatch::start(move || ctx.request_repaint())),
            ..Self::default()
        }
    }
}

fn metadata_look(path: &Path) -> Option<(u64, Option<SystemTime>)> {
    std::fs::metadata(path)
        .ok()
        .map(|m| (m.len(), m.modified().ok()))
}

impl WaymarkApp {
    /// Saves to the current file, or asks for one. Returns whether it saved.
    /// Asks first when the file is a newer Waymark's, when the save would
    /// drop fields this version does not know, or when the file changed on
    /// disk.
    pub(super) fn save(&mut self) -> bool {
        self.save_checked(false)
    }

    /// [`WaymarkApp::save`]; `drop_confirmed` once the user agreed to drop
    /// the unknown fields.
    pub(super) fn save_checked(&mut self, drop_confirmed: bool) -> bool {
        let doc = &self.session.doc;
        if doc.path().is_none() {
            return self.save_as();
        }
        if let Some(version) = doc.newer_version() {
            self.push_dialog(Dialog::ReadOnly(version));
            return false;
        }
        let unknown = doc.load_warnings().len();
        if unknown > 0 && !drop_confirmed {
            self.push_dialog(Dialog::DropFields(unknown));
            return false;
        }
        let result = self.session.doc.save();
        self.after_save(result)
    }

    /// Saves over a file that changed on disk: the user chose Overwrite.
    pub(super) fn overwrite(&mut self) -> bool {
        let result = self.session.doc.save_overwriting();
        self.after_save(result)
    }

    fn after_save(&mut self, result: Result<(), SaveError>) -> bool {
        match result {
            Ok(()) => {
                self.set_status(format!("Saved {}", self.session.doc.display_name()));
                true
            }
            Err(SaveError::ChangedOnDisk { path }) => {
                let gone = !Path::new(&path).exists();
                self.push_dialog(Dialog::ChangedOnDisk { gone });
                false
            }
            Err(SaveError::NewerFile { version, .. }) => {
                self.push_dialog(Dialog::ReadOnly(version));
                false
            }
            Err(err) => {
                self.save_failed(err.to_string());
                false
            }
        }
    }

    /// Reports a failed save. The map stays open and unsaved, and the
    /// file on disk is as it was.
    pub(super) fn save_failed(&mut self, message: String) {
        self.push_dialog(Dialog::SaveFailed(message));
    }

    /// Reads the map's file again, dropping the changes made here: only
    /// ever after the user chose it.
    pub(super) fn reload(&mut self) {
        let Some(path) = self.session.doc.path().map(Path::to_path_buf) else {
            return;
        };
        match Document::open_any(&path) {
            Ok(doc) => {
                self.replace_document(doc);
                self.set_status(format!("Reloaded {} from disk", path.display()));
                self.opened_notices();
            }
            Err(err) => self.push_dialog(Dialog::error(err.to_string())),
        }
    }

    /// What to tell about a map just opened: the fields a save will drop.
    pub(super) fn opened_notices(&mut self) {
        let warnings = self.session.doc.load_warnings();
        if warnings.is_empty() {
            return;
        }
        let mut lines: Vec<String> = warnings
            .iter()
            .take(LISTED_FIELDS)
            .map(|w| {
                let name = w.path.last_field().unwrap_or("?");
                match w.position {
                    Some((line, col)) => format!("{line}:{col}  {name}  (at {})", w.path),
                    None => format!("{name}  (at {})", w.path),
                }
            })
            .collect();
        if warnings.len() > LISTED_FIELDS {
            lines.push(format!("and {} more", warnings.len() - LISTED_FIELDS));
        }
        self.push_dialog(Dialog::UnknownFields(lines));
    }

    /// The user kept the map as it is although its file changed on disk.
    pub(super) fn keep_despite_disk(&mut self) {
        let doc = &self.session.doc;
        if let Some((len, modified)) = doc.path().and_then(metadata_look) {
            self.disk.declined = Some((doc.id(), len, modified));
        }
        self.set_status(format!(
            "Kept this version; Save will ask before overwriting {} on disk",
            doc.display_name()
        ));
    }

    /// After each frame: follows the open file, and looks at it again when
    /// the window regains the focus or the watch saw it change.
    pub(super) fn disk_tick(&mut self, ctx: &egui::Context) {
        let doc = &self.session.doc;
        let same = self.disk.watched.as_ref().is_some_and(|(id, path, stamp)| {
            *id == doc.id() && path.as_deref() == doc.path() && *stamp == doc.disk_stamp()
        });
        if !same {
            if let Some(watch) = &self.disk.watch {
                watch.watch(doc.path());
            }
            let path = doc.path().map(Path::to_path_buf);
            self.disk.watched = Some((doc.id(), path, doc.disk_stamp()));
        }
        let changed = self
            .disk
            .watch
            .as_ref()
            .is_some_and(DiskWatch::take_changed);
        let focused = ctx.input(|i| {
            i.events
                .iter()
                .any(|e| matches!(e, egui::Event::WindowFocused(true)))
        });
        let recheck = self.disk.recheck && self.modals.is_empty();
        if changed || focused || recheck {
            self.check_disk();
        }
    }

    /// Offers a reload when a clean map's file changed on disk.
    pub fn check_disk(&mut self) {
        let doc = &self.session.doc;
        let Some(path) = doc.path() else {
            return;
        };
        if !self.modals.is_empty() {
            self.disk.recheck = true;
            return;
        }
        self.disk.recheck = false;
        if doc.is_dirty() || !doc.disk_changed().unwrap_or(false) {
            return;
        }
        let look = metadata_look(path);
        let Some((len, modified)) = look else {
            let text = format!(
                "{} was deleted or moved on disk; Save writes it again",
                path.display()
            );
            self.set_error_status(text);
            return;
        };
        if self.disk.declined == Some((doc.id(), len, modified)) {
            return;
        }
        self.push_dialog(Dialog::ReloadOffer);
    }

    /// A band above the map for what the user must not miss: a read-only
    /// map, or fields a save would drop.
    pub(super) fn notices_ui(&mut self, ui: &mut egui::Ui) {
        let doc = &self.session.doc;
        let unknown = doc.load_warnings().len();
        let text = match doc.newer_version() {
            Some(version) => format!(
                "Read-only: {} was written by a newer Waymark (format version {version}). \
                 It is never overwritten; use File → Save As to keep your changes.",
                doc.display_name()
            ),
            None if unknown > 0 => format!(
                "{unknown} field{} in {} {} unknown to this version and will be dropped \
                 when you save (Save asks first).",
                if unknown == 1 { "" } else { "s" },
                doc.display_name(),
                if unknown == 1 { "is" } else { "are" },
            ),
            None => return,
        };
        egui::Panel::top("notices").show(ui, |ui| {
            ui.add_space(2.0);
            ui.colored_label(ui.visuals().warn_fg_color, text);
            ui.add_space(2.0);
        });
    }
}
