//! Editing: commands, history, and the document that ties them together.

mod command;
mod document;
mod history;

pub use command::{Command, EditError};
pub use document::Document;
pub use history::{History, MergeKey};
