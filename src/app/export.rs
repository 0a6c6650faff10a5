//! Exports from the editor: PNG and SVG diagrams on a worker thread with a
//! progress bar, and Mermaid or CSV through the same file code as the CLI.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::mpsc::{Receiver, TryRecvError, channel};
use std::time::Duration;

use crate::export::{ExportError, ExportOptions, Progress};

use super::WaymarkApp;
use super::dialogs::{DialogKind, Picked};
use super::files::PromptPurpose;
use super::modals::Dialog;

/// What writes a diagram: [`export_file`], or a stand-in in tests.
pub type Exporter =
    fn(&crate::model::Map, &Path, &ExportOptions, Option<&Progress>) -> Result<(), ExportError>;

/// An export running off the UI thread.
pub struct ExportJob {
    path: PathBuf,
    progress: Arc<Progress>,
    done: Receiver<Result<(), ExportError>>,
}

/// The scale of diagrams exported from the app: crisp on slides and
/// projectors; `waymark export --scale` offers the others.
const APP_EXPORT_SCALE: f32 = 2.0;

impl WaymarkApp {
    /// Replaces the diagram writer, so tests can make an export fail or
    /// panic on its worker thread.
    #[doc(hidden)]
    pub fn set_exporter(&mut self, exporter: Exporter) {
        self.exporter = exporter;
    }

    /// Asks where to export with this extension, then exports.
    pub(super) fn export_as(&mut self, extension: &'static str) {
        let stem = self
            .session
            .doc
            .path()
            .and_then(Path::file_stem)
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_else(|| "journey".to_owned());
        let folder = self
            .session
            .doc
            .path()
            .and_then(Path::parent)
            .map(Path::to_path_buf);
        let name = format!("{stem}.{extension}");
        match self
            .dialogs
            .pick(DialogKind::Export(extension), &name, folder.as_deref())
        {
            Picked::Path(path) => self.export_to(&path),
            Picked::Cancelled => {}
            Picked::Unavailable => {
                let start = folder.unwrap_or_default().join(name);
                self.prompt_with(PromptPurpose::Export, super::files::NO_DIALOG, start);
            }
        }
    }

    /// Exports to a file: diagrams on a worker thread, other formats at once.
    pub(super) fn export_to(&mut self, path: &Path) {
        let ext = crate::io::extension(path);
        if ext == "png" || ext == "svg" {
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
            let options = ExportOptions {
                scale: APP_EXPORT_SCALE,
                ..Default::default()
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
