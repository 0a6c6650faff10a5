//! Pasting cards that name their stage, lane and personas: the names are
//! looked up (and made when missing) the way CSV import does, and every
//! card gets a fresh id. Linear in the number of cards: each lands at the
//! end of its cell, so nothing is inserted in the middle of the list.

use std::sync::Arc;

use crate::interchange::clipboard::ClipCard;
use crate::interchange::limits::{MAX_LANES, MAX_PERSONAS, MAX_STAGES, too_many};
use crate::interchange::names::{Found, NameIndex};
use crate::model::{CardId, LaneId, Map, StageId};

use super::EditError;
use super::checks::check_cell;

/// Where pasted cards go, besides the names they carry.
#[derive(Clone, Copy, Debug)]
pub(super) struct PasteInto {
    /// The cell for cards that name no stage.
    pub cell: Option<(StageId, LaneId)>,
    /// The stage for every card, whatever it names.
    pub stage: Option<StageId>,
    /// The lane for every card, whatever it names.
    pub lane: Option<LaneId>,
}

/// Adds the cards; `created` gets the id of every stage, lane, persona and
/// card made, in order.
pub(super) fn paste(
    map: &mut Map,
    cards: &[ClipCard],
    into: PasteInto,
    created: &mut Vec<u64>,
) -> Result<(), EditError> {
    let PasteInto {
        cell,
        stage: forced_stage,
        lane: forced_lane,
    } = into;
    if let Some(stage) = forced_stage {
        map.stage(stage)
            .ok_or_else(|| EditError(format!("there is no stage with id {stage}")))?;
    }
    if let Some(lane) = forced_lane {
        map.lane(lane)
            .ok_or_else(|| EditError(format!("there is no lane with id {lane}")))?;
    }
    if let Some((stage, lane)) = cell {
        check_cell(map, stage, lane)?;
    }
    // Once here, so every id handed out below is above every id in use.
    map.repair_next_id();
    let mut names = NameIndex::new(map);
    for clip in cards {
        let (stage, lane) = match (&clip.stage, cell) {
            (Some(name), _) => {
                let stage = match forced_stage {
                    Some(id) => id,
                    None => taken(
                        names.stage(map, name.trim()),
                        |id| id.0,
                        ("stages", MAX_STAGES),
                        created,
                    )?,
                };
                let lane = match forced_lane {
                    Some(id) => id,
                    None => taken(
                        names.lane(map, clip.lane.trim()),
                        |id| id.0,
                        ("lanes", MAX_LANES),
                        created,
                    )?,
                };
                (stage, lane)
            }
            (None, Some(cell)) => cell,
            (None, None) => {
                return Err(EditError(
                    "select a cell to paste into, or add a stage and a lane first".to_owned(),
                ));
            }
        };
        let mut card = clip.card.clone();
        card.personas.clear();
        for name in &clip.personas {
            let found = names.persona(map, name.trim());
            let id = taken(found, |id| id.0, ("personas", MAX_PERSONAS), created)?;
            if !card.personas.contains(&id) {
                card.personas.push(id);
            }
        }
        card.id = map.new_card_id();
        card.stage = stage;
        card.lane = lane;
        created.push(card.id.0);
        map.cards.push(Arc::new(card));
    }
    Ok(())
}

/// The id a name was found or added under; an added item's id goes to
/// `created`, and a limit reached becomes the edit's error.
fn taken<T: Copy>(
    found: Option<Found<T>>,
    raw: impl Fn(T) -> u64,
    (what, max): (&str, usize),
    created: &mut Vec<u64>,
) -> Result<T, EditError> {
    let found = found.ok_or_else(|| EditError(too_many(what, max)))?;
    if found.added {
        created.push(raw(found.id));
    }
    Ok(found.id)
}

