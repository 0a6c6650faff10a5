//! Help → Keyboard Shortcuts: one table, built from the command table
//! ([`UiCommand`]) and the canvas's own keys, shown in the app and
//! checked against the README's table by a test, so the three cannot
//! drift apart.

use egui::{KeyboardShortcut, Ui};

use super::UiCommand;

/// Keys the canvas reads for itself, not commands of any menu.
pub const CANVAS_KEYS: [(&str, &str); 3] = [
    (
        "Esc",
        "Cancel an edit or a drag; leave a comparison; clear the selection",
    ),
    (
        "Arrow keys",
        "Move the selected cards to the neighbouring stage or lane",
    ),
    (
        "1 … 5, 0",
        "Set the emotion of the selected cards to −2 … +2; clear it",
    ),
];

/// The keys while presenting (see `ui::present::keys`).
pub const PRESENT_KEYS: [(&str, &str); 13] = [
    ("→ / Page Down / Space", "Next stop or stage"),
    ("← / Page Up", "Previous stop or stage"),
    ("Home / End", "First / last stage"),
    ("I", "Show or hide the stage's goal, emotion and findings"),
    ("O", "The whole map, fitted (again to return)"),
    ("B / W", "Black / white screen (again, or Esc, to return)"),
    (
        "N",
        "A quick note on the stage: Enter adds it as a card in Opportunities (Tab: Thoughts)",
    ),
    (
        "P",
        "Open or close the presenter window (current and next stage, findings, notes, elapsed time)",
    ),
    (
        "T / + / −",
        "Start or stop a time-box (5 minutes), a minute more / less: shown on the projector and the presenter window",
    ),
    (
        "V",
        "Dot vote: start one (lanes, dots each; click a card for a dot, right-click takes it back), again to reveal and rank the top cards, again to end it",
    ),
    (
        "J",
        "Hide or show the room's join code and QR code (while phones are invited)",
    ),
    ("Ctrl+Z / Ctrl+Shift+Z / Ctrl+S", "Undo / redo / save"),
    ("Esc", "Leave presenting"),
];

/// How a shortcut is written: "Ctrl+Shift+S", "F9", "N".
pub fn shortcut_text(shortcut: &KeyboardShortcut) -> String {
    let mut text = String::new();
    if shortcut.modifiers.command || shortcut.modifiers.ctrl {
        text.push_str("Ctrl+");
    }
    if shortcut.modifiers.shift {
        text.push_str("Shift+");
    }
    if shortcut.modifiers.alt {
        text.push_str("Alt+");
    }
    text.push_str(shortcut.logical_key.symbol_or_name());
    text
}

/// The editor's shortcut table: every command with a shortcut, in the
/// command table's order (its keys joined by " or "), then the canvas's
/// own keys.
pub fn editor_rows() -> Vec<(String, String)> {
    let commands = UiCommand::all().filter_map(|cmd| {
        let keys: Vec<String> = cmd.shortcuts().iter().map(shortcut_text).collect();
        (!keys.is_empty()).then(|| (keys.join(" or "), cmd.help().to_owned()))
    });
    let canvas = CANVAS_KEYS
        .iter()
        .map(|(k, what)| ((*k).to_owned(), (*what).to_owned()));
    commands.chain(canvas).collect()
}

/// The presentation's table.
pub fn present_rows() -> Vec<(String, String)> {
    PRESENT_KEYS
        .iter()
        .map(|(k, what)| ((*k).to_owned(), (*what).to_owned()))
        .collect()
}

/// A table as the README writes it.
pub fn markdown(first: &str, rows: &[(String, String)]) -> String {
    let mut text = format!("| Keys | {first} |\n| --- | --- |\n");
    for (keys, what) in rows {
        text.push_str(&format!("| {keys} | {what} |\n"));
    }
    text
}

/// The body of the Keyboard Shortcuts window: the two tables, scrolling.
pub fn shortcuts_ui(ui: &mut Ui) {
    ui.set_width(620.0);
    ui.heading("Keyboard shortcuts");
    ui.weak("Letter keys act on the map only while no text field has the keyboard.");
    ui.add_space(6.0);
    let height = (ui.ctx().content_rect().height() - 220.0).max(160.0);
    egui::ScrollArea::vertical()
        .max_height(height)
        .show(ui, |ui| {
            table_ui(ui, "editor", &editor_rows());
            ui.add_space(10.0);
            ui.label(egui::RichText::new("While presenting").strong());
            table_ui(ui, "presenting", &present_rows());
        });
}

fn table_ui(ui: &mut Ui, id: &str, rows: &[(String, String)]) {
    egui::Grid::new(("shortcuts", id))
        .num_columns(2)
        .striped(true)
        .spacing([16.0, 6.0])
        .show(ui, |ui| {
            for (keys, what) in rows {
                ui.label(egui::RichText::new(keys).monospace().strong());
                ui.add(egui::Label::new(what.as_str()).wrap());
                ui.end_row();
            }
        });
}
