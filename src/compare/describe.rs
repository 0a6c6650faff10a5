//! Merge conflicts in plain words, for `waymark check`, the analysis panel
//! and `waymark merge`.

use std::collections::HashMap;

use serde_json::Value;

use super::values::{object, shorten, show_value};
use crate::model::{Conflict, Map, Subject, Version};

/// The names of a map's items by id, built once, so describing every
/// conflict of a map is linear however many there are.
pub struct Names<'a> {
    stages: HashMap<u64, &'a str>,
    lanes: HashMap<u64, &'a str>,
    personas: HashMap<u64, &'a str>,
    cards: HashMap<u64, &'a str>,
}

impl<'a> Names<'a> {
    /// Indexes a map's names.
    pub fn of(map: &'a Map) -> Self {
        Self {
            stages: map
                .stages
                .iter()
                .map(|s| (s.id.0, s.name.as_str()))
                .collect(),
            lanes: map
                .lanes
                .iter()
                .map(|l| (l.id.0, l.name.as_str()))
                .collect(),
            personas: map
                .personas
                .iter()
                .map(|p| (p.id.0, p.name.as_str()))
                .collect(),
            cards: map
                .cards
                .iter()
                .map(|c| (c.id.0, c.title.as_str()))
                .collect(),
        }
    }
}

/// One sentence naming what conflicts and both values, such as
/// `card "Checkout": title is "Pay" in ours and "Checkout v2" in theirs.`
pub fn describe(map: &Map, conflict: &Conflict) -> String {
    describe_with(&Names::of(map), conflict)
}

/// [`describe`] with the names already indexed.
pub fn describe_with(map: &Names<'_>, conflict: &Conflict) -> String {
    let what = subject_text(map, conflict);
    let field = conflict.field.as_str();
    match (&conflict.ours, &conflict.theirs) {
        (Version::Deleted, _) => format!("{what} was deleted in ours and changed in theirs."),
        (_, Version::Deleted) => format!("{what} was changed in ours and deleted in theirs."),
        (Version::Order(_), Version::Order(_)) => {
            format!("{what} were reordered differently in ours and in theirs.")
        }
        (ours, theirs) if !field.is_empty() => format!(
            "{what}: {field} is {} in ours and {} in theirs.",
            value_text(map, ours, field),
            value_text(map, theirs, field)
        ),
        _ => format!("{what} differs in ours and in theirs."),
    }
}

/// The item or order a conflict is about, named.
fn subject_text(map: &Names<'_>, conflict: &Conflict) -> String {
    let side_name = || match (&conflict.ours, &conflict.theirs) {
        (Version::Stage(s), _) | (_, Version::Stage(s)) => s.name.clone(),
        (Version::Lane(l), _) | (_, Version::Lane(l)) => l.name.clone(),
        (Version::Persona(p), _) | (_, Version::Persona(p)) => p.name.clone(),
        (Version::Card(c), _) | (_, Version::Card(c)) => c.title.clone(),
        _ => String::new(),
    };
    let quoted = |names: &HashMap<u64, &str>, id: u64| {
        let name = names.get(&id).map_or_else(side_name, |n| (*n).to_owned());
        format!("\"{}\"", shorten(&name))
    };
    match conflict.subject {
        Subject::Map => "the map".to_owned(),
        Subject::Stage(id) => format!("stage {}", quoted(&map.stages, id.0)),
        Subject::Lane(id) => format!("lane {}", quoted(&map.lanes, id.0)),
        Subject::Persona(id) => format!("persona {}", quoted(&map.personas, id.0)),
        Subject::Card(id) => format!("card {}", quoted(&map.cards, id.0)),
        Subject::StageOrder => "the stages".to_owned(),
        Subject::LaneOrder => "the lanes".to_owned(),
        Subject::PersonaOrder => "the personas".to_owned(),
        Subject::CellOrder(s, l) => format!(
            "the cards in {} / {}",
            map.stages.get(&s.0).copied().unwrap_or("?"),
            map.lanes.get(&l.0).copied().unwrap_or("?")
        ),
    }
}

/// One side's value of a field, in plain words; a card's place by names.
fn value_text(map: &Names<'_>, version: &Version, field: &str) -> String {
    let fields = match version {
        Version::Map(h) => object(h),
        Version::Stage(s) => object(s),
        Version::Lane(l) => object(l),
        Version::Persona(p) => object(p),
        Version::Card(c) => {
            if field == "place" {
                return format!(
                    "{} / {}",
                    map.stages
                        .get(&c.stage.0)
                        .copied()
                        .unwrap_or("a deleted stage"),
                    map.lanes
                        .get(&c.lane.0)
                        .copied()
                        .unwrap_or("a deleted lane")
                );
            }
            object(c)
        }
        Version::Deleted | Version::Order(_) => return "none".to_owned(),
    };
    show_value(fields.get(field).unwrap_or(&Value::Null))
}
