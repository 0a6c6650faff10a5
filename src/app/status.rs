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
}

impl WaymarkApp {
    /// Reports what an action did.
    pub(super) fn set_status(&mut self, text: impl Into<String>) {
        self.status = Some(Status {
            text: text.into(),
            error: false,
        });
    }

    /// Reports a failure that needs no dialog.
    pub(super) fn set_error_status(&mut self, text: impl Into<String>) {
        self.status = Some(Status {
            text: text.into(),
            error: true,
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
        ui.horizontal(|ui| {
            self.export_status_ui(ui);
            match &self.status {
                Some(Status { text, error: true }) => {
                    ui.colored_label(ui.visuals().error_fg_color, text);
                }
                Some(Status { text, .. }) => {
                    ui.label(text);
                }
                None => {
                    ui.weak("Drag the background to pan · Ctrl+scroll to zoom · Shift+drag to select several cards · 1–5 set the emotion");
                }
            }
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                let doc = &self.session.doc;
                let map = doc.map();
                ui.weak(format!("{} cards · {} stages", map.cards.len(), map.stages.len()));
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
