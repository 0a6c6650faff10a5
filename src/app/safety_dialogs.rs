//! The data-safety dialogs: restore after a crash, a file changed on
//! disk, unknown fields, a read-only map and a failed save. What each
//! answer does is in `modals.rs`, beside the other dialogs.

use egui::Ui;

use super::dialog_types::{Dialog, Outcome};

/// A row of buttons: the first is the default (it takes the focus when
/// the dialog opens, and Enter presses it), then up to two others, then
/// Cancel if named.
pub(super) fn choices(
    ui: &mut Ui,
    fresh: bool,
    labels: &[&str],
    cancel: Option<&str>,
) -> Option<Outcome> {
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

/// Draws one of the data-safety dialogs; returns the button pressed.
pub(super) fn dialog_ui(
    ui: &mut Ui,
    dialog: &Dialog,
    display_name: &str,
    fresh: bool,
) -> Option<Outcome> {
    let mut outcome = None;
    match dialog {
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
            ui.label("Save as copy keeps both. Reload shows their version and drops your changes.");
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
        _ => {}
    }
    outcome
}
