//! The emotion row: its axis, each stage's band (the range of its cards'
//! emotions), the curve through the stages' values, the low-point faces,
//! and the persona curves that are toggled on.

use egui::epaint::{CubicBezierShape, Stroke};
use egui::{Align2, Color32, Pos2, Shape, pos2, vec2};

use crate::layout::Layout;
use crate::theme::Theme;

use super::painter::{Painter, TextStyle};
use super::{Decorations, persona_color, sizes};

/// Below this gap (in score units) a low point sits on the stage's own
/// face, and only the low face is drawn.
const SAME_POINT: f32 = 0.05;

pub(super) fn paint_emotion_row(
    p: &mut Painter<'_, '_>,
    map: &crate::model::Map,
    layout: &Layout,
    theme: &Theme,
    deco: &Decorations<'_>,
) {
    let row = p.view.rect(layout.emotion_row);
    if !row.intersects(p.clip) {
        return;
    }
    p.rect(row, p.z(sizes::ROW_RADIUS), theme.row);
    p.text(
        row.min + vec2(p.z(20.0), p.z(12.0)),
        Align2::LEFT_TOP,
        "Emotion",
        TextStyle::bold(sizes::ROW_LABEL, theme.text, 120.0, 1),
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
            TextStyle::regular(sizes::AXIS_LABEL, theme.muted, 30.0, 1),
        );
    }

    // Bands first, under everything: where the stage's cards range.
    let band_fill = theme.muted.gamma_multiply(0.16);
    for point in &layout.emotion_points {
        if let Some(band) = &point.band {
            let r = p.view.rect(band.rect);
            p.rect(r, r.width() / 2.0, band_fill);
        }
    }

    let points: Vec<Pos2> = layout
        .emotion_points
        .iter()
        .map(|e| p.view.to_screen(e.pos))
        .collect();
    let row_top = p.view.rect(layout.emotion_row).top();
    let stroke = Stroke::new(p.z(3.0).max(1.5), theme.muted);
    match deco.spotlight {
        // Presenting: strong up to the current stage, faint after it.
        Some(spot) => {
            let strong_until = strong_points(layout, spot.stage);
            let faint = Stroke::new(stroke.width, theme.muted.gamma_multiply(0.3));
            let strong = Stroke::new(stroke.width * 1.6, theme.text);
            smooth_curve_split(p, &points, strong_until, strong, faint);
        }
        None => smooth_curve(p, &points, stroke),
    }

    let right = layout.stages.last().map_or(0.0, |s| s.column.right());
    let mut label_ys: Vec<f32> = Vec::new();
    let mut curves: Vec<_> = layout.persona_curves.iter().collect();
    // Labels are spread top to bottom: take the curves by their ends.
    curves.sort_by(|a, b| {
        let end = |c: &crate::layout::PersonaCurve| c.points.last().map_or(0.0, |(_, _, p)| p.y);
        end(a).total_cmp(&end(b))
    });
    for curve in curves {
        if !deco.persona_curves.contains(&curve.persona) {
            continue;
        }
        let color = persona_color(theme, curve.index);
        let screen: Vec<Pos2> = curve
            .points
            .iter()
            .map(|(_, _, pos)| p.view.to_screen(*pos))
            .collect();
        smooth_curve(p, &screen, Stroke::new(p.z(3.0).max(1.5), color));
        for pos in &screen {
            p.shapes
                .push(Shape::circle_filled(*pos, p.z(4.5).max(1.5), color));
        }
        // Whose curve it is, at its end, in its colour, past the last
        // column where no stage label is: the legend's toggles are far
        // below. Ends close together are spread apart.
        if let (Some(end), Some(persona)) = (screen.last(), map.persona(curve.persona)) {
            let x = p.view.to_screen(pos2(right, 0.0)).x + p.z(8.0);
            let mut y = end.y;
            if let Some(last) = label_ys.last()
                && y < last + p.z(LABEL_PITCH)
            {
                y = last + p.z(LABEL_PITCH);
            }
            label_ys.push(y);
            p.shapes.push(Shape::line_segment(
                [*end, pos2(x - p.z(3.0), y)],
                Stroke::new(p.z(1.0).max(0.5), color.gamma_multiply(0.6)),
            ));
            p.text(
                pos2(x, y),
                Align2::LEFT_CENTER,
                short_name(&persona.name),
                TextStyle::bold(sizes::CURVE_LABEL, color, 90.0, 1),
            );
        }
    }

    for (point, screen) in layout.emotion_points.iter().zip(&points) {
        // The band's bottom is the stage's low point: no search per stage.
        let low_here = point
            .band
            .as_ref()
            .is_some_and(|b| (b.low - point.score).abs() < SAME_POINT);
        if !low_here {
            p.face(*screen, p.z(sizes::CURVE_FACE), point.score, theme.card);
        }
        // Labels are laid out before they are clipped: skip those of stages
        // far off screen, so a map of thousands of stages stays cheap.
        if !near_clip(p, screen.x, layout.style.column_width()) {
            continue;
        }
        // Over the face, unless a short row (the presentation's) leaves no
        // room there: then beside it.
        let over = *screen - vec2(0.0, p.z(sizes::CURVE_FACE + 4.0));
        let (at, align) = if over.y - p.z(sizes::CURVE_LABEL * 1.2) >= row_top {
            (over, Align2::CENTER_BOTTOM)
        } else {
            let beside = *screen + vec2(p.z(sizes::CURVE_FACE + 6.0), 0.0);
            (beside, Align2::LEFT_CENTER)
        };
        p.text(
            at,
            align,
            &point.label,
            TextStyle::regular(
                sizes::CURVE_LABEL,
                theme.text,
                layout.style.column_width() - 16.0,
                1,
            ),
        );
    }
    // A short row has no room for a second face under each stage's.
    let lows = if layout.emotion_row.height() >= LOW_POINTS_ROW {
        &layout.low_points[..]
    } else {
        &[]
    };
    for low in lows {
        let center = p.view.to_screen(low.pos);
        if !near_clip(p, center.x, layout.style.column_width()) {
            continue;
        }
        p.face(center, p.z(low.radius), f32::from(low.score), theme.card);
        p.text(
            center + vec2(p.z(low.radius + 6.0), 0.0),
            Align2::LEFT_CENTER,
            &low.label,
            TextStyle::regular(
                sizes::AXIS_LABEL,
                theme.muted,
                layout.style.column_width() / 2.0 - low.radius - 8.0,
                1,
            ),
        );
    }
}

