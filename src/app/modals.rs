//! Dialogs on a small stack. The top one owns the keyboard and pointer:
//! Enter is its default button, Esc cancels, its first text field has the
//! focus with any prefilled text selected, and nothing reaches the map
//! behind it.

use std::path::{Path, PathBuf};

use egui::{Id, Key, Modal, Modifiers, Ui};

use crate::analysis::Rule;
use crate::model::Dismissal;

use super::WaymarkApp;
use super::export_dialog::{ExportForm, FormAction};
use super::files::{PathPrompt, Pending, PromptPurpose};

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
    Restore(crate::recovery::Recovery),
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
    Note(crate::ui::present::NoteDraft),
    /// Delete a stage or lane with the cards it holds? Delete (Enter) or
    /// Cancel (Esc).
    ConfirmDelete(super::delete::DeleteQuestion),
    /// Help → Keyboard Shortcuts; Enter or Esc closes it.
    Shortcuts,
}

impl Dialog {
    /// An error dialog.
    pub fn error(message: impl Into<String>) -> Self {
        Dialog::Error(message.into())
    }
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

/// A text field that takes the focus when its dialog opens, with its text
/// selected so typing replaces it.
pub(super) fn first_field(
    ui: &mut Ui,
    label: &str,
    text: &mut String,
    fresh: bool,
) -> egui::Response {
    let l = ui.label(label);
    let output = egui::TextEdit::singleline(text)
        .desired_width(f32::INFINITY)
        .show(ui);
    let response = output.response.response.labelled_by(l.id);
    if fresh {
        let mut state = output.state;
        state
            .cursor
            .set_char_range(Some(egui::text::CCursorRange::select_all_str(text)));
        state.store(ui.ctx(), response.id);
        response.request_focus();
    }
    response
}

/// Enter and Esc, taken from the input so nothing behind the dialog sees
/// them.
fn keys(ctx: &egui::Context) -> Option<Outcome> {
    ctx.input_mut(|i| {
        if i.consume_key(Modifiers::NONE, Key::Enter) {
            Some(Outcome::Confirm)
        } else if i.consume_key(Modifiers::NONE, Key::Escape) {
            Some(Outcome::Cancel)
        } else {
            None
        }
    })
}

impl WaymarkApp {
    /// After a save that a dialog held up: goes on with what "Save
    /// changes?" was asked for, once saved; forgets it when nothing is
    /// left to answer.
    fn continue_after_save(&mut self, saved: bool) {
        if saved {
            if let Some(action) = self.after_save.take() {
                self.proceed(action);
            }
        } else if self.modals.is_empty() {
            self.after_save = None;
        }
    }

    /// Opens a dialog on top of any others.
    pub(super) fn push_dialog(&mut self, dialog: Dialog) {
        self.modals.push(dialog);
        self.modal_fresh = true;
    }

    /// Closes the top dialog.
    fn pop_dialog(&mut self) -> Option<Dialog> {
        self.modal_fresh = true;
        self.modals.pop()
    }

