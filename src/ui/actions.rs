//! The one queue from the widgets to the app: everything a frame asks for,
//! applied in order after drawing, so nothing edits the map while it draws.

use std::path::PathBuf;

use crate::analysis::{Place, Rule};
use crate::edit::{Command, MergeKey};
use crate::model::{LaneId, StageId};

use super::appearance::Appearance;
use super::commands::UiCommand;

/// One thing the user asked for during a frame.
// A frame queues a handful of actions: an `Edit` carrying a whole `Card`
// (about 270 bytes since cards have evidence) inline costs nothing worth
// a box per edit.
#[allow(clippy::large_enum_variant)]
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// Change the map.
    Edit {
        /// The change.
        command: Command,
        /// Edits with the same key in a row form one undo step.
        merge: Option<MergeKey>,
    },
    /// A command from a menu, the toolbar or a shortcut.
    Command(UiCommand),
    /// Add a card at the end of a cell, select it and edit its title.
    AddCardIn {
        /// The stage.
        stage: StageId,
        /// The lane.
        lane: LaneId,
    },
    /// Select, reveal and highlight the place a finding names.
    Locate(Place),
    /// Ask for a reason, then dismiss a finding.
    AskDismiss {
        /// The finding's rule.
        rule: Rule,
        /// The finding's key.
        key: String,
        /// The finding's message, to remind the user what is dismissed.
        message: String,
    },
    /// Paste this text (from the system clipboard) as cards.
    Paste(String),
    /// Open this file (a recent file, a dropped file).
    OpenFile(PathBuf),
    /// Start a new map from a bundled template.
    Template(&'static str),
    /// Switch the editor's theme (View → Theme).
    SetTheme(Appearance),
    /// Compare the open map with this file (taken as the older one).
    CompareWith(PathBuf),
    /// Go to the place of an entry of the comparison list (its index).
    CompareGo(usize),
    /// Leave the comparison.
    LeaveCompare,
    /// A dot on a card in the vote, or (`add` false) one taken back, by
    /// the voter at this machine.
    Vote {
        /// The card.
        card: crate::model::CardId,
        /// Add a dot, or take one back.
        add: bool,
    },
    /// The next person in the room votes at this machine.
    NextVoter,
    /// Accept a note from a phone: a card in the Inbox lane.
    AcceptNote(u64),
    /// Reject a note from a phone.
    RejectNote(u64),
}

/// The actions of one frame, in order.
#[derive(Debug, Default)]
pub struct Actions(Vec<Action>);

impl Actions {
    /// Queues an action.
    pub fn push(&mut self, action: Action) {
        self.0.push(action);
    }

    /// Queues an edit as its own undo step.
    pub fn edit(&mut self, command: Command) {
        self.push(Action::Edit {
            command,
            merge: None,
        });
    }

    /// Queues an edit that merges with the previous one with the same key.
    pub fn edit_merging(&mut self, command: Command, key: String) {
        self.push(Action::Edit {
            command,
            merge: Some(MergeKey(key)),
        });
    }

    /// Queues a command.
    pub fn command(&mut self, command: UiCommand) {
        self.push(Action::Command(command));
    }

    /// Takes the queued actions, oldest first.
    pub fn drain(&mut self) -> std::vec::Drain<'_, Action> {
        self.0.drain(..)
    }

    /// Whether nothing is queued.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}
