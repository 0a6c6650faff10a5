//! The facts every rule needs, gathered in one pass over the cards.
//!
//! Rules read this index instead of walking the map themselves, so the
//! whole analysis stays linear in the number of cards.

use std::collections::HashMap;

use super::types::{Finding, Place, PlaceNames, Rule, StageSummary};
use super::{is_touchpoint_lane, words};
use crate::model::{Card, Channel, LaneId, LaneKind, Map, PersonaId, Stage, StageId, StageRole};

/// What one stage holds.
pub(crate) struct StageFacts<'a> {
    /// The stage.
    pub stage: &'a Stage,
    /// Its role, explicit or recognised.
    pub role: Option<StageRole>,
    /// How many cards it has, in every lane.
    pub cards: usize,
    /// Its touchpoint cards, in map order.
    pub touchpoints: Vec<&'a Card>,
    /// The touchpoints' channels, each once, in first-seen order.
    pub channels: Vec<&'a Channel>,
    /// Its emotion: its own, or its cards' average.
    pub emotion: Option<f32>,
    /// Its pain-point cards, in map order.
    pub pains: Vec<&'a Card>,
    /// How many opportunity cards it has.
    pub opportunities: usize,
    /// For each persona of the map (by position), whether a touchpoint here
    /// applies to them.
    pub persona_covered: Vec<bool>,
}

impl StageFacts<'_> {
    /// Whether a support or follow-up touchpoint is here. Read lazily: only
    /// stages after a drop ask, so titles are not scanned on every edit.
    pub fn has_support(&self) -> bool {
        self.touchpoints
            .iter()
            .any(|c| words::card_traits(c).support)
    }

    /// Whether a reassurance touchpoint is here.
    pub fn has_reassurance(&self) -> bool {
        self.touchpoints
            .iter()
            .any(|c| words::card_traits(c).reassurance)
    }
}

/// The map, indexed for the rules.
pub(crate) struct Index<'a> {
    /// The map.
    pub map: &'a Map,
    /// One entry per stage, left to right.
    pub stages: Vec<StageFacts<'a>>,
    /// Whether the map has a touchpoint lane at all; suggestions differ.
    pub has_touchpoint_lane: bool,
    /// Stage position by id.
    stage_pos: HashMap<StageId, usize>,
}

impl<'a> Index<'a> {
    /// Indexes a map in one pass over its cards. Cards whose stage or lane
    /// does not exist are skipped rather than trusted.
    pub fn build(map: &'a Map) -> Self {
        let stage_pos: HashMap<StageId, usize> = map
            .stages
            .iter()
            .enumerate()
            .map(|(i, s)| (s.id, i))
            .collect();
        let lane_kind: HashMap<LaneId, &LaneKind> =
            map.lanes.iter().map(|l| (l.id, &l.kind)).collect();
        let persona_pos: HashMap<PersonaId, usize> = map
            .personas
            .iter()
            .enumerate()
            .map(|(i, p)| (p.id, i))
            .collect();
        let mut stages: Vec<StageFacts<'a>> = map
            .stages
            .iter()
            .map(|stage| StageFacts {
                stage,
                role: words::stage_role(stage),
                cards: 0,
                touchpoints: Vec::new(),
                channels: Vec::new(),
                emotion: None,
                pains: Vec::new(),
                opportunities: 0,
                persona_covered: vec![false; map.personas.len()],
            })
            .collect();
        let mut emotion_sums = vec![(0i32, 0i32); stages.len()];

        for card in &map.cards {
            let (Some(&si), Some(kind)) = (stage_pos.get(&card.stage), lane_kind.get(&card.lane))
            else {
                continue;
            };
            let facts = &mut stages[si];
            facts.cards += 1;
            if let Some(e) = &card.emotion {
                emotion_sums[si].0 += i32::from(e.score.value());
                emotion_sums[si].1 += 1;
            }
            match kind {
                LaneKind::PainPoints => facts.pains.push(card),
                LaneKind::Opportunities => facts.opportunities += 1,
                k if is_touchpoint_lane(k) => {
                    facts.touchpoints.push(card);
                    // Stages have a handful of channels: a linear search
                    // beats hashing here.
                    if !facts.channels.contains(&&card.channel) {
                        facts.channels.push(&card.channel);
                    }
                    if card.personas.is_empty() {
                        facts.persona_covered.fill(true);
                    } else {
                        for p in &card.personas {
                            if let Some(&pi) = persona_pos.get(p) {
                                facts.persona_covered[pi] = true;
                            }
                        }
                    }
                }
                _ => {}
            }
        }
        for (facts, (sum, n)) in stages.iter_mut().zip(emotion_sums) {
            facts.emotion = match &facts.stage.emotion {
                Some(e) => Some(f32::from(e.score.value())),
                None => (n > 0).then(|| sum as f32 / n as f32),
            };
        }
        let has_touchpoint_lane = map.lanes.iter().any(|l| is_touchpoint_lane(&l.kind));
        Self {
            map,
            stages,
            has_touchpoint_lane,
            stage_pos,
        }
    }

