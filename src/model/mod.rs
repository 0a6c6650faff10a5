//! The journey-map document model. Pure data: no egui, no files.
//!
//! A [`Map`] stores order, never pixels: which stage and lane a card is in
//! and where it stands among the cards of that cell. Layout turns this into
//! rectangles.

mod card;
mod conflict;
mod emotion;
mod funnel;
#[cfg(feature = "testing")]
pub mod generated;
mod ids;
mod link;
mod palette;
mod persona;
mod stage;
mod validate;

use std::sync::Arc;

use serde::{Deserialize, Serialize};

pub use card::{Card, Channel, Evidence, Medium};
pub use conflict::{Conflict, MapHeader, MapState, Subject, Version};
pub use emotion::{Emotion, Score};
pub use funnel::{FunnelStep, format_count, format_share};
pub use ids::{CardId, IdMap, IdSet, LaneId, MAX_ID, PersonaId, StageId};
pub use link::Link;
pub use palette::STAGE_PALETTE;
pub use persona::{Dismissal, Persona};
pub use stage::{BlueprintLine, Lane, LaneKind, Stage, StageRole};
pub use validate::{Problem, ProblemPlace};

/// A customer-journey map: the document a user edits and saves.
///
/// Cards are shared (`Arc`) so that a history snapshot of a large map costs
/// a pointer per card, not a copy of every string.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Map {
    /// The map's title.
    pub title: String,
    /// What the map is about.
    #[serde(default)]
    pub description: String,
    /// Whose journeys these are.
    #[serde(default)]
    pub personas: Vec<Persona>,
    /// The stages, left to right.
    #[serde(default)]
    pub stages: Vec<Stage>,
    /// The lanes, top to bottom.
    #[serde(default)]
    pub lanes: Vec<Lane>,
    /// Every card. Within one cell, cards stand in this order.
    #[serde(default)]
    pub cards: Vec<Arc<Card>>,
    /// Analysis findings the team has dismissed.
    #[serde(default)]
    pub dismissals: Vec<Dismissal>,
    /// The next free id; every id on the map is below it.
    #[serde(default)]
    pub next_id: u64,
    /// Today's journey or the one the team builds toward. Left out of the
    /// file for the current state, so existing files keep their bytes.
    #[serde(default, skip_serializing_if = "MapState::is_current")]
    pub state: MapState,
    /// Merge conflicts not yet resolved; left out of the file when empty.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub conflicts: Vec<Conflict>,
    /// Arrows between cards (a frontstage card to the backstage card that
    /// serves it), each pair once; left out of the file when empty.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub links: Vec<Link>,
}

impl Default for Map {
    fn default() -> Self {
        Self::new("Untitled journey")
    }
}

impl Map {
    /// An empty map with a title.
    pub fn new(title: &str) -> Self {
        Self {
            title: title.to_owned(),
            description: String::new(),
            personas: Vec::new(),
            stages: Vec::new(),
            lanes: Vec::new(),
            cards: Vec::new(),
            dismissals: Vec::new(),
            next_id: 1,
            state: MapState::Current,
            conflicts: Vec::new(),
            links: Vec::new(),
        }
    }

    /// A new map with the usual six stages and five lanes, ready to fill in.
    pub fn blank() -> Self {
        let mut map = Self::new("Untitled journey");
        for role in StageRole::ALL {
            let id = map.new_stage_id();
            map.stages.push(Stage::new(id, role.label()));
        }
        for kind in LaneKind::BUILT_IN {
            let id = map.new_lane_id();
            map.lanes.push(Lane::new(id, kind));
        }
        map
    }

    /// Hands out a fresh id number: never one in use, never above
    /// [`MAX_ID`], and no arithmetic that can wrap.
    pub fn new_id(&mut self) -> u64 {
        let id = self.next_free_id();
        self.note_id_used(id);
        id
    }

    /// The id [`Map::new_id`] hands out next.
    fn next_free_id(&self) -> u64 {
        let next = self.next_id.max(1);
        if next <= MAX_ID {
            return next;
        }
        // The counter ran out (a file full of huge ids): take the smallest
        // free id instead. Only maps that were pushed there pay this search.
        let mut used: Vec<u64> = self.ids().collect();
        used.sort_unstable();
        used.dedup();
        let mut free = 1;
        for id in used {
            if id > free {
                break;
            }
            if id == free {
                free += 1;
            }
        }
        free.min(MAX_ID)
    }

    /// Keeps `next_id` above `id`, which is now in use.
    pub fn note_id_used(&mut self, id: u64) {
        self.next_id = self.next_id.max(id.saturating_add(1)).min(MAX_ID + 1);
    }

