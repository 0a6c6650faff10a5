//! Settling a recorded merge conflict: keep ours, or take theirs.

use std::sync::Arc;

use serde_json::Value;

use super::items::Item;
use super::order::reorder_subset;
use super::values::{object, with_fields};
use crate::model::{Card, Conflict, Map, Subject, Version};

/// Which side of a conflict to keep.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Choice {
    /// Keep ours: the map already holds it, so only the record goes.
    Ours,
    /// Take theirs: the map changes to their version of the field, item or
    /// order.
    Theirs,
}

/// Resolves one of the map's recorded conflicts and removes the record. On
/// error the map is unchanged: the conflict is no longer recorded, or
/// their version no longer fits (say, their card's stage was deleted since).
pub fn resolve(map: &mut Map, conflict: &Conflict, choice: Choice) -> Result<(), String> {
    let at = map
        .conflicts
        .iter()
        .position(|c| c == conflict)
        .ok_or_else(|| "this merge conflict is no longer recorded in the map".to_owned())?;
    let mut out = map.clone();
    out.conflicts.remove(at);
    if choice == Choice::Theirs {
        take_theirs(&mut out, conflict)?;
        out.validate()
            .map_err(|msg| format!("their version does not fit the map any more: {msg}"))?;
        out.repair_next_id();
    }
    *map = out;
    Ok(())
}

fn mismatch() -> String {
    "the conflict's record is inconsistent: its version does not match its subject".to_owned()
}

fn take_theirs(map: &mut Map, conflict: &Conflict) -> Result<(), String> {
    let field = conflict.field.as_str();
    match (conflict.subject, &conflict.theirs) {
        (Subject::Map, Version::Map(theirs)) => {
            let header = if field.is_empty() {
                theirs.clone()
            } else {
                let value = object(theirs).get(field).cloned().unwrap_or(Value::Null);
                with_fields(&map.header(), [(field.to_owned(), value)])?
            };
            map.title = header.title;
            map.description = header.description;
            map.state = header.state;
        }
        (Subject::StageOrder, Version::Order(ids)) => {
            reorder_subset(&mut map.stages, |s| s.id.0, ids);
        }
        (Subject::LaneOrder, Version::Order(ids)) => {
            reorder_subset(&mut map.lanes, |l| l.id.0, ids);
        }
        (Subject::PersonaOrder, Version::Order(ids)) => {
            reorder_subset(&mut map.personas, |p| p.id.0, ids);
        }
        (Subject::CellOrder(..), Version::Order(ids)) => {
            reorder_subset(&mut map.cards, |c| c.id.0, ids);
        }
        (Subject::Stage(id), v) => {
            let theirs = match v {
                Version::Deleted => None,
                Version::Stage(s) => Some(s),
                _ => return Err(mismatch()),
            };
            if take(&mut map.stages, id.0, field, theirs)? {
                map.cards.retain(|c| c.stage != id);
            }
        }
        (Subject::Lane(id), v) => {
            let theirs = match v {
                Version::Deleted => None,
                Version::Lane(l) => Some(l),
                _ => return Err(mismatch()),
            };
            if take(&mut map.lanes, id.0, field, theirs)? {
                map.cards.retain(|c| c.lane != id);
            }
        }
        (Subject::Persona(id), v) => {
            let theirs = match v {
                Version::Deleted => None,
                Version::Persona(p) => Some(p),
                _ => return Err(mismatch()),
            };
            if take(&mut map.personas, id.0, field, theirs)? {
                for card in &mut map.cards {
                    if card.personas.contains(&id) {
                        Arc::make_mut(card).personas.retain(|p| *p != id);
                    }
                }
            }
        }
        (Subject::Card(id), v) => {
            let theirs = match v {
                Version::Deleted => None,
                Version::Card(c) => Some(Arc::new(c.clone())),
                _ => return Err(mismatch()),
            };
            let present = map.cards.iter().any(|c| c.id == id);
            match theirs {
                Some(card) if !present => insert_card(map, card),
                theirs => {
                    take(&mut map.cards, id.0, field, theirs.as_ref())?;
                }
            }
        }
        _ => return Err(mismatch()),
    }
    Ok(())
}

/// Puts their version of an item (or one field of it) in the list, or
/// deletes the item when they did. Returns whether it deleted.
fn take<T: Item>(
    list: &mut Vec<T>,
    id: u64,
    field: &str,
    theirs: Option<&T>,
) -> Result<bool, String> {
    let at = list.iter().position(|x| x.raw_id() == id);
    let Some(theirs) = theirs else {
        if let Some(at) = at {
            list.remove(at);
        }
        return Ok(true);
    };
    let Some(at) = at else {
        list.push(theirs.clone());
        return Ok(false);
    };
    list[at] = match field {
        "" => theirs.clone(),
        "place" => {
            let t = object(theirs);
            let fields =
                ["stage", "lane"].map(|k| (k.to_owned(), t.get(k).cloned().unwrap_or(Value::Null)));
            with_fields(&list[at], fields)?
        }
        f => {
            let value = object(theirs).get(f).cloned().unwrap_or(Value::Null);
            with_fields(&list[at], [(f.to_owned(), value)])?
        }
    };
    Ok(false)
}

/// Puts back a card ours deleted: last in its cell.
fn insert_card(map: &mut Map, card: Arc<Card>) {
    let at = map
        .cards
        .iter()
        .rposition(|c| c.stage == card.stage && c.lane == card.lane)
        .map_or(map.cards.len(), |i| i + 1);
    map.cards.insert(at, card);
}
