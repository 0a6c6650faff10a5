//! Opening, saving and the questions around them: "save changes first?",
//! typed paths where no dialog can be shown, and error dialogs.

use std::path::{Path, PathBuf};

use egui::{Id, Modal, ViewportCommand};

use crate::edit::Document;
use crate::model::Map;

use super::dialogs::{DialogKind, Picked};
use super::view::ViewState;
use super::{Status, WaymarkApp};

/// An action that replaces or closes the document, waiting until unsaved
/// changes are saved or discarded.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Pending {
    /// Start a new map.
    New,
    /// Show the open dialog.
    Open,
    /// Ask for a path to open.
    OpenPrompt,
    /// Open this file.
    OpenFile(PathBuf),
    /// Show the import dialog (Mermaid or CSV).
    Import,
    /// Start from a bundled template.
    Template(&'static str),
    /// Close the window.
    Quit,
}

/// What a typed path is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PromptPurpose {
    /// Open the file.
    Open,
    /// Save the map there.
    Save,
    /// Export there; the extension picks the format.
    Export,
}

/// A prompt for a typed path.
#[derive(Clone, Debug, PartialEq)]
pub struct PathPrompt {
    /// Open or save.
    pub purpose: PromptPurpose,
    /// The path typed so far.
    pub text: String,
    /// Why the prompt is shown.
    pub reason: String,
}

pub(super) const NO_DIALOG: &str =
    "No file dialog is available on this system (no desktop portal). Type a path instead.";

impl WaymarkApp {
    /// Runs `action` now, or after asking about unsaved changes.
    pub(super) fn guard(&mut self, action: Pending) {
        if self.doc.is_dirty() {
            self.pending = Some(action);
        } else {
            self.proceed(action);
        }
    }

