//! The painter the section painters share: the view, the clip rectangle,
//! the fonts and the shapes painted so far.

use std::sync::Arc;

use egui::emath::TSTransform;
use egui::epaint::text::{FontsView, TextWrapping};
use egui::epaint::{CornerRadius, Galley, TextShape};
use egui::{Align2, Color32, FontFamily, FontId, Pos2, Rect, Shape, Vec2, pos2};

use super::View;
use super::face::face;
use super::text::{cap_text, ladder_size};

/// How text sizes are chosen.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum TextSizing {
    /// Laid out at the ladder size nearest the zoomed size and scaled to
    /// it: the screen, whose zoom changes all the time
    /// (see [`super::text::ladder_size`]).
    Ladder,
    /// Laid out at exactly the zoomed size: exports, which lay out once,
    /// at one fixed scale.
    Exact,
}

/// Paints into screen-space shapes, skipping whatever lies outside `clip`.
pub(super) struct Painter<'f, 'a> {
    pub(super) fonts: &'f mut FontsView<'a>,
    pub(super) view: View,
    pub(super) clip: Rect,
    pub(super) shapes: Vec<Shape>,
    pub(super) sizing: TextSizing,
}

/// How a text is set: size (map units), family, colour, and the box it
/// wraps in (width in map units, at most `rows` rows).
pub(super) struct TextStyle {
    pub(super) size: f32,
    pub(super) family: FontFamily,
    pub(super) color: Color32,
    pub(super) width: f32,
    pub(super) rows: usize,
}

impl TextStyle {
    /// Regular text.
    pub(super) fn regular(size: f32, color: Color32, width: f32, rows: usize) -> Self {
        Self {
            size,
            family: FontFamily::Proportional,
            color,
            width,
            rows,
        }
    }

    /// Bold text.
    pub(super) fn bold(size: f32, color: Color32, width: f32, rows: usize) -> Self {
        Self {
            size,
            family: super::bold(),
            color,
            width,
            rows,
        }
    }
}

impl<'f, 'a> Painter<'f, 'a> {
    /// A painter with nothing painted yet.
    pub(super) fn new(
        fonts: &'f mut FontsView<'a>,
        view: &View,
        clip: Rect,
        layout: &crate::layout::Layout,
        sizing: TextSizing,
    ) -> Self {
        Self {
            fonts,
            view: *view,
            clip,
            shapes: Vec::with_capacity(64 + layout.cards.len().min(4096) * 8),
            sizing,
        }
    }
}

impl Painter<'_, '_> {
    /// A length in map units, on screen.
    pub(super) fn z(&self, v: f32) -> f32 {
        v * self.view.zoom
    }

    fn galley(
        &mut self,
        text: &str,
        font: FontId,
        color: Color32,
        width: f32,
        rows: usize,
    ) -> Arc<Galley> {
        let mut job = super::rtl::text_job(text, font, color, width.max(1.0));
        job.wrap = TextWrapping {
            max_width: width.max(1.0),
            max_rows: rows,
            break_anywhere: false,
            overflow_character: Some('…'),
        };
        self.fonts.layout_job(job)
    }

    /// Text at a screen position, anchored there; returns its screen rect.
    /// On screen it is laid out at a ladder size and scaled to the zoomed
    /// size (see [`TextSizing`]); text beyond [`super::text::MAX_TEXT_CHARS`]
    /// is cut before layout.
    pub(super) fn text(&mut self, pos: Pos2, anchor: Align2, text: &str, style: TextStyle) -> Rect {
        self.text_or_space(pos, anchor, text, style, true)
    }

    /// [`Self::text`], drawn only if `draw`: otherwise only its place is
    /// taken, so that what follows it stays where it would be.
    pub(super) fn text_or_space(
        &mut self,
        pos: Pos2,
        anchor: Align2,
        text: &str,
        style: TextStyle,
        draw: bool,
    ) -> Rect {
        if text.is_empty() {
            return Rect::from_min_size(pos, Vec2::ZERO);
        }
        let size = self.z(style.size);
        let laid = match self.sizing {
            TextSizing::Ladder => ladder_size(size),
            TextSizing::Exact => size,
        };
        let scale = size / laid;
        let text = cap_text(text);
        let font = FontId::new(laid, style.family);
        let width = self.z(style.width) / scale;
        let galley = self.galley(&text, font, style.color, width, style.rows);
        let rect = anchor.anchor_size(pos, galley.size() * scale);
        if draw && rect.intersects(self.clip) {
            let mut shape = TextShape::new(rect.min, galley, style.color);
            if scale != 1.0 {
                // Scales the galley's rows and meshes about its origin.
                shape.transform(TSTransform::from_scaling(scale));
                shape.pos = rect.min;
            }
            self.shapes.push(Shape::Text(shape));
        }
        rect
    }

