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
}

impl Dialog {
    /// An error dialog.
    pub fn error(message: impl Into<String>) -> Self {
        Dialog::Error(message.into())
    }
}

/// What the user did with the top dialog this frame.
enum Outcome {
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

/// A row of buttons: the first is the default (it takes the focus when
/// the dialog opens, and Enter presses it), then up to two others, then
/// Cancel if named.
fn choices(ui: &mut Ui, fresh: bool, labels: &[&str], cancel: Option<&str>) -> Option<Outcome> {
    let mut outcome = None;
    ui.add_space(8.0);
    ui.horizontal_wrapped(|ui| {
        for (i, label) in labels.iter().enumerate() {
            let button = ui.button(*label);
            if i == 0 && fresh {
                button.request_focus();
            }
            if button.clicked() {
                outcome = Some(match i {
                    0 => Outcome::Confirm,
                    1 => Outcome::Alternative,
                    _ => Outcome::Third,
                });
            }
        }
        if let Some(cancel) = cancel
            && ui.button(cancel).clicked()
        {
            outcome = Some(Outcome::Cancel);
        }
    });
    outcome
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
                });
                ui.label(&prompt.reason);
                first_field(ui, "Path", &mut prompt.text, fresh);
                ui.horizontal(|ui| {
                    let verb = match prompt.purpose {
                        PromptPurpose::Open => "Open",
                        PromptPurpose::Save => "Save",
                        PromptPurpose::Export => "Export",
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
            Dialog::Restore(found) => {
                ui.set_width(480.0);
                ui.heading("Restore unsaved changes?");
                let what = match &found.original {
                    Some(path) => format!("“{}”", path.display()),
                    None => "an untitled map".to_owned(),
                };
                ui.label(format!(
                    "Waymark closed without saving {what}. The autosave kept its changes{}.",
                    super::recovery::ago(found.written)
                ));
                ui.label("Restore opens them, unsaved. Discard deletes them for good.");
                outcome = choices(ui, fresh, &["Restore", "Discard"], None);
            }
            Dialog::ChangedOnDisk { gone: false } => {
                ui.set_width(480.0);
                ui.heading("The file changed on disk");
                ui.label(format!(
                    "“{display_name}” was changed by someone else since you opened or saved it \
                     (a colleague, a sync, a git pull). Saving now would overwrite their version."
                ));
                ui.label(
                    "Save as copy keeps both. Reload shows their version and drops your changes.",
                );
                outcome = choices(
                    ui,
                    fresh,
                    &["Save as copy…", "Reload from disk", "Overwrite"],
                    Some("Cancel"),
                );
            }
            Dialog::ChangedOnDisk { gone: true } => {
                ui.set_width(480.0);
                ui.heading("The file is gone");
                ui.label(format!(
                    "“{display_name}” was deleted or moved since you opened or saved it. \
                     Save it again where it was, or somewhere else?"
                ));
                // Nothing to reload and nobody's version to overwrite:
                // saving it again is the default.
                outcome = choices(ui, fresh, &["Save again", "Save as copy…"], Some("Cancel"));
            }
            Dialog::ReloadOffer => {
                ui.set_width(440.0);
                ui.heading("The file changed on disk");
                ui.label(format!(
                    "“{display_name}” was changed outside Waymark. You have no unsaved changes: \
                     reload it to see the new version?"
                ));
                outcome = choices(ui, fresh, &["Reload", "Keep this version"], None);
            }
            Dialog::UnknownFields(lines) => {
                ui.set_width(520.0);
                ui.heading("Fields this version does not know");
                ui.label(format!(
                    "“{display_name}” has fields that this version of Waymark does not know. \
                     They stay in the file until you save; saving drops them (Save asks first):"
                ));
                egui::ScrollArea::vertical()
                    .max_height(180.0)
                    .show(ui, |ui| {
                        for line in lines.iter() {
                            ui.monospace(line.as_str());
                        }
                    });
                outcome = choices(ui, fresh, &["OK"], None);
            }
            Dialog::DropFields(count) => {
                ui.set_width(460.0);
                ui.heading("Drop the unknown fields?");
                ui.label(format!(
                    "Saving “{display_name}” drops {count} field{} this version does not know \
                     (listed when the map was opened). Save as copy keeps the file as it is.",
                    if *count == 1 { "" } else { "s" }
                ));
                outcome = choices(
                    ui,
                    fresh,
                    &["Save without them", "Save as copy…"],
                    Some("Cancel"),
                );
            }
            Dialog::ReadOnly(version) => {
                ui.set_width(460.0);
                ui.heading("This map is read-only");
                ui.label(format!(
                    "“{display_name}” was written by a newer Waymark (format version {version}). \
                     This version would lose what the newer one added, so it never overwrites \
                     the file. Use Save As to keep your changes in a new file."
                ));
                outcome = choices(ui, fresh, &["Save As…"], Some("Cancel"));
            }
            Dialog::SaveFailed(message) => {
                ui.set_width(480.0);
                ui.heading("Could not save");
                ui.label(message.as_str());
                ui.label(
                    "The map is still open with all its changes, and the file on disk is as it was.",
                );
                outcome = choices(ui, fresh, &["Save As…"], Some("Close"));
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
                }
            }
            (Dialog::Export(form), _) => {
                self.export_options = form.options();
                self.export_to(Path::new(form.path.trim()));
            }
            (Dialog::Error(message), _) => self.set_error_status(message),
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
