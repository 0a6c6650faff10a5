//! The service blueprint and the funnel: the three lines between the
//! blueprint's lanes, the arrows between cards, fail-point marks, and the
//! funnel band under the stage headers. Shared by the screen and every
//! exporter, as the rest of the map is.

use egui::epaint::{CubicBezierShape, PathStroke, Stroke};
use egui::{Align2, Color32, Pos2, Rect, Shape, pos2, vec2};

use crate::layout::{FunnelBand, Layout};
use crate::model::{Map, format_count, format_share};
use crate::theme::{ALERT, Theme};

use super::painter::{Painter, TextStyle};
use super::{Decorations, sizes};

/// The blueprint lines: dashed across the map, each named at its left end.
pub(super) fn paint_blueprint_lines(p: &mut Painter<'_, '_>, layout: &Layout, theme: &Theme) {
    for line in &layout.blueprint_lines {
        let a = p.view.to_screen(pos2(line.left, line.y));
        let b = p.view.to_screen(pos2(line.right, line.y));
        let bound = Rect::from_two_pos(a, b).expand(p.z(20.0));
        if !bound.intersects(p.clip) {
            continue;
        }
        let stroke = Stroke::new(p.z(1.6).max(1.0), theme.muted);
        let dash = p.z(9.0).max(2.0);
        let gap = p.z(5.0).max(1.5);
        let (from, to) = (a.x.max(p.clip.left()), b.x.min(p.clip.right()));
        // Dashes start on the map's grid, so they do not crawl when panned.
        let pitch = dash + gap;
        let mut x = a.x + ((from - a.x) / pitch).floor().max(0.0) * pitch;
        while x < to {
            let end = (x + dash).min(b.x);
            p.shapes
                .push(Shape::line_segment([pos2(x, a.y), pos2(end, a.y)], stroke));
            x += pitch;
        }
        p.text_if_visible(
            a + vec2(p.z(6.0), -p.z(3.0)),
            Align2::LEFT_BOTTOM,
            line.line.label(),
            TextStyle::bold(sizes::BLUEPRINT_LINE, theme.muted, 260.0, 1),
        );
    }
}

/// The arrows between cards, under the cards' own fills so they never hide
/// a title. A selected link is drawn in the selection colour.
pub(super) fn paint_links(
    p: &mut Painter<'_, '_>,
    layout: &Layout,
    theme: &Theme,
    deco: &Decorations<'_>,
) {
    let width = p.z(1.8).max(1.0);
    for lb in &layout.links {
        let bounds = p.view.rect(lb.bounds).expand(p.z(10.0));
        if !bounds.intersects(p.clip) {
            continue;
        }
        let selected = deco.selected_link == Some(lb.link);
        let color = if selected {
            theme.selection
        } else {
            theme.muted
        };
        let w = if selected { width * 1.8 } else { width };
        let c = lb.curve.map(|q| p.view.to_screen(q));
        p.shapes
            .push(Shape::CubicBezier(CubicBezierShape::from_points_stroke(
                c,
                false,
                Color32::TRANSPARENT,
                PathStroke::new(w, color),
            )));
        arrow_head(p, c[2], c[3], p.z(7.0).max(3.0), color);
        // A handle in the middle: what a click selects.
        p.shapes.push(Shape::circle_filled(
            p.view.to_screen(lb.mid),
            p.z(3.5).max(1.5),
            color,
        ));
    }
}

/// A filled arrow head at `tip`, pointing away from `from`.
fn arrow_head(p: &mut Painter<'_, '_>, from: Pos2, tip: Pos2, size: f32, color: Color32) {
    let dir = (tip - from).normalized();
    if !dir.x.is_finite() || !dir.y.is_finite() {
        return;
    }
    let side = vec2(-dir.y, dir.x) * size * 0.55;
    let base = tip - dir * size;
    p.shapes.push(Shape::convex_polygon(
        vec![tip, base + side, base - side],
        color,
        Stroke::NONE,
    ));
}

/// A fail point's mark: a red disc with a white bar, at a card's top-right
/// corner, drawn as shapes (no glyph the font might lack).
pub(super) fn fail_mark(p: &mut Painter<'_, '_>, card: Rect) {
    let r = p.z(7.0);
    let center = card.right_top() + vec2(-r * 0.4, r * 0.4);
    p.shapes.push(Shape::circle_filled(center, r, ALERT));
    let bar = Rect::from_center_size(center - vec2(0.0, r * 0.15), vec2(r * 0.3, r * 0.9));
    p.rect(bar, 0.0, Color32::WHITE);
    p.shapes.push(Shape::circle_filled(
        center + vec2(0.0, r * 0.52),
        r * 0.17,
        Color32::WHITE,
    ));
}

