//! The status bar: what the last action did, the running export, and the
//! map's counts.

use super::WaymarkApp;

/// A message in the status bar. It belongs to the action that set it: the
/// next action clears it, so "Redone" never outlives the redo.
#[derive(Clone, Debug, PartialEq)]
pub struct Status {
    /// The text.
    pub text: String,
    /// Whether it reports a failure.
    pub error: bool,
    /// Whether Undo takes back what it reports: the bar offers it.
    pub undo: bool,
}

impl WaymarkApp {
    /// Reports what an action did.
    pub(super) fn set_status(&mut self, text: impl Into<String>) {
        self.status = Some(Status {
            text: text.into(),
            error: false,
            undo: false,
        });
    }

    /// Reports an edit the user may regret (a deletion), with Undo beside it.
    pub(super) fn set_undoable_status(&mut self, text: impl Into<String>) {
        self.status = Some(Status {
            text: text.into(),
            error: false,
            undo: true,
        });
    }

    /// Reports a failure that needs no dialog.
    pub(super) fn set_error_status(&mut self, text: impl Into<String>) {
        self.status = Some(Status {
            text: text.into(),
            error: true,
            undo: false,
        });
    }

    /// The status bar's contents.
    pub(super) fn status_bar_ui(&mut self, ui: &mut egui::Ui) {
        if let Some(notice) = &self.font_notice {
            let mut dismissed = false;
            ui.horizontal_wrapped(|ui| {
                ui.colored_label(ui.visuals().warn_fg_color, notice);
                dismissed = ui.small_button("Hide font notice").clicked();
            });
            if dismissed {
                self.font_notice = None;
            }
        }
        if let Some(found) = &self.recovery_notice {
            let name = found.original.as_deref().map_or_else(
                || "An untitled map".to_owned(),
                |p| {
                    p.file_name().map_or_else(
                        || p.display().to_string(),
                        |n| n.to_string_lossy().into_owned(),
                    )
                },
            );
            let (mut open, mut hide) = (false, false);
            ui.horizontal_wrapped(|ui| {
                ui.colored_label(
                    ui.visuals().warn_fg_color,
                    format!("{name} has unsaved work from a Waymark that closed unexpectedly."),
                );
                open = ui.small_button("Open it").clicked();
                hide = ui.small_button("Not now").clicked();
            });
            if open {
                self.open_waiting_recovery();
            } else if hide {
                self.recovery_notice = None;
            }
        }
        ui.horizontal(|ui| {
            self.export_status_ui(ui);
            match &self.status {
                Some(Status {
                    text, error: true, ..
                }) => {
                    ui.colored_label(ui.visuals().error_fg_color, text);
                }
                Some(Status { text, undo, .. }) => {
                    ui.label(text);
                    let undo_text = match crate::ui::UiCommand::Undo.shortcut() {
                        Some(s) => format!("Undo ({})", crate::ui::help::shortcut_text(&s)),
                        None => "Undo".to_owned(),
                    };
                    if *undo && ui.small_button(undo_text).clicked() {
                        self.queued
                            .push(crate::ui::Action::Command(crate::ui::UiCommand::Undo));
                        ui.ctx().request_repaint();
                    }
                }
                None => {
                    ui.weak("Drag the background to pan · Ctrl+scroll to zoom · Shift+drag to select several cards · 1–5 set the emotion");
                }
            }
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                let doc = &self.session.doc;
                let map = doc.map();
                let stages = crate::analysis::count_noun(map.stages.len(), "stage", "stages");
                ui.weak(format!("{} · {stages}", super::delete::cards(map.cards.len())));
                if doc.is_dirty() {
                    ui.weak("Unsaved changes ·");
                }
                // A failing autosave must not fail silently: the user
                // relies on it for crash recovery.
                if let Some(error) = self.autosave_error() {
                    ui.colored_label(
                        ui.visuals().error_fg_color,
                        format!("Autosave failed: {error} ·"),
                    );
                }
            });
        });
    }
}
