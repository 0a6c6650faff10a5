//! Every user-level command, with its menu text and keyboard shortcut.
//!
//! The menus, the shortcut handler and the README's shortcut table all read
//! from this one enum (the pattern of rerun's `UICommand`), so a shortcut
//! shown in a menu is always the one that works.

use egui::{Key, KeyboardShortcut, Modifiers};
use strum::IntoEnumIterator as _;

/// A command the user can give from a menu or the keyboard.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, strum::EnumIter)]
pub enum UiCommand {
    /// Start a new map.
    New,
    /// Open a map file.
    Open,
    /// Save to the current file (always writes).
    Save,
    /// Save under a new name.
    SaveAs,
    /// Type a path to open, when no file dialog is available.
    OpenPath,
    /// Close the window.
    Quit,
    /// Undo the last change.
    Undo,
    /// Redo the last undone change.
    Redo,
    /// Add a card to the selected cell.
    AddCard,
    /// Add a stage after the selected one.
    AddStage,
    /// Add a lane below the selected one.
    AddLane,
    /// Delete the selection.
    Delete,
    /// Edit the selection in place.
    EditSelection,
    /// Select every card.
    SelectAll,
    /// Copy the selection as tab-separated text, then delete it.
    Cut,
    /// Copy the selection as tab-separated text.
    Copy,
    /// Paste cards from the clipboard into the selected cell.
    Paste,
    /// Duplicate the selected cards next to themselves.
    Duplicate,
    /// Find cards, stages and lanes by their words.
    Find,
    /// Zoom in.
    ZoomIn,
    /// Zoom out.
    ZoomOut,
    /// Fit the whole map into the window.
    ZoomFit,
    /// Show the map at 100 %.
    ZoomReset,
    /// Fit the selection into the window.
    ZoomSelection,
    /// Show or hide the analysis panel.
    ToggleAnalysis,
    /// Show or hide the inspector.
    ToggleInspector,
    /// Add the cards of a CSV, a Mermaid journey or another map to this
    /// map, each in the stage and lane it names.
    ImportInto,
    /// Open a Mermaid journey or a CSV of cards as a new map.
    Import,
    /// Read each stage's customer count from a CSV of analytics.
    ImportVolumes,
    /// Export a PNG diagram.
    ExportPng,
    /// Export an SVG diagram.
    ExportSvg,
    /// Export a PDF: a poster of the whole map or a handout.
    ExportPdf,
    /// Export a Mermaid journey.
    ExportMermaid,
    /// Export the cards as CSV.
    ExportCsv,
    /// Present the map full screen, stage by stage.
    Present,
    /// Present, with a second window for the presenter.
    PresenterWindow,
    /// Compare the open map with another map file.
    CompareWith,
    /// Save a copy as the map's future state and open it.
    SaveFuture,
    /// Compare a future-state map with its current state.
    CompareWithCurrent,
    /// Add a persona and type its name.
    AddPersona,
    /// Start a dot vote: which lanes, how many dots each.
    StartVote,
    /// Show the counts of the vote and rank the top cards.
    RevealVotes,
    /// End the vote; the dots stay on the cards.
    EndVote,
    /// Take every dot off the map.
    ClearVotes,
    /// Serve the participants' page on the local network.
    InviteRoom,
    /// Stop serving the participants' page.
    CloseRoom,
    /// Show every keyboard shortcut.
    Shortcuts,
}

impl UiCommand {
    /// Every command, in declaration order.
    pub fn all() -> impl Iterator<Item = UiCommand> {
        UiCommand::iter()
    }

