//! Fresh ids for what theirs added under an id ours already uses, so a
//! merge keeps both sides' new items (and theirs' cards follow theirs'
//! renumbered stages, lanes and personas).

use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::Arc;

use super::Kind;
use super::items::Item;
use crate::model::{CardId, LaneId, Map, PersonaId, StageId, Subject};

/// Gives fresh ids to the items theirs added whose ids ours (or base) uses
/// for something else, and updates the references to them. An item both
/// sides added identically, with the same id, stays one item.
pub(super) fn renumber<'a>(
    base: &Map,
    ours: &Map,
    theirs: &'a Map,
) -> (Cow<'a, Map>, Vec<(Kind, u64, u64)>) {
    let kinds = |m: &Map| -> HashMap<u64, Kind> {
        let mut out = HashMap::new();
        out.extend(m.stages.iter().map(|s| (s.id.0, Kind::Stage)));
        out.extend(m.lanes.iter().map(|l| (l.id.0, Kind::Lane)));
        out.extend(m.personas.iter().map(|p| (p.id.0, Kind::Persona)));
        out.extend(m.cards.iter().map(|c| (c.id.0, Kind::Card)));
        out
    };
    let (bk, ok) = (kinds(base), kinds(ours));
    let mut clashes: Vec<(Kind, u64)> = Vec::new();
    clashes.extend(clashing(&theirs.stages, &ours.stages, &bk, &ok));
    clashes.extend(clashing(&theirs.lanes, &ours.lanes, &bk, &ok));
    clashes.extend(clashing(&theirs.personas, &ours.personas, &bk, &ok));
    clashes.extend(clashing(&theirs.cards, &ours.cards, &bk, &ok));
    if clashes.is_empty() {
        return (Cow::Borrowed(theirs), Vec::new());
    }
    let tk = kinds(theirs);
    let mut next = bk
        .keys()
        .chain(ok.keys())
        .chain(tk.keys())
        .copied()
        .chain([base.next_id, ours.next_id, theirs.next_id].map(|n| n.saturating_sub(1)))
        .max()
        .unwrap_or(0)
        + 1;
    let mut new_ids: HashMap<(Kind, u64), u64> = HashMap::new();
    let mut renumbered = Vec::new();
    for (kind, id) in clashes {
        new_ids.insert((kind, id), next);
        renumbered.push((kind, id, next));
        next += 1;
    }
    let re = |kind: Kind, id: u64| new_ids.get(&(kind, id)).copied().unwrap_or(id);
    let mut out = theirs.clone();
    for s in &mut out.stages {
        s.id = StageId(re(Kind::Stage, s.id.0));
    }
    for l in &mut out.lanes {
        l.id = LaneId(re(Kind::Lane, l.id.0));
    }
    for p in &mut out.personas {
        p.id = PersonaId(re(Kind::Persona, p.id.0));
    }
    for c in &mut out.cards {
        let changed = re(Kind::Card, c.id.0) != c.id.0
            || re(Kind::Stage, c.stage.0) != c.stage.0
            || re(Kind::Lane, c.lane.0) != c.lane.0
            || c.personas.iter().any(|p| re(Kind::Persona, p.0) != p.0);
        if changed {
            let card = Arc::make_mut(c);
            card.id = CardId(re(Kind::Card, card.id.0));
            card.stage = StageId(re(Kind::Stage, card.stage.0));
            card.lane = LaneId(re(Kind::Lane, card.lane.0));
            for p in &mut card.personas {
                *p = PersonaId(re(Kind::Persona, p.0));
            }
        }
    }
    for c in &mut out.conflicts {
        c.subject = match c.subject {
            Subject::Stage(s) => Subject::Stage(StageId(re(Kind::Stage, s.0))),
            Subject::Lane(l) => Subject::Lane(LaneId(re(Kind::Lane, l.0))),
            Subject::Persona(p) => Subject::Persona(PersonaId(re(Kind::Persona, p.0))),
            Subject::Card(id) => Subject::Card(CardId(re(Kind::Card, id.0))),
            Subject::CellOrder(s, l) => {
                Subject::CellOrder(StageId(re(Kind::Stage, s.0)), LaneId(re(Kind::Lane, l.0)))
            }
            other => other,
        };
    }
    // Links follow their renumbered cards.
    for link in &mut out.links {
        link.from = CardId(re(Kind::Card, link.from.0));
        link.to = CardId(re(Kind::Card, link.to.0));
    }
    out.next_id = next;
    (Cow::Owned(out), renumbered)
}

/// The items of theirs that are new (base has no such item) and whose id
/// ours or base uses for anything but the very same item.
fn clashing<T: Item>(
    theirs: &[T],
    ours: &[T],
    base_kinds: &HashMap<u64, Kind>,
    ours_kinds: &HashMap<u64, Kind>,
) -> Vec<(Kind, u64)> {
    let mut ours_by_id: Option<HashMap<u64, &T>> = None;
    let mut out = Vec::new();
    for item in theirs {
        let id = item.raw_id();
        if base_kinds.get(&id) == Some(&T::KIND) {
            continue; // not new
        }
        let clash = if base_kinds.contains_key(&id) {
            true
        } else if ours_kinds.get(&id) == Some(&T::KIND) {
            let by_id =
                ours_by_id.get_or_insert_with(|| ours.iter().map(|x| (x.raw_id(), x)).collect());
            by_id.get(&id).is_none_or(|o| *o != item)
        } else {
            ours_kinds.contains_key(&id)
        };
        if clash {
            out.push((T::KIND, id));
        }
    }
    out
}
