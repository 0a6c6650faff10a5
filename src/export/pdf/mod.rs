//! PDF from the same epaint shapes the canvas draws, written with krilla.
//!
//! The map is laid out and painted once, as for the PNG and the SVG
//! ([`super::paint`]); [`draw`] writes the geometry as vector paths and
//! [`text`] writes the text as real text in the editor's own fonts,
//! embedded as subsets, so a reader can select and search it. Pages are
//! views onto that one painting ([`pages`]): a poster shows the whole map;
//! a handout shows the title band with the emotion curve, then each stage
//! beside the lane names, then the findings.
//!
//! Why krilla: it embeds and subsets TrueType and CFF fonts (the CJK
//! fallbacks are CFF), writes a ToUnicode map per font so text extracts,
//! and takes glyphs we position ourselves, which is what keeps the PDF's
//! text where egui put it. svg2pdf over our SVG would go through usvg's
//! own text layout and font lookup, a second text path that can drift
//! from the screen.

mod colors;
mod draw;
mod findings;
mod pages;
mod text;

use krilla::Document;
use krilla::destination::XyzDestination;
use krilla::geom::{PathBuilder, Transform};
use krilla::metadata::Metadata;
use krilla::outline::{Outline, OutlineNode};
use krilla::page::PageSettings;

use super::walk::for_each_shape;
use super::{ExportError, ExportOptions, Painted, paint};
use crate::model::Map;

pub use pages::{Page, Piece, Plan, Source};

/// The paper a PDF is printed on.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum PageSize {
    /// Each page exactly as large as what it shows, at the screen's size.
    #[default]
    Fit,
    /// ISO A4, 210 × 297 mm.
    A4,
    /// ISO A3, 297 × 420 mm.
    A3,
    /// US Letter, 8.5 × 11 in.
    Letter,
}

impl PageSize {
    /// Every size, as offered in the export dialog.
    pub const ALL: [PageSize; 4] = [PageSize::Fit, PageSize::A4, PageSize::A3, PageSize::Letter];

    /// Its name in the export dialog.
    pub fn label(self) -> &'static str {
        match self {
            PageSize::Fit => "Fit to the map",
            PageSize::A4 => "A4",
            PageSize::A3 => "A3",
            PageSize::Letter => "Letter",
        }
    }

    /// Width and height in PDF points (1/72 in), portrait; `None` for
    /// [`PageSize::Fit`].
    pub fn portrait_points(self) -> Option<(f32, f32)> {
        match self {
            PageSize::Fit => None,
            PageSize::A4 => Some((595.28, 841.89)),
            PageSize::A3 => Some((841.89, 1190.55)),
            PageSize::Letter => Some((612.0, 792.0)),
        }
    }
}

/// Which way the paper is turned.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Orientation {
    /// Wider than tall: a journey runs left to right.
    #[default]
    Landscape,
    /// Taller than wide.
    Portrait,
}

/// What the pages hold.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum PdfLayout {
    /// The whole map on one page.
    #[default]
    Poster,
    /// A title page with the personas and the emotion curve, one page per
    /// stage, and a page of findings.
    Handout,
}

/// How to lay out a PDF.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct PdfOptions {
    /// The paper.
    pub page: PageSize,
    /// Which way it is turned (ignored for [`PageSize::Fit`]).
    pub orientation: Orientation,
    /// Poster or handout.
    pub layout: PdfLayout,
}

impl PdfOptions {
    /// The paper's width and height in points, or `None` to fit each page
    /// to its content.
    pub fn paper(&self) -> Option<(f32, f32)> {
        let (w, h) = self.page.portrait_points()?;
        Some(match self.orientation {
            Orientation::Portrait => (w, h),
            Orientation::Landscape => (h, w),
        })
    }
}

/// Space kept free around the content of a page of paper, in points.
const PAPER_MARGIN: f32 = 24.0;

/// Renders the map as PDF file bytes (see [`super::render_pdf`]).
pub fn render_pdf(
    map: &Map,
    options: &ExportOptions,
    pdf: &PdfOptions,
) -> Result<Vec<u8>, ExportError> {
    let options = &ExportOptions {
        // Text is laid out at 1 pixel per point: PDF is vector.
        scale: 1.0,
        pdf: *pdf,
        ..options.clone()
    };
    let mut painted = paint(map, options);
    let plan = match pdf.layout {
        PdfLayout::Poster => pages::poster(&painted, &map.title),
        PdfLayout::Handout => pages::handout(map, &mut painted, options, &options.theme.theme()),
    };
    write_document(&painted, &plan, pdf, &map.title)
}

