//! The emotion row: its axis, the curve through the stages, and their faces.

use egui::epaint::{CubicBezierShape, Stroke};
use egui::{Align2, Color32, Pos2, Shape, pos2, vec2};

use crate::layout::Layout;
use crate::model::{Map, StageId};
use crate::theme::Theme;

use super::painter::{Painter, TextStyle};
use super::sizes;

pub(super) fn paint_emotion_row(
    p: &mut Painter<'_, '_>,
    map: &Map,
    layout: &Layout,
    theme: &Theme,
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
        p.face(*screen, p.z(sizes::CURVE_FACE), point.score, theme.card);
        let word = stage_word(map, point.stage);
        let text = match word {
            Some(w) => format!("{w} ({:+.1})", point.score),
            None => format!("{:+.1}", point.score),
        };
        p.text(
            *screen + vec2(0.0, p.z(19.0)),
            Align2::CENTER_TOP,
            &text,
            TextStyle::regular(
                sizes::CURVE_LABEL,
                theme.text,
                layout.style.stage_width - 16.0,
                1,
            ),
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
