//! The emotion row's layout: each stage's value, label and band, the
//! low-point marks, the per-persona curves, and the evidence count shown in
//! the header (gathered in the same pass over the cards).

use std::collections::HashMap;

use egui::emath::{Pos2, Rect, pos2};

use super::{StageBox, emotion_y};
use crate::model::{CardId, Map, PersonaId, StageId};

/// A point of the emotion curve: a stage's value, and the range of its
/// cards' emotions around it.
#[derive(Clone, Debug, PartialEq)]
pub struct EmotionPoint {
    /// The stage.
    pub stage: StageId,
    /// The stage's value, -2..=2: its own emotion where set, otherwise the
    /// mean of its cards' (which may fall between whole numbers).
    pub score: f32,
    /// Where the point is drawn.
    pub pos: Pos2,
    /// The label under the point. Its word and its number come from the
    /// same source: the stage's own emotion ("relieved +1"), or the mean of
    /// its cards ("mean of 5 cards +0.2"), never one card's word beside
    /// another value.
    pub label: String,
    /// The range of the stage's card emotions, if any card has one.
    pub band: Option<EmotionBand>,
}

/// The range of one stage's card emotions, drawn as a vertical band.
#[derive(Clone, Debug, PartialEq)]
pub struct EmotionBand {
    /// The lowest card score.
    pub low: f32,
    /// The highest card score.
    pub high: f32,
    /// Where the band is drawn: from the highest score at the top to the
    /// lowest at the bottom.
    pub rect: Rect,
}

/// The lowest card of a stage, marked on the curve with its face. The
/// canvas makes it clickable: a click selects [`LowPoint::card`].
#[derive(Clone, Debug, PartialEq)]
pub struct LowPoint {
    /// The stage.
    pub stage: StageId,
    /// The card with the lowest emotion in the stage (the first of equals,
    /// in map order).
    pub card: CardId,
    /// Its score.
    pub score: i8,
    /// The label beside the face, from the card alone: "annoyed -2".
    pub label: String,
    /// The face's centre.
    pub pos: Pos2,
    /// The face's radius, in map units: what a click must hit.
    pub radius: f32,
}

/// One persona's emotion curve: at each stage, the mean of the emotions
/// of the cards that apply to the persona (cards tagged with them, and
/// untagged cards, which apply to everyone). Stages where no such card has
/// an emotion have no point.
#[derive(Clone, Debug, PartialEq)]
pub struct PersonaCurve {
    /// The persona.
    pub persona: PersonaId,
    /// The persona's position in [`Map::personas`], which picks its colour.
    pub index: usize,
    /// The points, left to right: stage, value and position.
    pub points: Vec<(StageId, f32, Pos2)>,
}

/// How much of the map rests on evidence: shown in the map's header as
/// "14 of 35 cards observed or measured".
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct EvidenceCount {
    /// Cards whose evidence is observed or measured.
    pub backed: usize,
    /// Every card of the map (cards in missing stages included: they are
    /// still claims someone made).
    pub total: usize,
}

impl EvidenceCount {
    /// The header's text: "14 of 35 cards observed or measured".
    pub fn text(&self) -> String {
        let noun = if self.total == 1 { "card" } else { "cards" };
        format!(
            "{} of {} {noun} observed or measured",
            self.backed, self.total
        )
    }
}

/// The most personas that get a curve (and a legend toggle). A legend of
/// thousands of toggles helps nobody, and each curve costs a point per
/// stage: the cap keeps the layout linear in the map's size.
pub const MAX_PERSONA_CURVES: usize = 12;

/// The radius of a low-point face, in map units.
pub const LOW_FACE_RADIUS: f32 = 10.0;

/// Everything the emotion row shows, computed in one pass over the cards.
pub(super) struct Curves {
    pub(super) points: Vec<EmotionPoint>,
    pub(super) lows: Vec<LowPoint>,
    pub(super) personas: Vec<PersonaCurve>,
    pub(super) evidence: EvidenceCount,
}

/// Per-stage running totals of card emotions.
#[derive(Clone, Copy, Default)]
struct Tally {
    sum: i32,
    n: i32,
    low: Option<(usize, i8)>,
    high: i8,
}

impl Tally {
    fn add(&mut self, card: usize, score: i8) {
        self.sum += i32::from(score);
        self.n += 1;
        match self.low {
            Some((_, low)) if score >= low => {}
            _ => self.low = Some((card, score)),
        }
        self.high = if self.n == 1 {
            score
        } else {
            self.high.max(score)
        };
    }

