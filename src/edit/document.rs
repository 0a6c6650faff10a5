//! The open document: the map, its file, its history and its saved state.
//!
//! Every change goes through [`Document::apply`]: the one place where undo
//! is recorded and the dirty mark is kept, and where autosave will hook in.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use crate::format::{self, DiskStamp, LoadError, LoadWarning, Loaded, SaveError};
use crate::model::Map;

use super::{Command, EditError, History, MergeKey};

/// The identity of one opened document. A document gets a fresh one when
/// it is created, opened, imported or restored, so state derived from one
/// map can never be taken for another's, even at the same revision.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct DocId(u64);

impl DocId {
    fn fresh() -> Self {
        static NEXT: AtomicU64 = AtomicU64::new(1);
        DocId(NEXT.fetch_add(1, Ordering::Relaxed))
    }
}

/// What everything derived from a document is keyed on: which document,
/// and which revision of it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct DocKey {
    /// The document.
    pub doc: DocId,
    /// Its revision.
    pub revision: u64,
}

/// A map being edited.
#[derive(Debug)]
pub struct Document {
    id: DocId,
    map: Map,
    path: Option<PathBuf>,
    history: History,
    /// Bumped on every change; undo and redo restore earlier values, so a
    /// document undone back to its saved state is clean again.
    revision: u64,
    next_revision: u64,
    saved_revision: Option<u64>,
    /// The file as last read or written, to notice changes by others.
    disk: Option<DiskStamp>,
    /// Set for a file from a newer Waymark: it must never be overwritten.
    newer_version: Option<u32>,
    /// What the load skipped (unknown fields), for the editor to show.
    warnings: Vec<LoadWarning>,
}

impl Document {
    /// A new, unsaved document.
    pub fn new(map: Map) -> Self {
        Self {
            id: DocId::fresh(),
            map,
            path: None,
            history: History::new(),
            revision: 0,
            next_revision: 1,
            saved_revision: None,
            disk: None,
            newer_version: None,
            warnings: Vec::new(),
        }
    }

    /// A document for a map just read from `path`: clean.
    pub fn opened(map: Map, path: PathBuf) -> Self {
        let mut doc = Self::new(map);
        doc.path = Some(path);
        doc.saved_revision = Some(doc.revision);
        doc
    }

    /// A document for a map read with [`format::load_with_warnings`]:
    /// clean, stamped, read-only when a newer Waymark wrote the file, and
    /// holding the load's warnings.
    pub fn loaded(loaded: Loaded, path: PathBuf) -> Self {
        let mut doc = Self::opened(loaded.map, path);
        doc.disk = loaded.stamp;
        doc.newer_version = loaded.newer_version;
        doc.warnings = loaded.warnings;
        doc
    }

    /// A map restored from a recovery file: tied to its original file (if
    /// any), and dirty, since it holds work that was never saved. `stamp`
    /// is the original's stamp from before the crash, when known, so a
    /// file changed since still gets the changed-on-disk warning.
    pub fn restored(map: Map, path: Option<PathBuf>, stamp: Option<DiskStamp>) -> Self {
        let mut doc = Self::new(map);
        doc.path = path;
        doc.disk = stamp;
        doc.revision = doc.next_revision;
        doc.next_revision += 1;
        doc
    }

    /// The same document, holding `warnings` as if its load had reported
    /// them: a map restored from a recovery file still has, in its own
    /// file, the fields that file's load reported, and a save drops them.
    pub fn with_load_warnings(mut self, warnings: Vec<LoadWarning>) -> Self {
        self.warnings = warnings;
        self
    }

    /// Reads a map file into a clean document. A file from a newer Waymark
    /// opens read-only (see [`Document::newer_version`]).
    pub fn open(path: &Path) -> Result<Self, LoadError> {
        Ok(Self::loaded(
            format::load_with_warnings(path)?,
            path.to_path_buf(),
        ))
    }

    /// Reads any supported file. A `.ron` map stays tied to its file; an
    /// imported one (Mermaid, CSV) opens unsaved, so Save asks for a name
    /// instead of overwriting the source in another format.
    /// A file over the readers' size limit is refused before it is read.
    pub fn open_any(path: &Path) -> Result<Self, LoadError> {
        crate::io::check_size(path)?;
        if crate::io::extension(path) == "ron" {
            Self::open(path)
        } else {
            let map = crate::io::load_any(path)?;
            let mut doc = Self::new(map);
            doc.revision = doc.next_revision;
            doc.next_revision += 1;
            Ok(doc)
        }
    }

    /// The map.
    pub fn map(&self) -> &Map {
        &self.map
    }

