//! Layout + Map + Theme → epaint shapes, shared by the canvas and export.
//!
//! Text is laid out at the zoomed size, never scaled after the fact, so it
//! stays sharp at every zoom. Shapes outside `clip` are skipped: with
//! thousands of cards most are off screen, and tessellation is the cost.

use std::collections::HashSet;
use std::sync::Arc;

use egui::epaint::text::{FontsView, LayoutJob, TextWrapping};
use egui::epaint::{CornerRadius, CubicBezierShape, Galley, Stroke};
use egui::{Align2, Color32, FontFamily, FontId, Pos2, Rect, Shape, Vec2, pos2, vec2};

use crate::layout::Layout;
use crate::model::{Card, CardId, Channel, LaneId, Map, StageId};
use crate::theme::{Theme, channel_color, emotion_color, lane_color};

/// The font family of headings.
pub fn bold() -> FontFamily {
    FontFamily::Name("bold".into())
}

/// Fonts for the app and the exporters: DejaVu Sans, which reads well on a
/// projector and covers the symbols we draw, with a bold face for headings.
pub fn font_definitions() -> egui::FontDefinitions {
    let mut fonts = egui::FontDefinitions::default();
    fonts.font_data.insert(
        "dejavu".into(),
        Arc::new(egui::FontData::from_static(include_bytes!(
            "../assets/fonts/DejaVuSans.ttf"
        ))),
    );
    fonts.font_data.insert(
        "dejavu-bold".into(),
        Arc::new(egui::FontData::from_static(include_bytes!(
            "../assets/fonts/DejaVuSans-Bold.ttf"
        ))),
    );
    if let Some(list) = fonts.families.get_mut(&FontFamily::Proportional) {
        list.insert(0, "dejavu".into());
    }
    let mut bold_list = vec!["dejavu-bold".to_owned()];
    bold_list.extend(
        fonts
            .families
            .get(&FontFamily::Proportional)
            .cloned()
            .unwrap_or_default(),
    );
    fonts.families.insert(bold(), bold_list);
    fonts
}

/// How map units become screen points.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct View {
    /// Screen position of the map point (0, 0).
    pub origin: Pos2,
    /// Screen points per map unit.
    pub zoom: f32,
}

impl Default for View {
    fn default() -> Self {
        Self {
            origin: Pos2::ZERO,
            zoom: 1.0,
        }
    }
}

impl View {
    /// Map point → screen point.
    pub fn to_screen(&self, p: Pos2) -> Pos2 {
        self.origin + p.to_vec2() * self.zoom
    }

    /// Screen point → map point.
    pub fn to_map(&self, p: Pos2) -> Pos2 {
        ((p - self.origin) / self.zoom).to_pos2()
    }

    /// Map rectangle → screen rectangle.
    pub fn rect(&self, r: Rect) -> Rect {
        Rect::from_min_max(self.to_screen(r.min), self.to_screen(r.max))
    }
}

/// What the editor adds on top of the document: selection, highlights,
/// cards being dragged. Exports use the default: nothing.
#[derive(Clone, Debug, Default)]
pub struct Decorations<'a> {
    /// Selected cards, outlined.
    pub selected: Option<&'a HashSet<CardId>>,
    /// Cards being dragged: drawn faded in place.
    pub dragging: Option<&'a HashSet<CardId>>,
    /// A card whose title is being edited in place: its title is left out.
    pub editing: Option<CardId>,
    /// A card, stage or lane to highlight (a located finding).
    pub highlight_card: Option<CardId>,
    /// A stage to highlight.
    pub highlight_stage: Option<StageId>,
    /// A lane to highlight.
    pub highlight_lane: Option<LaneId>,
    /// The selected stage, outlined.
    pub selected_stage: Option<StageId>,
    /// The selected lane, outlined.
    pub selected_lane: Option<LaneId>,
}

/// Below this on-screen card height, cards are drawn without text: at
/// that size text is unreadable anyway, and it keeps huge maps fast.
const DETAIL_MIN_HEIGHT: f32 = 30.0;

/// Below this, a card is a single plain rectangle: a dot in an overview.
const TINY_HEIGHT: f32 = 12.0;

/// Whether cards at this zoom are too small for widgets of their own; the
/// canvas then hit-tests them itself, which keeps huge overviews fast.
pub fn cards_are_tiny(layout: &Layout, zoom: f32) -> bool {
    layout.style.card_size.y * zoom < TINY_HEIGHT
}

struct Painter<'f, 'a> {
    fonts: &'f mut FontsView<'a>,
    view: View,
    clip: Rect,
    shapes: Vec<Shape>,
}