/// Writes the planned pages of one painting.
fn write_document(
    painted: &Painted,
    plan: &Plan,
    pdf: &PdfOptions,
    title: &str,
) -> Result<Vec<u8>, ExportError> {
    let mut flat: Vec<&egui::Shape> = Vec::with_capacity(painted.shapes.len());
    for_each_shape(&painted.shapes, &mut |s| flat.push(s));
    let stages = plan.stages.as_ref().unwrap_or(painted);
    let mut stage_flat: Vec<&egui::Shape> = Vec::new();
    if plan.stages.is_some() {
        for_each_shape(&stages.shapes, &mut |s| stage_flat.push(s));
    }
    let mut writer = text::TextWriter::new(&[&painted.fonts, &stages.fonts]);
    let mut document = Document::new();
    if !title.trim().is_empty() {
        document.set_metadata(
            Metadata::new()
                .title(crate::paint::cap_text(title).into_owned())
                .creator("Waymark".to_owned()),
        );
    }
    let buckets = pages::Buckets::new(&stage_flat, plan);
    // A bookmark per page: the handout's stages by name in the outline.
    let mut outline = Outline::new();
    for (number, page) in plan.pages.iter().enumerate() {
        let content = page.size();
        let (pw, ph, scale) = match pdf.paper() {
            None => (content.x, content.y, 1.0),
            Some((w, h)) => {
                let s = ((w - 2.0 * PAPER_MARGIN) / content.x.max(1.0))
                    .min((h - 2.0 * PAPER_MARGIN) / content.y.max(1.0));
                (w, h, s.max(0.01))
            }
        };
        let settings = PageSettings::from_wh(pw.max(1.0), ph.max(1.0))
            .ok_or_else(|| ExportError::Pdf(format!("page {} has no size", number + 1)))?;
        if !page.name.trim().is_empty() {
            outline.push_child(OutlineNode::new(
                page.name.clone(),
                XyzDestination::new(number, krilla::geom::Point::from_xy(0.0, 0.0)),
            ));
        }
        let mut pdf_page = document.start_page_with(settings);
        let mut surface = pdf_page.surface();
        if let Some(fill) = colors::fill(painted.background)
            && let Some(rect) = krilla::geom::Rect::from_xywh(0.0, 0.0, pw, ph)
        {
            let mut b = PathBuilder::new();
            b.push_rect(rect);
            if let Some(path) = b.finish() {
                surface.set_fill(Some(fill));
                surface.set_stroke(None);
                surface.draw_path(&path);
            }
        }
        // A poster is centred on the paper; a handout's pages start at
        // the top, as pages of a document do.
        let ox = (pw - content.x * scale) / 2.0;
        let oy = match pdf.layout {
            PdfLayout::Poster => (ph - content.y * scale) / 2.0,
            PdfLayout::Handout => ((ph - content.y * scale) / 2.0).min(PAPER_MARGIN),
        };
        surface.push_transform(&Transform::from_row(scale, 0.0, 0.0, scale, ox, oy));
        for piece in &page.pieces {
            let src = piece.src;
            let shift = piece.dst - src.min;
            surface.push_transform(&Transform::from_translate(shift.x, shift.y));
            let clip = krilla::geom::Rect::from_ltrb(src.min.x, src.min.y, src.max.x, src.max.y);
            let clipped = if let Some(rect) = clip
                && piece.clip
            {
                let mut b = PathBuilder::new();
                b.push_rect(rect);
                b.finish().map(|path| {
                    surface.push_clip_path(&path, &krilla::paint::FillRule::NonZero);
                })
            } else {
                None
            };
            for shape in buckets.shapes(&flat, &stage_flat, piece) {
                draw::shape(&mut surface, &mut writer, shape);
            }
            for shape in &piece.extra {
                draw::shape(&mut surface, &mut writer, shape);
            }
            if clipped.is_some() {
                surface.pop();
            }
            surface.pop();
        }
        surface.pop();
        surface.finish();
        pdf_page.finish();
    }
    document.set_outline(outline);
    document
        .finish()
        .map_err(|err| ExportError::Pdf(format!("{err:?}")))
}
