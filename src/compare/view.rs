//! A comparison prepared for the canvas: what to mark on each card, the
//! ghosts of removed cards, and a list of entries that each lead to a
//! place. The editor's "Compare with…" draws from this; it holds no egui.

use std::collections::HashMap;

use super::text::line;
use super::{CardPlace, Change, Diff, Kind, diff};
use crate::model::{Card, CardId, LaneId, Map, PersonaId, StageId};

/// How a card of the shown map differs from the other map.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct CardMark {
    /// The other map has no such card (outline it as new).
    pub added: bool,
    /// Where it stood in the other map, if it moved.
    pub moved_from: Option<CardPlace>,
    /// The fields that changed, as named in the file.
    pub fields: Vec<String>,
}

/// A card the other map has and the shown one does not: drawn faded in
/// its old cell, when that cell still exists.
#[derive(Clone, Debug, PartialEq)]
pub struct Ghost {
    /// The card as it was.
    pub card: Card,
    /// Where it stood.
    pub place: CardPlace,
}

/// Where an entry of the list leads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Target {
    /// The map's own fields: the header.
    Map,
    /// A stage of the shown map.
    Stage(StageId),
    /// A lane of the shown map.
    Lane(LaneId),
    /// A persona of the shown map.
    Persona(PersonaId),
    /// A card of the shown map.
    Card(CardId),
    /// A removed card: an index into [`Comparison::ghosts`].
    Ghost(usize),
    /// A removed stage, lane or persona: nothing to point at.
    Nowhere,
}

/// One line of the list beside the canvas.
#[derive(Clone, Debug, PartialEq)]
pub struct Entry {
    /// The change in plain words.
    pub text: String,
    /// Where a click leads.
    pub target: Target,
}

/// The shown map compared with another one (`other` → `shown`).
#[derive(Clone, Debug, Default)]
pub struct Comparison {
    /// The changes, other → shown.
    pub diff: Diff,
    /// Marks for the cards of the shown map that differ.
    pub marks: HashMap<CardId, CardMark>,
    /// Cards only the other map has.
    pub ghosts: Vec<Ghost>,
    /// One entry per change, in the diff's order.
    pub entries: Vec<Entry>,
}

impl Comparison {
    /// Compares `shown` (the map on the canvas) with `other` (the map it is
    /// compared with, taken as the older one).
    pub fn new(other: &Map, shown: &Map) -> Self {
        Self::from_diff(diff(other, shown))
    }

    /// Builds marks, ghosts and entries from a diff.
    pub fn from_diff(diff: Diff) -> Self {
        let mut marks: HashMap<CardId, CardMark> = HashMap::new();
        let mut ghosts = Vec::new();
        let mut entries = Vec::with_capacity(diff.len());
        for change in &diff.changes {
            let target = match change {
                Change::MapField { .. } => Target::Map,
                Change::Added { item, .. }
                | Change::FieldChanged { item, .. }
                | Change::Moved { item, .. } => {
                    if item.kind == Kind::Card {
                        let mark = marks.entry(CardId(item.id)).or_default();
                        match change {
                            Change::Added { .. } => mark.added = true,
                            Change::FieldChanged { field, .. } => mark.fields.push(field.clone()),
                            Change::Moved { from, .. } => mark.moved_from = Some(from.clone()),
                            _ => {}
                        }
                    }
                    target_of(item.kind, item.id)
                }
                Change::Removed {
                    item,
                    place: Some(place),
                    value,
                    ..
                } if item.kind == Kind::Card => {
                    match serde_json::from_value::<Card>(value.clone()) {
                        Ok(card) => {
                            ghosts.push(Ghost {
                                card,
                                place: place.clone(),
                            });
                            Target::Ghost(ghosts.len() - 1)
                        }
                        Err(_) => Target::Nowhere,
                    }
                }
                Change::Removed { .. } => Target::Nowhere,
                Change::Reordered { kind, to, .. } => match to.first() {
                    Some(first) => target_of(*kind, first.id),
                    None => Target::Nowhere,
                },
            };
            entries.push(Entry {
                text: line(change),
                target,
            });
        }
        Self {
            diff,
            marks,
            ghosts,
            entries,
        }
    }

    /// The mark of a card of the shown map, if it differs.
    pub fn mark(&self, card: CardId) -> Option<&CardMark> {
        self.marks.get(&card)
    }

    /// The ghosts to draw in one cell of the shown map, with their old
    /// positions in that cell.
    pub fn ghosts_in(&self, stage: StageId, lane: LaneId) -> impl Iterator<Item = &Ghost> {
        self.ghosts
            .iter()
            .filter(move |g| g.place.stage == stage && g.place.lane == lane)
    }
}

fn target_of(kind: Kind, id: u64) -> Target {
    match kind {
        Kind::Stage => Target::Stage(StageId(id)),
        Kind::Lane => Target::Lane(LaneId(id)),
        Kind::Persona => Target::Persona(PersonaId(id)),
        Kind::Card => Target::Card(CardId(id)),
    }
}
