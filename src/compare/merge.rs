//! Three-way merge of maps, field by field.
//!
//! - A field changed on one side takes that side; changed on both to the
//!   same value is fine; changed on both to different values is a conflict.
//!   A card's stage and lane count as one field, `place`.
//! - Items added on both sides with the same new id are both kept: theirs
//!   gets a fresh id, and their cards follow it.
//! - An item deleted on one side and changed on the other is a conflict.
//! - Orders (stages, lanes, personas, the cards of a cell) follow the side
//!   that reordered; the other side's additions go after the item they
//!   followed there. Both reordering differently is a conflict.
//!
//! Conflicts keep ours in the map and record both versions in
//! [`Map::conflicts`], so the merged map is always valid and opens.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use serde_json::Value;

use super::Kind;
use super::apply::grouped;
use super::items::Item;
use super::order::merge_order;
use super::renumber::renumber;
use super::values::{field_names, object};
use crate::model::{Card, Conflict, LaneId, Map, StageId, Subject, Version};

/// The result of a merge.
#[derive(Clone, Debug)]
pub struct Merged {
    /// The merged map, with every conflict recorded in its `conflicts`.
    pub map: Map,
    /// The conflicts this merge found (the map may also carry older ones).
    pub conflicts: Vec<Conflict>,
    /// Items of theirs that got a new id because ours added another item
    /// with the same id: (kind, their id, the new id).
    pub renumbered: Vec<(Kind, u64, u64)>,
}

impl Merged {
    /// Whether the merge found no conflict.
    pub fn is_clean(&self) -> bool {
        self.conflicts.is_empty()
    }
}

/// Merges `ours` and `theirs`, two descendants of `base`, by ids.
///
/// Linear in the size of the maps. `merge(b, x, b)` and `merge(b, b, y)`
/// give `x` and `y` back (with the cards grouped by cell, as files hold
/// them).
pub fn merge(base: &Map, ours: &Map, theirs: &Map) -> Merged {
    let (theirs, renumbered) = renumber(base, ours, theirs);
    let theirs: &Map = &theirs;
    let mut conflicts = Vec::new();
    let mut map = Map::new("");

    // The map's own fields.
    let (bh, oh, th) = (base.header(), ours.header(), theirs.header());
    let header = merge_fields(&bh, &oh, &th, &[], |field| {
        conflicts.push(Conflict {
            subject: Subject::Map,
            field: field.to_owned(),
            ours: Version::Map(oh.clone()),
            theirs: Version::Map(th.clone()),
        });
    })
    .unwrap_or_else(|| oh.clone());
    map.title = header.title;
    map.description = header.description;
    map.state = header.state;

    let mut stages = merge_items(&base.stages, &ours.stages, &theirs.stages, &mut conflicts);
    let mut lanes = merge_items(&base.lanes, &ours.lanes, &theirs.lanes, &mut conflicts);
    let mut personas = merge_items(
        &base.personas,
        &ours.personas,
        &theirs.personas,
        &mut conflicts,
    );
    let cards = merge_items(&base.cards, &ours.cards, &theirs.cards, &mut conflicts);

    // A stage, lane or persona deleted on one side stays while a merged card
    // still uses it: the map must stay valid. That is a conflict too.
    let sides = [ours, theirs, base];
    for id in ordered_ids(&sides, |m| m.cards.iter().map(|c| c.id.0).collect()) {
        let Some(card) = cards.get(&id) else { continue };
        keep_used(
            card.stage.0,
            &mut stages,
            &sides,
            |m| &m.stages,
            &mut conflicts,
        );
        keep_used(
            card.lane.0,
            &mut lanes,
            &sides,
            |m| &m.lanes,
            &mut conflicts,
        );
        for p in &card.personas {
            keep_used(p.0, &mut personas, &sides, |m| &m.personas, &mut conflicts);
        }
    }

    map.stages = merge_list_order(
        [base, ours, theirs].map(|m| m.stages.iter().map(|s| s.id.0).collect()),
        stages,
        Subject::StageOrder,
        &mut conflicts,
    );
    map.lanes = merge_list_order(
        [base, ours, theirs].map(|m| m.lanes.iter().map(|l| l.id.0).collect()),
        lanes,
        Subject::LaneOrder,
        &mut conflicts,
    );
    map.personas = merge_list_order(
        [base, ours, theirs].map(|m| m.personas.iter().map(|p| p.id.0).collect()),
        personas,
        Subject::PersonaOrder,
        &mut conflicts,
    );
    let cells = merge_cells(base, ours, theirs, cards, &mut conflicts);
    map.cards = grouped(&map, cells);

    // Links are a set of pairs: one side's new ones join, one side's
    // removals go; a link whose card the merge dropped goes with it.
    map.links = merge_set(&base.links, &ours.links, &theirs.links, |l| *l);
    map.drop_dangling_links();
    map.dismissals = merge_set(
        &base.dismissals,
        &ours.dismissals,
        &theirs.dismissals,
        |d| (d.rule.clone(), d.place.clone(), d.reason.clone()),
    );
    // Conflicts are keyed by their debug text: they hold cards, which are
    // not `Hash`; the text is linear in their size.
    let key = |c: &Conflict| format!("{c:?}");
    map.conflicts = merge_set(&base.conflicts, &ours.conflicts, &theirs.conflicts, key);
    let mut recorded: HashSet<String> = map.conflicts.iter().map(key).collect();
    for c in &conflicts {
        if recorded.insert(key(c)) {
            map.conflicts.push(c.clone());
        }
    }
    map.next_id = ours.next_id.max(theirs.next_id).max(base.next_id);
    map.repair_next_id();
    Merged {
        map,
        conflicts,
        renumbered,
    }
}

