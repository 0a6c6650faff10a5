//! The editor's widgets. They read the map and the view state and push
//! [`Action`]s; the app applies them after the frame, so nothing edits the
//! map while it draws.

mod actions;
pub mod analysis_panel;
pub mod appearance;
pub mod canvas;
pub mod commands;
pub mod compare_panel;
pub mod edits;
pub mod emotion_picker;
pub mod find;
mod finding_actions;
mod headers;
pub mod help;
mod inline_edit;
pub mod inspector;
pub mod menu;
pub mod pain_list;
pub mod panels;
pub mod present;
pub mod room;
pub mod view;

pub use actions::{Action, Actions};
pub use commands::UiCommand;
pub use inline_edit::finish_edit;
