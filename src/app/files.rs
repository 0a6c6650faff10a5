//! Opening, saving and the questions around them: "save changes first?",
//! typed paths where no dialog can be shown, and error dialogs.

use std::path::{Path, PathBuf};

use egui::ViewportCommand;

use crate::edit::Document;
use crate::model::Map;

use super::WaymarkApp;
use super::dialog_types::{Dialog, PathPrompt, Pending, PromptPurpose};
use super::dialogs::{DialogKind, Picked};

pub(super) const NO_DIALOG: &str =
    "No file dialog is available on this system (no desktop portal). Type a path instead.";

impl WaymarkApp {
    /// Runs `action` now, or after asking about unsaved changes.
    pub(super) fn guard(&mut self, action: Pending) {
        if self.session.doc.is_dirty() {
            self.push_dialog(Dialog::Unsaved(action));
        } else {
            self.proceed(action);
        }
    }

    pub(super) fn proceed(&mut self, action: Pending) {
        match action {
            Pending::New => self.replace_document(Document::new(Map::blank())),
            Pending::Open => {
                let folder = self.folder();
                match self
                    .dialogs
                    .pick(DialogKind::OpenMap, "", folder.as_deref())
                {
                    Picked::Path(path) => self.open_file(&path),
                    Picked::Cancelled => {}
                    Picked::Unavailable => self.prompt(PromptPurpose::Open, NO_DIALOG),
                }
            }
            Pending::OpenPrompt => {
                self.prompt(PromptPurpose::Open, "Type the path of a map to open.")
            }
            Pending::OpenFile(path) => self.open_file(&path),
            Pending::Import => {
                let folder = self.folder();
                match self.dialogs.pick(DialogKind::Import, "", folder.as_deref()) {
                    Picked::Path(path) => self.open_file(&path),
                    Picked::Cancelled => {}
                    Picked::Unavailable => self.prompt(PromptPurpose::Open, NO_DIALOG),
                }
            }
            Pending::Template(id) => {
                if let Some(template) = crate::interchange::templates::by_id(id) {
                    let map = crate::interchange::templates::load(template);
                    self.replace_document(Document::new(map));
                    self.set_status(format!("New map from the template “{}”", template.name));
                }
            }
            Pending::Quit => {
                self.forget_unsaved();
                self.allow_close = true;
            }
        }
    }

    pub(super) fn prompt(&mut self, purpose: PromptPurpose, reason: &str) {
        let text = match (purpose, self.session.doc.path()) {
            (PromptPurpose::Save, Some(p)) => p.display().to_string(),
            (PromptPurpose::Save, None) => self
                .folder()
                .unwrap_or_default()
                .join(suggested_name(self.session.doc.map()))
                .display()
                .to_string(),
            (
                PromptPurpose::Export
                | PromptPurpose::Compare
                | PromptPurpose::ImportInto
                | PromptPurpose::ImportVolumes,
                _,
            ) => String::new(),
            (PromptPurpose::Open, _) => self
                .folder()
                .map(|f| format!("{}/", f.display()))
                .unwrap_or_default(),
        };
        self.push_dialog(Dialog::Path(PathPrompt {
            purpose,
            text,
            reason: reason.to_owned(),
        }));
    }

    /// A typed-path prompt starting from a given path.
    pub(super) fn prompt_with(&mut self, purpose: PromptPurpose, reason: &str, start: PathBuf) {
        self.push_dialog(Dialog::Path(PathPrompt {
            purpose,
            text: start.display().to_string(),
            reason: reason.to_owned(),
        }));
    }

    pub(super) fn folder(&self) -> Option<PathBuf> {
        self.session
            .doc
            .path()
            .and_then(Path::parent)
            .map(Path::to_path_buf)
            .or_else(|| {
                self.recent
                    .first()
                    .and_then(|p| p.parent())
                    .map(Path::to_path_buf)
            })
            .or_else(|| std::env::current_dir().ok())
    }