    /// The menu text.
    pub fn text(self) -> &'static str {
        match self {
            UiCommand::New => "New",
            UiCommand::Open => "Open…",
            UiCommand::Save => "Save",
            UiCommand::SaveAs => "Save As…",
            UiCommand::OpenPath => "Open by Path…",
            UiCommand::Quit => "Quit",
            UiCommand::Undo => "Undo",
            UiCommand::Redo => "Redo",
            UiCommand::AddCard => "Add Card",
            UiCommand::AddStage => "Add Stage",
            UiCommand::AddLane => "Add Lane",
            UiCommand::Delete => "Delete",
            UiCommand::EditSelection => "Edit Selection",
            UiCommand::SelectAll => "Select All Cards",
            UiCommand::Cut => "Cut",
            UiCommand::Copy => "Copy",
            UiCommand::Paste => "Paste",
            UiCommand::Duplicate => "Duplicate",
            UiCommand::Find => "Find…",
            UiCommand::ZoomSelection => "Zoom to Selection",
            UiCommand::ZoomIn => "Zoom In",
            UiCommand::ZoomOut => "Zoom Out",
            UiCommand::ZoomFit => "Fit Map to Window",
            UiCommand::ZoomReset => "Actual Size",
            UiCommand::ToggleAnalysis => "Analysis Panel",
            UiCommand::ToggleInspector => "Inspector Panel",
            UiCommand::ImportInto => "Import into This Map…",
            UiCommand::Import => "Import as New Map…",
            UiCommand::ImportVolumes => "Import Stage Volumes…",
            UiCommand::ExportPng => "Export PNG…",
            UiCommand::ExportSvg => "Export SVG…",
            UiCommand::ExportPdf => "Export PDF…",
            UiCommand::ExportMermaid => "Export as Mermaid Journey…",
            UiCommand::ExportCsv => "Export Cards as CSV…",
            UiCommand::Present => "Present",
            UiCommand::PresenterWindow => "Presenter Window",
            UiCommand::CompareWith => "Compare with…",
            UiCommand::SaveFuture => "Save as Future State…",
            UiCommand::CompareWithCurrent => "Compare with Current",
            UiCommand::AddPersona => "Add Persona",
            UiCommand::StartVote => "Start Vote…",
            UiCommand::RevealVotes => "Reveal Votes",
            UiCommand::EndVote => "End Vote",
            UiCommand::ClearVotes => "Clear Votes",
            UiCommand::InviteRoom => "Invite the Room…",
            UiCommand::CloseRoom => "Stop Inviting",
            UiCommand::Shortcuts => "Keyboard Shortcuts",
        }
    }

    /// What the command does, in a sentence: the Keyboard Shortcuts
    /// window and the README's table show it.
    pub fn help(self) -> &'static str {
        match self {
            UiCommand::New => "Start a new map",
            UiCommand::Open => "Open a map (or a Mermaid journey or CSV as a new map)",
            UiCommand::Save => "Save (always writes)",
            UiCommand::SaveAs => "Save As… (the extension picks the format)",
            UiCommand::OpenPath => "Open a map by typing its path",
            UiCommand::Quit => "Quit (asks about unsaved work)",
            UiCommand::Undo => "Undo",
            UiCommand::Redo => "Redo",
            UiCommand::AddCard => "Add a card to the selected cell",
            UiCommand::AddStage => "Add a stage after the selected one",
            UiCommand::AddLane => "Add a lane below the selected one",
            UiCommand::Delete => {
                "Delete the selection (asks first for a stage or lane that holds cards)"
            }
            UiCommand::EditSelection => "Edit the selection in place",
            UiCommand::SelectAll => "Select all cards",
            UiCommand::Cut => "Cut the selected cards (or the selected stage or lane)",
            UiCommand::Copy => {
                "Copy the selected cards (or the selected stage or lane with its cards) as tab-separated rows with a header"
            }
            UiCommand::Paste => {
                "Paste spreadsheet rows with a header naming at least `title`, or one card per plain line, into the selected cell"
            }
            UiCommand::Duplicate => "Duplicate the selected cards, each right after itself",
            UiCommand::Find => {
                "Find cards, stages and lanes by their words (Enter / Shift+Enter step, Esc closes); with the analysis panel focused, filter its findings"
            }
            UiCommand::ZoomIn => "Zoom the map in (the interface itself never zooms)",
            UiCommand::ZoomOut => "Zoom the map out",
            UiCommand::ZoomFit => "Fit the whole map into the window",
            UiCommand::ZoomReset => "Show the map at 100 %",
            UiCommand::ZoomSelection => "Zoom to the selection",
            UiCommand::ToggleAnalysis => "Show or hide the analysis panel",
            UiCommand::ToggleInspector => "Show or hide the inspector",
            UiCommand::ImportInto => {
                "Import the cards of a CSV, Mermaid journey or map into this map, each in the stage and lane it names (one undo step)"
            }
            UiCommand::Import => "Import a Mermaid journey or a CSV of cards as a new map",
            UiCommand::ImportVolumes => {
                "Read how many customers reached each stage from a CSV of stage names and counts (one undo step)"
            }
            UiCommand::ExportPng => "Export PNG…",
            UiCommand::ExportSvg => "Export SVG…",
            UiCommand::ExportPdf => "Export a PDF poster or handout…",
            UiCommand::ExportMermaid => "Export a Mermaid journey…",
            UiCommand::ExportCsv => "Export the cards as CSV…",
            UiCommand::Present => {
                "Present the map full screen, stage by stage (View → Presenter Window adds a window for the facilitator)"
            }
            UiCommand::PresenterWindow => "Present, with a window for the facilitator",
            UiCommand::CompareWith => {
                "Compare with… another map: changes marked on the canvas and listed beside it"
            }
            UiCommand::SaveFuture => "Save a copy as the map's future state and open it",
            UiCommand::CompareWithCurrent => "Compare a future-state map with its current state",
            UiCommand::AddPersona => "Add a persona and type its name",
            UiCommand::StartVote => {
                "Start a dot vote: the lanes that take dots (pain points first), dots each"
            }
            UiCommand::RevealVotes => "Show the vote's counts and rank the top cards",
            UiCommand::EndVote => "End the vote; the dots stay on the cards",
            UiCommand::ClearVotes => "Take every dot off the map",
            UiCommand::InviteRoom => {
                "Serve a page on the local network for participants' phones: notes and dots"
            }
            UiCommand::CloseRoom => "Stop serving the participants' page",
            UiCommand::Shortcuts => "Show this list of keyboard shortcuts",
        }
    }

    /// The keyboard shortcuts, the one menus show first. Shortcuts with
    /// plain keys (Delete, Enter) only fire when no text field has the
    /// keyboard.
    pub fn shortcuts(self) -> Vec<KeyboardShortcut> {
        let cmd = Modifiers::COMMAND;
        let cmd_shift = Modifiers::COMMAND | Modifiers::SHIFT;
        let none = Modifiers::NONE;
        let keys: &[(Modifiers, Key)] = match self {
            UiCommand::New => &[(cmd, Key::N)],
            UiCommand::Open => &[(cmd, Key::O)],
            UiCommand::Save => &[(cmd, Key::S)],
            UiCommand::SaveAs => &[(cmd_shift, Key::S)],
            UiCommand::OpenPath => &[(cmd_shift, Key::O)],
            UiCommand::Quit => &[(cmd, Key::Q)],
            UiCommand::Undo => &[(cmd, Key::Z)],
            UiCommand::Redo => &[(cmd_shift, Key::Z), (cmd, Key::Y)],
            UiCommand::AddCard => &[(none, Key::N)],
            UiCommand::AddStage => &[(cmd_shift, Key::T)],
            UiCommand::AddLane => &[(cmd_shift, Key::L)],
            UiCommand::Delete => &[(none, Key::Delete)],
            UiCommand::EditSelection => &[(none, Key::Enter)],
            UiCommand::SelectAll => &[(cmd, Key::A)],
            UiCommand::Cut => &[(cmd, Key::X)],
            UiCommand::Copy => &[(cmd, Key::C)],
            UiCommand::Paste => &[(cmd, Key::V)],
            UiCommand::Duplicate => &[(cmd, Key::D)],
            UiCommand::Find => &[(cmd, Key::F)],
            UiCommand::ZoomSelection => &[(cmd, Key::Num2)],
            UiCommand::ZoomIn => &[(cmd, Key::Equals), (cmd, Key::Plus)],
            UiCommand::ZoomOut => &[(cmd, Key::Minus)],
            UiCommand::ZoomFit => &[(cmd, Key::Num0)],
            UiCommand::ZoomReset => &[(cmd, Key::Num1)],
            UiCommand::ToggleAnalysis => &[(none, Key::F9)],
            UiCommand::ToggleInspector => &[(none, Key::F10)],
            UiCommand::ImportInto => &[(cmd, Key::I)],
            UiCommand::Import => &[(cmd_shift, Key::I)],
            UiCommand::ExportPng => &[(cmd, Key::E)],
            UiCommand::ExportSvg => &[(cmd_shift, Key::E)],
            UiCommand::ExportPdf
            | UiCommand::ExportMermaid
            | UiCommand::ExportCsv
            | UiCommand::ImportVolumes => &[],
            UiCommand::Present => &[(none, Key::F5)],
            UiCommand::PresenterWindow => &[],
            UiCommand::CompareWith => &[(cmd_shift, Key::D)],
            UiCommand::SaveFuture | UiCommand::CompareWithCurrent | UiCommand::AddPersona => &[],
            UiCommand::StartVote
            | UiCommand::RevealVotes
            | UiCommand::EndVote
            | UiCommand::ClearVotes
            | UiCommand::InviteRoom
            | UiCommand::CloseRoom => &[],
            UiCommand::Shortcuts => &[(none, Key::F1)],
        };
        keys.iter()
            .map(|(m, k)| KeyboardShortcut::new(*m, *k))
            .collect()
    }

    /// The shortcut menus and tooltips show.
    pub fn shortcut(self) -> Option<KeyboardShortcut> {
        self.shortcuts().first().copied()
    }

    /// Whether the shortcut is one that text fields need for themselves
    /// (plain keys, select-all and the clipboard).
    pub fn is_plain_key(self) -> bool {
        matches!(
            self,
            UiCommand::SelectAll | UiCommand::Cut | UiCommand::Copy | UiCommand::Paste
        ) || self
            .shortcut()
            .is_some_and(|s| s.modifiers == Modifiers::NONE)
    }

    /// A menu button for the command, showing its shortcut.
    pub fn menu_button(self, ui: &mut egui::Ui, enabled: bool) -> bool {
        let mut button = egui::Button::new(self.text());
        if let Some(shortcut) = self.shortcut() {
            button = button.shortcut_text(ui.ctx().format_shortcut(&shortcut));
        }
        ui.add_enabled(enabled, button).clicked()
    }
}
