//! The editor's widgets. They read the map and emit [`Actions`]; the app
//! applies them after the frame, so nothing edits the map while it draws.

pub mod analysis_panel;
pub mod canvas;
pub mod commands;
pub mod emotion_picker;
mod headers;
mod inline_edit;
pub mod inspector;
pub mod menu;

use crate::edit::{Command, MergeKey};

pub use commands::UiCommand;

/// One edit to apply after the frame.
#[derive(Clone, Debug, PartialEq)]
pub struct Edit {
    /// The change.
    pub command: Command,
    /// Edits with the same key in a row form one undo step.
    pub merge: Option<MergeKey>,
}

/// What the widgets asked for during a frame.
#[derive(Debug, Default)]
pub struct Actions {
    /// Edits to the map, in order.
    pub edits: Vec<Edit>,
    /// Commands such as Save or Zoom In.
    pub commands: Vec<UiCommand>,
}

impl Actions {
    /// Queues an edit as its own undo step.
    pub fn edit(&mut self, command: Command) {
        self.edits.push(Edit {
            command,
            merge: None,
        });
    }

    /// Queues an edit that merges with the previous one with the same key.
    pub fn edit_merging(&mut self, command: Command, key: String) {
        self.edits.push(Edit {
            command,
            merge: Some(MergeKey(key)),
        });
    }

    /// Queues a command.
    pub fn command(&mut self, command: UiCommand) {
        self.commands.push(command);
    }
}
