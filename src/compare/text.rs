//! The text view of a diff: one change per line, in plain words.

use serde_json::Value;

use super::values::{shorten, show_value};
use super::{CardPlace, Change, Diff, ItemRef};

/// The diff as text, one line per change, each ending in a newline; empty
/// when the maps are the same. Positions count from 1, as people count.
pub fn to_text(diff: &Diff) -> String {
    let mut out = String::new();
    for change in &diff.changes {
        out.push_str(&line(change));
        out.push('\n');
    }
    out
}

/// One change in plain words.
pub fn line(change: &Change) -> String {
    match change {
        Change::MapField { field, old, new } => match field.as_str() {
            "dismissals" => format!("Dismissed findings: {} → {}", count(old), count(new)),
            "conflicts" => format!("Merge conflicts: {} → {}", count(old), count(new)),
            _ => format!("Map {field}: {} → {}", show_value(old), show_value(new)),
        },
        Change::Added {
            item, index, place, ..
        } => match place {
            Some(place) => format!("Added {} in {}", item_text(item), place_text(place)),
            None => format!(
                "Added {} at position {}",
                item_text(item),
                index.unwrap_or(0) + 1
            ),
        },
        Change::Removed {
            item, index, place, ..
        } => match place {
            Some(place) => format!("Removed {} from {}", item_text(item), cell_text(place)),
            None => format!(
                "Removed {} (was at position {})",
                item_text(item),
                index.unwrap_or(0) + 1
            ),
        },
        Change::FieldChanged {
            item,
            field,
            old,
            new,
        } => format!(
            "Changed {}: {field} {} → {}",
            item_text(item),
            show_value(old),
            show_value(new)
        ),
        Change::Moved { item, from, to } => {
            if (from.stage, from.lane) == (to.stage, to.lane) {
                format!(
                    "Moved {} in {} from position {} to {}",
                    item_text(item),
                    cell_text(to),
                    from.index + 1,
                    to.index + 1
                )
            } else {
                format!(
                    "Moved {} from {} to {}",
                    item_text(item),
                    place_text(from),
                    place_text(to)
                )
            }
        }
        Change::Reordered { kind, from, to } => format!(
            "Reordered {}: {} → {}",
            kind.plural(),
            names(from),
            names(to)
        ),
    }
}

fn item_text(item: &ItemRef) -> String {
    format!(
        "{} \"{}\" (id {})",
        item.kind.word(),
        shorten(&item.name),
        item.id
    )
}

fn cell_text(place: &CardPlace) -> String {
    format!(
        "{} / {}",
        shorten(&place.stage_name),
        shorten(&place.lane_name)
    )
}

fn place_text(place: &CardPlace) -> String {
    format!("{}, position {}", cell_text(place), place.index + 1)
}

fn count(value: &Value) -> usize {
    value.as_array().map_or(0, Vec::len)
}

/// At most 20 names, so a reorder of a huge map stays one readable line.
fn names(items: &[ItemRef]) -> String {
    const SHOWN: usize = 20;
    let mut text: Vec<String> = items.iter().take(SHOWN).map(|i| shorten(&i.name)).collect();
    if items.len() > SHOWN {
        text.push(format!("… ({} in all)", items.len()));
    }
    text.join(", ")
}
