//! What the dialogs hold and what the user answers: the types every part
//! of the app names to open a dialog, kept in a leaf so that the dialogs'
//! drawing (`modals`), the code that opens them (`files`, `recovery`,
//! `delete`, ...) and the code that acts on the answers (`dispatch`) use
//! it and not each other.

use std::path::PathBuf;

use crate::analysis::Rule;
use crate::edit::Command;
use crate::recovery::Recovery;
use crate::ui::present::NoteDraft;

use super::export_dialog::ExportForm;

/// An open dialog.
#[derive(Clone, Debug, PartialEq)]
pub enum Dialog {
    /// "Save changes?" before an action that replaces or closes the map.
    Unsaved(Pending),
    /// A typed path, where no file dialog can be shown.
    Path(PathPrompt),
    /// Something went wrong.
    Error(String),
    /// A crashed program left unsaved work: Restore (default) or Discard.
    Restore(Recovery),
    /// Save found the file changed on disk since it was opened or saved
    /// (`gone`: deleted or moved away).
    ChangedOnDisk {
        /// The file is no longer there.
        gone: bool,
    },
    /// A clean map's file changed on disk: reload it?
    ReloadOffer,
    /// The map just opened has fields this version does not know (one
    /// line each: line:col, name, place); a save drops them.
    UnknownFields(Vec<String>),
    /// Saving would drop this many unknown fields.
    DropFields(usize),
    /// The map came from a newer Waymark (this format version): it is
    /// never overwritten.
    ReadOnly(u32),
    /// A save failed; the map is still open and unsaved.
    SaveFailed(String),
    /// Where and how to export a diagram.
    Export(ExportForm),
    /// Why a finding is dismissed.
    DismissReason {
        /// The finding's rule.
        rule: Rule,
        /// The finding's key.
        key: String,
        /// The finding's message.
        message: String,
        /// The reason typed so far.
        reason: String,
    },
    /// A quick note while presenting.
    Note(NoteDraft),
    /// Delete a stage or lane with the cards it holds? Delete (Enter) or
    /// Cancel (Esc).
    ConfirmDelete(DeleteQuestion),
    /// Help → Keyboard Shortcuts; Enter or Esc closes it.
    Shortcuts,
    /// Start a dot vote: which lanes, how many dots each.
    StartVote(crate::ui::room::VoteForm),
    /// Invite the room: on which address to serve the page.
    Invite(crate::ui::room::InviteForm),
}

impl Dialog {
    /// An error dialog.
    pub fn error(message: impl Into<String>) -> Self {
        Dialog::Error(message.into())
    }
}

/// A dialog the user finished with this frame, for `dispatch` to act on.
#[expect(
    clippy::large_enum_variant,
    reason = "one a frame at most, moved once: a box would buy nothing"
)]
pub(super) enum DialogDone {
    /// The dialog closed with this answer.
    Closed(Dialog, Outcome),
    /// The export dialog's "Choose…": pick the path with a file dialog
    /// (the dialog stays open).
    ChooseExportPath,
}

/// What the user did with the top dialog this frame.
pub(super) enum Outcome {
    /// The default button, or Enter.
    Confirm,
    /// The other button ("Don't Save").
    Alternative,
    /// A third button, where a dialog has one.
    Third,
    /// Cancel, or Esc.
    Cancel,
}

/// An action that replaces or closes the document, waiting until unsaved
/// changes are saved or discarded.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Pending {
    /// Start a new map.
    New,
    /// Show the open dialog.
    Open,
    /// Ask for a path to open.
    OpenPrompt,
    /// Open this file.
    OpenFile(PathBuf),
    /// Show the import dialog (Mermaid or CSV), to open it as a new map.
    Import,
    /// Start from a bundled template.
    Template(&'static str),
    /// Close the window.
    Quit,
}

/// What a typed path is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PromptPurpose {
    /// Open the file.
    Open,
    /// Save the map there.
    Save,
    /// Export there; the extension picks the format.
    Export,
    /// Compare the open map with that file.
    Compare,
    /// Add that file's cards to the open map.
    ImportInto,
    /// Read that CSV's stage counts into the open map.
    ImportVolumes,
}

/// A prompt for a typed path.
#[derive(Clone, Debug, PartialEq)]
pub struct PathPrompt {
    /// Open or save.
    pub purpose: PromptPurpose,
    /// The path typed so far.
    pub text: String,
    /// Why the prompt is shown.
    pub reason: String,
}

/// A deletion waiting for the user's yes.
#[derive(Clone, Debug, PartialEq)]
pub struct DeleteQuestion {
    /// What goes, as the question and the status line name it:
    /// "stage “Awareness” and its 7 cards".
    pub what: String,
    /// The deletion.
    pub command: Command,
}