/// Ids of the cards of several maps, each once, in the maps' order.
fn ordered_ids(maps: &[&Map], ids: impl Fn(&Map) -> Vec<u64>) -> Vec<u64> {
    let mut seen = HashSet::new();
    let mut out = Vec::new();
    for m in maps {
        for id in ids(m) {
            if seen.insert(id) {
                out.push(id);
            }
        }
    }
    out
}

/// Puts back an item a merged card uses, if the merge dropped it, and
/// records the deletion as a conflict.
fn keep_used<T: Item>(
    id: u64,
    kept: &mut HashMap<u64, T>,
    sides: &[&Map; 3],
    list: impl Fn(&Map) -> &Vec<T>,
    conflicts: &mut Vec<Conflict>,
) {
    if kept.contains_key(&id) {
        return;
    }
    let find = |m: &Map| list(m).iter().find(|x| x.raw_id() == id).cloned();
    let Some(item) = sides.iter().find_map(|m| find(m)) else {
        return;
    };
    let version = |m: &Map| find(m).map_or(Version::Deleted, |x| x.version());
    conflicts.push(Conflict {
        subject: T::subject(id),
        field: String::new(),
        ours: version(sides[0]),
        theirs: version(sides[1]),
    });
    kept.insert(id, item);
}

/// Three-way merge of one item's fields as JSON. `None` when the result
/// does not deserialise (it always should). Calls `conflict` with each
/// field both sides changed differently, keeping ours there. The fields in
/// `group` (a card's stage and lane) merge as one field named `place`.
fn merge_fields<T: serde::Serialize + serde::de::DeserializeOwned>(
    base: &T,
    ours: &T,
    theirs: &T,
    group: &[&str],
    mut conflict: impl FnMut(&str),
) -> Option<T> {
    let (b, o, t) = (object(base), object(ours), object(theirs));
    let mut out = o.clone();
    let get = |obj: &serde_json::Map<String, Value>, k: &str| obj.get(k).cloned();
    let mut skip: Vec<&str> = vec!["id"];
    skip.extend_from_slice(group);
    let mut names: Vec<&str> = field_names(&o, &t, &skip);
    for k in b.keys() {
        if !names.contains(&k.as_str()) && !skip.contains(&k.as_str()) {
            names.push(k);
        }
    }
    for k in names {
        let (bv, ov, tv) = (get(&b, k), get(&o, k), get(&t, k));
        if ov == tv || tv == bv {
            continue;
        }
        if ov == bv {
            match tv {
                Some(v) => out.insert(k.to_owned(), v),
                None => out.remove(k),
            };
        } else {
            conflict(k);
        }
    }
    if !group.is_empty() {
        let part = |obj: &serde_json::Map<String, Value>| -> Vec<Option<Value>> {
            group.iter().map(|k| get(obj, k)).collect()
        };
        let (bp, op, tp) = (part(&b), part(&o), part(&t));
        if op != tp && tp != bp {
            if op == bp {
                for (k, v) in group.iter().zip(tp) {
                    if let Some(v) = v {
                        out.insert((*k).to_owned(), v);
                    }
                }
            } else {
                conflict("place");
            }
        }
    }
    serde_json::from_value(Value::Object(out)).ok()
}

/// Merges one kind of item by id. Returns the kept items by id.
fn merge_items<T: Item>(
    base: &[T],
    ours: &[T],
    theirs: &[T],
    conflicts: &mut Vec<Conflict>,
) -> HashMap<u64, T> {
    let index = |xs: &[T]| -> HashMap<u64, usize> {
        xs.iter()
            .enumerate()
            .map(|(i, x)| (x.raw_id(), i))
            .collect()
    };
    let (bi, oi, ti) = (index(base), index(ours), index(theirs));
    let mut kept = HashMap::with_capacity(ours.len().max(theirs.len()));
    let group: Vec<&str> = T::SKIP.iter().copied().filter(|f| *f != "id").collect();
    let ids = ours.iter().chain(theirs).chain(base).map(|x| x.raw_id());
    let mut seen = HashSet::with_capacity(ours.len() + 8);
    for id in ids {
        if !seen.insert(id) {
            continue;
        }
        let b = bi.get(&id).map(|&i| &base[i]);
        let o = oi.get(&id).map(|&i| &ours[i]);
        let t = ti.get(&id).map(|&i| &theirs[i]);
        let delete_conflict = |ours: Version, theirs: Version| Conflict {
            subject: T::subject(id),
            field: String::new(),
            ours,
            theirs,
        };
        match (b, o, t) {
            (Some(b), Some(o), Some(t)) => {
                let item = if o == t || t == b {
                    o.clone()
                } else if o == b {
                    t.clone()
                } else {
                    let mut fields = Vec::new();
                    let merged = merge_fields(b, o, t, &group, |f| fields.push(f.to_owned()));
                    for field in fields {
                        conflicts.push(Conflict {
                            subject: T::subject(id),
                            field,
                            ours: o.version(),
                            theirs: t.version(),
                        });
                    }
                    merged.unwrap_or_else(|| o.clone())
                };
                kept.insert(id, item);
            }
            (Some(b), Some(o), None) => {
                if o != b {
                    conflicts.push(delete_conflict(o.version(), Version::Deleted));
                    kept.insert(id, o.clone());
                }
            }
            (Some(b), None, Some(t)) => {
                if t != b {
                    conflicts.push(delete_conflict(Version::Deleted, t.version()));
                }
            }
            (Some(_), None, None) | (None, None, None) => {}
            (None, Some(o), _) => {
                kept.insert(id, o.clone());
            }
            (None, None, Some(t)) => {
                kept.insert(id, t.clone());
            }
        }
    }
    kept
}

