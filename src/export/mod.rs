//! PNG, SVG and PDF diagrams of a whole map, drawn by the canvas's own code.
//!
//! One path to the pixels: [`crate::layout::layout`] places everything,
//! [`crate::paint::paint_map_for_export`] turns it into epaint shapes, as on
//! screen (only text is laid out at its exact size, not on the screen's
//! size ladder); then epaint's tessellator makes triangles and [`raster`]
//! fills them on the CPU (no window, no GPU), or [`svg`] writes the same
//! shapes as vector graphics with real `<text>`.
//!
//! Everything here can run on a worker thread: it owns its fonts, touches
//! no `egui::Context`, and reports through a shared [`Progress`].

pub mod pdf;
pub mod png;
pub mod raster;
pub mod svg;
pub mod texture;
pub mod walk;

use std::fmt;
use std::path::Path;
use std::sync::atomic::{AtomicBool, AtomicU32, Ordering};
use std::time::{Duration, Instant};

use egui::epaint::text::{Fonts, TextOptions};
use egui::epaint::{
    ClippedPrimitive, ClippedShape, TessellationOptions, Tessellator, TextureAtlas, TextureId,
};
use egui::{Color32, Rect, Shape};
use image::RgbaImage;

use crate::layout::{Layout, Style, layout};
use crate::model::Map;
use crate::paint::{View, font_definitions, font_providers, paint_map_for_export};
use crate::theme::Theme;

pub use self::png::PngCompression;
pub use self::texture::Textures;

/// No side of an exported image may be longer than this many pixels:
/// most viewers and GPUs refuse larger images, and it bounds memory.
pub const MAX_SIDE: u32 = 16_384;

/// The smallest and largest scale factors accepted.
pub const SCALE_RANGE: std::ops::RangeInclusive<f32> = 0.25..=8.0;

/// Which colours to draw with.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ThemeChoice {
    /// Dark text on light paper: for print and documents.
    #[default]
    Light,
    /// Light text on a dark ground: for projectors and dark slides.
    Dark,
    /// Presentation mode's colours: high contrast for the back of a room.
    Presentation,
}

impl ThemeChoice {
    /// Every theme, as offered in the export dialog.
    pub const ALL: [ThemeChoice; 3] = [
        ThemeChoice::Light,
        ThemeChoice::Dark,
        ThemeChoice::Presentation,
    ];

    /// Its name in the export dialog.
    pub fn label(self) -> &'static str {
        match self {
            ThemeChoice::Light => "Light",
            ThemeChoice::Dark => "Dark",
            ThemeChoice::Presentation => "Presentation",
        }
    }

    /// The theme's colours.
    pub fn theme(self) -> Theme {
        match self {
            ThemeChoice::Light => Theme::light(),
            ThemeChoice::Dark => Theme::dark(),
            ThemeChoice::Presentation => Theme::presentation(),
        }
    }
}

/// How to export.
#[derive(Clone, Debug, PartialEq)]
pub struct ExportOptions {
    /// Pixels per map unit: 1 for screen, 2 or 3 for print and projectors.
    /// The SVG ignores it (vector graphics scale by themselves).
    pub scale: f32,
    /// Light or dark colours.
    pub theme: ThemeChoice,
    /// Leave the background out (alpha 0), for placing on slides.
    pub transparent: bool,
    /// PNG compression: fast by default (see [`PngCompression`]).
    pub compression: PngCompression,
    /// The personas whose emotion curves are drawn, as toggled in the
    /// legend; none by default.
    pub personas: Vec<crate::model::PersonaId>,
    /// Pages of a PDF: paper, orientation, poster or handout.
    pub pdf: pdf::PdfOptions,
}

impl Default for ExportOptions {
    fn default() -> Self {
        Self {
            scale: 1.0,
            theme: ThemeChoice::Light,
            transparent: false,
            compression: PngCompression::default(),
            personas: Vec::new(),
            pdf: pdf::PdfOptions::default(),
        }
    }
}

