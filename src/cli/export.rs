//! `waymark export`: diagrams and other formats, with no display.
//!
//! Exit codes:
//! - `0`: the file was written.
//! - `1`: the export itself failed: the image would be too large, the
//!   format cannot be written, or the file could not be written. The
//!   message says why and what to try.
//! - `2`: unusable input or arguments: a missing, malformed or newer
//!   map file, a bad `--scale` or `--theme`, an output without an
//!   extension, or an output path that is the input file (the command
//!   never writes over its input).

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use crate::export::pdf::{Orientation, PageSize, PdfLayout, PdfOptions};
use crate::export::{self, ExportError, ExportOptions, ThemeChoice, fmt_scale};

/// How a PDF was laid out, for the success message: "PDF poster, A4
/// landscape".
fn pdf_kind(pdf: &PdfOptions) -> String {
    let layout = match pdf.layout {
        PdfLayout::Poster => "poster",
        PdfLayout::Handout => "handout",
    };
    match pdf.page {
        PageSize::Fit => format!("PDF {layout}, pages fitted to the map"),
        size => format!(
            "PDF {layout}, {} {}",
            size.label(),
            match pdf.orientation {
                Orientation::Landscape => "landscape",
                Orientation::Portrait => "portrait",
            }
        ),
    }
}

/// Exit code: the export failed.
pub const EXIT_FAILED: u8 = 1;
/// Exit code: the input or the arguments cannot be used.
pub const EXIT_USAGE: u8 = 2;

/// The colour theme, as typed on the command line.
#[derive(clap::ValueEnum, Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ThemeArg {
    /// Dark text on light paper.
    #[default]
    Light,
    /// Light text on a dark ground, for projectors.
    Dark,
    /// Presentation mode's high-contrast colours.
    Presentation,
}

/// The PDF's paper, as typed on the command line.
#[derive(clap::ValueEnum, Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum PageArg {
    /// Each page as large as what it shows (the map's own size).
    #[default]
    Fit,
    /// ISO A4.
    A4,
    /// ISO A3.
    A3,
    /// US Letter.
    Letter,
}

/// Arguments of `waymark export`.
#[derive(clap::Args, Debug)]
#[command(after_help = "\
The output's extension picks the format: .png, .svg and .pdf draw the map as \
on screen (the whole map, whatever the editor's pan and zoom); other \
extensions (.ron, .mmd, .csv) save the map in that format. A PDF is a \
poster (the whole map on one page) or, with --handout, a title page with \
the personas and the emotion curve, a page per stage, and the findings.

Exit codes:
  0  the file was written
  1  the export failed (image too large, format or file not writable)
  2  unusable input or arguments (missing, malformed or newer map file,
     bad --scale or --theme, no extension, output path equal to the input)")]
pub struct ExportArgs {
    /// The map to export.
    pub map: PathBuf,
    /// The output file; its extension picks the format (.png, .svg, .pdf,
    /// .ron, .mmd, .csv).
    #[arg(short, long)]
    pub output: PathBuf,
    /// PNG pixels per map unit: 1 for screen, 2 or 3 for print and projectors
    /// ("2" and "2x" both work). Largest image side: 16384 px.
    #[arg(long, default_value = "1", value_parser = parse_scale)]
    pub scale: f32,
    /// Colour theme of the diagram.
    #[arg(long, value_enum, default_value_t = ThemeArg::Light)]
    pub theme: ThemeArg,
    /// Leave the background transparent (PNG alpha 0; no background in SVG).
    #[arg(long)]
    pub transparent: bool,
    /// Draw this persona's emotion curve (by name, ignoring case); repeat
    /// for several. None are drawn by default.
    #[arg(long = "persona", value_name = "NAME")]
    pub personas: Vec<String>,
    /// PDF paper: fit (each page the size of what it shows), a4, a3 or
    /// letter (the content scaled to fit).
    #[arg(long, value_enum, default_value_t = PageArg::Fit)]
    pub page: PageArg,
    /// PDF paper turned wider than tall (the default).
    #[arg(long, conflicts_with = "portrait")]
    pub landscape: bool,
    /// PDF paper turned taller than wide.
    #[arg(long)]
    pub portrait: bool,
    /// A PDF handout: title page, one page per stage, findings; without
    /// it, a poster of the whole map on one page.
    #[arg(long)]
    pub handout: bool,
}

/// Parses a scale such as `2`, `1.5`, `2x` or `2×`.
fn parse_scale(text: &str) -> Result<f32, String> {
    let number = text.trim().trim_end_matches(['x', 'X', '×']).trim();
    let scale: f32 = number
        .parse()
        .map_err(|_| format!("`{text}` is not a number such as 1, 2 or 1.5"))?;
    if !scale.is_finite() || !export::SCALE_RANGE.contains(&scale) {
        return Err(format!(
            "{text} is outside {}..={}",
            export::SCALE_RANGE.start(),
            export::SCALE_RANGE.end()
        ));
    }
    Ok(scale)
}