/// Orders the kept stages, lanes or personas.
fn merge_list_order<T: Item>(
    [base, ours, theirs]: [Vec<u64>; 3],
    mut kept: HashMap<u64, T>,
    subject: Subject,
    conflicts: &mut Vec<Conflict>,
) -> Vec<T> {
    let keep: HashSet<u64> = kept.keys().copied().collect();
    let merged = merge_order(&base, &ours, &theirs, &keep);
    if let Some((o, t)) = merged.conflict {
        conflicts.push(Conflict {
            subject,
            field: String::new(),
            ours: Version::Order(o),
            theirs: Version::Order(t),
        });
    }
    merged
        .order
        .iter()
        .filter_map(|id| kept.remove(id))
        .collect()
}

type Cell = (StageId, LaneId);

fn cell_orders(map: &Map) -> HashMap<Cell, Vec<u64>> {
    let mut out: HashMap<Cell, Vec<u64>> = HashMap::new();
    for c in &map.cards {
        out.entry((c.stage, c.lane)).or_default().push(c.id.0);
    }
    out
}

/// Orders the kept cards cell by cell.
fn merge_cells(
    base: &Map,
    ours: &Map,
    theirs: &Map,
    mut cards: HashMap<u64, Arc<Card>>,
    conflicts: &mut Vec<Conflict>,
) -> HashMap<Cell, Vec<Arc<Card>>> {
    let mut keep: HashMap<Cell, HashSet<u64>> = HashMap::new();
    for c in cards.values() {
        keep.entry((c.stage, c.lane)).or_default().insert(c.id.0);
    }
    let (b, o, t) = (cell_orders(base), cell_orders(ours), cell_orders(theirs));
    let empty = Vec::new();
    // Cells in a fixed order, so conflicts come out the same every run.
    let mut keys: Vec<Cell> = keep.keys().copied().collect();
    keys.sort_unstable();
    let mut out = HashMap::with_capacity(keys.len());
    for cell in keys {
        let ids = &keep[&cell];
        let merged = merge_order(
            b.get(&cell).unwrap_or(&empty),
            o.get(&cell).unwrap_or(&empty),
            t.get(&cell).unwrap_or(&empty),
            ids,
        );
        if let Some((os, ts)) = merged.conflict {
            conflicts.push(Conflict {
                subject: Subject::CellOrder(cell.0, cell.1),
                field: String::new(),
                ours: Version::Order(os),
                theirs: Version::Order(ts),
            });
        }
        let list: Vec<Arc<Card>> = merged
            .order
            .iter()
            .filter_map(|id| cards.remove(id))
            .collect();
        out.insert(cell, list);
    }
    out
}

/// Three-way merge of a list used as a set (dismissals, recorded
/// conflicts): ours, plus what theirs added, minus what theirs removed.
/// Items are compared by `key`, so the merge is linear.
fn merge_set<T: Clone + PartialEq, K: std::hash::Hash + Eq>(
    base: &[T],
    ours: &[T],
    theirs: &[T],
    key: impl Fn(&T) -> K,
) -> Vec<T> {
    if theirs == base {
        return ours.to_vec();
    }
    if ours == base {
        return theirs.to_vec();
    }
    let in_base: HashSet<K> = base.iter().map(&key).collect();
    let in_theirs: HashSet<K> = theirs.iter().map(&key).collect();
    let mut out: Vec<T> = Vec::with_capacity(ours.len());
    let mut seen: HashSet<K> = HashSet::with_capacity(ours.len());
    for x in ours {
        let k = key(x);
        // Kept unless theirs removed it (in base, gone from theirs).
        let removed = in_base.contains(&k) && !in_theirs.contains(&k);
        if !removed && !seen.contains(&k) {
            out.push(x.clone());
            seen.insert(k);
        }
    }
    for x in theirs {
        let k = key(x);
        if !in_base.contains(&k) && !seen.contains(&k) {
            out.push(x.clone());
            seen.insert(k);
        }
    }
    out
}
