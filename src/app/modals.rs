//! Dialogs on a small stack. The top one owns the keyboard and pointer:
//! Enter is its default button, Esc cancels, its first text field has the
//! focus with any prefilled text selected, and nothing reaches the map
//! behind it.

use egui::{Id, Key, Modal, Modifiers, Ui};

use super::WaymarkApp;
use super::dialog_types::{Dialog, DialogDone, Outcome, Pending, PromptPurpose};
use super::export_dialog::FormAction;
use super::fields::first_field;

impl WaymarkApp {
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

    /// Shows the top dialog. What the user chose comes back for
    /// [`Self::dialog_done`] (in `dispatch`) to act on: drawing a dialog
    /// never changes the document.
    pub(super) fn modals_ui(&mut self, ctx: &egui::Context) -> Option<DialogDone> {
        let fresh = std::mem::take(&mut self.modal_fresh);
        let display_name = self.session.doc.display_name();
        let depth = self.modals.len();
        let top = self.modals.last_mut()?;
        let answer = Modal::new(Id::unique(("dialog", depth)))
            .show(ctx, |ui| top.ui(ui, &display_name, fresh))
            .inner;
        let outcome = match answer {
            Some(Answer::ChooseExportPath) => return Some(DialogDone::ChooseExportPath),
            Some(Answer::Outcome(outcome)) => Some(outcome),
            None => None,
        };
        let outcome = outcome.or_else(|| keys(ctx))?;
        let dialog = self.pop_dialog()?;
        Some(DialogDone::Closed(dialog, outcome))
    }
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

/// A room form's button as the dialog's outcome.
fn form_outcome(choice: crate::ui::room::FormChoice) -> Outcome {
    match choice {
        crate::ui::room::FormChoice::Start => Outcome::Confirm,
        crate::ui::room::FormChoice::Cancel => Outcome::Cancel,
    }
}

/// What a dialog's body gives back in a frame.
enum Answer {
    /// A button that closes the dialog.
    Outcome(Outcome),
    /// The export dialog's "Choose…": pick the path with a file dialog.
    ChooseExportPath,
}

impl Dialog {
    /// Draws the dialog's body: its text, fields and buttons. Returns the
    /// button the user pressed, if any.
    fn ui(&mut self, ui: &mut Ui, display_name: &str, fresh: bool) -> Option<Answer> {
        let mut outcome = None;
        let mut choose = false;
        match self {
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
                    PromptPurpose::ImportVolumes => "Import stage volumes",
                });
                ui.label(&prompt.reason);
                first_field(ui, "Path", &mut prompt.text, fresh);
                ui.horizontal(|ui| {
                    let verb = match prompt.purpose {
                        PromptPurpose::Open => "Open",
                        PromptPurpose::Save => "Save",
                        PromptPurpose::Export => "Export",
                        PromptPurpose::Compare => "Compare",
                        PromptPurpose::ImportInto | PromptPurpose::ImportVolumes => "Import",
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
                outcome = super::safety_dialogs::dialog_ui(ui, dialog, display_name, fresh);
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
            Dialog::StartVote(form) => {
                outcome = crate::ui::room::vote_form_ui(ui, form, fresh).map(form_outcome);
            }
            Dialog::Invite(form) => {
                outcome = crate::ui::room::invite_form_ui(ui, form, fresh).map(form_outcome);
            }
            Dialog::Note(draft) => {
                outcome =
                    crate::ui::present::note_ui(ui, draft, fresh).map(|choice| match choice {
                        crate::ui::present::NoteChoice::Add => Outcome::Confirm,
                        crate::ui::present::NoteChoice::Cancel => Outcome::Cancel,
                    });
            }
        }
        if choose {
            Some(Answer::ChooseExportPath)
        } else {
            outcome.map(Answer::Outcome)
        }
    }
}
