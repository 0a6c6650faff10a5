//! Stages, lanes and personas found by name, or added when missing: how a
//! CSV import and a paste of cards (from CSV or plain text) match names,
//! in constant time per lookup.
//!
//! - Stages and lanes match trimmed, ignoring ASCII case; the first of a
//!   name wins. A lane also matches by the built-in kind its name names
//!   ("pain points" finds a lane of kind Pain points), and an empty lane
//!   name means Touchpoints.
//! - Personas match trimmed exactly first, then ignoring case.
//! - Nothing is added past the [`super::limits`].
//! - Names are taken as given, so callers trim them (a CSV cell keeps the
//!   leading tab its `'` protected).

use std::collections::HashMap;

use crate::interchange::limits::{MAX_LANES, MAX_PERSONAS, MAX_STAGES};
use crate::interchange::mermaid::lane_kind;
use crate::model::{Lane, LaneId, LaneKind, Map, Persona, PersonaId, Stage, StageId};

/// A name found on the map, or just added to it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Found<T> {
    /// The item's id.
    pub id: T,
    /// Whether the item was added for this name.
    pub added: bool,
}

impl<T> Found<T> {
    fn old(id: T) -> Option<Self> {
        Some(Self { id, added: false })
    }

    fn new(id: T) -> Option<Self> {
        Some(Self { id, added: true })
    }
}

/// The map's stages, lanes and personas by name.
#[derive(Debug, Default)]
pub struct NameIndex {
    stages: HashMap<String, StageId>,
    lanes: HashMap<String, LaneId>,
    /// The first lane of each kind.
    lane_kinds: HashMap<LaneKind, LaneId>,
    personas: HashMap<String, PersonaId>,
    personas_folded: HashMap<String, PersonaId>,
}

/// The key names are matched by: trimmed, ASCII letters in lower case.
fn folded(name: &str) -> String {
    name.trim().to_ascii_lowercase()
}

impl NameIndex {
    /// Indexes the map's names.
    pub fn new(map: &Map) -> Self {
        let mut names = Self::default();
        for stage in &map.stages {
            names.stages.entry(folded(&stage.name)).or_insert(stage.id);
        }
        for lane in &map.lanes {
            names.lanes.entry(folded(&lane.name)).or_insert(lane.id);
            names.lane_kinds.entry(lane.kind.clone()).or_insert(lane.id);
        }
        for p in &map.personas {
            let name = p.name.trim();
            names.personas.entry(name.to_owned()).or_insert(p.id);
            names.personas_folded.entry(folded(name)).or_insert(p.id);
        }
        names
    }

    /// The stage of this name, added at the end if missing; `None` when
    /// that would pass [`MAX_STAGES`].
    pub fn stage(&mut self, map: &mut Map, name: &str) -> Option<Found<StageId>> {
        let key = folded(name);
        if let Some(&id) = self.stages.get(&key) {
            return Found::old(id);
        }
        if map.stages.len() >= MAX_STAGES {
            return None;
        }
        let id = map.new_stage_id();
        map.stages.push(Stage::new(id, name));
        self.stages.insert(key, id);
        Found::new(id)
    }

    /// The lane of this name, or of the built-in kind it names, added at
    /// the end if missing; an empty name means Touchpoints. `None` when a
    /// new lane would pass [`MAX_LANES`].
    pub fn lane(&mut self, map: &mut Map, name: &str) -> Option<Found<LaneId>> {
        let name = if name.is_empty() {
            LaneKind::Touchpoints.label()
        } else {
            name
        };
        let key = folded(name);
        if let Some(&id) = self.lanes.get(&key) {
            return Found::old(id);
        }
        let kind = lane_kind(name);
        if !matches!(kind, LaneKind::Custom(_))
            && let Some(&id) = self.lane_kinds.get(&kind)
        {
            return Found::old(id);
        }
        if map.lanes.len() >= MAX_LANES {
            return None;
        }
        let id = map.new_lane_id();
        let mut lane = Lane::new(id, kind.clone());
        lane.name = name.to_owned();
        map.lanes.push(lane);
        self.lanes.insert(key, id);
        self.lane_kinds.entry(kind).or_insert(id);
        Found::new(id)
    }

    /// The persona of this name (exactly, else ignoring case), added if
    /// missing; `None` when that would pass [`MAX_PERSONAS`].
    pub fn persona(&mut self, map: &mut Map, name: &str) -> Option<Found<PersonaId>> {
        if let Some(&id) = self.personas.get(name) {
            return Found::old(id);
        }
        let key = folded(name);
        if let Some(&id) = self.personas_folded.get(&key) {
            return Found::old(id);
        }
        if map.personas.len() >= MAX_PERSONAS {
            return None;
        }
        let id = map.new_persona_id();
        map.personas.push(Persona {
            id,
            name: name.to_owned(),
            description: String::new(),
        });
        self.personas.insert(name.to_owned(), id);
        self.personas_folded.insert(key, id);
        Found::new(id)
    }
}
