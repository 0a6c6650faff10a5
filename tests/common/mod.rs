//! A small builder for maps in tests: each test states only what matters
//! to its rule, and everything else is complete (owner, metric, emotion),
//! so no other rule's finding gets in the way.

#![allow(dead_code)]

use std::sync::Arc;

use waymark::model::{
    Card, CardId, Channel, Emotion, Lane, LaneId, LaneKind, Map, Persona, PersonaId, Stage,
    StageId, StageRole,
};

/// A map under construction, with the four lanes tests use.
pub struct Builder {
    pub map: Map,
    pub touch: LaneId,
    pub thought: LaneId,
    pub pain: LaneId,
    pub opp: LaneId,
}

impl Builder {
    /// An empty map with touchpoint, thought, pain-point and opportunity lanes.
    pub fn new() -> Self {
        let mut map = Map::new("Test journey");
        let mut lane = |kind: LaneKind| {
            let id = map.new_lane_id();
            map.lanes.push(Lane::new(id, kind));
            id
        };
        let touch = lane(LaneKind::Touchpoints);
        let thought = lane(LaneKind::Thoughts);
        let pain = lane(LaneKind::PainPoints);
        let opp = lane(LaneKind::Opportunities);
        Self {
            map,
            touch,
            thought,
            pain,
            opp,
        }
    }

    /// Adds a stage.
    pub fn stage(&mut self, name: &str) -> StageId {
        let id = self.map.new_stage_id();
        self.map.stages.push(Stage::new(id, name));
        id
    }

    /// Adds a stage with an explicit role.
    pub fn stage_with_role(&mut self, name: &str, role: StageRole) -> StageId {
        let id = self.stage(name);
        if let Some(s) = self.map.stages.iter_mut().find(|s| s.id == id) {
            s.role = Some(role);
        }
        id
    }

    /// Adds a complete card: owner, metric and a neutral-positive emotion.
    pub fn card_in(
        &mut self,
        stage: StageId,
        lane: LaneId,
        title: &str,
        channel: Channel,
    ) -> CardId {
        let id = self.map.new_card_id();
        let mut card = Card::new(id, stage, lane, title);
        card.channel = channel;
        card.owner = "Team".into();
        card.metric = "Rate".into();
        card.emotion = Some(Emotion::new(1, "fine"));
        self.map.cards.push(Arc::new(card));
        id
    }

    /// Adds a complete touchpoint.
    pub fn touch(&mut self, stage: StageId, title: &str, channel: Channel) -> CardId {
        let lane = self.touch;
        self.card_in(stage, lane, title, channel)
    }

    /// Adds two touchpoints on two channels, so channel rules stay quiet.
    pub fn touches(&mut self, stage: StageId) {
        self.touch(stage, "Website page", Channel::Website);
        self.touch(stage, "Email", Channel::Email);
    }

    /// Changes a card.
    pub fn edit(&mut self, id: CardId, f: impl FnOnce(&mut Card)) {
        if let Some(card) = self.map.cards.iter_mut().find(|c| c.id == id) {
            f(Arc::make_mut(card));
        }
    }

    /// Sets every card's emotion in a stage.
    pub fn feel(&mut self, stage: StageId, score: i32) {
        for card in &mut self.map.cards {
            if card.stage == stage {
                Arc::make_mut(card).emotion = Some(Emotion::new(score, ""));
            }
        }
    }

    /// Adds a persona.
    pub fn persona(&mut self, name: &str) -> PersonaId {
        let id = self.map.new_persona_id();
        self.map.personas.push(Persona {
            id,
            name: name.into(),
            description: String::new(),
        });
        id
    }
}

/// A complete six-stage journey that triggers no rule at all: the base the
/// near-miss tests start from.
pub fn clean_journey() -> (Builder, Vec<StageId>) {
    let mut b = Builder::new();
    let stages: Vec<StageId> = [
        "Awareness",
        "Consideration",
        "Decision",
        "Purchase",
        "Retention",
        "Advocacy",
    ]
    .iter()
    .map(|n| b.stage(n))
    .collect();
    for &s in &stages {
        b.touches(s);
    }
    (b, stages)
}

/// Large generated maps, for export tests and benchmarks.
/// An egui_kittest renderer on the export's CPU rasteriser.
pub mod cpu_renderer;

/// Building and driving the real editor in egui_kittest.
pub mod app;

/// Cards and stages by name.
pub mod lookup;

/// Proptest strategies shared by the property tests.
pub mod strategies;

/// Plain HTTP requests, for the room server and chromedriver.
pub mod http;
