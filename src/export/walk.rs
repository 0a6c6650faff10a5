//! What the vector exporters (SVG, PDF) read from the canvas's shapes:
//! the shapes in paint order, a path's one colour, and a galley's colour
//! and rows with their letters where egui placed them. One reading, so
//! the two formats cannot disagree about what a shape shows.

use egui::epaint::text::{Glyph, PlacedRow};
use egui::epaint::{Color32, ColorMode, PathStroke, TextShape};
use egui::{FontFamily, Pos2, Rect, Shape};

/// The one colour of a path's stroke. A colour per point cannot be
/// written as one vector stroke: take the colour at the centre, the best
/// single stand-in.
pub fn path_stroke_color(stroke: &PathStroke) -> Color32 {
    match &stroke.color {
        ColorMode::Solid(c) => *c,
        ColorMode::UV(f) => f(
            Rect::from_min_size(Pos2::ZERO, egui::vec2(1.0, 1.0)),
            Pos2::ZERO,
        ),
    }
}

/// Calls `f` on every shape in paint order, with nested
/// [`Shape::Vec`]s opened.
pub fn for_each_shape<'a>(shapes: &'a [Shape], f: &mut impl FnMut(&'a Shape)) {
    for shape in shapes {
        match shape {
            Shape::Vec(inner) => for_each_shape(inner, f),
            other => f(other),
        }
    }
}

/// The colour a galley is drawn in: the colour egui put on its first
/// glyph's vertices (it already holds the section colour, any override and
/// the opacity factor), times the shape's opacity.
pub fn text_color(t: &TextShape) -> Color32 {
    let galley = &t.galley;
    let section_color = galley
        .job
        .sections
        .first()
        .map_or(Color32::BLACK, |s| s.format.color);
    let color = galley
        .rows
        .iter()
        .find(|r| !r.row.glyphs.is_empty())
        .and_then(|r| {
            let first = r.row.glyphs.first()?;
            r.row.visuals.mesh.vertices.get(first.first_vertex as usize)
        })
        .map(|v| v.color)
        .or(t.override_text_color)
        .unwrap_or(section_color);
    if t.opacity_factor < 1.0 {
        color.gamma_multiply(t.opacity_factor.max(0.0))
    } else {
        color
    }
}

/// Whether a galley's text holds right-to-left letters: then its rows are
/// in visual order (see [`crate::paint::rtl`]).
pub fn is_rtl_text(t: &TextShape) -> bool {
    t.galley.job.text.chars().any(crate::paint::rtl::is_rtl)
}

/// Whether the family is one of the bold ones.
pub fn is_bold(family: &FontFamily) -> bool {
    matches!(family, FontFamily::Name(name) if name.contains("bold"))
}

/// One laid-out row of a galley, as the exporters write it.
pub struct TextRow<'a> {
    /// The row's laid-out glyphs, left to right.
    pub glyphs: Vec<&'a Glyph>,
    /// Where the first glyph's baseline starts, in map units.
    pub origin: Pos2,
    /// Where the row itself starts: a glyph's `pos` is relative to it.
    pub row_pos: Pos2,
    /// From the first glyph's left to the last glyph's advance.
    pub length: f32,
}

/// The rows of a galley that show something, each with the glyphs that
/// stand for letters. egui 0.37 follows a right-to-left run with invisible
/// copies of its letters (no advance, no image): those are left out when
/// `rtl`.
pub fn text_rows(t: &TextShape, rtl: bool) -> Vec<TextRow<'_>> {
    t.galley
        .rows
        .iter()
        .filter_map(|placed: &PlacedRow| {
            let glyphs: Vec<&Glyph> = placed
                .row
                .glyphs
                .iter()
                .filter(|g| !rtl || g.advance_width > 0.0 || g.uv_rect.size.x > 0.0)
                .filter(|g| g.chr != '\n')
                .collect();
            let (first, last) = (glyphs.first()?, glyphs.last()?);
            let origin = Pos2::new(
                t.pos.x + placed.pos.x + first.pos.x,
                t.pos.y + placed.pos.y + first.pos.y,
            );
            let length = (last.pos.x + last.advance_width - first.pos.x).max(0.0);
            Some(TextRow {
                glyphs,
                origin,
                row_pos: t.pos + placed.pos.to_vec2(),
                length,
            })
        })
        .collect()
}

/// Where a rect shape's stroke outline runs, for writers (SVG, PDF) whose
/// strokes straddle the outline: the rect moved by half the stroke width
/// to where egui puts the stroke, and that shift. `None` without a stroke.
pub fn stroke_outline(r: &egui::epaint::RectShape) -> Option<(egui::Rect, f32)> {
    let w = r.stroke.width;
    if w <= 0.0 || r.stroke.color.a() == 0 {
        return None;
    }
    let shift = match r.stroke_kind {
        egui::StrokeKind::Inside => -w / 2.0,
        egui::StrokeKind::Middle => 0.0,
        egui::StrokeKind::Outside => w / 2.0,
    };
    Some((r.rect.expand(shift), shift))
}
