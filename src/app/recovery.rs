//! Autosave and crash recovery in the editor: the open map goes to a
//! recovery file a moment after each change (on the autosaver's thread),
//! and a recovery file left by a program that is gone is offered back on
//! start and when its map is opened.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use crate::edit::{DocKey, Document};
use crate::recovery::{AutosaveStatus, Autosaver, Recovery, RecoveryDir};

use super::WaymarkApp;
use super::dialog_types::Dialog;

/// What the autosave last saw of the open document.
struct Seen {
    key: DocKey,
    dirty: bool,
    path: Option<PathBuf>,
}

/// The editor's side of autosave and recovery.
#[derive(Default)]
pub(super) struct AppRecovery {
    dir: Option<RecoveryDir>,
    saver: Option<Autosaver>,
    seen: Option<Seen>,
    /// Recovery files this app wrote or discarded. They are never offered
    /// back by this app: the worker may not have deleted a discarded one
    /// yet when the same map is opened again.
    own: HashSet<PathBuf>,
    /// An untitled map restored from another program's recovery file: that
    /// file goes once this app's autosave holds the map, or on a save or a
    /// discard.
    adopted: Option<(Recovery, u64)>,
}

impl WaymarkApp {
    /// Autosaves to `dir` and offers what a crashed program left there for
    /// the open map (or, for an untitled map, the newest untitled one whose
    /// program is gone). Tests pass a temp folder; the real editor passes
    /// [`RecoveryDir::user_default`]. Without this call nothing is autosaved.
    pub fn with_recovery(mut self, dir: RecoveryDir) -> Self {
        self.enable_recovery(dir);
        let path = self.session.doc.path().map(Path::to_path_buf);
        self.offer_recovery(path.as_deref());
        self
    }

    /// Autosaves to `dir`, without looking for what is there.
    pub(super) fn enable_recovery(&mut self, dir: RecoveryDir) {
        self.recovery.saver = Some(Autosaver::new(dir.clone()));
        self.recovery.dir = Some(dir);
    }

    /// Writes any pending autosave now and waits for it: a test hook, so
    /// tests need not wait out the delay.
    pub fn flush_autosave(&self) {
        if let Some(saver) = &self.recovery.saver {
            saver.flush();
        }
    }

    /// What the autosave has done, if it runs.
    pub fn autosave_status(&self) -> Option<AutosaveStatus> {
        self.recovery.saver.as_ref().map(Autosaver::status)
    }

    /// The last autosave's error, while the map is unsaved.
    pub(super) fn autosave_error(&self) -> Option<String> {
        let saver = self.recovery.saver.as_ref()?;
        if !self.session.doc.is_dirty() {
            return None;
        }
        saver.status().last_error
    }

    /// Offers the recovery file of `path` (or an untitled orphan) in a
    /// dialog, if a program that is gone left one.
    pub(super) fn offer_recovery(&mut self, path: Option<&Path>) {
        let Some(dir) = &self.recovery.dir else {
            return;
        };
        let found = match path {
            Some(path) => dir.find_for(path),
            None => dir.find_orphans().into_iter().next(),
        };
        if let Some(found) = found.filter(|r| !self.recovery.own.contains(&r.file)) {
            self.push_dialog(Dialog::Restore(found));
            return;
        }
        // Another map's unsaved work waits: say so, or it is forgotten.
        let waiting = dir.find_waiting().into_iter().find(|r| {
            !self.recovery.own.contains(&r.file)
                && r.original.as_deref() != path
                && (r.original.is_some() || path.is_some())
        });
        self.recovery_notice = waiting;
    }

    /// Opens the map whose unsaved work the status bar mentions, and offers
    /// that work back.
    pub(super) fn open_waiting_recovery(&mut self) {
        let Some(found) = self.recovery_notice.take() else {
            return;
        };
        match found.original.clone() {
            Some(path) => self.guard(super::dialog_types::Pending::OpenFile(path)),
            None => self.push_dialog(Dialog::Restore(found)),
        }
    }