impl Painter<'_, '_> {
    fn z(&self, v: f32) -> f32 {
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
        let mut job = LayoutJob::simple(text.to_owned(), font, color, width.max(1.0));
        job.wrap = TextWrapping {
            max_width: width.max(1.0),
            max_rows: rows,
            break_anywhere: false,
            overflow_character: Some('…'),
        };
        self.fonts.layout_job(job)
    }

    /// Text at a screen position; `size` is in map units.
    #[allow(clippy::too_many_arguments)]
    fn text(
        &mut self,
        pos: Pos2,
        anchor: Align2,
        text: &str,
        size: f32,
        family: FontFamily,
        color: Color32,
        width: f32,
        rows: usize,
    ) -> Rect {
        if text.is_empty() {
            return Rect::from_min_size(pos, Vec2::ZERO);
        }
        let font = FontId::new(self.z(size), family);
        let galley = self.galley(text, font, color, self.z(width), rows);
        let rect = anchor.anchor_size(pos, galley.size());
        if rect.intersects(self.clip) {
            self.shapes.push(Shape::galley(rect.min, galley, color));
        }
        rect
    }

    fn rect(&mut self, r: Rect, radius: f32, fill: Color32) {
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
    fn boxed(&mut self, r: Rect, radius: f32, fill: Color32, border: Color32, width: f32) {
        self.rect(r.expand(width), radius + width, border);
        self.rect(r, radius, fill);
    }

    fn face(&mut self, center: Pos2, radius: f32, score: f32, ring: Color32) {
        if Rect::from_center_size(center, Vec2::splat(2.0 * radius)).intersects(self.clip) {
            face(&mut self.shapes, center, radius, score, ring);
        }
    }
}

/// A face: colour and mouth show the score without needing emoji glyphs.
/// Used on cards, on the curve, in the legend and in the emotion picker.
pub fn face(shapes: &mut Vec<Shape>, center: Pos2, radius: f32, score: f32, ring: Color32) {
    let ink = Color32::from_rgb(40, 30, 20);
    shapes.push(Shape::circle_filled(center, radius + 1.0, ring));
    shapes.push(Shape::circle_filled(center, radius, emotion_color(score)));
    let eye_dx = radius * 0.36;
    let eye_y = center.y - radius * 0.22;
    let eye_r = (radius * 0.12).max(0.8);
    shapes.push(Shape::circle_filled(
        pos2(center.x - eye_dx, eye_y),
        eye_r,
        ink,
    ));
    shapes.push(Shape::circle_filled(
        pos2(center.x + eye_dx, eye_y),
        eye_r,
        ink,
    ));
    let half = radius * 0.45;
    let mouth_y = center.y + radius * 0.35;
    let bend = score.clamp(-2.0, 2.0) / 2.0 * radius * 0.28;
    let points: Vec<Pos2> = (0..=6)
        .map(|i| {
            let t = i as f32 / 6.0 * 2.0 - 1.0;
            pos2(center.x + t * half, mouth_y + bend - bend * t * t)
        })
        .collect();
    shapes.push(Shape::line(
        points,
        Stroke::new((radius * 0.13).max(1.0), ink),
    ));
}

/// Paints the whole map into shapes in screen space.
pub fn paint_map(
    fonts: &mut FontsView<'_>,
    map: &Map,
    layout: &Layout,
    theme: &Theme,
    view: &View,
    clip: Rect,
    deco: &Decorations<'_>,
) -> Vec<Shape> {
    let mut p = Painter {
        fonts,
        view: *view,
        clip,
        shapes: Vec::with_capacity(64 + layout.cards.len().min(4096) * 8),
    };
    paint_title(&mut p, map, layout, theme);
    paint_grid(&mut p, map, layout, theme, deco);
    paint_emotion_row(&mut p, map, layout, theme);
    paint_cards(&mut p, map, layout, theme, deco);
    paint_legend(&mut p, layout, theme);
    p.shapes
}

fn paint_title(p: &mut Painter<'_, '_>, map: &Map, layout: &Layout, theme: &Theme) {
    let title = p.view.rect(layout.title);
    let personas_left = layout
        .personas
        .first()
        .map_or(layout.title.right(), |(_, r)| r.left());
    let width = (personas_left - layout.title.left() - 24.0).max(200.0);
    // A future-state map says so in its header, on screen and in exports;
    // current-state maps (the default) look as they always did.
    let heading = match map.state {
        crate::model::MapState::Future => format!("{} · {}", map.title, map.state.label()),
        crate::model::MapState::Current => map.title.clone(),
    };
    let t = p.text(
        title.min,
        Align2::LEFT_TOP,
        &heading,
        28.0,
        bold(),
        theme.text,
        width,
        1,
    );
    p.text(
        pos2(title.left(), t.bottom() + p.z(6.0)),
        Align2::LEFT_TOP,
        &map.description,
        14.0,
        FontFamily::Proportional,
        theme.muted,
        width,
        2,
    );
    for (i, (id, rect)) in layout.personas.iter().enumerate() {
        let Some(persona) = map.persona(*id) else {
            continue;
        };
        let r = p.view.rect(*rect);
        let color = theme.stage_color(i + 3);
        p.boxed(r, r.height() / 2.0, theme.card, theme.card_border, 1.0);
        let dot = pos2(r.left() + r.height() / 2.0, r.center().y);
        p.shapes
            .push(Shape::circle_filled(dot, r.height() * 0.36, color));
        let initial: String = persona.name.chars().take(1).collect();
        p.text(
            dot,
            Align2::CENTER_CENTER,
            &initial,
            12.0,
            bold(),
            Color32::WHITE,
            20.0,
            1,
        );
        p.text(
            pos2(r.left() + r.height() + p.z(2.0), r.center().y),
            Align2::LEFT_CENTER,
            &persona.name,
            12.5,
            FontFamily::Proportional,
            theme.text,
            rect.width() - rect.height() - 8.0,
            1,
        );
    }
}

fn paint_grid(
    p: &mut Painter<'_, '_>,
    map: &Map,
    layout: &Layout,
    theme: &Theme,
    deco: &Decorations<'_>,
) {
    let radius = p.z(10.0);
    for (si, sb) in layout.stages.iter().enumerate() {
        let Some(stage) = map.stages.get(si) else {
            continue;
        };
        let column = p.view.rect(sb.column);
        p.rect(column, radius, theme.column);
        let header = p.view.rect(sb.header);
        let color = theme.stage_color(si);
        if deco.highlight_stage == Some(stage.id) {
            p.rect(
                column.expand(p.z(4.0)),
                radius,
                theme.highlight.gamma_multiply(0.35),
            );
        }
        if deco.selected_stage == Some(stage.id) {
            p.rect(header.expand(p.z(3.0)), radius, theme.selection);
        }
        p.rect(header, radius, color);
        let pad = p.z(14.0);
        let name = p.text(
            header.min + vec2(pad, pad * 0.8),
            Align2::LEFT_TOP,
            &stage.name,
            20.0,
            bold(),
            theme.header_text,
            sb.header.width() - 28.0,
            1,
        );
        p.text(
            pos2(header.left() + pad, name.bottom() + p.z(6.0)),
            Align2::LEFT_TOP,
            &stage.goal,
            12.5,
            FontFamily::Proportional,
            theme.header_text.gamma_multiply(0.9),
            sb.header.width() - 28.0,
            2,
        );
    }
    for (li, lb) in layout.lanes.iter().enumerate() {
        let Some(lane) = map.lanes.get(li) else {
            continue;
        };
        let row = p.view.rect(lb.row);
        p.rect(row, p.z(6.0), theme.row);
        let label = p.view.rect(lb.label);
        if deco.highlight_lane == Some(lane.id) {
            p.rect(row, p.z(6.0), theme.highlight.gamma_multiply(0.25));
        }
        if deco.selected_lane == Some(lane.id) {
            p.rect(
                label.shrink(p.z(2.0)),
                p.z(6.0),
                theme.selection.gamma_multiply(0.2),
            );
        }
        let accent = lane_color(&lane.kind);
        p.rect(
            Rect::from_min_size(
                label.min + vec2(p.z(6.0), p.z(12.0)),
                vec2(p.z(5.0), p.z(34.0)),
            ),
            p.z(2.5),
            accent,
        );
        p.text(
            label.min + vec2(p.z(20.0), p.z(12.0)),
            Align2::LEFT_TOP,
            &lane.name,
            13.5,
            bold(),
            theme.text,
            lb.label.width() - 26.0,
            3,
        );
    }
}

fn paint_emotion_row(p: &mut Painter<'_, '_>, map: &Map, layout: &Layout, theme: &Theme) {
    let row = p.view.rect(layout.emotion_row);
    if !row.intersects(p.clip) {
        return;
    }
    p.rect(row, p.z(6.0), theme.row);
    p.text(
        row.min + vec2(p.z(20.0), p.z(12.0)),
        Align2::LEFT_TOP,
        "Emotion",
        15.0,
        bold(),
        theme.text,
        120.0,
        1,
    );
    let grid_left = p
        .view
        .to_screen(pos2(
            layout.emotion_row.left() + layout.style.label_width,
            0.0,
        ))
        .x;
    for score in [2.0f32, 0.0, -2.0] {
        let y = p.view.to_screen(pos2(0.0, layout.emotion_y(score))).y;
        let stroke = Stroke::new(if score == 0.0 { 1.5 } else { 1.0 }, theme.guide);
        p.shapes
            .push(Shape::hline(grid_left..=row.right(), y, stroke));
        let label = if score > 0.0 {
            "+2"
        } else if score < 0.0 {
            "−2"
        } else {
            "0"
        };
        p.text(
            pos2(grid_left - p.z(8.0), y),
            Align2::RIGHT_CENTER,
            label,
            11.0,
            FontFamily::Proportional,
            theme.muted,
            30.0,
            1,
        );
    }
    let points: Vec<Pos2> = layout
        .emotion_points
        .iter()
        .map(|e| p.view.to_screen(e.pos))
        .collect();
    // A smooth curve through the stages (Catmull-Rom as cubic Béziers).
    let curve = Stroke::new(p.z(3.0).max(1.5), theme.muted);
    for i in 0..points.len().saturating_sub(1) {
        let p0 = points[i.saturating_sub(1)];
        let p1 = points[i];
        let p2 = points[i + 1];
        let p3 = points[(i + 2).min(points.len() - 1)];
        let c1 = p1 + (p2 - p0) / 6.0;
        let c2 = p2 - (p3 - p1) / 6.0;
        p.shapes
            .push(Shape::CubicBezier(CubicBezierShape::from_points_stroke(
                [p1, c1, c2, p2],
                false,
                Color32::TRANSPARENT,
                curve,
            )));
    }
    for (point, screen) in layout.emotion_points.iter().zip(&points) {
        p.face(*screen, p.z(15.0), point.score, theme.card);
        let word = stage_word(map, point.stage);
        let text = match word {
            Some(w) => format!("{w} ({:+.1})", point.score),
            None => format!("{:+.1}", point.score),
        };
        p.text(
            *screen + vec2(0.0, p.z(19.0)),
            Align2::CENTER_TOP,
            &text,
            12.0,
            FontFamily::Proportional,
            theme.text,
            layout.style.stage_width - 16.0,
            1,
        );
    }
}

/// The word under a stage's point: its own, or its cards' most common one.
fn stage_word(map: &Map, stage: StageId) -> Option<String> {
    let s = map.stage(stage)?;
    if let Some(e) = &s.emotion
        && !e.word.is_empty()
    {
        return Some(e.word.clone());
    }
    let mut counts: Vec<(&str, usize)> = Vec::new();
    for card in map.stage_cards(stage) {
        if let Some(e) = &card.emotion
            && !e.word.is_empty()
        {
            match counts.iter_mut().find(|(w, _)| *w == e.word) {
                Some(entry) => entry.1 += 1,
                None => counts.push((&e.word, 1)),
            }
        }
    }
    counts
        .iter()
        .rev()
        .max_by_key(|(_, n)| *n)
        .map(|(w, _)| (*w).to_owned())
}

fn paint_cards(
    p: &mut Painter<'_, '_>,
    map: &Map,
    layout: &Layout,
    theme: &Theme,
    deco: &Decorations<'_>,
) {
    let card_h = p.z(layout.style.card_size.y);
    let detail = card_h >= DETAIL_MIN_HEIGHT;
    let tiny = card_h < TINY_HEIGHT;
    let radius = p.z(8.0);
    for cb in &layout.cards {
        let r = p.view.rect(cb.rect);
        if !r.intersects(p.clip) {
            continue;
        }
        let Some(card) = map.cards.get(cb.index) else {
            continue;
        };
        let lane_kind = &map.lanes[cb.lane].kind;
        let selected = deco.selected.is_some_and(|s| s.contains(&card.id));
        if tiny {
            // A whole map of thousands of cards: one square rect each.
            let color = if selected {
                theme.selection
            } else {
                lane_color(lane_kind).lerp_to_gamma(theme.card, 0.45)
            };
            p.shapes
                .push(Shape::rect_filled(r, CornerRadius::ZERO, color));
            continue;
        }
        let dragging = deco.dragging.is_some_and(|d| d.contains(&card.id));
        if deco.highlight_card == Some(card.id) {
            p.rect(
                r.expand(p.z(7.0)),
                radius + p.z(7.0),
                theme.highlight.gamma_multiply(0.6),
            );
        }
        let (border, width) = if selected {
            (theme.selection, p.z(2.5).max(2.0))
        } else {
            (theme.card_border, 1.0)
        };
        let fade = if dragging { 0.35 } else { 1.0 };
        p.boxed(
            r,
            radius,
            theme.card.gamma_multiply(fade),
            border.gamma_multiply(fade),
            width,
        );
        let strip = Rect::from_min_size(r.min, vec2(p.z(6.0), r.height()));
        p.rect(
            strip,
            radius.min(p.z(3.0)),
            lane_color(lane_kind).gamma_multiply(fade),
        );
        if detail && !dragging {
            paint_card_detail(p, card, r, theme, deco.editing == Some(card.id));
        }
    }
}

fn paint_card_detail(p: &mut Painter<'_, '_>, card: &Card, r: Rect, theme: &Theme, editing: bool) {
    let pad = p.z(12.0);
    let face_r = p.z(11.0);
    let text_w = r.width() / p.view.zoom - 12.0 - 12.0 - 30.0;
    if !editing {
        p.text(
            r.min + vec2(pad + p.z(2.0), p.z(9.0)),
            Align2::LEFT_TOP,
            &card.title,
            13.5,
            FontFamily::Proportional,
            theme.text,
            text_w,
            2,
        );
    }
    let bottom = r.bottom() - p.z(15.0);
    let mark = pos2(r.left() + pad + p.z(6.0), bottom);
    channel_mark(p, mark, p.z(5.0), &card.channel);
    let mut label = card.channel.label().to_owned();
    if card.medium == crate::model::Medium::Physical {
        label.push_str(" · physical");
    }
    p.text(
        mark + vec2(p.z(10.0), 0.0),
        Align2::LEFT_CENTER,
        &label,
        11.0,
        FontFamily::Proportional,
        theme.muted,
        r.width() / p.view.zoom - 70.0,
        1,
    );
    if let Some(e) = &card.emotion {
        let center = pos2(r.right() - pad - face_r + p.z(2.0), r.center().y);
        p.face(center, face_r, e.score.value() as f32, theme.card_border);
    }
}

/// The channel's mark: a small coloured diamond, the same on cards and in
/// the legend.
fn channel_mark(p: &mut Painter<'_, '_>, center: Pos2, r: f32, channel: &Channel) {
    let points = vec![
        center + vec2(0.0, -r),
        center + vec2(r, 0.0),
        center + vec2(0.0, r),
        center + vec2(-r, 0.0),
    ];
    p.shapes.push(Shape::convex_polygon(
        points,
        channel_color(channel),
        Stroke::NONE,
    ));
}

fn paint_legend(p: &mut Painter<'_, '_>, layout: &Layout, theme: &Theme) {
    let legend = p.view.rect(layout.legend);
    if !legend.intersects(p.clip) {
        return;
    }
    let y = legend.top() + p.z(18.0);
    let mut x = legend.left() + p.z(6.0);
    let r = p.text(
        pos2(x, y),
        Align2::LEFT_CENTER,
        "Emotion",
        12.0,
        bold(),
        theme.text,
        100.0,
        1,
    );
    x = r.right() + p.z(14.0);
    for score in -2..=2 {
        let score = crate::model::Score::clamped(score);
        p.face(
            pos2(x + p.z(9.0), y),
            p.z(9.0),
            score.value() as f32,
            theme.card_border,
        );
        let t = p.text(
            pos2(x + p.z(22.0), y),
            Align2::LEFT_CENTER,
            &format!("{:+} {}", score.value(), score.label()),
            11.0,
            FontFamily::Proportional,
            theme.muted,
            140.0,
            1,
        );
        x = t.right() + p.z(14.0);
    }
    let y = y + p.z(26.0);
    let mut x = legend.left() + p.z(6.0);
    let r = p.text(
        pos2(x, y),
        Align2::LEFT_CENTER,
        "Channels",
        12.0,
        bold(),
        theme.text,
        100.0,
        1,
    );
    x = r.right() + p.z(14.0);
    for channel in &layout.channels {
        channel_mark(p, pos2(x + p.z(6.0), y), p.z(5.0), channel);
        let t = p.text(
            pos2(x + p.z(15.0), y),
            Align2::LEFT_CENTER,
            channel.label(),
            11.0,
            FontFamily::Proportional,
            theme.muted,
            160.0,
            1,
        );
        x = t.right() + p.z(14.0);
    }
}