/// Why an export failed, in words a user can act on.
#[derive(Clone, Debug, PartialEq)]
pub enum ExportError {
    /// The scale is not a number in [`SCALE_RANGE`].
    BadScale(f32),
    /// The image would be larger than [`MAX_SIDE`] on a side.
    TooLarge {
        /// Width in pixels at the asked scale.
        width: u64,
        /// Height in pixels at the asked scale.
        height: u64,
        /// The asked scale.
        scale: f32,
        /// The largest scale (one decimal) that fits, if any in range does.
        fits: Option<f32>,
    },
    /// The export was cancelled through [`Progress::cancel`].
    Cancelled,
    /// The PNG encoder failed.
    Encode(String),
    /// The PDF writer failed.
    Pdf(String),
    /// The file could not be written.
    Write {
        /// The file.
        path: String,
        /// What the system said.
        message: String,
    },
}

impl fmt::Display for ExportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ExportError::BadScale(s) => write!(
                f,
                "the scale {s} is not allowed; use a number from {} to {}",
                SCALE_RANGE.start(),
                SCALE_RANGE.end()
            ),
            ExportError::TooLarge {
                width,
                height,
                scale,
                fits,
            } => {
                write!(
                    f,
                    "the map is {width}×{height} px at {}×, larger than the {MAX_SIDE} px \
                     allowed on a side",
                    fmt_scale(*scale)
                )?;
                match fits {
                    Some(s) => write!(f, "; the largest scale that fits is {}×", fmt_scale(*s)),
                    None => write!(f, "; it does not fit at any scale, export it as SVG"),
                }
            }
            ExportError::Cancelled => write!(f, "the export was cancelled"),
            ExportError::Encode(msg) => write!(f, "could not encode the PNG: {msg}"),
            ExportError::Pdf(msg) => write!(f, "could not write the PDF: {msg}"),
            ExportError::Write { path, message } => write!(f, "could not write {path}: {message}"),
        }
    }
}

impl std::error::Error for ExportError {}

/// A scale as people write it: `2`, `1.5`.
pub fn fmt_scale(scale: f32) -> String {
    let s = format!("{scale:.2}");
    s.trim_end_matches('0').trim_end_matches('.').to_owned()
}

/// Progress of a running export, shared with the thread that shows it.
/// Put it in an `Arc`, give a clone to the worker, read [`Self::fraction`]
/// each frame; [`Self::cancel`] stops the worker at the next band of rows.
#[derive(Debug, Default)]
pub struct Progress {
    permille: AtomicU32,
    cancelled: AtomicBool,
}

impl Progress {
    /// A fresh progress at zero.
    pub fn new() -> Self {
        Self::default()
    }

    /// How much is done, 0.0..=1.0.
    pub fn fraction(&self) -> f32 {
        self.permille.load(Ordering::Relaxed) as f32 / 1000.0
    }

    /// Asks the export to stop; it returns [`ExportError::Cancelled`].
    pub fn cancel(&self) {
        self.cancelled.store(true, Ordering::Relaxed);
    }

    /// Whether [`Self::cancel`] was called.
    pub fn is_cancelled(&self) -> bool {
        self.cancelled.load(Ordering::Relaxed)
    }

    fn set(&self, fraction: f32) {
        let p = (fraction.clamp(0.0, 1.0) * 1000.0).round() as u32;
        self.permille.store(p, Ordering::Relaxed);
    }
}

/// Reports to an optional progress; checks for cancellation.
pub(crate) fn report(progress: Option<&Progress>, fraction: f32) -> Result<(), ExportError> {
    if let Some(p) = progress {
        if p.is_cancelled() {
            return Err(ExportError::Cancelled);
        }
        p.set(fraction);
    }
    Ok(())
}