    /// Shows the top dialog and acts on what the user chose.
    pub(super) fn modals_ui(&mut self, ctx: &egui::Context) {
        let fresh = std::mem::take(&mut self.modal_fresh);
        let display_name = self.session.doc.display_name();
        let depth = self.modals.len();
        let Some(top) = self.modals.last_mut() else {
            return;
        };
        let mut outcome = None;
        let mut choose = false;
        Modal::new(Id::unique(("dialog", depth))).show(ctx, |ui| match top {
            Dialog::Unsaved(action) => {
                ui.set_width(400.0);
                ui.heading("Save changes?");
                ui.label(format!(
                    "“{display_name}” has changes that are not saved. Save them before {}?",
                    match action {
                        Pending::Quit => "closing",
                        Pending::New => "starting a new map",
                        _ => "opening another map",
                    }
                ));
                ui.add_space(8.0);
                ui.horizontal(|ui| {
                    let save = ui.button("Save");
                    if fresh {
                        save.request_focus();
                    }
                    if save.clicked() {
                        outcome = Some(Outcome::Confirm);
                    }
                    if ui.button("Don't Save").clicked() {
                        outcome = Some(Outcome::Alternative);
                    }
                    if ui.button("Cancel").clicked() {
                        outcome = Some(Outcome::Cancel);
                    }
                });
            }
            Dialog::Path(prompt) => {
                ui.set_width(520.0);
                ui.heading(match prompt.purpose {
                    PromptPurpose::Open => "Open a map",
                    PromptPurpose::Save => "Save the map",
                    PromptPurpose::Export => "Export the map",
                    PromptPurpose::Compare => "Compare with a map",
                    PromptPurpose::ImportInto => "Import cards into this map",
                });
                ui.label(&prompt.reason);
                first_field(ui, "Path", &mut prompt.text, fresh);
                ui.horizontal(|ui| {
                    let verb = match prompt.purpose {
                        PromptPurpose::Open => "Open",
                        PromptPurpose::Save => "Save",
                        PromptPurpose::Export => "Export",
                        PromptPurpose::Compare => "Compare",
                        PromptPurpose::ImportInto => "Import",
                    };
                    if ui.button(verb).clicked() {
                        outcome = Some(Outcome::Confirm);
                    }
                    if ui.button("Cancel").clicked() {
                        outcome = Some(Outcome::Cancel);
                    }
                });
            }
            Dialog::Export(form) => match form.ui(ui, fresh) {
                Some(FormAction::Export) => outcome = Some(Outcome::Confirm),
                Some(FormAction::Cancel) => outcome = Some(Outcome::Cancel),
                Some(FormAction::Choose) => choose = true,
                None => {}
            },
            Dialog::Error(message) => {
                ui.set_width(480.0);
                ui.heading("Something went wrong");
                ui.label(message.as_str());
                ui.add_space(8.0);
                let ok = ui.button("OK");
                if fresh {
                    ok.request_focus();
                }
                if ok.clicked() {
                    outcome = Some(Outcome::Confirm);
                }
            }
            dialog @ (Dialog::Restore(_)
            | Dialog::ChangedOnDisk { .. }
            | Dialog::ReloadOffer
            | Dialog::UnknownFields(_)
            | Dialog::DropFields(_)
            | Dialog::ReadOnly(_)
            | Dialog::SaveFailed(_)) => {
                outcome = super::safety_dialogs::dialog_ui(ui, dialog, &display_name, fresh);
            }
            Dialog::DismissReason {
                message, reason, ..
            } => {
                ui.set_width(440.0);
                ui.heading("Dismiss this finding?");
                ui.label(message.as_str());
                first_field(ui, "Reason (the team will see it)", reason, fresh);
                ui.horizontal(|ui| {
                    if ui.button("Dismiss").clicked() {
                        outcome = Some(Outcome::Confirm);
                    }
                    if ui.button("Cancel").clicked() {
                        outcome = Some(Outcome::Cancel);
                    }
                });
            }
            Dialog::ConfirmDelete(question) => {
                ui.set_width(440.0);
                ui.heading("Delete with its cards?");
                ui.label(format!(
                    "This deletes the {}. Undo (Ctrl+Z) brings them back.",
                    question.what
                ));
                ui.add_space(8.0);
                ui.horizontal(|ui| {
                    let delete = ui.button("Delete");
                    if fresh {
                        delete.request_focus();
                    }
                    if delete.clicked() {
                        outcome = Some(Outcome::Confirm);
                    }
                    if ui.button("Cancel").clicked() {
                        outcome = Some(Outcome::Cancel);
                    }
                });
            }
            Dialog::Shortcuts => {
                crate::ui::help::shortcuts_ui(ui);
                ui.add_space(8.0);
                let close = ui.button("Close");
                if fresh {
                    close.request_focus();
                }
                if close.clicked() {
                    outcome = Some(Outcome::Confirm);
                }
            }
            Dialog::Note(draft) => {
                outcome =
                    crate::ui::present::note_ui(ui, draft, fresh).map(|choice| match choice {
                        crate::ui::present::NoteChoice::Add => Outcome::Confirm,
                        crate::ui::present::NoteChoice::Cancel => Outcome::Cancel,
                    });
            }
        });
        if choose {
            self.choose_export_path();
            return;
        }
        let Some(outcome) = outcome.or_else(|| keys(ctx)) else {
            return;
        };
        let Some(dialog) = self.pop_dialog() else {
            return;
        };
        match (dialog, outcome) {
            (Dialog::Restore(found), Outcome::Confirm) => self.restore(found),
            (Dialog::Restore(found), _) => self.discard_recovery(&found),
            (Dialog::ReloadOffer, Outcome::Confirm) => self.reload(),
            (Dialog::ReloadOffer, _) => self.keep_despite_disk(),
            (_, Outcome::Cancel) => self.after_save = None,
            (Dialog::ChangedOnDisk { gone: true }, Outcome::Confirm) => {
                let saved = self.overwrite();
                self.continue_after_save(saved);
            }
            (Dialog::ChangedOnDisk { .. }, Outcome::Confirm)
            | (Dialog::ChangedOnDisk { gone: true }, _)
            | (Dialog::DropFields(_), Outcome::Alternative)
            | (Dialog::ReadOnly(_) | Dialog::SaveFailed(_), _) => {
                let saved = self.save_as();
                self.continue_after_save(saved);
            }
            (Dialog::ChangedOnDisk { .. }, Outcome::Alternative) => {
                self.after_save = None;
                self.reload();
            }
            (Dialog::ChangedOnDisk { .. }, Outcome::Third) => {
                let saved = self.overwrite();
                self.continue_after_save(saved);
            }
            (Dialog::DropFields(_), _) => {
                let saved = self.save_checked(true);
                self.continue_after_save(saved);
            }
            (Dialog::UnknownFields(_), _) => {}
            (Dialog::Unsaved(action), Outcome::Confirm) => {
                if self.save() {
                    self.proceed(action);
                } else if !self.modals.is_empty() {
                    // The save asks something first (a changed file, a
                    // typed path...): go on once it is done.
                    self.after_save = Some(action);
                }
            }
            (Dialog::Unsaved(action), Outcome::Alternative | Outcome::Third) => {
                self.proceed(action)
            }
            (Dialog::Path(prompt), _) => {
                let path = PathBuf::from(prompt.text.trim());
                match prompt.purpose {
                    PromptPurpose::Open => self.open_file(&path),
                    PromptPurpose::Save => {
                        let saved = self.save_to(&path);
                        self.continue_after_save(saved);
                    }
                    PromptPurpose::Export => self.export_to(&path),
                    PromptPurpose::Compare => self.compare_with(&path),
                    PromptPurpose::ImportInto => self.import_into(&path),
                }
            }
            (Dialog::Export(form), _) => {
                self.export_options = form.options();
                self.export_to(Path::new(form.path.trim()));
            }
            (Dialog::Error(message), _) => self.set_error_status(message),
            (Dialog::ConfirmDelete(question), Outcome::Confirm) => self.delete(question),
            (Dialog::ConfirmDelete(_) | Dialog::Shortcuts, _) => {}
            (Dialog::Note(draft), _) => self.add_note(draft),
            (
                Dialog::DismissReason {
                    rule, key, reason, ..
                },
                _,
            ) => {
                self.apply_edit(crate::edit::Command::Dismiss(Dismissal {
                    rule: rule.id().to_owned(),
                    place: key,
                    reason: reason.trim().to_owned(),
                }));
            }
        }
    }
}
