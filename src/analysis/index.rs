//! The facts every rule needs, gathered in one pass over the cards.
//!
//! Rules read this index instead of walking the map themselves, so the
//! whole analysis stays linear in the number of cards.

use super::types::{Finding, Part, Place, PlaceNames, Rule, StageSummary};
use super::{is_touchpoint_lane, words};
use crate::model::{
    Card, Channel, IdMap, LaneId, LaneKind, Map, PersonaId, Stage, StageId, StageRole,
};

/// The most distinct channels one stage keeps track of; real stages have a
/// handful.
const MAX_CHANNELS: usize = 64;

/// The most parts an aggregated finding lists; its message still counts
/// them all. Keeps a finding's size bounded whatever the map holds.
pub(crate) const MAX_PARTS: usize = 100;

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
    /// The touchpoints' known channels, each once, in first-seen order,
    /// with how many touchpoints use each. Unknown channels are left out:
    /// an import that knows no channel must not make a channel rule speak.
    pub channels: Vec<(&'a Channel, usize)>,
    /// Its emotion: its own, or its cards' average.
    pub emotion: Option<f32>,
    /// Its pain-point cards, in map order.
    pub pains: Vec<&'a Card>,
    /// How many opportunity cards it has.
    pub opportunities: usize,
    /// Whether a touchpoint here applies to every persona (its persona
    /// list is empty).
    pub for_everyone: bool,
    /// The card with the lowest emotion (the first of equals, in map
    /// order), with its score.
    pub low: Option<(&'a Card, i8)>,
    /// Whether every card at the lowest score is assumed, not observed or
    /// measured.
    pub low_assumed: bool,
}

impl StageFacts<'_> {
    /// Whether a support or follow-up touchpoint that does not itself feel
    /// bad is here. Read lazily: only stages after a drop ask, so titles
    /// are not scanned on every edit.
    pub fn has_support(&self) -> bool {
        self.touchpoints
            .iter()
            .any(|c| !feels_bad(c) && words::card_traits(c).support)
    }

    /// Whether a reassurance touchpoint that does not itself feel bad is
    /// here.
    pub fn has_reassurance(&self) -> bool {
        self.touchpoints
            .iter()
            .any(|c| !feels_bad(c) && words::card_traits(c).reassurance)
    }

    /// Whether a touchpoint here hands the customer over to the next step
    /// (an email, a follow-up, a link, a booking) without feeling bad.
    pub fn has_handover(&self) -> bool {
        self.touchpoints
            .iter()
            .any(|c| !feels_bad(c) && words::card_traits(c).handover)
    }

    /// Whether a known channel is used by a touchpoint here.
    pub fn uses(&self, channel: &Channel) -> bool {
        self.channels.iter().any(|(c, _)| *c == channel)
    }
}

/// Whether a card's own emotion is negative. Such a touchpoint is a cause,
/// not a cure: a support line where the customer waits forty minutes does
/// not answer a drop, and a badly felt review page does not reassure.
pub(crate) fn feels_bad(card: &Card) -> bool {
    card.emotion.as_ref().is_some_and(|e| e.score.value() < 0)
}

/// The map, indexed for the rules.
pub(crate) struct Index<'a> {
    /// The map.
    pub map: &'a Map,
    /// One entry per stage, left to right.
    pub stages: Vec<StageFacts<'a>>,
    /// Whether the map has a touchpoint lane at all; suggestions differ.
    pub has_touchpoint_lane: bool,
    /// For each persona (by position), the positions of the stages where a
    /// touchpoint names them, sorted, each once.
    pub persona_stages: Vec<Vec<usize>>,
    /// Stage position by id.
    stage_pos: IdMap<StageId, usize>,
    /// Lane position by id.
    lane_pos: IdMap<LaneId, usize>,
}

