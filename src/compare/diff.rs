//! The diff of two maps, by ids.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use serde::Serialize;
use serde_json::Value;

use super::items::Item;
use super::order::longest_increasing;
use super::values::field_changes;
use super::{CardPlace, Change, Diff};
use crate::model::{Card, CardId, LaneId, Map, StageId};

/// The changes that turn `old` into `new`, matched by ids.
///
/// Linear in the size of the maps: cards that are the same `Arc` or equal
/// are skipped after one comparison, and only changed items are taken apart
/// field by field. The `next_id` counter is bookkeeping, not content, and is
/// left out.
pub fn diff(old: &Map, new: &Map) -> Diff {
    let mut out = Vec::new();
    map_fields(old, new, &mut out);
    list(&old.stages, &new.stages, &mut out);
    list(&old.lanes, &new.lanes, &mut out);
    list(&old.personas, &new.personas, &mut out);
    cards(old, new, &mut out);
    Diff { changes: out }
}

fn json<T: Serialize>(value: &T) -> Value {
    serde_json::to_value(value).unwrap_or(Value::Null)
}

fn map_fields(old: &Map, new: &Map, out: &mut Vec<Change>) {
    let mut field = |name: &str, differs: bool, old: Value, new: Value| {
        if differs {
            out.push(Change::MapField {
                field: name.to_owned(),
                old,
                new,
            });
        }
    };
    // Compare natively first: the JSON is built only for a real change.
    if old.title != new.title {
        field("title", true, json(&old.title), json(&new.title));
    }
    if old.description != new.description {
        field(
            "description",
            true,
            json(&old.description),
            json(&new.description),
        );
    }
    if old.state != new.state {
        field("state", true, json(&old.state), json(&new.state));
    }
    if old.links != new.links {
        field("links", true, json(&old.links), json(&new.links));
    }
    if old.dismissals != new.dismissals {
        field(
            "dismissals",
            true,
            json(&old.dismissals),
            json(&new.dismissals),
        );
    }
    if old.conflicts != new.conflicts {
        field(
            "conflicts",
            true,
            json(&old.conflicts),
            json(&new.conflicts),
        );
    }
}

/// Stages, lanes or personas: removed, added, changed field by field, and
/// the order of the ones both lists have.
fn list<T: Item>(old: &[T], new: &[T], out: &mut Vec<Change>) {
    let old_pos: HashMap<u64, usize> = old
        .iter()
        .enumerate()
        .map(|(i, x)| (x.raw_id(), i))
        .collect();
    let new_pos: HashMap<u64, usize> = new
        .iter()
        .enumerate()
        .map(|(i, x)| (x.raw_id(), i))
        .collect();
    for (i, item) in old.iter().enumerate() {
        if !new_pos.contains_key(&item.raw_id()) {
            out.push(Change::Removed {
                item: item.item_ref(),
                index: Some(i),
                place: None,
                value: json(item),
            });
        }
    }
    for (i, item) in new.iter().enumerate() {
        match old_pos.get(&item.raw_id()) {
            None => out.push(Change::Added {
                item: item.item_ref(),
                index: Some(i),
                place: None,
                value: json(item),
            }),
            Some(&j) if old[j] != *item => {
                for (field, old, new) in field_changes(&old[j], item, T::SKIP) {
                    out.push(Change::FieldChanged {
                        item: item.item_ref(),
                        field,
                        old,
                        new,
                    });
                }
            }
            Some(_) => {}
        }
    }
    let from: Vec<&T> = old
        .iter()
        .filter(|x| new_pos.contains_key(&x.raw_id()))
        .collect();
    let to: Vec<&T> = new
        .iter()
        .filter(|x| old_pos.contains_key(&x.raw_id()))
        .collect();
    if from
        .iter()
        .map(|x| x.raw_id())
        .ne(to.iter().map(|x| x.raw_id()))
    {
        out.push(Change::Reordered {
            kind: T::KIND,
            from: from.iter().map(|x| x.item_ref()).collect(),
            to: to.iter().map(|x| x.item_ref()).collect(),
        });
    }
}