/// The funnel band: under each stage header its volume, its share of the
/// first stage as a bar, and the part lost since the stage before in red,
/// on the bar and as a number.
pub(super) fn paint_funnel(p: &mut Painter<'_, '_>, map: &Map, band: &FunnelBand, theme: &Theme) {
    let row = p.view.rect(band.row);
    if !row.intersects(p.clip) {
        return;
    }
    let label = Rect::from_min_max(
        row.min,
        pos2(row.left() + p.z(layout_label_width(band)), row.bottom()),
    );
    p.text_pair(
        label.min + vec2(p.z(6.0), p.z(10.0)),
        "Customers",
        TextStyle::bold(sizes::ROW_LABEL, theme.text, 150.0, 1),
        p.z(4.0),
        &band.period,
        TextStyle::regular(sizes::FUNNEL_NOTE, theme.muted, 150.0, 2),
    );
    for (si, cell) in band.cells.iter().enumerate() {
        let r = p.view.rect(cell.rect);
        if !r.intersects(p.clip) {
            continue;
        }
        let pad = p.z(12.0);
        let inner = r.shrink2(vec2(pad, 0.0));
        p.rect(r, p.z(sizes::ROW_RADIUS), theme.card.gamma_multiply(0.7));
        let Some(volume) = cell.step.volume else {
            p.text_if_visible(
                inner.left_top() + vec2(0.0, p.z(10.0)),
                Align2::LEFT_TOP,
                "no count",
                TextStyle::regular(sizes::FUNNEL_NOTE, theme.muted, 200.0, 1),
            );
            continue;
        };
        p.text_if_visible(
            inner.left_top() + vec2(0.0, p.z(7.0)),
            Align2::LEFT_TOP,
            &format_count(volume),
            TextStyle::bold(sizes::FUNNEL_VOLUME, theme.text, 200.0, 1),
        );
        // The bar: this stage's share, then in red what the stage before
        // had and this one lost.
        let track = Rect::from_min_size(
            inner.left_top() + vec2(0.0, p.z(32.0)),
            vec2(inner.width(), p.z(9.0)),
        );
        p.rect(track, p.z(3.0), theme.guide);
        let share = cell.step.share.unwrap_or(0.0).clamp(0.0, 1.0) as f32;
        let kept = Rect::from_min_size(track.min, vec2(track.width() * share, track.height()));
        let palette = map.stage_palette();
        p.rect(kept, p.z(3.0), theme.stage_color(palette[si]));
        let previous = cell.step.previous.and_then(|i| band.cells.get(i));
        let before = previous
            .and_then(|c| c.step.share)
            .unwrap_or(0.0)
            .clamp(0.0, 1.0) as f32;
        if before > share {
            let lost = Rect::from_min_max(
                pos2(kept.right(), track.top()),
                pos2(track.left() + track.width() * before, track.bottom()),
            );
            p.rect(lost, 0.0, ALERT.gamma_multiply(0.85));
        }
        let of_first = match (cell.step.share, cell.step.previous) {
            (Some(s), Some(_)) => format!("{} of the first stage", format_share(s)),
            _ => "first counted stage".to_owned(),
        };
        p.text_if_visible(
            track.left_bottom() + vec2(0.0, p.z(5.0)),
            Align2::LEFT_TOP,
            &of_first,
            TextStyle::regular(sizes::FUNNEL_NOTE, theme.muted, 200.0, 1),
        );
        if let Some(drop) = cell.step.drop {
            let (text, color) = if drop > 0.0 {
                (format!("−{}", format_share(drop)), ALERT)
            } else {
                (format!("+{}", format_share(-drop)), theme.muted)
            };
            p.text_if_visible(
                inner.right_top() + vec2(0.0, p.z(9.0)),
                Align2::RIGHT_TOP,
                &text,
                TextStyle::bold(sizes::FUNNEL_DROP, color, 100.0, 1),
            );
        }
    }
}

/// The label column's width, from the band: it starts at the map's left.
fn layout_label_width(band: &FunnelBand) -> f32 {
    band.cells.first().map_or(160.0, |c| {
        (c.rect.left() - band.row.left() - 10.0).max(40.0)
    })
}
