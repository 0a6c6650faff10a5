//! File → Import into This Map: the cards of a CSV, a Mermaid journey or
//! another map join the open map, each in the stage and lane it names
//! (made when missing), as one undo step. Open as New Map is File → Open.

use std::path::Path;

use crate::edit::{Command, StageVolume};
use crate::interchange::{clipboard, csv};

use super::WaymarkApp;
use super::dialog_types::Dialog;
use super::dialog_types::PromptPurpose;
use super::dialogs::{DialogKind, Picked};
use super::files::NO_DIALOG;

impl WaymarkApp {
    /// Asks for a file whose cards join the open map.
    pub(super) fn ask_import_into(&mut self) {
        let folder = self.folder();
        match self.dialogs.pick(DialogKind::Import, "", folder.as_deref()) {
            Picked::Path(path) => self.import_into(&path),
            Picked::Cancelled => {}
            Picked::Unavailable => self.prompt(PromptPurpose::ImportInto, NO_DIALOG),
        }
    }

    /// Adds every card of the file at `path` to the open map. A file that
    /// cannot be read changes nothing and says why, with its line:column.
    pub(super) fn import_into(&mut self, path: &Path) {
        let imported = match crate::io::load_any(path) {
            Ok(map) => map,
            Err(err) => {
                self.push_dialog(Dialog::error(err.to_string()));
                return;
            }
        };
        let ids: Vec<_> = imported.cards.iter().map(|c| c.id).collect();
        let name = path.file_name().map_or_else(
            || path.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        );
        if ids.is_empty() {
            self.set_status(format!("{name} has no cards to import"));
            return;
        }
        // The clipboard's rows carry every field and name the stage, lane
        // and personas, which is exactly what joining another map needs.
        let cards = match clipboard::read(&clipboard::write(&imported, &ids)) {
            Ok(cards) => cards,
            Err(err) => {
                self.set_error_status(format!("Nothing was imported from {name}: {err}"));
                return;
            }
        };
        let n = cards.len();
        let created = self.apply_edit(Command::PasteCards {
            cards,
            cell: None,
            stage: None,
            lane: None,
        });
        if !self.select_created(&created) {
            return;
        }
        self.reveal_selection();
        let cards = if n == 1 {
            "1 card"
        } else {
            &format!("{n} cards")
        };
        self.set_status(format!(
            "Imported {cards} from {name} into this map (Undo takes them out)"
        ));
    }
}

impl WaymarkApp {
    /// Asks for a CSV of stage counts to read into the open map.
    pub(super) fn ask_import_volumes(&mut self) {
        let folder = self.folder();
        match self.dialogs.pick(DialogKind::Import, "", folder.as_deref()) {
            Picked::Path(path) => self.import_volumes(&path),
            Picked::Cancelled => {}
            Picked::Unavailable => self.prompt(
                PromptPurpose::ImportVolumes,
                "Type the path of a CSV with a stage name and a count on each row.",
            ),
        }
    }

    /// Reads the stage counts of the CSV at `path` into the open map, as
    /// one undo step. A count that is not a number changes nothing and
    /// says where it is; rows naming a stage the map lacks are named in
    /// the status bar, not dropped in silence.
    pub(super) fn import_volumes(&mut self, path: &Path) {
        let name = path.file_name().map_or_else(
            || path.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        );
        let text = match crate::io::read_text(path) {
            Ok(text) => text,
            Err(err) => {
                self.push_dialog(Dialog::error(err.to_string()));
                return;
            }
        };
        let volumes = match csv::read_volumes(self.session.doc.map(), &text) {
            Ok(volumes) => volumes,
            Err(err) => {
                self.push_dialog(Dialog::error(err.to_load_error(&name).to_string()));
                return;
            }
        };
        let message = volumes_message(&name, &volumes);
        if !volumes.rows.is_empty() {
            let rows = volumes.rows.into_iter().map(|r| StageVolume {
                stage: r.stage,
                volume: r.volume,
                period: r.period,
            });
            self.apply_edit(Command::SetVolumes(rows.collect()));
        }
        if volumes.unknown.is_empty() {
            self.set_status(message);
        } else {
            self.set_error_status(message);
        }
    }
}

/// What an import of stage counts did, in one line: how many stages got a
/// count, and every row whose stage the map lacks, with its line.
pub(super) fn volumes_message(file: &str, volumes: &csv::Volumes) -> String {
    let n = volumes.rows.len();
    let mut text = if n == 0 {
        format!("No stage of this map is named in {file}")
    } else {
        format!(
            "Imported the counts of {} from {file} (Undo takes them out)",
            crate::analysis::count_noun(n, "stage", "stages")
        )
    };
    if !volumes.unknown.is_empty() {
        let shown: Vec<String> = (volumes.unknown.iter().take(5))
            .map(|u| format!("\"{}\" (line {})", u.name, u.line))
            .collect();
        let more = volumes.unknown.len().saturating_sub(shown.len());
        text.push_str(&format!(
            "; no stage is named {}{}",
            shown.join(", "),
            if more > 0 {
                format!(" and {more} more")
            } else {
                String::new()
            }
        ));
    }
    text
}