/// Where each card of a map stands: its index in `cards` and its cell
/// position.
pub(crate) struct Slots {
    /// Card id → (index in `Map::cards`, stage, lane, position in the cell).
    pub by_id: HashMap<CardId, (usize, StageId, LaneId, usize)>,
}

impl Slots {
    /// One pass over the cards.
    pub fn of(map: &Map) -> Self {
        let mut counts: HashMap<(StageId, LaneId), usize> = HashMap::new();
        let by_id = map
            .cards
            .iter()
            .enumerate()
            .map(|(i, c)| {
                let n = counts.entry((c.stage, c.lane)).or_default();
                let slot = (i, c.stage, c.lane, *n);
                *n += 1;
                (c.id, slot)
            })
            .collect();
        Self { by_id }
    }
}

/// Looks up stage and lane names of one map for [`CardPlace`]s.
struct Names<'a> {
    stages: HashMap<StageId, &'a str>,
    lanes: HashMap<LaneId, &'a str>,
}

impl<'a> Names<'a> {
    fn of(map: &'a Map) -> Self {
        Self {
            stages: map.stages.iter().map(|s| (s.id, s.name.as_str())).collect(),
            lanes: map.lanes.iter().map(|l| (l.id, l.name.as_str())).collect(),
        }
    }

    fn place(&self, stage: StageId, lane: LaneId, index: usize) -> CardPlace {
        CardPlace {
            stage,
            stage_name: self.stages.get(&stage).copied().unwrap_or("?").to_owned(),
            lane,
            lane_name: self.lanes.get(&lane).copied().unwrap_or("?").to_owned(),
            index,
        }
    }
}

fn cards(old: &Map, new: &Map, out: &mut Vec<Change>) {
    let before = Slots::of(old);
    let after = Slots::of(new);
    let (old_names, new_names) = (Names::of(old), Names::of(new));

    // Cards that stay in their cell keep their place unless they left the
    // longest run that kept its relative order: one card dragged to the top
    // is one move, not a shift of every card below it.
    let mut stayers: HashMap<(StageId, LaneId), Vec<(CardId, usize)>> = HashMap::new();
    for card in &new.cards {
        if let Some(&(_, s, l, i)) = before.by_id.get(&card.id)
            && (s, l) == (card.stage, card.lane)
        {
            stayers.entry((s, l)).or_default().push((card.id, i));
        }
    }
    let mut moved_in_cell: HashSet<CardId> = HashSet::new();
    for run in stayers.values() {
        let indexes: Vec<usize> = run.iter().map(|&(_, i)| i).collect();
        let keep = longest_increasing(&indexes);
        moved_in_cell.extend(run.iter().zip(keep).filter(|(_, k)| !k).map(|(c, _)| c.0));
    }

    for card in &new.cards {
        let &(_, s, l, i) = &after.by_id[&card.id];
        let Some(&(oi, os, ol, oidx)) = before.by_id.get(&card.id) else {
            out.push(Change::Added {
                item: card.item_ref(),
                index: None,
                place: Some(new_names.place(s, l, i)),
                value: json(&**card),
            });
            continue;
        };
        if (os, ol) != (s, l) || moved_in_cell.contains(&card.id) {
            out.push(Change::Moved {
                item: card.item_ref(),
                from: old_names.place(os, ol, oidx),
                to: new_names.place(s, l, i),
            });
        }
        let was: &Arc<Card> = &old.cards[oi];
        if !Arc::ptr_eq(was, card) && **was != **card {
            for (field, old, new) in field_changes(&**was, &**card, Card::SKIP) {
                out.push(Change::FieldChanged {
                    item: card.item_ref(),
                    field,
                    old,
                    new,
                });
            }
        }
    }
    for card in &old.cards {
        if !after.by_id.contains_key(&card.id) {
            let &(_, s, l, i) = &before.by_id[&card.id];
            out.push(Change::Removed {
                item: card.item_ref(),
                index: None,
                place: Some(old_names.place(s, l, i)),
                value: json(&**card),
            });
        }
    }
}
