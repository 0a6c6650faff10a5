//! Editing: commands, history, and the document that ties them together.

mod apply;
mod command;
mod document;
mod history;

pub use command::{CardField, Command, EditError, LaneField, StageField};
pub use document::{DocId, DocKey, Document};
pub use history::{History, MergeKey};