    /// Text that nothing else is placed by: [`Self::text`], except that it
    /// is not laid out at all when it cannot reach the clip. Zoomed in on
    /// one corner, the map's other headings are then not rasterised at a
    /// large size (on a 2× screen, the font atlas for a whole zoom sweep
    /// needs about a third). Use [`Self::text`] when the returned rect
    /// places something else.
    pub(super) fn text_if_visible(
        &mut self,
        pos: Pos2,
        anchor: Align2,
        text: &str,
        style: TextStyle,
    ) {
        if self.text_bound(pos, anchor, &style).intersects(self.clip) {
            self.text(pos, anchor, text, style);
        }
    }

    /// A heading and a text under it, both left-aligned at `pos.x`, the
    /// second `gap` below the first's bottom. Neither is laid out when the
    /// pair cannot reach the clip (see [`Self::text_if_visible`]).
    pub(super) fn text_pair(
        &mut self,
        pos: Pos2,
        first: &str,
        first_style: TextStyle,
        gap: f32,
        second: &str,
        second_style: TextStyle,
    ) {
        self.text_pair_above(
            pos,
            first,
            first_style,
            gap,
            second,
            second_style,
            f32::INFINITY,
        );
    }

    /// [`Self::text_pair`] in a box whose bottom is at screen y `bottom`:
    /// the second text gets the rows that fit under the first, up to its
    /// style's rows, and is left out when none fits. A heading that wraps
    /// to a second row thus takes a row from the text under it rather than
    /// spilling out of the box.
    #[allow(clippy::too_many_arguments)]
    pub(super) fn text_pair_above(
        &mut self,
        pos: Pos2,
        first: &str,
        first_style: TextStyle,
        gap: f32,
        second: &str,
        mut second_style: TextStyle,
        bottom: f32,
    ) {
        // The second starts no lower than under the first's bound.
        let a = self.text_bound(pos, Align2::LEFT_TOP, &first_style);
        let b = self.text_bound(
            pos2(pos.x, a.bottom() + gap),
            Align2::LEFT_TOP,
            &second_style,
        );
        if !a.union(b).intersects(self.clip) {
            return;
        }
        let r = self.text(pos, Align2::LEFT_TOP, first, first_style);
        let top = r.bottom() + gap;
        if bottom.is_finite() && !second.is_empty() {
            let row = self.row_height(&second_style);
            // A little slack: a row that fits but for rounding still fits.
            let fit = ((bottom - top) / row + 0.05).floor().max(0.0) as usize;
            second_style.rows = second_style.rows.min(fit);
            if second_style.rows == 0 {
                return;
            }
        }
        self.text(pos2(pos.x, top), Align2::LEFT_TOP, second, second_style);
    }

    /// The height of one row of `style`'s text on screen, as [`Self::text`]
    /// lays it out.
    fn row_height(&mut self, style: &TextStyle) -> f32 {
        let size = self.z(style.size);
        let laid = match self.sizing {
            TextSizing::Ladder => ladder_size(size),
            TextSizing::Exact => size,
        };
        let font = FontId::new(laid, style.family.clone());
        self.fonts.row_height(&font) * size / laid
    }

    /// A screen rectangle the laid-out text cannot exceed: the wrap width,
    /// plus slack for an ellipsis (a word wider than the box is broken or
    /// elided, never drawn wider), by `rows` rows of at most twice the font
    /// size (DejaVu's rows are 1.16 sizes; fallback fonts may be taller).
    /// Unbounded if the rows are.
    fn text_bound(&self, pos: Pos2, anchor: Align2, style: &TextStyle) -> Rect {
        if style.rows == 0 || style.rows > 100 {
            return Rect::EVERYTHING;
        }
        let size = self.z(style.size);
        let bound = Vec2::new(
            self.z(style.width).max(0.0) + 2.0 * size,
            (2.0 * style.rows as f32 + 1.0) * size,
        );
        anchor.anchor_size(pos, bound)
    }

    /// A filled rounded rectangle in screen space.
    pub(super) fn rect(&mut self, r: Rect, radius: f32, fill: Color32) {
        if r.intersects(self.clip) {
            self.shapes.push(Shape::rect_filled(
                r,
                CornerRadius::same(radius.round().clamp(0.0, 255.0) as u8),
                fill,
            ));
        }
    }

    /// A bordered box drawn as two fills: much cheaper to tessellate than a
    /// stroked rounded rect (measured: 8–12 ms vs 1.2 ms for 2,000 cards).
    pub(super) fn boxed(
        &mut self,
        r: Rect,
        radius: f32,
        fill: Color32,
        border: Color32,
        width: f32,
    ) {
        self.rect(r.expand(width), radius + width, border);
        self.rect(r, radius, fill);
    }

    /// An emotion face, skipped when off the clip.
    pub(super) fn face(&mut self, center: Pos2, radius: f32, score: f32, ring: Color32) {
        if Rect::from_center_size(center, Vec2::splat(2.0 * radius)).intersects(self.clip) {
            face(&mut self.shapes, center, radius, score, ring);
        }
    }
}