    /// The file it was read from or last saved to.
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// The name to show: the file name, or "Untitled".
    pub fn display_name(&self) -> String {
        self.path
            .as_ref()
            .and_then(|p| p.file_name())
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| "Untitled".to_owned())
    }

    /// A number that changes whenever the map does.
    pub fn revision(&self) -> u64 {
        self.revision
    }

    /// This document's identity.
    pub fn id(&self) -> DocId {
        self.id
    }

    /// The key of this document at its current revision.
    pub fn key(&self) -> DocKey {
        DocKey {
            doc: self.id,
            revision: self.revision,
        }
    }

    /// Whether the map differs from the saved file. A document never saved
    /// is dirty once it has been edited.
    pub fn is_dirty(&self) -> bool {
        match self.saved_revision {
            Some(saved) => saved != self.revision,
            None => self.revision != 0,
        }
    }

    /// The format version of the file when a newer Waymark wrote it. Such
    /// a document is read-only: [`Document::save`] refuses, Save As to
    /// another file works.
    pub fn newer_version(&self) -> Option<u32> {
        self.newer_version
    }

    /// What the load skipped: fields this version does not know, which a
    /// save will drop. Empty after a save.
    pub fn load_warnings(&self) -> &[LoadWarning] {
        &self.warnings
    }

    /// The file's stamp as last read or written by this document.
    pub fn disk_stamp(&self) -> Option<DiskStamp> {
        self.disk
    }

    /// Whether the file on disk changed since this document read or wrote
    /// it (someone else saved, a `git pull`, a deletion). False for a
    /// document with no file, or whose file was never stamped.
    pub fn disk_changed(&self) -> std::io::Result<bool> {
        match (&self.path, &self.disk) {
            (Some(path), Some(stamp)) => Ok(!stamp.matches(path)?),
            _ => Ok(false),
        }
    }

    /// The history, for menu labels.
    pub fn history(&self) -> &History {
        &self.history
    }

    /// Applies a command as a new undo step. Returns the ids it handed out.
    pub fn apply(&mut self, command: Command) -> Result<Vec<u64>, EditError> {
        self.apply_merging(command, None)
    }

    /// Applies a command; edits with the same `key` in a row (such as the
    /// keystrokes of one field) form a single undo step.
    pub fn apply_merging(
        &mut self,
        command: Command,
        key: Option<MergeKey>,
    ) -> Result<Vec<u64>, EditError> {
        let mut next = self.map.clone();
        let created = command.apply_to_copy(&mut next)?;
        // Cards are shared and `Eq`, so this compares pointers for every
        // card the command did not touch.
        if next == self.map {
            return Ok(created);
        }
        self.history
            .record(&self.map, self.revision, command.label(), key);
        self.map = next;
        self.revision = self.next_revision;
        self.next_revision += 1;
        Ok(created)
    }

    /// Ends the open merge step (a field lost focus, a drag ended).
    pub fn close_step(&mut self) {
        self.history.close_step();
    }

    /// Undoes one step. Returns false when there was nothing to undo.
    pub fn undo(&mut self) -> bool {
        match self.history.undo(&mut self.map, self.revision) {
            Some(rev) => {
                self.revision = rev;
                true
            }
            None => false,
        }
    }

    /// Redoes one step. Returns false when there was nothing to redo.
    pub fn redo(&mut self) -> bool {
        match self.history.redo(&mut self.map, self.revision) {
            Some(rev) => {
                self.revision = rev;
                true
            }
            None => false,
        }
    }

    /// Saves to the document's own file. Always writes, even when clean.
    /// Refuses when the file came from a newer Waymark, or when it changed
    /// on disk since it was read or saved ([`SaveError::ChangedOnDisk`]:
    /// ask the user, then [`Document::save_overwriting`] or Save As).
    pub fn save(&mut self) -> Result<(), SaveError> {
        let path = self.own_path()?;
        if self.disk_changed().unwrap_or(false) {
            return Err(SaveError::ChangedOnDisk {
                path: path.display().to_string(),
            });
        }
        self.save_overwriting()
    }

    /// Saves to the document's own file even if it changed on disk (the
    /// user chose to overwrite). Still refuses a newer Waymark's file.
    pub fn save_overwriting(&mut self) -> Result<(), SaveError> {
        let path = self.own_path()?;
        if let Some(version) = self.newer_version {
            return Err(SaveError::NewerFile {
                path: path.display().to_string(),
                version,
            });
        }
        self.save_as(&path)
    }

    fn own_path(&self) -> Result<PathBuf, SaveError> {
        self.path.clone().ok_or_else(|| SaveError::Io {
            path: "Untitled".to_owned(),
            message: "the map has no file yet; use Save As".to_owned(),
        })
    }

    /// Saves to `path`, which becomes the document's file. On failure
    /// nothing changes: the document stays dirty and tied to its old file.
    pub fn save_as(&mut self, path: &Path) -> Result<(), SaveError> {
        let stamp = format::save_stamped(&self.map, path)?;
        self.path = Some(path.to_path_buf());
        self.saved_revision = Some(self.revision);
        self.disk = Some(stamp);
        // The file now holds this version's map, without the fields it
        // did not know.
        self.warnings.clear();
        self.newer_version = None;
        Ok(())
    }
}

#[cfg(test)]
mod tests;
