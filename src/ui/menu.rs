//! The menu bar and the toolbar under it.

use std::path::PathBuf;

use egui::Ui;

use super::appearance::Appearance;
use super::{Action, Actions, UiCommand};

/// What the menus need to know to enable items.
pub struct MenuState<'a> {
    /// What Undo would undo, if anything.
    pub undo: Option<&'a str>,
    /// What Redo would redo, if anything.
    pub redo: Option<&'a str>,
    /// Whether anything is selected.
    pub has_selection: bool,
    /// Recently opened files.
    pub recent: &'a [PathBuf],
    /// The zoom, for the toolbar.
    pub zoom: f32,
    /// How many findings the analysis has.
    pub findings: usize,
    /// Whether the analysis panel is shown.
    pub show_analysis: bool,
    /// Whether the inspector is shown.
    pub show_inspector: bool,
    /// The theme chosen in View → Theme.
    pub theme: Appearance,
    /// Whether the map is a current state (it can be saved as a future).
    pub can_save_future: bool,
    /// Whether the map is a future state whose current file exists.
    pub can_compare_current: bool,
    /// A dot vote runs (`Some`), revealed or not.
    pub vote: Option<bool>,
    /// Whether any card has dots.
    pub has_votes: bool,
    /// Whether phones are invited.
    pub room_open: bool,
}

/// Shows the menu bar.
pub fn menu_bar_ui(ui: &mut Ui, state: &MenuState<'_>, out: &mut Actions) {
    egui::MenuBar::new().ui(ui, |ui| {
        ui.menu_button("File", |ui| {
            for cmd in [UiCommand::New, UiCommand::Open, UiCommand::OpenPath] {
                if cmd.menu_button(ui, true) {
                    out.command(cmd);
                }
            }
            ui.menu_button("New from Template", |ui| {
                for template in crate::interchange::templates::all() {
                    if ui
                        .button(template.name)
                        .on_hover_text(template.description)
                        .clicked()
                    {
                        out.push(Action::Template(template.id));
                    }
                }
            });
            ui.menu_button("Open Recent", |ui| {
                if state.recent.is_empty() {
                    ui.weak("No recent files");
                }
                for path in state.recent {
                    if ui.button(path.display().to_string()).clicked() {
                        out.push(Action::OpenFile(path.clone()));
                    }
                }
            });
            ui.separator();
            for cmd in [UiCommand::Save, UiCommand::SaveAs] {
                if cmd.menu_button(ui, true) {
                    out.command(cmd);
                }
            }
            ui.separator();
            for (cmd, enabled) in [
                (UiCommand::CompareWith, true),
                (UiCommand::SaveFuture, state.can_save_future),
                (UiCommand::CompareWithCurrent, state.can_compare_current),
            ] {
                if cmd.menu_button(ui, enabled) {
                    out.command(cmd);
                }
            }
            ui.separator();
            for cmd in [
                UiCommand::ImportInto,
                UiCommand::ImportVolumes,
                UiCommand::Import,
                UiCommand::ExportPng,
                UiCommand::ExportSvg,
                UiCommand::ExportPdf,
                UiCommand::ExportMermaid,
                UiCommand::ExportCsv,
            ] {
                if cmd.menu_button(ui, true) {
                    out.command(cmd);
                }
            }
            ui.separator();
            if UiCommand::Quit.menu_button(ui, true) {
                out.command(UiCommand::Quit);
            }
        });
        ui.menu_button("Edit", |ui| {
            let undo = state
                .undo
                .map_or("Undo".to_owned(), |l| format!("Undo {l}"));
            let redo = state
                .redo
                .map_or("Redo".to_owned(), |l| format!("Redo {l}"));
            if labelled(ui, UiCommand::Undo, &undo, state.undo.is_some()) {
                out.command(UiCommand::Undo);
            }
            if labelled(ui, UiCommand::Redo, &redo, state.redo.is_some()) {
                out.command(UiCommand::Redo);
            }
            ui.separator();
            for cmd in [
                UiCommand::AddCard,
                UiCommand::AddStage,
                UiCommand::AddLane,
                UiCommand::AddPersona,
            ] {
                if cmd.menu_button(ui, true) {
                    out.command(cmd);
                }
            }
            ui.separator();
            for cmd in [UiCommand::Cut, UiCommand::Copy] {
                if cmd.menu_button(ui, state.has_selection) {
                    out.command(cmd);
                }
            }
            if UiCommand::Paste.menu_button(ui, true) {
                out.command(UiCommand::Paste);
            }
            if UiCommand::Duplicate.menu_button(ui, state.has_selection) {
                out.command(UiCommand::Duplicate);
            }
            ui.separator();
            for cmd in [UiCommand::EditSelection, UiCommand::Delete] {
                if cmd.menu_button(ui, state.has_selection) {
                    out.command(cmd);
                }
            }
            if UiCommand::SelectAll.menu_button(ui, true) {
                out.command(UiCommand::SelectAll);
            }
            ui.separator();
            if UiCommand::Find.menu_button(ui, true) {
                out.command(UiCommand::Find);
            }
            ui.separator();
            for (cmd, enabled) in [
                (UiCommand::StartVote, state.vote.is_none()),
                (UiCommand::RevealVotes, state.vote == Some(false)),
                (UiCommand::EndVote, state.vote.is_some()),
                (UiCommand::ClearVotes, state.has_votes),
                (UiCommand::InviteRoom, !state.room_open),
                (UiCommand::CloseRoom, state.room_open),
            ] {
                if cmd.menu_button(ui, enabled) {
                    out.command(cmd);
                }
            }
        });
        ui.menu_button("View", |ui| {
            for cmd in [
                UiCommand::ZoomIn,
                UiCommand::ZoomOut,
                UiCommand::ZoomFit,
                UiCommand::ZoomReset,
                UiCommand::ZoomSelection,
            ] {
                if cmd.menu_button(ui, true) {
                    out.command(cmd);
                }
            }
            ui.separator();
            for cmd in [UiCommand::Present, UiCommand::PresenterWindow] {
                if cmd.menu_button(ui, true) {
                    out.command(cmd);
                }
            }
            ui.separator();
            for (cmd, shown) in [
                (UiCommand::ToggleAnalysis, state.show_analysis),
                (UiCommand::ToggleInspector, state.show_inspector),
            ] {
                let mut shown = shown;
                let text = match cmd.shortcut() {
                    Some(s) => format!("{} ({})", cmd.text(), ui.ctx().format_shortcut(&s)),
                    None => cmd.text().to_owned(),
                };
                if ui.checkbox(&mut shown, text).clicked() {
                    out.command(cmd);
                }
            }
            ui.separator();
            ui.menu_button("Theme", |ui| {
                for choice in Appearance::ALL {
                    if ui.radio(state.theme == choice, choice.label()).clicked() {
                        out.push(Action::SetTheme(choice));
                    }
                }
            });
        });
        ui.menu_button("Help", |ui| {
            if UiCommand::Shortcuts.menu_button(ui, true) {
                out.command(UiCommand::Shortcuts);
            }
        });
    });
}

