//! What a search found, drawn over the painted map: matches outlined,
//! everything else dimmed. Kept apart from the section painters so it
//! changes nothing of how a map looks without a search.

use std::collections::HashSet;

use egui::epaint::{CornerRadius, Stroke, StrokeKind};
use egui::{Rect, Shape};

use crate::layout::Layout;
use crate::model::{CardId, LaneId, StageId};
use crate::theme::Theme;

use super::painter::Painter;
use super::sizes;

/// The cards, stages and lanes a search matched. Everything else is dimmed.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FindMarks {
    /// Matching cards.
    pub cards: HashSet<CardId>,
    /// Matching stages (their headers).
    pub stages: HashSet<StageId>,
    /// Matching lanes (their labels).
    pub lanes: HashSet<LaneId>,
    /// The match being shown, drawn strongest.
    pub current: Option<CurrentMark>,
}

/// The match the find bar is on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CurrentMark {
    /// A card.
    Card(CardId),
    /// A stage header.
    Stage(StageId),
    /// A lane label.
    Lane(LaneId),
}

pub(super) fn paint_find_marks(
    p: &mut Painter<'_, '_>,
    layout: &Layout,
    theme: &Theme,
    marks: &FindMarks,
) {
    let dim = theme.background.gamma_multiply(0.72);
    let radius = p.z(sizes::CARD_RADIUS);
    let stages = layout.stages.iter().map(|s| {
        (
            s.header,
            marks.stages.contains(&s.id),
            CurrentMark::Stage(s.id),
        )
    });
    let lanes = layout.lanes.iter().map(|l| {
        (
            l.label,
            marks.lanes.contains(&l.id),
            CurrentMark::Lane(l.id),
        )
    });
    let cards = layout
        .cards
        .iter()
        .map(|c| (c.rect, marks.cards.contains(&c.id), CurrentMark::Card(c.id)));
    for (area, found, mark) in stages.chain(lanes).chain(cards) {
        let r = p.view.rect(area);
        if !r.intersects(p.clip) {
            continue;
        }
        if found {
            let current = marks.current == Some(mark);
            outline(p, r, radius, theme, current);
        } else {
            p.rect(r.expand(1.0), radius, dim);
        }
    }
}

fn outline(p: &mut Painter<'_, '_>, r: Rect, radius: f32, theme: &Theme, current: bool) {
    let width = if current { 4.0 } else { 2.0 };
    p.shapes.push(Shape::rect_stroke(
        r.expand(2.0),
        CornerRadius::same(radius.round().clamp(0.0, 255.0) as u8),
        Stroke::new(width, theme.highlight),
        StrokeKind::Outside,
    ));
}
