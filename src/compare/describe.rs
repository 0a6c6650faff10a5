//! Merge conflicts in plain words, for `waymark check`, the analysis panel
//! and `waymark merge`.

use serde_json::Value;

use super::values::{object, shorten, show_value};
use crate::model::{Conflict, Map, Subject, Version};

/// One sentence naming what conflicts and both values, such as
/// `card "Checkout": title is "Pay" in ours and "Checkout v2" in theirs.`
pub fn describe(map: &Map, conflict: &Conflict) -> String {
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
fn subject_text(map: &Map, conflict: &Conflict) -> String {
    let side_name = || match (&conflict.ours, &conflict.theirs) {
        (Version::Stage(s), _) | (_, Version::Stage(s)) => s.name.clone(),
        (Version::Lane(l), _) | (_, Version::Lane(l)) => l.name.clone(),
        (Version::Persona(p), _) | (_, Version::Persona(p)) => p.name.clone(),
        (Version::Card(c), _) | (_, Version::Card(c)) => c.title.clone(),
        _ => String::new(),
    };
    let quoted = |name: String| format!("\"{}\"", shorten(&name));
    match conflict.subject {
        Subject::Map => "the map".to_owned(),
        Subject::Stage(id) => format!(
            "stage {}",
            quoted(map.stage(id).map_or_else(side_name, |s| s.name.clone()))
        ),
        Subject::Lane(id) => format!(
            "lane {}",
            quoted(map.lane(id).map_or_else(side_name, |l| l.name.clone()))
        ),
        Subject::Persona(id) => format!(
            "persona {}",
            quoted(map.persona(id).map_or_else(side_name, |p| p.name.clone()))
        ),
        Subject::Card(id) => format!(
            "card {}",
            quoted(map.card(id).map_or_else(side_name, |c| c.title.clone()))
        ),
        Subject::StageOrder => "the stages".to_owned(),
        Subject::LaneOrder => "the lanes".to_owned(),
        Subject::PersonaOrder => "the personas".to_owned(),
        Subject::CellOrder(s, l) => format!(
            "the cards in {} / {}",
            map.stage(s).map_or("?", |s| s.name.as_str()),
            map.lane(l).map_or("?", |l| l.name.as_str())
        ),
    }
}

/// One side's value of a field, in plain words; a card's place by names.
fn value_text(map: &Map, version: &Version, field: &str) -> String {
    let fields = match version {
        Version::Map(h) => object(h),
        Version::Stage(s) => object(s),
        Version::Lane(l) => object(l),
        Version::Persona(p) => object(p),
        Version::Card(c) => {
            if field == "place" {
                return format!(
                    "{} / {}",
                    map.stage(c.stage).map_or("a deleted stage", |s| s.name.as_str()),
                    map.lane(c.lane).map_or("a deleted lane", |l| l.name.as_str())
                );
            }
            object(c)
        }
        Version::Deleted | Version::Order(_) => return "none".to_owned(),
    };
    show_value(fields.get(field).unwrap_or(&Value::Null))
}