    fn proceed(&mut self, action: Pending) {
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
            Pending::Quit => self.allow_close = true,
        }
    }

    fn prompt(&mut self, purpose: PromptPurpose, reason: &str) {
        let text = match (purpose, self.doc.path()) {
            (PromptPurpose::Save, Some(p)) => p.display().to_string(),
            (PromptPurpose::Save, None) => self
                .folder()
                .unwrap_or_default()
                .join(suggested_name(self.doc.map()))
                .display()
                .to_string(),
            (PromptPurpose::Export, _) => String::new(),
            (PromptPurpose::Open, _) => self
                .folder()
                .map(|f| format!("{}/", f.display()))
                .unwrap_or_default(),
        };
        self.prompt = Some(PathPrompt {
            purpose,
            text,
            reason: reason.to_owned(),
        });
    }

    /// A typed-path prompt starting from a given path.
    pub(super) fn prompt_with(&mut self, purpose: PromptPurpose, reason: &str, start: PathBuf) {
        self.prompt = Some(PathPrompt {
            purpose,
            text: start.display().to_string(),
            reason: reason.to_owned(),
        });
    }

    fn folder(&self) -> Option<PathBuf> {
        self.doc
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

    fn replace_document(&mut self, doc: Document) {
        self.doc = doc;
        self.view = ViewState::default();
        self.layout = None;
    }

    /// Opens a file (any supported format), reporting errors in a dialog.
    pub fn open_file(&mut self, path: &Path) {
        match Document::open_any(path) {
            Ok(doc) => {
                self.replace_document(doc);
                self.remember(path);
                self.set_status(format!("Opened {}", path.display()));
            }
            Err(err) => self.error = Some(err.to_string()),
        }
    }

    /// Adds a file to the recent list.
    pub(super) fn remember(&mut self, path: &Path) {
        let path = path.canonicalize().unwrap_or_else(|_| path.to_path_buf());
        self.recent.retain(|p| *p != path);
        self.recent.insert(0, path);
        self.recent.truncate(10);
    }

    /// Saves to the current file, or asks for one. Returns whether it saved.
    pub(super) fn save(&mut self) -> bool {
        if self.doc.path().is_none() {
            return self.save_as();
        }
        match self.doc.save() {
            Ok(()) => {
                self.set_status(format!("Saved {}", self.doc.display_name()));
                true
            }
            Err(err) => {
                self.error = Some(err.to_string());
                false
            }
        }
    }

    /// Asks for a file and saves there. Returns whether it saved.
    pub(super) fn save_as(&mut self) -> bool {
        let folder = self.folder();
        let name = suggested_name(self.doc.map());
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

    fn save_to(&mut self, path: &Path) -> bool {
        let path = if path.extension().is_none() {
            path.with_extension("ron")
        } else {
            path.to_path_buf()
        };
        match self.doc.save_as(&path) {
            Ok(()) => {
                self.remember(&path);
                self.set_status(format!("Saved {}", path.display()));
                true
            }
            Err(err) => {
                self.error = Some(err.to_string());
                false
            }
        }
    }

    pub(super) fn handle_close(&mut self, ctx: &egui::Context) {
        if ctx.input(|i| i.viewport().close_requested()) && !self.allow_close && self.doc.is_dirty()
        {
            ctx.send_viewport_cmd(ViewportCommand::CancelClose);
            self.pending = Some(Pending::Quit);
        }
        if self.allow_close {
            ctx.send_viewport_cmd(ViewportCommand::Close);
        }
    }

    pub(super) fn modals_ui(&mut self, ctx: &egui::Context) {
        if let Some(action) = self.pending.clone() {
            let mut choice = None;
            Modal::new(Id::unique("unsaved")).show(ctx, |ui| {
                ui.set_width(380.0);
                ui.heading("Save changes?");
                ui.label(format!(
                    "“{}” has changes that are not saved. Save them before {}?",
                    self.doc.display_name(),
                    match action {
                        Pending::Quit => "closing",
                        Pending::New => "starting a new map",
                        _ => "opening another map",
                    }
                ));
                ui.add_space(8.0);
                ui.horizontal(|ui| {
                    if ui.button("Save").clicked() {
                        choice = Some(0);
                    }
                    if ui.button("Don't Save").clicked() {
                        choice = Some(1);
                    }
                    if ui.button("Cancel").clicked()
                        || ui.input(|i| i.key_pressed(egui::Key::Escape))
                    {
                        choice = Some(2);
                    }
                });
            });
            match choice {
                Some(0) => {
                    self.pending = None;
                    if self.save() {
                        self.proceed(action);
                    }
                }
                Some(1) => {
                    self.pending = None;
                    self.proceed(action);
                }
                Some(_) => self.pending = None,
                None => {}
            }
        }
        if let Some(prompt) = self.prompt.as_mut() {
            let mut done = None;
            Modal::new(Id::unique("path-prompt")).show(ctx, |ui| {
                ui.set_width(520.0);
                ui.heading(match prompt.purpose {
                    PromptPurpose::Open => "Open a map",
                    PromptPurpose::Save => "Save the map",
                    PromptPurpose::Export => "Export the map",
                });
                ui.label(&prompt.reason);
                let label = ui.label("Path");
                let response = ui
                    .add(egui::TextEdit::singleline(&mut prompt.text).desired_width(f32::INFINITY))
                    .labelled_by(label.id);
                response.request_focus();
                let enter = response.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
                ui.horizontal(|ui| {
                    let verb = match prompt.purpose {
                        PromptPurpose::Open => "Open",
                        PromptPurpose::Save => "Save",
                        PromptPurpose::Export => "Export",
                    };
                    if ui.button(verb).clicked() || enter {
                        done = Some(true);
                    }
                    if ui.button("Cancel").clicked()
                        || ui.input(|i| i.key_pressed(egui::Key::Escape))
                    {
                        done = Some(false);
                    }
                });
            });
            match done {
                Some(true) => {
                    let prompt = self.prompt.take().expect("shown above");
                    let path = PathBuf::from(prompt.text.trim());
                    match prompt.purpose {
                        PromptPurpose::Open => self.open_file(&path),
                        PromptPurpose::Save => {
                            self.save_to(&path);
                        }
                        PromptPurpose::Export => self.export_to(&path),
                    }
                }
                Some(false) => self.prompt = None,
                None => {}
            }
        }
        if let Some(message) = self.error.clone() {
            let mut close = false;
            Modal::new(Id::unique("error")).show(ctx, |ui| {
                ui.set_width(480.0);
                ui.heading("Something went wrong");
                ui.label(&message);
                ui.add_space(8.0);
                if ui.button("OK").clicked()
                    || ui.input(|i| {
                        i.key_pressed(egui::Key::Enter) || i.key_pressed(egui::Key::Escape)
                    })
                {
                    close = true;
                }
            });
            if close {
                self.error = None;
                self.status = Some(Status {
                    text: message,
                    error: true,
                });
            }
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
