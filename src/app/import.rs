//! File → Import into This Map: the cards of a CSV, a Mermaid journey or
//! another map join the open map, each in the stage and lane it names
//! (made when missing), as one undo step. Open as New Map is File → Open.

use std::path::Path;

use crate::edit::Command;
use crate::interchange::clipboard;

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
