//! Undo and redo by snapshots.
//!
//! A journey map is small, and its cards are shared between snapshots
//! (`Arc`), so keeping the whole map before each step is cheap and makes
//! every command undoable without writing an inverse for each.

use crate::model::Map;

/// One undoable step: the map as it was, and what the step did.
#[derive(Clone, Debug)]
struct Entry {
    map: Map,
    revision: u64,
    label: String,
}

/// Marks edits that belong to one gesture, such as typing in one field:
/// consecutive edits with the same key become one undo step.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct MergeKey(pub String);

/// The undo and redo stacks.
#[derive(Clone, Debug, Default)]
pub struct History {
    undo: Vec<Entry>,
    redo: Vec<Entry>,
    /// The key of the step still open for merging, if any.
    open: Option<MergeKey>,
    limit: usize,
}

impl History {
    /// How many steps are kept by default.
    pub const DEFAULT_LIMIT: usize = 500;

    /// An empty history.
    pub fn new() -> Self {
        Self {
            limit: Self::DEFAULT_LIMIT,
            ..Default::default()
        }
    }

    /// Records the state before a change. With a `key` equal to the still
    /// open step's key, the change joins that step instead.
    pub fn record(&mut self, before: &Map, revision: u64, label: String, key: Option<MergeKey>) {
        self.redo.clear();
        if key.is_some() && key == self.open && !self.undo.is_empty() {
            return;
        }
        self.open = key;
        self.undo.push(Entry {
            map: before.clone(),
            revision,
            label,
        });
        if self.undo.len() > self.limit.max(1) {
            self.undo.remove(0);
        }
    }

    /// Closes the open step, so the next edit starts a new one.
    pub fn close_step(&mut self) {
        self.open = None;
    }

    /// Goes one step back: swaps `current` with the previous state and
    /// returns the revision of the restored state. `None` at the start.
    pub fn undo(&mut self, current: &mut Map, revision: u64) -> Option<u64> {
        self.open = None;
        let entry = self.undo.pop()?;
        let map = std::mem::replace(current, entry.map);
        self.redo.push(Entry {
            map,
            revision,
            label: entry.label,
        });
        Some(entry.revision)
    }

    /// Goes one step forward again. `None` when there is nothing to redo.
    pub fn redo(&mut self, current: &mut Map, revision: u64) -> Option<u64> {
        self.open = None;
        let entry = self.redo.pop()?;
        let map = std::mem::replace(current, entry.map);
        self.undo.push(Entry {
            map,
            revision,
            label: entry.label,
        });
        Some(entry.revision)
    }

    /// What Undo would undo.
    pub fn undo_label(&self) -> Option<&str> {
        self.undo.last().map(|e| e.label.as_str())
    }

    /// What Redo would redo.
    pub fn redo_label(&self) -> Option<&str> {
        self.redo.last().map(|e| e.label.as_str())
    }

    /// Whether there is anything to undo.
    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    /// Whether there is anything to redo.
    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }
}
