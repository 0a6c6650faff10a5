//! `merge-conflict` (error): a merge left a conflict in the map that
//! nobody has resolved yet, so CI fails until someone chooses a side.

use super::index::Index;
use super::types::{Finding, Place, PlaceNames, Rule};
use crate::compare::{Names, describe_with};
use crate::model::{Conflict, Map, StageId, Subject, Version};

/// One finding per recorded conflict, in the order the merge found them.
pub(crate) fn merge_conflicts(index: &Index<'_>, out: &mut Vec<Finding>) {
    let map = index.map;
    if map.conflicts.is_empty() {
        return;
    }
    let index_names = Names::of(map);
    for conflict in &map.conflicts {
        let message = message(&index_names, conflict);
        let suggestion =
            "Choose \"take theirs\" or \"keep ours\" in the findings panel.".to_owned();
        let finding = match conflict.subject {
            Subject::Card(id) => match map.card(id) {
                Some(card) => index.card_finding(Rule::MergeConflict, card, message, suggestion),
                None => {
                    // Ours deleted the card: point at the cell theirs has it in.
                    let (stage, lane) = match &conflict.theirs {
                        Version::Card(c) => (Some(c.stage), c.lane),
                        _ => (None, crate::model::LaneId(0)),
                    };
                    let stage = stage
                        .filter(|s| map.stage(*s).is_some())
                        .unwrap_or_else(|| first_stage(map));
                    Finding {
                        place: Place::Card {
                            card: id,
                            stage,
                            lane,
                        },
                        names: names(map, stage),
                        ..plain(message, suggestion, stage, map)
                    }
                }
            },
            Subject::Stage(id) if map.stage(id).is_some() => plain(message, suggestion, id, map),
            Subject::CellOrder(id, _) if map.stage(id).is_some() => {
                plain(message, suggestion, id, map)
            }
            Subject::Persona(persona) if map.persona(persona).is_some() => {
                let stage = first_stage(map);
                Finding {
                    place: Place::Persona(persona),
                    names: PlaceNames {
                        persona: map.persona(persona).map(|p| p.name.clone()),
                        ..names(map, stage)
                    },
                    ..plain(message, suggestion, stage, map)
                }
            }
            // The map's own fields, lanes, orders: shown with the first stage.
            _ => plain(message, suggestion, first_stage(map), map),
        };
        out.push(finding);
    }
}

fn message(names: &Names<'_>, conflict: &Conflict) -> String {
    format!("Merge conflict: {}", describe_with(names, conflict))
}

fn first_stage(map: &Map) -> StageId {
    map.stages.first().map_or(StageId(0), |s| s.id)
}

fn names(map: &Map, stage: StageId) -> PlaceNames {
    PlaceNames {
        stages: map
            .stage(stage)
            .map(|s| s.name.clone())
            .into_iter()
            .collect(),
        ..PlaceNames::default()
    }
}

fn plain(message: String, suggestion: String, stage: StageId, map: &Map) -> Finding {
    Finding {
        rule: Rule::MergeConflict,
        severity: Rule::MergeConflict.severity(),
        place: Place::Stage(stage),
        names: names(map, stage),
        channel: None,
        parts: Vec::new(),
        message,
        suggestion,
    }
}

/// The map's conflicts' indexes by their findings' messages, so a panel
/// listing every conflict finds each one's record in constant time rather
/// than describing the whole list per finding. Empty, and free, for the
/// usual map without conflicts.
pub(super) fn by_message(map: &Map) -> std::collections::HashMap<String, usize> {
    if map.conflicts.is_empty() {
        return std::collections::HashMap::new();
    }
    let names = Names::of(map);
    map.conflicts
        .iter()
        .enumerate()
        .map(|(i, c)| (message(&names, c), i))
        .collect()
}