    fn mean(&self) -> Option<f32> {
        (self.n > 0).then(|| self.sum as f32 / self.n as f32)
    }
}

/// The stage values, bands, low points, persona curves and evidence count.
/// Linear: one pass over the cards, then one over the stages per persona
/// curve, of which there are at most [`MAX_PERSONA_CURVES`].
pub(super) fn emotion_curves(map: &Map, stages: &[StageBox], row: Rect) -> Curves {
    let stage_index: HashMap<StageId, usize> =
        stages.iter().enumerate().map(|(i, s)| (s.id, i)).collect();
    let persona_index: HashMap<PersonaId, usize> = map
        .personas
        .iter()
        .take(MAX_PERSONA_CURVES)
        .enumerate()
        .map(|(i, p)| (p.id, i))
        .collect();
    let n_curves = persona_index.len();
    let mut all = vec![Tally::default(); stages.len()];
    // Untagged cards apply to every persona: counted once, in `everyone`.
    let mut everyone = vec![Tally::default(); stages.len()];
    let mut tagged = vec![vec![Tally::default(); stages.len()]; n_curves];
    let mut evidence = EvidenceCount::default();
    for (ci, card) in map.cards.iter().enumerate() {
        evidence.total += 1;
        evidence.backed += usize::from(card.evidence.is_evidence());
        let (Some(&si), Some(e)) = (stage_index.get(&card.stage), &card.emotion) else {
            continue;
        };
        let score = e.score.value();
        all[si].add(ci, score);
        if card.personas.is_empty() {
            everyone[si].add(ci, score);
        }
        for p in &card.personas {
            if let Some(&pi) = persona_index.get(p) {
                tagged[pi][si].add(ci, score);
            }
        }
    }

    let mut points = Vec::new();
    let mut lows = Vec::new();
    for ((sb, stage), tally) in stages.iter().zip(&map.stages).zip(&all) {
        let x = sb.header.center().x;
        if let Some((ci, low)) = tally.low {
            let card = &map.cards[ci];
            let word = card.emotion.as_ref().map_or("", |e| e.word.as_str());
            lows.push(LowPoint {
                stage: sb.id,
                card: card.id,
                score: low,
                label: word_and_score(word, f32::from(low)),
                pos: pos2(x, emotion_y(row, f32::from(low))),
                radius: LOW_FACE_RADIUS,
            });
        }
        let band = tally.low.map(|(_, low)| {
            let (low, high) = (f32::from(low), f32::from(tally.high));
            EmotionBand {
                low,
                high,
                rect: Rect::from_x_y_ranges(
                    x - BAND_HALF_WIDTH..=x + BAND_HALF_WIDTH,
                    emotion_y(row, high)..=emotion_y(row, low),
                ),
            }
        });
        let (score, label) = match (&stage.emotion, tally.mean()) {
            (Some(own), _) => {
                let score = f32::from(own.score.value());
                (score, word_and_score(&own.word, score))
            }
            (None, Some(mean)) => {
                let cards = if tally.n == 1 { "card" } else { "cards" };
                (mean, format!("mean of {} {cards} {}", tally.n, show(mean)))
            }
            (None, None) => continue,
        };
        points.push(EmotionPoint {
            stage: sb.id,
            score,
            pos: pos2(x, emotion_y(row, score)),
            label,
            band,
        });
    }

    let personas = map
        .personas
        .iter()
        .take(n_curves)
        .enumerate()
        .map(|(pi, persona)| PersonaCurve {
            persona: persona.id,
            index: pi,
            points: stages
                .iter()
                .enumerate()
                .filter_map(|(si, sb)| {
                    let (a, b) = (everyone[si], tagged[pi][si]);
                    let n = a.n + b.n;
                    (n > 0).then(|| {
                        let score = (a.sum + b.sum) as f32 / n as f32;
                        (
                            sb.id,
                            score,
                            pos2(sb.header.center().x, emotion_y(row, score)),
                        )
                    })
                })
                .collect(),
        })
        .collect();

    Curves {
        points,
        lows,
        personas,
        evidence,
    }
}

/// Half the width of a stage's emotion band, in map units.
const BAND_HALF_WIDTH: f32 = 9.0;

/// A word and a score from one source: "annoyed -2", or "-2" with no word.
fn word_and_score(word: &str, score: f32) -> String {
    let word = word.trim();
    if word.is_empty() {
        show(score)
    } else {
        format!("{word} {}", show(score))
    }
}

/// A score as people read it: `+1.5`, `0`, `-2`.
fn show(score: f32) -> String {
    crate::analysis::emotion::show(score)
}