    /// Every id on the map: stages, lanes, cards and personas.
    pub fn ids(&self) -> impl Iterator<Item = u64> + '_ {
        (self.stages.iter().map(|s| s.id.0))
            .chain(self.lanes.iter().map(|l| l.id.0))
            .chain(self.cards.iter().map(|c| c.id.0))
            .chain(self.personas.iter().map(|p| p.id.0))
    }

    /// A fresh stage id.
    pub fn new_stage_id(&mut self) -> StageId {
        StageId(self.new_id())
    }

    /// A fresh lane id.
    pub fn new_lane_id(&mut self) -> LaneId {
        LaneId(self.new_id())
    }

    /// A fresh card id.
    pub fn new_card_id(&mut self) -> CardId {
        CardId(self.new_id())
    }

    /// A fresh persona id.
    pub fn new_persona_id(&mut self) -> PersonaId {
        PersonaId(self.new_id())
    }

    /// The map's own fields: title, description and state.
    pub fn header(&self) -> MapHeader {
        MapHeader {
            title: self.title.clone(),
            description: self.description.clone(),
            state: self.state,
        }
    }

    /// Makes `next_id` larger than every id in use. Files edited by hand may
    /// carry a stale counter (or a huge one); this keeps new ids unique and
    /// at most [`MAX_ID`] anyway.
    pub fn repair_next_id(&mut self) {
        let max = self.ids().max().unwrap_or(0);
        self.next_id = self.next_id.min(MAX_ID + 1);
        self.note_id_used(max);
    }

    /// The stage with this id.
    pub fn stage(&self, id: StageId) -> Option<&Stage> {
        self.stages.iter().find(|s| s.id == id)
    }

    /// The position of a stage, left to right.
    pub fn stage_index(&self, id: StageId) -> Option<usize> {
        self.stages.iter().position(|s| s.id == id)
    }

    /// The lane with this id.
    pub fn lane(&self, id: LaneId) -> Option<&Lane> {
        self.lanes.iter().find(|l| l.id == id)
    }

    /// The position of a lane, top to bottom.
    pub fn lane_index(&self, id: LaneId) -> Option<usize> {
        self.lanes.iter().position(|l| l.id == id)
    }

    /// The card with this id.
    pub fn card(&self, id: CardId) -> Option<&Card> {
        self.cards.iter().find(|c| c.id == id).map(|c| &**c)
    }

    /// The index of a card in [`Map::cards`].
    pub fn card_index(&self, id: CardId) -> Option<usize> {
        self.cards.iter().position(|c| c.id == id)
    }

    /// The persona with this id.
    pub fn persona(&self, id: PersonaId) -> Option<&Persona> {
        self.personas.iter().find(|p| p.id == id)
    }

    /// The cards of one cell, in their order.
    pub fn cell_cards(&self, stage: StageId, lane: LaneId) -> impl Iterator<Item = &Card> {
        self.cards
            .iter()
            .filter(move |c| c.stage == stage && c.lane == lane)
            .map(|c| &**c)
    }

    /// The cards of one stage, in every lane.
    pub fn stage_cards(&self, stage: StageId) -> impl Iterator<Item = &Card> {
        self.cards
            .iter()
            .filter(move |c| c.stage == stage)
            .map(|c| &**c)
    }

    /// A stage's emotion as a number from -2 to +2: its own, or else the
    /// average of its cards' emotions. `None` when nothing carries one.
    pub fn stage_emotion(&self, stage: &Stage) -> Option<f32> {
        if let Some(e) = &stage.emotion {
            return Some(e.score.value() as f32);
        }
        let (sum, n) = self
            .stage_cards(stage.id)
            .filter_map(|c| c.emotion.as_ref())
            .fold((0i32, 0i32), |(s, n), e| {
                (s + e.score.value() as i32, n + 1)
            });
        (n > 0).then(|| sum as f32 / n as f32)
    }

    /// Every stage's emotion, computed in one pass over the cards.
    pub fn stage_emotions(&self) -> Vec<Option<f32>> {
        let mut sums: std::collections::HashMap<StageId, (i32, i32)> = Default::default();
        for card in &self.cards {
            if let Some(e) = &card.emotion {
                let entry = sums.entry(card.stage).or_default();
                entry.0 += e.score.value() as i32;
                entry.1 += 1;
            }
        }
        self.stages
            .iter()
            .map(|stage| match &stage.emotion {
                Some(e) => Some(e.score.value() as f32),
                None => sums.get(&stage.id).map(|&(sum, n)| sum as f32 / n as f32),
            })
            .collect()
    }

    /// Drops the links that start or end at a card no longer on the map.
    /// Linear: the cards' ids are gathered once.
    pub fn drop_dangling_links(&mut self) {
        if self.links.is_empty() {
            return;
        }
        let cards: IdSet<CardId> = self.cards.iter().map(|c| c.id).collect();
        self.links
            .retain(|l| cards.contains(&l.from) && cards.contains(&l.to));
    }

    /// Checks that every card points at an existing stage, lane and persona,
    /// and that ids are unique. Returns a plain-words description of the
    /// first problem found; [`Map::check`] also says where.
    pub fn validate(&self) -> Result<(), String> {
        self.check().map_err(|p| p.message)
    }
}
