//! Matching by names, for files that share no ids.

use std::collections::{HashMap, VecDeque};
use std::sync::Arc;

use crate::model::{CardId, LaneId, Map, PersonaId, StageId};

/// A name as matching sees it: trimmed, in lower case, spaces collapsed.
fn key(name: &str) -> String {
    name.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// Pairs items by key, first with first: old ids queued per key, taken by
/// the new items in order. Linear in the number of items.
fn pair<K: std::hash::Hash + Eq>(
    old: impl Iterator<Item = (K, u64)>,
    new: impl Iterator<Item = (K, u64)>,
    ids: &mut HashMap<u64, u64>,
    taken: &mut std::collections::HashSet<u64>,
) {
    let mut queues: HashMap<K, VecDeque<u64>> = HashMap::new();
    for (k, id) in old {
        if !taken.contains(&id) {
            queues.entry(k).or_default().push_back(id);
        }
    }
    for (k, id) in new {
        if ids.contains_key(&id) {
            continue;
        }
        if let Some(old_id) = queues.get_mut(&k).and_then(VecDeque::pop_front) {
            ids.insert(id, old_id);
            taken.insert(old_id);
        }
    }
}

/// A copy of `new` whose stages, lanes, personas and cards carry the ids
/// of the items of `old` with the same names, so that [`super::diff`] can
/// compare files that share no ids (Mermaid, CSV, or a map rebuilt by
/// hand). Names match ignoring case and extra spaces; repeated names pair
/// in order. Cards match by stage, lane and title first, then by title
/// alone, so a card that moved is still the same card. Items with no match
/// get ids unused by either map.
pub fn align_by_names(old: &Map, new: &Map) -> Map {
    let mut ids: HashMap<u64, u64> = HashMap::new();
    let mut taken = std::collections::HashSet::new();
    pair(
        old.stages.iter().map(|s| (key(&s.name), s.id.0)),
        new.stages.iter().map(|s| (key(&s.name), s.id.0)),
        &mut ids,
        &mut taken,
    );
    pair(
        old.lanes.iter().map(|l| (key(&l.name), l.id.0)),
        new.lanes.iter().map(|l| (key(&l.name), l.id.0)),
        &mut ids,
        &mut taken,
    );
    pair(
        old.personas.iter().map(|p| (key(&p.name), p.id.0)),
        new.personas.iter().map(|p| (key(&p.name), p.id.0)),
        &mut ids,
        &mut taken,
    );
    let stage_name = |m: &Map| -> HashMap<StageId, String> {
        m.stages.iter().map(|s| (s.id, key(&s.name))).collect()
    };
    let lane_name = |m: &Map| -> HashMap<LaneId, String> {
        m.lanes.iter().map(|l| (l.id, key(&l.name))).collect()
    };
    let (old_stages, new_stages) = (stage_name(old), stage_name(new));
    let (old_lanes, new_lanes) = (lane_name(old), lane_name(new));
    let cell_key = |stages: &HashMap<StageId, String>,
                    lanes: &HashMap<LaneId, String>,
                    c: &crate::model::Card| {
        (
            stages.get(&c.stage).cloned().unwrap_or_default(),
            lanes.get(&c.lane).cloned().unwrap_or_default(),
            key(&c.title),
        )
    };
    pair(
        old.cards
            .iter()
            .map(|c| (cell_key(&old_stages, &old_lanes, c), c.id.0)),
        new.cards
            .iter()
            .map(|c| (cell_key(&new_stages, &new_lanes, c), c.id.0)),
        &mut ids,
        &mut taken,
    );
    pair(
        old.cards.iter().map(|c| (key(&c.title), c.id.0)),
        new.cards.iter().map(|c| (key(&c.title), c.id.0)),
        &mut ids,
        &mut taken,
    );

    // Fresh ids above every id of both maps for what did not match.
    let mut next = [old, new]
        .iter()
        .flat_map(|m| {
            m.stages
                .iter()
                .map(|s| s.id.0)
                .chain(m.lanes.iter().map(|l| l.id.0))
                .chain(m.personas.iter().map(|p| p.id.0))
                .chain(m.cards.iter().map(|c| c.id.0))
                .chain([m.next_id.saturating_sub(1)])
        })
        .max()
        .unwrap_or(0)
        + 1;
    let mut id = |old_id: u64, ids: &mut HashMap<u64, u64>| -> u64 {
        *ids.entry(old_id).or_insert_with(|| {
            let fresh = next;
            next += 1;
            fresh
        })
    };

    let mut out = new.clone();
    for s in &mut out.stages {
        s.id = StageId(id(s.id.0, &mut ids));
    }
    for l in &mut out.lanes {
        l.id = LaneId(id(l.id.0, &mut ids));
    }
    for p in &mut out.personas {
        p.id = PersonaId(id(p.id.0, &mut ids));
    }
    for c in &mut out.cards {
        let card = Arc::make_mut(c);
        card.id = CardId(id(card.id.0, &mut ids));
        card.stage = StageId(id(card.stage.0, &mut ids));
        card.lane = LaneId(id(card.lane.0, &mut ids));
        for p in &mut card.personas {
            *p = PersonaId(id(p.0, &mut ids));
        }
    }
    out.next_id = next;
    out
}
