//! The export dialog: where the diagram goes, at which scale, in which
//! theme, and whether its background is left out: the choices
//! `waymark export` offers on the command line (and, for a PDF, the paper,
//! its orientation, and poster or handout).

use std::path::{Path, PathBuf};

use egui::Ui;

use crate::export::pdf::{Orientation, PageSize, PdfLayout, PdfOptions};
use crate::export::{ExportOptions, ThemeChoice};

/// The export dialog's fields.
#[derive(Clone, Debug, PartialEq)]
pub struct ExportForm {
    /// "png", "svg" or "pdf".
    pub format: &'static str,
    /// Where to write, as typed.
    pub path: String,
    /// Pixels per map unit (PNG only).
    pub scale: f32,
    /// The colours.
    pub theme: ThemeChoice,
    /// Leave the background out.
    pub transparent: bool,
    /// Pages of a PDF.
    pub pdf: PdfOptions,
}

/// What the user did in the export dialog this frame.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum FormAction {
    /// Export with these settings.
    Export,
    /// Pick the path in the system's file dialog.
    Choose,
    /// Close without exporting.
    Cancel,
}

/// The scales offered: crisp on slides (2×) and on 4K projectors (3×).
const SCALES: [f32; 3] = [1.0, 2.0, 3.0];

impl ExportForm {
    /// A form for `format`, with the last export's choices and a path next
    /// to the map's file (or in the home folder for an untitled map).
    pub(super) fn new(format: &'static str, map_path: Option<&Path>, last: &ExportOptions) -> Self {
        Self {
            format,
            path: default_path(map_path, format).display().to_string(),
            scale: last.scale,
            theme: last.theme,
            transparent: last.transparent,
            pdf: last.pdf,
        }
    }

    /// The options for the exporter.
    pub(super) fn options(&self) -> ExportOptions {
        ExportOptions {
            scale: self.scale,
            theme: self.theme,
            transparent: self.transparent,
            pdf: self.pdf,
            ..Default::default()
        }
    }

    /// Draws the dialog's body under its title.
    pub(super) fn ui(&mut self, ui: &mut Ui, fresh: bool) -> Option<FormAction> {
        let mut action = None;
        ui.set_width(520.0);
        ui.heading(format!("Export {}", self.format.to_uppercase()));
        super::fields::first_field(ui, "Save to", &mut self.path, fresh);
        if ui.button("Choose…").clicked() {
            action = Some(FormAction::Choose);
        }
        ui.add_space(6.0);
        egui::Grid::new("export-options")
            .num_columns(2)
            .spacing([12.0, 6.0])
            .show(ui, |ui| {
                if self.format == "png" {
                    ui.label("Scale");
                    ui.horizontal(|ui| {
                        for scale in SCALES {
                            ui.radio_value(&mut self.scale, scale, format!("{scale:.0}×"));
                        }
                    });
                    ui.end_row();
                }
                if self.format == "pdf" {
                    self.pdf_ui(ui);
                }
                ui.label("Theme");
                ui.horizontal(|ui| {
                    for theme in ThemeChoice::ALL {
                        ui.radio_value(&mut self.theme, theme, theme.label());
                    }
                });
                ui.end_row();
                ui.label("Background");
                ui.checkbox(&mut self.transparent, "Transparent, for slides");
                ui.end_row();
            });
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            if ui.button("Export").clicked() {
                action = Some(FormAction::Export);
            }
            if ui.button("Cancel").clicked() {
                action = Some(FormAction::Cancel);
            }
        });
        action
    }
}

impl ExportForm {
    /// The PDF's rows: poster or handout, paper, orientation.
    fn pdf_ui(&mut self, ui: &mut Ui) {
        let pdf = &mut self.pdf;
        ui.label("Pages");
        ui.horizontal(|ui| {
            ui.radio_value(&mut pdf.layout, PdfLayout::Poster, "Poster: the whole map");
            ui.radio_value(
                &mut pdf.layout,
                PdfLayout::Handout,
                "Handout: title, stages, findings",
            );
        });
        ui.end_row();
        ui.label("Paper");
        ui.horizontal(|ui| {
            for size in PageSize::ALL {
                ui.radio_value(&mut pdf.page, size, size.label());
            }
        });
        ui.end_row();
        if pdf.page != PageSize::Fit {
            ui.label("Orientation");
            ui.horizontal(|ui| {
                ui.radio_value(&mut pdf.orientation, Orientation::Landscape, "Landscape");
                ui.radio_value(&mut pdf.orientation, Orientation::Portrait, "Portrait");
            });
            ui.end_row();
        }
    }
}

/// `NAME.EXT` next to the map's file; `journey.EXT` in the home folder for
/// an untitled map, never a path relative to wherever the app started.
pub fn default_path(map_path: Option<&Path>, extension: &str) -> PathBuf {
    let stem = map_path
        .and_then(Path::file_stem)
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "journey".to_owned());
    let folder = map_path
        .and_then(Path::parent)
        .filter(|p| !p.as_os_str().is_empty())
        .map(Path::to_path_buf)
        .or_else(std::env::home_dir)
        .or_else(|| std::env::current_dir().ok())
        .unwrap_or_default();
    let folder = std::path::absolute(&folder).unwrap_or(folder);
    folder.join(format!("{stem}.{extension}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_path_is_next_to_the_map() {
        let p = default_path(Some(Path::new("/work/maps/boots.ron")), "png");
        assert_eq!(p, Path::new("/work/maps/boots.png"));
    }

    #[test]
    fn an_untitled_map_exports_to_an_absolute_path() {
        let p = default_path(None, "svg");
        assert!(p.is_absolute(), "{}", p.display());
        assert!(p.ends_with("journey.svg"));
        let relative = default_path(Some(Path::new("boots.ron")), "png");
        assert!(relative.is_absolute(), "{}", relative.display());
    }
}