    /// A sort key that puts a place after the findings of the stage it
    /// starts at and a boundary between its two stages.
    pub fn place_order(&self, place: &Place) -> usize {
        let first = place.stages().first().copied();
        let pos = first
            .and_then(|s| self.stage_pos.get(&s).copied())
            .unwrap_or(usize::MAX / 2);
        pos * 2 + usize::from(matches!(place, Place::Stages(..)))
    }

    /// A finding at one stage.
    pub fn stage_finding(
        &self,
        rule: Rule,
        si: usize,
        message: String,
        suggestion: String,
    ) -> Finding {
        let stage = self.stages[si].stage;
        Finding {
            rule,
            severity: rule.severity(),
            place: Place::Stage(stage.id),
            names: PlaceNames {
                stages: vec![stage.name.clone()],
                ..PlaceNames::default()
            },
            channel: None,
            message,
            suggestion,
        }
    }

    /// A finding about two stages, given by position.
    pub fn pair_finding(
        &self,
        rule: Rule,
        (a, b): (usize, usize),
        message: String,
        suggestion: String,
    ) -> Finding {
        let (a, b) = (self.stages[a].stage, self.stages[b].stage);
        Finding {
            rule,
            severity: rule.severity(),
            place: Place::Stages(a.id, b.id),
            names: PlaceNames {
                stages: vec![a.name.clone(), b.name.clone()],
                ..PlaceNames::default()
            },
            channel: None,
            message,
            suggestion,
        }
    }

    /// A finding about one card.
    pub fn card_finding(
        &self,
        rule: Rule,
        card: &Card,
        message: String,
        suggestion: String,
    ) -> Finding {
        let stage = self
            .stage_pos
            .get(&card.stage)
            .map(|&si| self.stages[si].stage);
        let lane = self.map.lane(card.lane);
        Finding {
            rule,
            severity: rule.severity(),
            place: Place::Card {
                card: card.id,
                stage: card.stage,
                lane: card.lane,
            },
            names: PlaceNames {
                stages: stage.map(|s| s.name.clone()).into_iter().collect(),
                lane: lane.map(|l| l.name.clone()),
                card: Some(card.title.clone()),
                persona: None,
            },
            channel: None,
            message,
            suggestion,
        }
    }

    /// A finding about a persona (by position) at a stage (by position).
    pub fn persona_finding(
        &self,
        rule: Rule,
        (pi, si): (usize, usize),
        message: String,
        suggestion: String,
    ) -> Finding {
        let persona = &self.map.personas[pi];
        let stage = self.stages[si].stage;
        Finding {
            rule,
            severity: rule.severity(),
            place: Place::Persona {
                persona: persona.id,
                stage: stage.id,
            },
            names: PlaceNames {
                stages: vec![stage.name.clone()],
                persona: Some(persona.name.clone()),
                ..PlaceNames::default()
            },
            channel: None,
            message,
            suggestion,
        }
    }

    /// The per-stage summaries.
    pub fn summaries(&self) -> Vec<StageSummary> {
        self.stages
            .iter()
            .map(|f| StageSummary {
                stage: f.stage.id,
                name: f.stage.name.clone(),
                role: f.role,
                touchpoints: f.touchpoints.len(),
                channels: f.channels.iter().map(|c| (*c).clone()).collect(),
                emotion: f.emotion,
            })
            .collect()
    }
}

/// A stage name in quotes, as messages show it.
pub(crate) fn quoted(name: &str) -> String {
    format!("\"{name}\"")
}
