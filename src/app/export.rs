//! Exports from the editor: PNG, SVG and PDF diagrams on a worker thread with a
//! progress bar, and Mermaid or CSV through the same file code as the CLI.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::mpsc::{Receiver, TryRecvError, channel};
use std::time::Duration;

use crate::export::{ExportError, ExportOptions, Progress};

use super::WaymarkApp;
use super::dialog_types::Dialog;
use super::dialog_types::PromptPurpose;
use super::dialogs::{DialogKind, Picked};
use super::export_dialog::{ExportForm, default_path};

/// What writes a diagram: [`export_file`], or a stand-in in tests.
pub type Exporter =
    fn(&crate::model::Map, &Path, &ExportOptions, Option<&Progress>) -> Result<(), ExportError>;

/// An export running off the UI thread.
pub struct ExportJob {
    path: PathBuf,
    progress: Arc<Progress>,
    done: Receiver<Result<(), ExportError>>,
}

/// Whether an extension names a diagram, drawn by the exporters (and set
/// up in the export dialog), rather than a copy of the map.
fn is_diagram(extension: &str) -> bool {
    matches!(extension, "png" | "svg" | "pdf")
}

/// The export dialog's first choices: 2×, crisp on slides and projectors.
pub(super) fn app_export_options() -> ExportOptions {
    ExportOptions {
        scale: 2.0,
        ..Default::default()
    }
}

impl WaymarkApp {
    /// Replaces the diagram writer, so tests can make an export fail or
    /// panic on its worker thread.
    #[doc(hidden)]
    pub fn set_exporter(&mut self, exporter: Exporter) {
        self.exporter = exporter;
    }

    /// Asks where and how to export with this extension, then exports.
    /// Diagrams get the export dialog (path, scale, theme, background);
    /// Mermaid and CSV only need a path.
    pub(super) fn export_as(&mut self, extension: &'static str) {
        let map_path = self.session.doc.path().map(Path::to_path_buf);
        if is_diagram(extension) {
            let form = ExportForm::new(extension, map_path.as_deref(), &self.export_options);
            self.push_dialog(Dialog::Export(form));
            return;
        }
        let start = default_path(map_path.as_deref(), extension);
        self.pick_export_path(extension, &start);
    }

    /// The export dialog's "Choose…": the system's file dialog sets the
    /// path, and the export dialog stays open. Without a system dialog the
    /// path field is the way.
    pub(super) fn choose_export_path(&mut self) {
        let Some(Dialog::Export(form)) = self.modals.last() else {
            return;
        };
        let start = PathBuf::from(form.path.trim());
        let name = start
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let kind = DialogKind::Export(form.format);
        if let Picked::Path(path) = self.dialogs.pick(kind, &name, start.parent())
            && let Some(Dialog::Export(form)) = self.modals.last_mut()
        {
            form.path = path.display().to_string();
        }
    }

    /// Asks for an export path in the system's file dialog, or, where there
    /// is none, in a typed-path dialog that exports when confirmed.
    fn pick_export_path(&mut self, extension: &'static str, start: &Path) {
        let name = start
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| format!("journey.{extension}"));
        match self
            .dialogs
            .pick(DialogKind::Export(extension), &name, start.parent())
        {
            Picked::Path(path) => self.export_to(&path),
            Picked::Cancelled => {}
            Picked::Unavailable => {
                self.prompt_with(
                    PromptPurpose::Export,
                    super::files::NO_DIALOG,
                    start.to_path_buf(),
                );
            }
        }
    }

    /// Exports to a file: diagrams on a worker thread, other formats at once.
    pub(super) fn export_to(&mut self, path: &Path) {
        let ext = crate::io::extension(path);
        if is_diagram(&ext) {
            if self.export_job.is_some() {
                self.set_status("An export is already running");
                return;
            }
            let progress = Arc::new(Progress::new());
            let (tx, rx) = channel();
            let map = self.session.doc.map().clone();
            let target = path.to_path_buf();
            let worker_progress = Arc::clone(&progress);
            let exporter = self.exporter;
            // The persona curves toggled in the legend are drawn too.
            let options = ExportOptions {
                personas: self.session.view.persona_curves.clone(),
                ..self.export_options.clone()
            };
            std::thread::spawn(move || {
                let result = exporter(&map, &target, &options, Some(&worker_progress));
                let _ = tx.send(result);
            });
            self.export_job = Some(ExportJob {
                path: path.to_path_buf(),
                progress,
                done: rx,
            });
        } else {
            match crate::io::save_any(self.session.doc.map(), path) {
                Ok(()) => self.set_status(format!("Exported {}", path.display())),
                Err(err) => self.push_dialog(Dialog::error(err)),
            }
        }
    }

    /// Shows the running export in the status bar; reports when it ends.
    pub(super) fn export_status_ui(&mut self, ui: &mut egui::Ui) {
        self.poll_export(ui);
    }

    fn poll_export(&mut self, ui: &mut egui::Ui) {
        let Some(job) = &self.export_job else {
            return;
        };
        match job.done.try_recv() {
            Ok(Ok(())) => {
                let text = format!("Exported {}", job.path.display());
                self.export_job = None;
                self.set_status(text);
            }
            Ok(Err(ExportError::Cancelled)) => {
                self.export_job = None;
                self.set_status("Export cancelled");
            }
            Ok(Err(err)) => {
                self.export_job = None;
                self.push_dialog(Dialog::error(format!("The export failed: {err}")));
            }
            // The worker ended without a word: it panicked. Say so, and let
            // the next export run.
            Err(TryRecvError::Disconnected) => {
                let text = format!(
                    "The export to {} stopped unexpectedly; nothing was written. Try again, or export from the command line with `waymark export`.",
                    job.path.display()
                );
                self.export_job = None;
                self.push_dialog(Dialog::error(text));
            }
            Err(TryRecvError::Empty) => {
                let fraction = job.progress.fraction();
                ui.add(
                    egui::ProgressBar::new(fraction)
                        .desired_width(160.0)
                        .text(format!("Exporting {:.0} %", fraction * 100.0)),
                );
                if ui.small_button("Cancel export").clicked() {
                    job.progress.cancel();
                }
                // Poll while the worker runs; idle otherwise.
                ui.ctx().request_repaint_after(Duration::from_millis(100));
            }
        }
    }
}
