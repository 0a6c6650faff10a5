//! A diff as a patch: replaying the changes on the old map gives the new one.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use serde_json::Value;

use super::items::Item;
use super::order::reorder_subset;
use super::values::with_fields;
use super::{Change, Diff, Kind};
use crate::model::{Card, CardId, LaneId, Map, StageId};

/// Applies a diff to a map: `apply(&a, &diff(&a, &b))` equals `b`, except
/// that the cards come grouped by cell (stage by stage, lane by lane), the
/// order files are saved in; the order within each cell is exact.
///
/// Lenient, as a patch tool must be: a change whose item is gone is
/// skipped, and a value that does not fit its field leaves the field as it
/// was.
pub fn apply(base: &Map, diff: &Diff) -> Map {
    let mut map = base.clone();
    for change in &diff.changes {
        if let Change::MapField { field, new, .. } = change {
            set_map_field(&mut map, field, new);
        }
    }
    apply_list(&mut map.stages, diff);
    apply_list(&mut map.lanes, diff);
    apply_list(&mut map.personas, diff);
    apply_cards(&mut map, diff);
    map.repair_next_id();
    map
}

fn set_map_field(map: &mut Map, field: &str, value: &Value) {
    fn set<T: serde::de::DeserializeOwned>(slot: &mut T, value: &Value) {
        if let Ok(v) = serde_json::from_value(value.clone()) {
            *slot = v;
        }
    }
    match field {
        "title" => set(&mut map.title, value),
        "description" => set(&mut map.description, value),
        "state" => set(&mut map.state, value),
        "dismissals" => set(&mut map.dismissals, value),
        "links" => set(&mut map.links, value),
        "conflicts" => set(&mut map.conflicts, value),
        _ => {}
    }
}

/// The field changes of one kind, grouped by id.
fn field_changes(diff: &Diff, kind: Kind) -> HashMap<u64, Vec<(String, Value)>> {
    let mut out: HashMap<u64, Vec<(String, Value)>> = HashMap::new();
    for change in &diff.changes {
        if let Change::FieldChanged {
            item, field, new, ..
        } = change
            && item.kind == kind
        {
            out.entry(item.id)
                .or_default()
                .push((field.clone(), new.clone()));
        }
    }
    out
}

fn removed(diff: &Diff, kind: Kind) -> HashSet<u64> {
    diff.changes
        .iter()
        .filter_map(|c| match c {
            Change::Removed { item, .. } if item.kind == kind => Some(item.id),
            _ => None,
        })
        .collect()
}

fn apply_list<T: Item>(items: &mut Vec<T>, diff: &Diff) {
    let gone = removed(diff, T::KIND);
    items.retain(|x| !gone.contains(&x.raw_id()));
    let fields = field_changes(diff, T::KIND);
    for item in items.iter_mut() {
        if let Some(changes) = fields.get(&item.raw_id())
            && let Ok(changed) = with_fields(item, changes.iter().cloned())
        {
            *item = changed;
        }
    }
    let mut added: Vec<(usize, T)> = Vec::new();
    for change in &diff.changes {
        match change {
            Change::Reordered { kind, to, .. } if *kind == T::KIND => {
                let ids: Vec<u64> = to.iter().map(|r| r.id).collect();
                reorder_subset(items, |x| x.raw_id(), &ids);
            }
            Change::Added {
                item, index, value, ..
            } if item.kind == T::KIND => {
                if let Ok(x) = serde_json::from_value::<T>(value.clone()) {
                    added.push((index.unwrap_or(usize::MAX), x));
                }
            }
            _ => {}
        }
    }
    // Inserting in increasing final position puts each at its exact index.
    added.sort_by_key(|(i, _)| *i);
    for (i, x) in added {
        if !items.iter().any(|y| y.raw_id() == x.raw_id()) {
            let at = i.min(items.len());
            items.insert(at, x);
        }
    }
}

fn apply_cards(map: &mut Map, diff: &Diff) {
    let gone = removed(diff, Kind::Card);
    let fields = field_changes(diff, Kind::Card);
    let mut moved: HashMap<u64, (StageId, LaneId, usize)> = HashMap::new();
    let mut placed: Vec<(StageId, LaneId, usize, Arc<Card>)> = Vec::new();
    for change in &diff.changes {
        match change {
            Change::Moved { item, to, .. } => {
                moved.insert(item.id, (to.stage, to.lane, to.index));
            }
            Change::Added {
                item,
                place: Some(place),
                value,
                ..
            } if item.kind == Kind::Card => {
                if let Ok(mut card) = serde_json::from_value::<Card>(value.clone()) {
                    card.stage = place.stage;
                    card.lane = place.lane;
                    placed.push((place.stage, place.lane, place.index, Arc::new(card)));
                }
            }
            _ => {}
        }
    }
    let present: HashSet<CardId> = map.cards.iter().map(|c| c.id).collect();
    placed.retain(|(.., c)| !present.contains(&c.id));

    // Cards that stay in their cell keep their relative order; moved and
    // added ones go to their exact final positions, lowest first.
    let mut cells: HashMap<(StageId, LaneId), Vec<Arc<Card>>> = HashMap::new();
    for mut card in std::mem::take(&mut map.cards) {
        if gone.contains(&card.id.0) {
            continue;
        }
        if let Some(changes) = fields.get(&card.id.0)
            && let Ok(changed) = with_fields(&*card, changes.iter().cloned())
        {
            card = Arc::new(changed);
        }
        match moved.get(&card.id.0) {
            Some(&(stage, lane, index)) => {
                let c = Arc::make_mut(&mut card);
                c.stage = stage;
                c.lane = lane;
                placed.push((stage, lane, index, card));
            }
            None => cells.entry((card.stage, card.lane)).or_default().push(card),
        }
    }
    placed.sort_by_key(|&(_, _, index, _)| index);
    for (stage, lane, index, card) in placed {
        let cell = cells.entry((stage, lane)).or_default();
        let at = index.min(cell.len());
        cell.insert(at, card);
    }
    map.cards = grouped(map, cells);
}

/// The cards of every cell, stage by stage and lane by lane; cells whose
/// stage or lane is unknown come last.
pub(crate) fn grouped(
    map: &Map,
    mut cells: HashMap<(StageId, LaneId), Vec<Arc<Card>>>,
) -> Vec<Arc<Card>> {
    let stage_pos: HashMap<StageId, usize> = map
        .stages
        .iter()
        .enumerate()
        .map(|(i, s)| (s.id, i))
        .collect();
    let lane_pos: HashMap<LaneId, usize> = map
        .lanes
        .iter()
        .enumerate()
        .map(|(i, l)| (l.id, i))
        .collect();
    let mut keys: Vec<(StageId, LaneId)> = cells.keys().copied().collect();
    keys.sort_by_key(|(s, l)| {
        (
            stage_pos.get(s).copied().unwrap_or(usize::MAX),
            lane_pos.get(l).copied().unwrap_or(usize::MAX),
            s.0,
            l.0,
        )
    });
    let mut out = Vec::with_capacity(cells.values().map(Vec::len).sum());
    for key in keys {
        if let Some(cards) = cells.remove(&key) {
            out.extend(cards);
        }
    }
    out
}
