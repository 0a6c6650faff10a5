//! Other people's formats and the bundled templates: Mermaid `journey`
//! diagrams, CSV card lists, and the maps offered by File → New from
//! template. Pure: no egui, no files (see [`crate::io`] for reading and
//! writing by extension).

pub mod csv;
pub mod limits;
pub mod mermaid;
pub mod templates;

use std::collections::HashMap;

use crate::model::{Card, LaneId, Map, StageId};

/// The cards of every cell, each cell's in their order, gathered in one
/// pass: writers go stage by stage and lane by lane, and asking
/// [`Map::cell_cards`] for each cell would cost stages × lanes × cards.
pub(crate) fn cards_by_cell(map: &Map) -> HashMap<(StageId, LaneId), Vec<&Card>> {
    let mut cells: HashMap<(StageId, LaneId), Vec<&Card>> = HashMap::new();
    for card in &map.cards {
        cells.entry((card.stage, card.lane)).or_default().push(card);
    }
    cells
}
