//! Other people's formats and the bundled templates: Mermaid `journey`
//! diagrams, CSV card lists, and the maps offered by File → New from
//! template. Pure: no egui, no files (see [`crate::io`] for reading and
//! writing by extension).

pub mod clipboard;
pub mod csv;
pub mod limits;
pub mod mermaid;
pub mod names;
pub mod sample;
pub mod templates;

use std::collections::HashMap;

use crate::model::{Card, Lane, LaneId, Map, StageId};

/// The cards of each stage, in the stages' order, each stage's cards lane
/// by lane and in their order within the cell; cards whose stage or lane
/// is missing are left out. This is the order writers go in. Gathered in
/// one pass and a sort: walking every stage × lane cell would cost stages
/// × lanes even for empty cells.
///
/// Within a stage, lanes already met in an earlier stage come first, in
/// the order they were met, then the stage's new lanes in the lanes'
/// order. Readers name lanes in the order the rows meet them, so the text
/// read back has its lanes in this same order and writes the same text
/// again; going in the lanes' order alone did not (a lane first met in a
/// later stage, before one met earlier, swapped places on the second
/// trip; found by `cargo fuzz run load_csv`).
pub(crate) fn cards_by_stage(map: &Map) -> Vec<Vec<(&Lane, &Card)>> {
    let stages: HashMap<StageId, usize> = map
        .stages
        .iter()
        .enumerate()
        .map(|(i, s)| (s.id, i))
        .collect();
    let lanes: HashMap<LaneId, usize> = map
        .lanes
        .iter()
        .enumerate()
        .map(|(i, l)| (l.id, i))
        .collect();
    let mut out: Vec<Vec<(usize, &Card)>> = vec![Vec::new(); map.stages.len()];
    for card in &map.cards {
        if let (Some(&s), Some(&l)) = (stages.get(&card.stage), lanes.get(&card.lane)) {
            out[s].push((l, card));
        }
    }
    // The rank of each lane in the order the written rows meet it.
    let mut met: Vec<Option<usize>> = vec![None; map.lanes.len()];
    let mut next_rank = 0;
    out.into_iter()
        .map(|mut cards| {
            // Stable: cards of one cell keep their order. New lanes sort
            // after every lane met before, in the lanes' order.
            cards.sort_by_key(|&(lane, _)| (met[lane].unwrap_or(usize::MAX), lane));
            for &(lane, _) in &cards {
                if met[lane].is_none() {
                    met[lane] = Some(next_rank);
                    next_rank += 1;
                }
            }
            cards
                .into_iter()
                .map(|(lane, card)| (&map.lanes[lane], card))
                .collect()
        })
        .collect()
}