fn labelled(ui: &mut Ui, cmd: UiCommand, text: &str, enabled: bool) -> bool {
    let mut button = egui::Button::new(text);
    if let Some(shortcut) = cmd.shortcut() {
        button = button.shortcut_text(ui.ctx().format_shortcut(&shortcut));
    }
    ui.add_enabled(enabled, button).clicked()
}

/// The toolbar: the commands people use most, as buttons.
pub fn toolbar_ui(ui: &mut Ui, state: &MenuState<'_>, out: &mut Actions) {
    ui.horizontal(|ui| {
        let tip = |cmd: UiCommand, ui: &Ui| {
            cmd.shortcut()
                .map(|s| format!("{} ({})", cmd.text(), ui.ctx().format_shortcut(&s)))
                .unwrap_or_else(|| cmd.text().to_owned())
        };
        for (cmd, label, enabled) in [
            (UiCommand::Undo, "Undo", state.undo.is_some()),
            (UiCommand::Redo, "Redo", state.redo.is_some()),
        ] {
            let hover = tip(cmd, ui);
            if ui
                .add_enabled(enabled, egui::Button::new(label))
                .on_hover_text(hover)
                .clicked()
            {
                out.command(cmd);
            }
        }
        ui.separator();
        for (cmd, label) in [
            (UiCommand::AddCard, "+ Card"),
            (UiCommand::AddStage, "+ Stage"),
            (UiCommand::AddLane, "+ Lane"),
        ] {
            let hover = tip(cmd, ui);
            if ui.button(label).on_hover_text(hover).clicked() {
                out.command(cmd);
            }
        }
        ui.separator();
        for (cmd, label) in [
            (UiCommand::ZoomOut, "−"),
            (UiCommand::ZoomIn, "+"),
            (UiCommand::ZoomFit, "Fit"),
        ] {
            let hover = tip(cmd, ui);
            if ui.button(label).on_hover_text(hover).clicked() {
                out.command(cmd);
            }
        }
        ui.label(format!("{:.0} %", state.zoom * 100.0));
        ui.separator();
        let label = format!("Analysis ({})", state.findings);
        if ui
            .selectable_label(state.show_analysis, label)
            .on_hover_text("Show or hide the gaps Waymark found in the journey (F9)")
            .clicked()
        {
            out.command(UiCommand::ToggleAnalysis);
        }
    });
}