/// Where the time of an export went, for benchmarks.
#[derive(Clone, Copy, Debug, Default)]
pub struct Timings {
    /// Layout and painting into shapes (text layout included).
    pub layout: Duration,
    /// Tessellating shapes into triangles.
    pub tessellate: Duration,
    /// Filling triangles.
    pub raster: Duration,
    /// PNG filtering and compression.
    pub encode: Duration,
}

/// The whole map as shapes in map units, ready to draw or write as SVG.
pub struct Painted {
    /// The shapes, in paint order.
    pub shapes: Vec<Shape>,
    /// The whole map, in map units.
    pub bounds: Rect,
    /// The background colour (transparent if asked).
    pub background: Color32,
    /// The fonts the text was laid out with; their atlas holds the glyphs.
    pub fonts: Fonts,
}

/// The size in pixels of `bounds` at `scale`, or why it cannot be drawn.
pub fn image_size(bounds: Rect, scale: f32) -> Result<[u32; 2], ExportError> {
    if !scale.is_finite() || !SCALE_RANGE.contains(&scale) {
        return Err(ExportError::BadScale(scale));
    }
    let w = (bounds.width().max(1.0) as f64 * scale as f64).ceil();
    let h = (bounds.height().max(1.0) as f64 * scale as f64).ceil();
    if w > MAX_SIDE as f64 || h > MAX_SIDE as f64 {
        let longest = bounds.width().max(bounds.height()).max(1.0) as f64;
        // One decimal, rounded down, so that the suggestion really fits.
        let fits = (MAX_SIDE as f64 / longest * 10.0).floor() / 10.0;
        return Err(ExportError::TooLarge {
            width: w as u64,
            height: h as u64,
            scale,
            fits: (fits as f32 >= *SCALE_RANGE.start()).then_some(fits as f32),
        });
    }
    Ok([w as u32, h as u32])
}

/// Lays out and paints the whole map, whatever the editor's pan and zoom:
/// zoom 1, map origin at the image's corner, nothing selected. Text is
/// laid out for `scale` pixels per point so glyphs are rasterised sharp.
pub fn paint(map: &Map, options: &ExportOptions) -> Painted {
    paint_with_style(map, options, &Style::default())
}

/// [`paint`] with another style: the PDF handout's stage pages put short
/// cards side by side, as the presentation does.
pub fn paint_with_style(map: &Map, options: &ExportOptions, style: &Style) -> Painted {
    let theme = options.theme.theme();
    let layout: Layout = layout(map, style);
    let mut fonts = Fonts::new(TextOptions::default(), font_definitions())
        .with_font_providers(font_providers());
    let bounds = layout.bounds;
    let view = View {
        origin: egui::pos2(-bounds.min.x, -bounds.min.y),
        zoom: 1.0,
    };
    let shapes = {
        let mut view_fonts = fonts.with_pixels_per_point(options.scale.max(0.01));
        paint_map_for_export(
            &mut view_fonts,
            map,
            &layout,
            &theme,
            &view,
            Rect::from_min_size(egui::Pos2::ZERO, bounds.size()),
            &options.personas,
        )
    };
    let background = if options.transparent {
        Color32::TRANSPARENT
    } else {
        theme.background
    };
    Painted {
        shapes,
        bounds: Rect::from_min_size(egui::Pos2::ZERO, bounds.size()),
        background,
        fonts,
    }
}

/// Shapes tessellated into triangles, with the textures they sample.
pub struct Tessellated {
    /// The triangles, in points.
    pub primitives: Vec<ClippedPrimitive>,
    /// The font atlas (and nothing else: maps have no images).
    pub textures: Textures,
    /// The image size in pixels.
    pub size: [u32; 2],
    /// Pixels per point.
    pub scale: f32,
    /// What the image is cleared to.
    pub background: Color32,
}

