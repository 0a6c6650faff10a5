//! Pasting cards that name their stage, lane and personas: the names are
//! looked up (and made when missing) the way CSV import does, and every
//! card gets a fresh id. Linear in the number of cards: each lands at the
//! end of its cell, so nothing is inserted in the middle of the list.

use std::sync::Arc;

use std::collections::HashMap;

use crate::interchange::clipboard::ClipCard;
use crate::interchange::limits::{MAX_LANES, MAX_PERSONAS, MAX_STAGES, too_many};
use crate::interchange::mermaid::lane_kind;
use crate::model::{CardId, Lane, LaneId, LaneKind, Map, Persona, PersonaId, Stage, StageId};

use super::EditError;
use super::apply::check_cell;

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
    let mut names = Names::new(map);
    for clip in cards {
        let (stage, lane) = match (&clip.stage, cell) {
            (Some(name), _) => {
                let stage = match forced_stage {
                    Some(id) => id,
                    None => names.stage(map, name, created)?,
                };
                let lane = match forced_lane {
                    Some(id) => id,
                    None => names.lane(map, &clip.lane, created)?,
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
            let id = names.persona(map, name, created)?;
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

/// The map's stages, lanes and personas by name, matched as CSV import
/// matches them (trimmed, ASCII case ignored; personas exactly first), so
/// each row finds its names in constant time.
struct Names {
    stages: HashMap<String, StageId>,
    lanes: HashMap<String, LaneId>,
    lane_kinds: HashMap<LaneKind, LaneId>,
    personas: HashMap<String, PersonaId>,
    personas_folded: HashMap<String, PersonaId>,
}

fn folded(name: &str) -> String {
    name.trim().to_ascii_lowercase()
}

impl Names {
    fn new(map: &Map) -> Self {
        let mut names = Names {
            stages: HashMap::new(),
            lanes: HashMap::new(),
            lane_kinds: HashMap::new(),
            personas: HashMap::new(),
            personas_folded: HashMap::new(),
        };
        for stage in &map.stages {
            names.stages.entry(folded(&stage.name)).or_insert(stage.id);
        }
        for lane in &map.lanes {
            names.lanes.entry(folded(&lane.name)).or_insert(lane.id);
            names.lane_kinds.entry(lane.kind.clone()).or_insert(lane.id);
        }
        for p in &map.personas {
            names
                .personas
                .entry(p.name.trim().to_owned())
                .or_insert(p.id);
            names.personas_folded.entry(folded(&p.name)).or_insert(p.id);
        }
        names
    }

    /// The stage of this name, added at the end if missing.
    fn stage(
        &mut self,
        map: &mut Map,
        name: &str,
        created: &mut Vec<u64>,
    ) -> Result<StageId, EditError> {
        let key = folded(name);
        if let Some(&id) = self.stages.get(&key) {
            return Ok(id);
        }
        if map.stages.len() >= MAX_STAGES {
            return Err(EditError(too_many("stages", MAX_STAGES)));
        }
        let id = map.new_stage_id();
        map.stages.push(Stage::new(id, name.trim()));
        self.stages.insert(key, id);
        created.push(id.0);
        Ok(id)
    }

    /// The lane of this name, or of the built-in kind it names, added at
    /// the end if missing. An empty name means Touchpoints.
    fn lane(
        &mut self,
        map: &mut Map,
        name: &str,
        created: &mut Vec<u64>,
    ) -> Result<LaneId, EditError> {
        let name = if name.trim().is_empty() {
            LaneKind::Touchpoints.label()
        } else {
            name.trim()
        };
        let key = folded(name);
        if let Some(&id) = self.lanes.get(&key) {
            return Ok(id);
        }
        let kind = lane_kind(name);
        if !matches!(kind, LaneKind::Custom(_))
            && let Some(&id) = self.lane_kinds.get(&kind)
        {
            return Ok(id);
        }
        if map.lanes.len() >= MAX_LANES {
            return Err(EditError(too_many("lanes", MAX_LANES)));
        }
        let id = map.new_lane_id();
        let mut lane = Lane::new(id, kind.clone());
        lane.name = name.to_owned();
        map.lanes.push(lane);
        self.lanes.insert(key, id);
        self.lane_kinds.entry(kind).or_insert(id);
        created.push(id.0);
        Ok(id)
    }

    /// The persona of this name (exactly, else ignoring case), made if
    /// missing.
    fn persona(
        &mut self,
        map: &mut Map,
        name: &str,
        created: &mut Vec<u64>,
    ) -> Result<PersonaId, EditError> {
        let name = name.trim();
        if let Some(&id) = self.personas.get(name) {
            return Ok(id);
        }
        let key = folded(name);
        if let Some(&id) = self.personas_folded.get(&key) {
            return Ok(id);
        }
        if map.personas.len() >= MAX_PERSONAS {
            return Err(EditError(too_many("personas", MAX_PERSONAS)));
        }
        let id = map.new_persona_id();
        map.personas.push(Persona {
            id,
            name: name.to_owned(),
            description: String::new(),
        });
        self.personas.insert(name.to_owned(), id);
        self.personas_folded.insert(key, id);
        created.push(id.0);
        Ok(id)
    }
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