    /// The user chose Restore: the autosaved map replaces the open one,
    /// dirty and tied to its original file.
    pub(super) fn restore(&mut self, found: Recovery) {
        match found.restore() {
            Ok(doc) => {
                let orphan = found.original.is_none();
                // The open document is the original, just read: its file
                // still holds the fields a save of the restored map drops.
                let open = &self.session.doc;
                let doc = if open.path().is_some() && open.path() == found.original.as_deref() {
                    doc.with_load_warnings(open.load_warnings().to_vec())
                } else {
                    doc
                };
                self.install_document(doc);
                self.set_status(format!(
                    "Restored the unsaved changes{}: save to keep them",
                    ago(found.written)
                ));
                if orphan {
                    let writes = self.autosave_status().map_or(0, |s| s.writes);
                    self.recovery.adopted = Some((found, writes));
                }
            }
            Err(err) => self.push_dialog(Dialog::error(format!(
                "Could not restore the unsaved changes: {err}. The recovery file {} is kept.",
                found.file.display()
            ))),
        }
    }

    /// The user chose Discard: the recovery file goes.
    pub(super) fn discard_recovery(&mut self, found: &Recovery) {
        match found.discard() {
            Ok(()) => self.set_status("Discarded the recovered changes"),
            Err(err) => self.set_error_status(format!(
                "Could not delete the recovery file {}: {err}",
                found.file.display()
            )),
        }
    }

    /// After each frame: hands a changed, unsaved map to the autosaver, and
    /// deletes the recovery file once the map is saved or its changes are
    /// dropped. Costs nothing while the document stays as it is.
    pub(super) fn autosave_tick(&mut self) {
        let rec = &mut self.recovery;
        let Some(saver) = &rec.saver else {
            return;
        };
        let doc = &self.session.doc;
        let key = doc.key();
        let dirty = doc.is_dirty();
        if rec
            .seen
            .as_ref()
            .is_some_and(|s| s.key == key && s.dirty == dirty && s.path.as_deref() == doc.path())
        {
            return adopted_tick(rec);
        }
        let previous = rec.seen.replace(Seen {
            key,
            dirty,
            path: doc.path().map(Path::to_path_buf),
        });
        if let Some(prev) = previous
            .as_ref()
            .filter(|p| p.dirty && (p.key.doc != key.doc || !dirty))
        {
            // Saved, undone back to the file, or replaced after "Don't
            // Save": the unsaved changes are gone on purpose.
            saver.discard(prev.path.as_deref());
            if let Some(dir) = &rec.dir {
                rec.own.insert(dir.file_for(prev.path.as_deref()));
            }
            if let Some((found, _)) = rec.adopted.take() {
                let _ = found.discard();
            }
        }
        if dirty {
            saver.schedule_document(doc);
            let new_file = previous.is_none_or(|p| {
                !p.dirty || p.key.doc != key.doc || p.path.as_deref() != doc.path()
            });
            if new_file && let Some(dir) = &rec.dir {
                rec.own.insert(dir.file_for(doc.path()));
            }
        }
        adopted_tick(rec);
    }

    /// The user closes without saving: the autosave drops the changes too.
    pub(super) fn forget_unsaved(&mut self) {
        let doc = &self.session.doc;
        if let Some(saver) = &self.recovery.saver
            && doc.is_dirty()
        {
            saver.discard(doc.path());
            if let Some((found, _)) = self.recovery.adopted.take() {
                let _ = found.discard();
            }
        }
    }

    /// Replaces the document without treating the old one's changes as
    /// discarded: for a restore, whose recovery file must live on.
    fn install_document(&mut self, doc: Document) {
        let rec = &mut self.recovery;
        if let Some(seen) = &mut rec.seen {
            // The map being replaced was clean (it was just opened).
            seen.dirty = false;
        }
        self.replace_document(doc);
    }
}

/// Deletes an adopted orphan once this app's own autosave holds its map.
fn adopted_tick(rec: &mut AppRecovery) {
    let Some((_, writes_then)) = &rec.adopted else {
        return;
    };
    let written = rec.saver.as_ref().map_or(0, |s| s.status().writes);
    if written > *writes_then
        && let Some((found, _)) = rec.adopted.take()
    {
        let _ = found.discard();
    }
}

/// " from 5 minutes ago", or nothing when the time is unknown.
pub(super) fn ago(written: Option<SystemTime>) -> String {
    let Some(secs) = written
        .and_then(|t| SystemTime::now().duration_since(t).ok())
        .map(|d| d.as_secs())
    else {
        return String::new();
    };
    match secs {
        0..60 => " from less than a minute ago".to_owned(),
        60..120 => " from a minute ago".to_owned(),
        120..7200 => format!(" from {} minutes ago", secs / 60),
        7200..172_800 => format!(" from {} hours ago", secs / 3600),
        _ => format!(" from {} days ago", secs / 86_400),
    }
}