    /// Opens a file (any supported format), reporting errors in a dialog.
    pub fn open_file(&mut self, path: &Path) {
        match Document::open_any(path) {
            Ok(doc) => {
                self.replace_document(doc);
                self.remember(path);
                self.set_status(format!("Opened {}", path.display()));
                self.opened_notices();
                self.offer_recovery(Some(path));
            }
            Err(err) => {
                self.push_dialog(Dialog::error(err.to_string()));
                // The file may be gone or broken while its unsaved work
                // is still in a recovery file.
                self.offer_recovery(Some(path));
            }
        }
    }

    /// Adds a file to the recent list.
    pub(super) fn remember(&mut self, path: &Path) {
        let path = path.canonicalize().unwrap_or_else(|_| path.to_path_buf());
        self.recent.retain(|p| *p != path);
        self.recent.insert(0, path);
        self.recent.truncate(10);
    }

    /// Asks for a file and saves there. Returns whether it saved.
    pub(super) fn save_as(&mut self) -> bool {
        let folder = self.folder();
        let name = suggested_name(self.session.doc.map());
        match self
            .dialogs
            .pick(DialogKind::SaveMap, &name, folder.as_deref())
        {
            Picked::Path(path) => self.save_to(&path),
            Picked::Cancelled => false,
            Picked::Unavailable => {
                self.prompt(PromptPurpose::Save, NO_DIALOG);
                false
            }
        }
    }

    /// Saves where a typed path or a dialog says. The extension picks the
    /// writer: `.ron` saves the map and ties the document to that file;
    /// `.mmd` and `.csv` write a copy in that format, say what it leaves
    /// out, and keep the document tied to its own file.
    pub(super) fn save_to(&mut self, path: &Path) -> bool {
        let path = if path.extension().is_none() {
            path.with_extension("ron")
        } else {
            path.to_path_buf()
        };
        match crate::io::extension(&path).as_str() {
            "ron" => match self.session.doc.save_as(&path) {
                Ok(()) => {
                    self.remember(&path);
                    self.set_status(format!("Saved {}", path.display()));
                    true
                }
                Err(err) => {
                    self.save_failed(err.to_string());
                    false
                }
            },
            ext @ ("mmd" | "csv") => {
                match crate::io::save_any(self.session.doc.map(), &path) {
                    Ok(()) => {
                        let lost = if ext == "mmd" {
                            "a Mermaid journey keeps stages, titles, scores and personas only"
                        } else {
                            "a CSV keeps the cards only, without stage goals, persona descriptions or dismissed findings"
                        };
                        self.set_status(format!(
                            "Wrote a copy to {} ({lost}); the map is still {}",
                            path.display(),
                            self.session.doc.display_name()
                        ));
                    }
                    Err(err) => self.save_failed(err),
                }
                false
            }
            other => {
                self.push_dialog(Dialog::error(format!(
                    "Waymark saves maps as .ron files (and copies as .mmd or .csv); “.{other}” is none of these. Choose a name ending in .ron."
                )));
                false
            }
        }
    }

    pub(super) fn handle_close(&mut self, ctx: &egui::Context) {
        if ctx.input(|i| i.viewport().close_requested())
            && !self.allow_close
            && self.session.doc.is_dirty()
        {
            ctx.send_viewport_cmd(ViewportCommand::CancelClose);
            self.push_dialog(Dialog::Unsaved(Pending::Quit));
        }
        if self.allow_close {
            ctx.send_viewport_cmd(ViewportCommand::Close);
        }
    }
}

/// A file name from the map's title.
fn suggested_name(map: &Map) -> String {
    let slug: String = map
        .title
        .to_lowercase()
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { '-' })
        .collect();
    let slug = slug
        .split('-')
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join("-");
    let slug = if slug.is_empty() {
        "journey".to_owned()
    } else {
        slug.chars().take(60).collect()
    };
    format!("{slug}.ron")
}