/// Whether two paths name the same file. The output may not exist yet, so
/// its folder is resolved and its name appended.
fn same_file(input: &Path, output: &Path) -> bool {
    let Ok(input) = input.canonicalize() else {
        return false;
    };
    if let Ok(output) = output.canonicalize() {
        return input == output;
    }
    let parent = match output.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    match (parent.canonicalize(), output.file_name()) {
        (Ok(dir), Some(name)) => dir.join(name) == input,
        _ => false,
    }
}

/// Runs the export; returns the exit code.
pub fn run(args: &ExportArgs) -> ExitCode {
    match export(args) {
        Ok(message) => {
            println!("{message}");
            ExitCode::SUCCESS
        }
        Err((code, message)) => {
            eprintln!("waymark export: {message}");
            ExitCode::from(code)
        }
    }
}

/// The export, returning the success message or an exit code and reason.
fn export(args: &ExportArgs) -> Result<String, (u8, String)> {
    let map = crate::io::load_any(&args.map).map_err(|e| (EXIT_USAGE, e.to_string()))?;
    if same_file(&args.map, &args.output) {
        return Err((
            EXIT_USAGE,
            format!(
                "{} is the input file; choose another output path (export never \
                 writes over its input)",
                args.output.display()
            ),
        ));
    }
    let mut personas = Vec::with_capacity(args.personas.len());
    for name in &args.personas {
        let wanted = name.trim().to_lowercase();
        let Some(persona) = map
            .personas
            .iter()
            .find(|p| p.name.trim().to_lowercase() == wanted)
        else {
            let names: Vec<&str> = map.personas.iter().map(|p| p.name.as_str()).collect();
            return Err((
                EXIT_USAGE,
                format!(
                    "the map has no persona named `{name}`; its personas are: {}",
                    if names.is_empty() {
                        "none".to_owned()
                    } else {
                        names.join(", ")
                    }
                ),
            ));
        };
        personas.push(persona.id);
    }
    let options = ExportOptions {
        scale: args.scale,
        personas,
        theme: match args.theme {
            ThemeArg::Light => ThemeChoice::Light,
            ThemeArg::Dark => ThemeChoice::Dark,
            ThemeArg::Presentation => ThemeChoice::Presentation,
        },
        transparent: args.transparent,
        pdf: PdfOptions {
            page: match args.page {
                PageArg::Fit => PageSize::Fit,
                PageArg::A4 => PageSize::A4,
                PageArg::A3 => PageSize::A3,
                PageArg::Letter => PageSize::Letter,
            },
            orientation: if args.portrait {
                Orientation::Portrait
            } else {
                Orientation::Landscape
            },
            layout: if args.handout {
                PdfLayout::Handout
            } else {
                PdfLayout::Poster
            },
        },
        ..ExportOptions::default()
    };
    let out = args.output.display();
    match crate::io::extension(&args.output).as_str() {
        "png" | "svg" | "pdf" => {
            // The image is still written: boxes for the uncovered letters.
            if let Some(warning) = crate::paint::missing_fonts_warning(&map) {
                eprintln!("waymark export: warning: {warning}");
            }
            export::export_file(&map, &args.output, &options, None).map_err(|err| {
                let code = match err {
                    ExportError::BadScale(_) => EXIT_USAGE,
                    _ => EXIT_FAILED,
                };
                let hint = match &err {
                    ExportError::TooLarge { fits: Some(s), .. } => {
                        format!(" (try --scale {}, or export .svg)", fmt_scale(*s))
                    }
                    _ => String::new(),
                };
                (code, format!("{out}: {err}{hint}"))
            })?;
            let kind = match crate::io::extension(&args.output).as_str() {
                "svg" => "SVG".to_owned(),
                "pdf" => pdf_kind(&options.pdf),
                _ => format!("PNG at {}×", fmt_scale(args.scale)),
            };
            Ok(format!("wrote {out} ({kind})"))
        }
        "" => Err((
            EXIT_USAGE,
            format!(
                "{out} has no extension; add .png, .svg, .pdf, .ron, .mmd or .csv to pick a \
                 format"
            ),
        )),
        ext if crate::io::EXTENSIONS.contains(&ext) => {
            crate::io::save_any(&map, &args.output).map_err(|msg| (EXIT_FAILED, msg))?;
            Ok(format!("wrote {out}"))
        }
        other => Err((
            EXIT_FAILED,
            format!(
                "{out}: cannot write .{other} files; use .png, .svg or .pdf for a diagram, \
                 or .ron, .mmd or .csv for the map"
            ),
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scales_parse_with_or_without_x() {
        assert_eq!(parse_scale("2"), Ok(2.0));
        assert_eq!(parse_scale("1.5x"), Ok(1.5));
        assert_eq!(parse_scale("3×"), Ok(3.0));
        assert!(parse_scale("big").is_err());
        assert!(parse_scale("0").is_err());
        assert!(parse_scale("NaN").is_err());
    }

    #[test]
    fn an_output_that_is_the_input_is_recognised_even_before_it_exists() {
        let dir = tempfile::tempdir().expect("temp dir");
        let input = dir.path().join("map.ron");
        std::fs::write(&input, "x").expect("write");
        assert!(same_file(&input, &dir.path().join(".").join("map.ron")));
        assert!(!same_file(&input, &dir.path().join("map.png")));
    }
}
