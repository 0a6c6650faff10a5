//! Editing: commands, history, and the document that ties them together.

mod apply;
mod checks;
mod command;
mod document;
mod history;
mod paste;
pub use paste::created_cards;

pub use command::{CardField, Command, EditError, LaneField, StageField, StageVolume};
pub use document::{DocId, DocKey, Document};
pub use history::{History, MergeKey};
