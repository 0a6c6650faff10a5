//! A comparison drawn over the map: added cards outlined in green, changed
//! or moved ones tagged in amber, removed ones as faded ghosts in the slots
//! the comparison's layout keeps for them after their old cells' cards.

use std::collections::HashMap;

use egui::{Color32, FontId, Rect, Shape, Stroke, StrokeKind, Ui, vec2};

use crate::compare::Comparison;
use crate::layout::Layout;
use crate::model::{LaneId, Map, StageId};
use crate::paint::View;
use crate::theme::Theme;
use crate::ui::compare_panel::{ADDED, CHANGED};

/// What a comparison adds to the canvas.
#[derive(Clone, Copy, Debug)]
pub struct CompareMarks<'a> {
    /// The comparison: card marks and ghosts.
    pub comparison: &'a Comparison,
    /// The index of the first ghost slot among the layout's cards: the
    /// number of the map's own cards.
    pub first_ghost: usize,
    /// For each ghost slot, in order, its index in the comparison's ghosts.
    pub ghost_slots: &'a [usize],
    /// The ghost whose entry was last clicked, outlined.
    pub picked_ghost: Option<usize>,
    /// Stages that are new (`true`) or changed (`false`).
    pub stages: &'a HashMap<StageId, bool>,
    /// Lanes that are new (`true`) or changed (`false`).
    pub lanes: &'a HashMap<LaneId, bool>,
}

/// Paints the comparison's marks over the painted map. Linear in the
/// cards in view: marks are looked up by id, ghosts by slot.
pub(super) fn paint_compare(
    ui: &Ui,
    map: &Map,
    layout: &Layout,
    v: &View,
    rect: Rect,
    theme: &Theme,
    marks: &CompareMarks<'_>,
) {
    let painter = ui.painter_at(rect);
    let zoom = v.zoom;
    let detail = crate::paint::card_titles_shown(layout, zoom);
    let radius = 8.0 * zoom;
    for sb in &layout.stages {
        if let Some(&added) = marks.stages.get(&sb.id) {
            header_mark(&painter, v.rect(sb.header), added, zoom, detail);
        }
    }
    for lb in &layout.lanes {
        if let Some(&added) = marks.lanes.get(&lb.id) {
            header_mark(&painter, v.rect(lb.label), added, zoom, detail);
        }
    }
    for cb in &layout.cards {
        let r = v.rect(cb.rect);
        if !r.intersects(rect) {
            continue;
        }
        if let Some(slot) = cb.index.checked_sub(marks.first_ghost) {
            let Some(ghost) = marks
                .ghost_slots
                .get(slot)
                .and_then(|&g| marks.comparison.ghosts.get(g).map(|ghost| (g, ghost)))
            else {
                continue;
            };
            let (g, ghost) = ghost;
            let picked = marks.picked_ghost == Some(g);
            // Faded, with a dashed outline: a place where a card was.
            painter.rect_filled(r, radius, theme.card.gamma_multiply(0.45));
            let outline = if picked {
                Stroke::new(2.5, theme.selection)
            } else {
                Stroke::new(1.5, theme.muted.gamma_multiply(0.8))
            };
            let corners = [
                r.left_top(),
                r.right_top(),
                r.right_bottom(),
                r.left_bottom(),
                r.left_top(),
            ];
            let dash = (6.0 * zoom).clamp(2.0, 8.0);
            painter.add(Shape::dashed_line(&corners, outline, dash, dash * 0.7));
            if detail {
                let font = FontId::proportional(crate::paint::ladder_size(13.5 * zoom));
                let title = crate::paint::cap_text(&ghost.card.title);
                let galley = painter.layout(
                    title.into_owned(),
                    font,
                    theme.muted.gamma_multiply(0.8),
                    (r.width() - 24.0 * zoom).max(1.0),
                );
                painter.with_clip_rect(r.intersect(rect)).galley(
                    r.min + vec2(12.0, 9.0) * zoom,
                    galley,
                    theme.muted,
                );
                tag(&painter, r, "removed", theme.muted, zoom);
            }
            continue;
        }
        let Some(card) = map.cards.get(cb.index) else {
            continue;
        };
        let Some(mark) = marks.comparison.mark(card.id) else {
            continue;
        };
        if mark.added {
            painter.rect_stroke(
                r.expand(2.0 * zoom.max(0.5)),
                radius,
                Stroke::new(3.0 * zoom.clamp(0.5, 1.5), ADDED),
                StrokeKind::Outside,
            );
            if detail {
                tag(&painter, r, "new", ADDED, zoom);
            }
        } else if detail {
            let text = if mark.fields.is_empty() {
                "moved"
            } else {
                "changed"
            };
            tag(&painter, r, text, CHANGED, zoom);
        } else {
            // Too small for a tag: a dot on the corner.
            painter.circle_filled(r.right_top(), 4.0, CHANGED);
        }
    }
}

/// A small pill on a card's top edge, at its right.
fn tag(painter: &egui::Painter, card: Rect, text: &str, color: Color32, zoom: f32) {
    let font = FontId::proportional(crate::paint::ladder_size(10.5 * zoom.clamp(0.6, 2.0)));
    let galley = painter.layout_no_wrap(text.to_owned(), font, Color32::WHITE);
    let size = galley.size() + vec2(10.0, 2.0);
    let pill = Rect::from_min_size(
        egui::pos2(
            card.right() - size.x - 8.0 * zoom,
            card.top() - size.y / 2.0,
        ),
        size,
    );
    painter.rect_filled(pill, size.y / 2.0, color);
    painter.galley(pill.center() - galley.size() / 2.0, galley, Color32::WHITE);
}

/// An outline on a new (green) or changed (amber) stage header or lane label.
fn header_mark(painter: &egui::Painter, r: Rect, added: bool, zoom: f32, detail: bool) {
    let color = if added { ADDED } else { CHANGED };
    painter.rect_stroke(
        r.expand(2.0),
        10.0 * zoom,
        Stroke::new(3.0 * zoom.clamp(0.5, 1.5), color),
        StrokeKind::Outside,
    );
    if detail {
        tag(
            painter,
            r,
            if added { "new" } else { "changed" },
            color,
            zoom,
        );
    }
}
