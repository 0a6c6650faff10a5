//! Dot votes on the cards: a dot with the count at the card's top-right
//! corner, and the place (#1, #2, #3) of the top cards beside it. Drawn on
//! screen, in the PNG and in the SVG alike, except while a vote is open:
//! then counts are hidden and the cards that take dots show an empty ring.

use std::collections::HashMap;

use egui::epaint::Stroke;
use egui::{Align2, Color32, Pos2, Rect, Shape, pos2, vec2};

use crate::model::{Card, CardId, LaneId};
use crate::room::vote::{places, ranking};

use super::painter::{Painter, TextStyle};

/// What the cards say of votes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum VoteMarks<'a> {
    /// Counts and the top places are drawn (no vote open, or revealed).
    #[default]
    Shown,
    /// A vote is open: no counts; the cards of these lanes take dots.
    Hidden(&'a [LaneId]),
}

/// The dot's colour: a warm orange that reads on white and dark cards.
pub const DOT: Color32 = Color32::from_rgb(230, 110, 20);
/// How many top places get a mark.
pub const TOP: usize = 3;
/// The dot's radius, in map units.
const RADIUS: f32 = 11.0;

/// The places of the top cards, once per paint (ties may make many: a
/// map, not a search per card).
pub(super) fn top_places(map: &crate::model::Map) -> HashMap<CardId, usize> {
    if map.cards.iter().all(|c| c.votes == 0) {
        return HashMap::new();
    }
    places(&ranking(map, None), TOP).into_iter().collect()
}

/// Paints a card's votes on its rectangle `r` (on screen).
pub(super) fn paint_votes(
    p: &mut Painter<'_, '_>,
    card: &Card,
    r: Rect,
    marks: VoteMarks<'_>,
    top: &HashMap<CardId, usize>,
) {
    let radius = p.z(RADIUS);
    let center = pos2(r.right() - radius * 0.4, r.top() + radius * 0.4);
    match marks {
        VoteMarks::Hidden(lanes) => {
            if lanes.contains(&card.lane) {
                p.shapes.push(Shape::circle_stroke(
                    center,
                    radius * 0.8,
                    Stroke::new(p.z(2.0).max(1.0), DOT),
                ));
            }
        }
        VoteMarks::Shown if card.votes > 0 => {
            p.shapes.push(Shape::circle_filled(center, radius, DOT));
            let count = card.votes.to_string();
            p.text(
                center,
                Align2::CENTER_CENTER,
                &count,
                TextStyle::bold(12.0, Color32::WHITE, 3.0 * RADIUS, 1),
            );
            if let Some(place) = top.get(&card.id) {
                rank_mark(p, center - vec2(radius * 2.6, 0.0), radius, *place);
            }
        }
        VoteMarks::Shown => {}
    }
}

/// "#1" in a dark pill left of the dot.
fn rank_mark(p: &mut Painter<'_, '_>, center: Pos2, radius: f32, place: usize) {
    let pill = Rect::from_center_size(center, vec2(radius * 2.8, radius * 1.8));
    p.rect(pill, radius, Color32::from_rgb(40, 44, 52));
    p.text(
        center,
        Align2::CENTER_CENTER,
        &format!("#{place}"),
        TextStyle::bold(12.0, Color32::WHITE, 3.0 * RADIUS, 1),
    );
}
