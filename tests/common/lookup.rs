//! Finding a map's cards and stages by name, and editing a card in place,
//! for tests that change a copy of the sample.

use std::sync::Arc;

use waymark::model::{Card, CardId, Map, StageId};

/// The id of the card with this title.
pub fn id_of(map: &Map, title: &str) -> CardId {
    map.cards
        .iter()
        .find(|c| c.title == title)
        .unwrap_or_else(|| panic!("no card {title}"))
        .id
}

/// Changes one card of the map.
pub fn edit(map: &mut Map, id: CardId, f: impl FnOnce(&mut Card)) {
    let card = map.cards.iter_mut().find(|c| c.id == id).expect("card");
    f(Arc::make_mut(card));
}

/// The id of the stage with this name.
pub fn stage_id(map: &Map, name: &str) -> StageId {
    map.stages
        .iter()
        .find(|s| s.name == name)
        .expect("stage")
        .id
}