/// The least distance between two persona labels, in map units.
const LABEL_PITCH: f32 = 15.0;

/// A persona's name as its curve's label: up to the first comma ("Maya"
/// of "Maya, weekend hiker"), which is what the room calls her.
fn short_name(name: &str) -> &str {
    let short = name.split(',').next().unwrap_or(name).trim();
    if short.is_empty() { name } else { short }
}

/// The shortest emotion row that draws the low points under the curve.
const LOW_POINTS_ROW: f32 = 120.0;

/// Whether a screen x is within a stage's width (in map units) of the clip.
fn near_clip(p: &Painter<'_, '_>, x: f32, width: f32) -> bool {
    let margin = p.z(width);
    x >= p.clip.left() - margin && x <= p.clip.right() + margin
}

/// A smooth curve through points (Catmull-Rom as cubic Béziers).
fn smooth_curve(p: &mut Painter<'_, '_>, points: &[Pos2], stroke: Stroke) {
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
                stroke,
            )));
    }
}

/// How many of the curve's points belong to stages up to `stage` (by
/// index): the curve is strong through them.
fn strong_points(layout: &Layout, stage: usize) -> usize {
    let upto: Vec<_> = layout.stages.iter().take(stage + 1).map(|s| s.id).collect();
    layout
        .emotion_points
        .iter()
        .take_while(|e| upto.contains(&e.stage))
        .count()
}

/// [`smooth_curve`], its segments up to point `split` in one stroke and
/// the rest in another.
fn smooth_curve_split(
    p: &mut Painter<'_, '_>,
    points: &[Pos2],
    split: usize,
    a: Stroke,
    b: Stroke,
) {
    let start = p.shapes.len();
    smooth_curve(p, points, a);
    for (i, shape) in p.shapes[start..].iter_mut().enumerate() {
        if i + 1 >= split
            && let Shape::CubicBezier(curve) = shape
        {
            curve.stroke = b.into();
        }
    }
}