impl<'a> Index<'a> {
    /// Indexes a map in one pass over its cards. Cards whose stage or lane
    /// does not exist are skipped rather than trusted.
    pub fn build(map: &'a Map) -> Self {
        let stage_pos: IdMap<StageId, usize> = map
            .stages
            .iter()
            .enumerate()
            .map(|(i, s)| (s.id, i))
            .collect();
        let lane_pos: IdMap<LaneId, usize> = map
            .lanes
            .iter()
            .enumerate()
            .map(|(i, l)| (l.id, i))
            .collect();
        let persona_pos: IdMap<PersonaId, usize> = map
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
                for_everyone: false,
                low: None,
                low_assumed: false,
            })
            .collect();
        let mut emotion_sums = vec![(0i32, 0i32); stages.len()];
        let mut persona_stages = vec![Vec::new(); map.personas.len()];

        for card in &map.cards {
            let (Some(&si), Some(kind)) = (
                stage_pos.get(&card.stage),
                lane_pos.get(&card.lane).map(|&li| &map.lanes[li].kind),
            ) else {
                continue;
            };
            let facts = &mut stages[si];
            facts.cards += 1;
            if let Some(e) = &card.emotion {
                let score = e.score.value();
                emotion_sums[si].0 += i32::from(score);
                emotion_sums[si].1 += 1;
                let assumed = !card.evidence.is_evidence();
                match facts.low {
                    Some((_, low)) if score > low => {}
                    Some((_, low)) if score == low => facts.low_assumed &= assumed,
                    _ => {
                        facts.low = Some((card, score));
                        facts.low_assumed = assumed;
                    }
                }
            }
            match kind {
                LaneKind::PainPoints => facts.pains.push(card),
                LaneKind::Opportunities => facts.opportunities += 1,
                k if is_touchpoint_lane(k) => {
                    facts.touchpoints.push(card);
                    // Stages have a handful of channels: a linear search
                    // beats hashing here. A hostile map with thousands of
                    // channels in one stage costs channels x touchpoints
                    // there, bounded by the stage's own size squared; a cap
                    // keeps even that linear.
                    if card.channel.is_known() {
                        let full = facts.channels.len() >= MAX_CHANNELS;
                        match facts.channels.iter_mut().find(|(c, _)| *c == &card.channel) {
                            Some((_, n)) => *n += 1,
                            None if !full => facts.channels.push((&card.channel, 1)),
                            None => {}
                        }
                    }
                    if card.personas.is_empty() {
                        facts.for_everyone = true;
                    } else {
                        for p in &card.personas {
                            if let Some(&pi) = persona_pos.get(p) {
                                persona_stages[pi].push(si);
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
        // Cards come in map order, not stage order: sort once per persona.
        for list in &mut persona_stages {
            list.sort_unstable();
            list.dedup();
        }
        let has_touchpoint_lane = map.lanes.iter().any(|l| is_touchpoint_lane(&l.kind));
        Self {
            map,
            stages,
            has_touchpoint_lane,
            persona_stages,
            stage_pos,
            lane_pos,
        }
    }

    /// A sort key: findings about the whole map or a persona first, then
    /// those of each stage, left to right, with a boundary right after the
    /// stage it starts at.
    pub fn place_order(&self, place: &Place) -> usize {
        let first = match *place {
            Place::Map | Place::Persona(_) => return 0,
            Place::Stage(s) | Place::Stages(s, _) | Place::Card { stage: s, .. } => s,
        };
        let pos = self
            .stage_pos
            .get(&first)
            .copied()
            .unwrap_or(usize::MAX / 4);
        1 + pos * 2 + usize::from(matches!(place, Place::Stages(..)))
    }

    /// The name of a stage by id, if it exists.
    pub fn stage_name(&self, id: StageId) -> Option<&'a str> {
        let si = *self.stage_pos.get(&id)?;
        Some(self.stages[si].stage.name.as_str())
    }

    /// A card as a part of an aggregated finding: its place, and its title
    /// with its stage's name.
    pub fn card_part(&self, card: &Card) -> Part {
        let stage = self.stage_name(card.stage).unwrap_or("?");
        Part {
            place: Place::Card {
                card: card.id,
                stage: card.stage,
                lane: card.lane,
            },
            name: format!("{} ({stage})", quoted(&card.title)),
        }
    }

    /// A finding about the whole map, listing its parts (at most
    /// [`MAX_PARTS`] of them).
    pub fn map_finding(
        &self,
        rule: Rule,
        mut parts: Vec<Part>,
        message: String,
        suggestion: String,
    ) -> Finding {
        parts.truncate(MAX_PARTS);
        Finding {
            rule,
            severity: rule.severity(),
            place: Place::Map,
            names: PlaceNames::default(),
            channel: None,
            parts,
            message,
            suggestion,
        }
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
                volumes: vec![volume_of(stage)],
                ..PlaceNames::default()
            },
            channel: None,
            parts: Vec::new(),
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
                volumes: vec![volume_of(a), volume_of(b)],
                ..PlaceNames::default()
            },
            channel: None,
            parts: Vec::new(),
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
        let lane = self.lane_pos.get(&card.lane).map(|&li| &self.map.lanes[li]);
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
                volumes: stage.map(volume_of).into_iter().collect(),
            },
            channel: None,
            parts: Vec::new(),
            message,
            suggestion,
        }
    }

    /// A finding about a persona (by position) across stages (by
    /// position, at most [`MAX_PARTS`] listed).
    pub fn persona_finding(
        &self,
        rule: Rule,
        pi: usize,
        stages: &[usize],
        message: String,
        suggestion: String,
    ) -> Finding {
        let persona = &self.map.personas[pi];
        let parts = stages
            .iter()
            .take(MAX_PARTS)
            .map(|&si| {
                let stage = self.stages[si].stage;
                Part {
                    place: Place::Stage(stage.id),
                    name: quoted(&stage.name),
                }
            })
            .collect();
        Finding {
            rule,
            severity: rule.severity(),
            place: Place::Persona(persona.id),
            names: PlaceNames {
                persona: Some(persona.name.clone()),
                ..PlaceNames::default()
            },
            channel: None,
            parts,
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
                channels: f.channels.iter().map(|(c, _)| (*c).clone()).collect(),
                emotion: f.emotion,
            })
            .collect()
    }
}

/// A stage's volume and period, for the finding's names.
fn volume_of(stage: &Stage) -> Option<(u64, String)> {
    stage.volume.map(|v| (v, stage.period.clone()))
}

/// A stage name in quotes, as messages show it.
pub(crate) fn quoted(name: &str) -> String {
    format!("\"{name}\"")
}

/// How many names an aggregated finding's message spells out before it
/// says "and N more".
const NAMES_IN_MESSAGE: usize = 4;

/// Up to [`NAMES_IN_MESSAGE`] names joined with commas, then "and N more"
/// when `total` is larger: `"A", "B", "C" and 9 more`.
pub(crate) fn name_list<'n>(names: impl IntoIterator<Item = &'n str>, total: usize) -> String {
    let shown: Vec<&str> = names.into_iter().take(NAMES_IN_MESSAGE).collect();
    let mut text = shown.join(", ");
    if total > shown.len() {
        text.push_str(&format!(" and {} more", total - shown.len()));
    }
    text
}