/// Puts a copy of each card right after it, with a fresh id; `created`
/// gets the copies' ids in map order.
pub(super) fn duplicate(
    map: &mut Map,
    ids: &[CardId],
    created: &mut Vec<u64>,
) -> Result<(), EditError> {
    let wanted: std::collections::HashSet<CardId> = ids.iter().copied().collect();
    let found = map.cards.iter().filter(|c| wanted.contains(&c.id)).count();
    if found < wanted.len() {
        return Err(EditError(
            "a card to duplicate is no longer on the map".to_owned(),
        ));
    }
    map.repair_next_id();
    let old = std::mem::take(&mut map.cards);
    let mut cards = Vec::with_capacity(old.len() + found);
    for card in old {
        let copy = wanted.contains(&card.id).then(|| card.as_ref().clone());
        cards.push(card);
        if let Some(mut copy) = copy {
            copy.id = map.new_card_id();
            // A copy is a new card: the room voted for the original.
            copy.votes = 0;
            created.push(copy.id.0);
            cards.push(Arc::new(copy));
        }
    }
    map.cards = cards;
    Ok(())
}

/// The ids among `created` that are cards on `map`, in map order.
pub fn created_cards(map: &Map, created: &[u64]) -> Vec<CardId> {
    let created: std::collections::HashSet<u64> = created.iter().copied().collect();
    map.cards
        .iter()
        .filter(|c| created.contains(&c.id.0))
        .map(|c| c.id)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edit::Command;
    use crate::interchange::clipboard::read;

    #[test]
    fn names_are_found_or_made_and_every_id_is_fresh() {
        let mut map = Map::blank();
        // A stale counter, as a hand-edited file may carry.
        map.next_id = 1;
        let text = "stage\tlane\ttitle\tpersonas\n\
                    awareness\tTouchpoints\tAd\tMaya\n\
                    Loyalty club\tActions\tJoin\tMaya; Ben\n";
        let cards = read(text).unwrap();
        let before = map.clone();
        let command = Command::PasteCards {
            cards,
            cell: None,
            stage: None,
            lane: None,
        };
        let created = command.apply(&mut map).unwrap();
        // The existing Awareness stage is found ignoring case; one stage
        // and two personas are made; both cards are new.
        assert_eq!(map.stages.len(), before.stages.len() + 1);
        assert_eq!(map.personas.len(), 2);
        assert_eq!(created_cards(&map, &created).len(), 2);
        let old_max = before.stages.iter().map(|s| s.id.0).max().unwrap();
        assert!(created.iter().all(|id| *id > old_max), "{created:?}");
        let ad = map.cards.iter().find(|c| c.title == "Ad").unwrap();
        assert_eq!(ad.stage, before.stages[0].id);
    }

    #[test]
    fn a_picked_stage_takes_every_card_and_no_cell_is_an_error() {
        let mut map = Map::blank();
        let cards = read("stage\ttitle\nAwareness\tA\n\tB\n").unwrap();
        let target = map.stages[3].id;
        let lane = map.lanes[0].id;
        let command = Command::PasteCards {
            cards: cards.clone(),
            cell: Some((target, lane)),
            stage: Some(target),
            lane: None,
        };
        command.apply(&mut map).unwrap();
        assert!(map.cards.iter().all(|c| c.stage == target));
        let before = map.clone();
        let command = Command::PasteCards {
            cards,
            cell: None,
            stage: None,
            lane: None,
        };
        assert!(command.apply(&mut map).is_err());
        assert_eq!(map, before, "nothing is half pasted");
    }

    #[test]
    fn duplicates_sit_right_after_their_originals() {
        let mut map = Map::blank();
        let (stage, lane) = (map.stages[0].id, map.lanes[0].id);
        for title in ["A", "B", "C"] {
            let id = map.new_card_id();
            let card = crate::model::Card::new(id, stage, lane, title);
            map.cards.push(Arc::new(card));
        }
        let ids = vec![map.cards[0].id, map.cards[2].id];
        let created = Command::DuplicateCards(ids).apply(&mut map).unwrap();
        let titles: Vec<&str> = map.cards.iter().map(|c| c.title.as_str()).collect();
        assert_eq!(titles, ["A", "A", "B", "C", "C"]);
        assert_eq!(created, vec![map.cards[1].id.0, map.cards[4].id.0]);
        let unique: std::collections::HashSet<_> = map.cards.iter().map(|c| c.id).collect();
        assert_eq!(unique.len(), 5, "fresh ids");
        let gone = Command::DuplicateCards(vec![CardId(999)]);
        assert!(gone.apply(&mut map).is_err());
    }
}