/// Tessellates painted shapes at `scale` pixels per point, as egui does
/// for the screen, and takes the font atlas along.
pub fn tessellate(painted: Painted, scale: f32) -> Result<Tessellated, ExportError> {
    let size = image_size(painted.bounds, scale)?;
    let Painted {
        shapes,
        bounds,
        background,
        fonts,
    } = painted;
    let atlas = fonts.texture_atlas();
    let clipped = shapes
        .into_iter()
        .map(|s| ClippedShape::new(bounds, s))
        .collect();
    let primitives = Tessellator::new(
        scale,
        TessellationOptions::default(),
        atlas.size(),
        atlas.prepared_discs(),
    )
    .tessellate_shapes(clipped);
    let mut textures = Textures::new();
    textures.set(
        TextureId::default(),
        &egui::epaint::ImageDelta::full(fonts.image(), TextureAtlas::texture_options()),
    );
    Ok(Tessellated {
        primitives,
        textures,
        size,
        scale,
        background,
    })
}

/// Renders the whole map into an image in memory (plain, unpremultiplied
/// RGBA, as PNG files hold it). For tests and previews; files are better
/// written with [`render_png`], which streams and needs less memory.
pub fn render_image(map: &Map, options: &ExportOptions) -> Result<RgbaImage, ExportError> {
    image_size(layout(map, &Style::default()).bounds, options.scale)?;
    let t = tessellate(paint(map, options), options.scale)?;
    let mut image = raster::rasterise(&t.primitives, &t.textures, t.size, t.scale, t.background);
    png::unpremultiply(&mut image);
    Ok(image)
}

/// Renders the whole map as PNG file bytes. Reports progress and stops
/// early if cancelled. Checks the size before anything big is allocated.
pub fn render_png(
    map: &Map,
    options: &ExportOptions,
    progress: Option<&Progress>,
) -> Result<Vec<u8>, ExportError> {
    render_png_timed(map, options, progress).map(|(bytes, _)| bytes)
}

/// [`render_png`], also saying where the time went.
pub fn render_png_timed(
    map: &Map,
    options: &ExportOptions,
    progress: Option<&Progress>,
) -> Result<(Vec<u8>, Timings), ExportError> {
    let mut timings = Timings::default();
    // The size check comes first: it needs only the layout.
    image_size(layout(map, &Style::default()).bounds, options.scale)?;
    report(progress, 0.0)?;
    let start = Instant::now();
    let painted = paint(map, options);
    timings.layout = start.elapsed();
    report(progress, 0.05)?;
    let start = Instant::now();
    let t = tessellate(painted, options.scale)?;
    timings.tessellate = start.elapsed();
    report(progress, 0.1)?;
    let bytes = png::encode_streaming(&t, options.compression, progress, &mut timings)?;
    report(progress, 1.0)?;
    Ok((bytes, timings))
}

/// Renders the map as an SVG document.
pub fn render_svg(map: &Map, options: &ExportOptions) -> Result<String, ExportError> {
    let painted = paint(
        map,
        &ExportOptions {
            // Text is laid out at 1 pixel per point; the SVG viewer scales.
            scale: 1.0,
            ..options.clone()
        },
    );
    Ok(svg::write_svg(
        &painted.shapes,
        painted.bounds,
        painted.background,
        &map.title,
    ))
}

/// Renders the map as a PDF document, laid out as `options.pdf` says.
pub fn render_pdf(map: &Map, options: &ExportOptions) -> Result<Vec<u8>, ExportError> {
    pdf::render_pdf(map, options, &options.pdf)
}

/// Exports to a file whose extension (`.png`, `.svg` or `.pdf`) picks the
/// format.
/// The file is replaced atomically: a failed export leaves the old one.
pub fn export_file(
    map: &Map,
    path: &Path,
    options: &ExportOptions,
    progress: Option<&Progress>,
) -> Result<(), ExportError> {
    let bytes = match crate::io::extension(path).as_str() {
        "svg" => render_svg(map, options)?.into_bytes(),
        "pdf" => render_pdf(map, options)?,
        _ => render_png(map, options, progress)?,
    };
    crate::format::atomic::write(path, &bytes).map_err(|err| ExportError::Write {
        path: path.display().to_string(),
        message: err.to_string(),
    })
}
