//! Emotion rules: is the emotional curve known, and are its low points
//! looked after.

use super::index::{Index, MAX_PARTS, name_list, quoted};
use super::types::{Finding, Rule, count_noun};
use crate::model::StageRole;

/// How far the emotion must fall between two stages to count as a drop, on
/// the -2..=2 scale: two steps, such as from "positive" to "negative".
pub const DROP_THRESHOLD: f32 = 2.0;

/// Averages are fractions; 0.6 - (-1.4) must still count as a drop of 2.
const EPSILON: f32 = 1e-4;

/// An emotion as people read it: `+1.5`, `0`, `-2`.
pub(crate) fn show(emotion: f32) -> String {
    let rounded = (emotion * 10.0).round() / 10.0;
    if rounded == 0.0 {
        "0".to_owned()
    } else if rounded.fract() == 0.0 {
        format!("{rounded:+.0}")
    } else {
        format!("{rounded:+.1}")
    }
}

/// `missing-emotion` (warning): a stage where neither the stage nor any of
/// its cards carries an emotion. A warning, not info: without it the
/// emotion curve has a hole and the drop and anxiety rules cannot see the
/// stage. A stage with no cards at all is left to `empty-stage`.
pub(crate) fn missing_emotion(index: &Index<'_>, out: &mut Vec<Finding>) {
    for (si, facts) in index.stages.iter().enumerate() {
        if facts.emotion.is_some() || facts.cards == 0 {
            continue;
        }
        let name = quoted(&facts.stage.name);
        out.push(index.stage_finding(
            Rule::MissingEmotion,
            si,
            format!("No card in {name}, nor the stage itself, says how the customer feels."),
            format!("Set an emotion on {name} or on one of its cards."),
        ));
    }
}

/// `emotion-drop` (warning): between two consecutive stages that both have
/// an emotion, the emotion falls by [`DROP_THRESHOLD`] or more, or goes
/// from positive (above 0) to negative (below 0), and the later stage has
/// no pain-point card, no opportunity card, and no support or follow-up
/// touchpoint that does not itself feel bad. Such a card shows the team
/// knows why the customer feels worse; without one, the drop is
/// unexplained. A support touchpoint with a negative emotion (the support
/// line where the customer waits forty minutes) is a cause, not a cure.
///
/// A stage without an emotion breaks the chain: the pair is skipped, and
/// `missing-emotion` reports the stage.
pub(crate) fn emotion_drop(index: &Index<'_>, out: &mut Vec<Finding>) {
    for (a, pair) in index.stages.windows(2).enumerate() {
        let [before, after] = pair else { continue };
        let (Some(e1), Some(e2)) = (before.emotion, after.emotion) else {
            continue;
        };
        let drop = e1 - e2;
        let big = drop >= DROP_THRESHOLD - EPSILON;
        let crosses = e1 > 0.0 && e2 < 0.0;
        if !(big || crosses) {
            continue;
        }
        if !after.pains.is_empty() || after.opportunities > 0 || after.has_support() {
            continue;
        }
        let (n1, n2) = (quoted(&before.stage.name), quoted(&after.stage.name));
        let how = if crosses {
            "from positive to negative"
        } else {
            "sharply"
        };
        out.push(index.pair_finding(
            Rule::EmotionDrop,
            (a, a + 1),
            format!(
                "The emotion falls {how}, from {} in {n1} to {} in {n2}, and nothing in {n2} \
                 explains or answers it.",
                show(e1),
                show(e2)
            ),
            format!(
                "Add a pain-point card naming the cause, an opportunity, or a support or \
                 follow-up touchpoint in {n2}."
            ),
        ));
    }
}

/// `anxious-decision` (warning): a stage whose role is decision or purchase,
/// whose emotion (its own, or its cards' average) is negative, and which
/// has no reassurance touchpoint: support or chat, reviews or ratings, a
/// guarantee, warranty or free returns, a trust signal, word of mouth (see
/// the word lists in the analysis' `words` module). A reassurance
/// touchpoint that itself feels bad does not count: a review page that
/// leaves the customer skeptical reassures nobody.
pub(crate) fn anxious_decision(index: &Index<'_>, out: &mut Vec<Finding>) {
    for (si, facts) in index.stages.iter().enumerate() {
        if !matches!(facts.role, Some(StageRole::Decision | StageRole::Purchase)) {
            continue;
        }
        let Some(emotion) = facts.emotion.filter(|e| *e < 0.0) else {
            continue;
        };
        if facts.has_reassurance() {
            continue;
        }
        let name = quoted(&facts.stage.name);
        out.push(index.stage_finding(
            Rule::AnxiousDecision,
            si,
            format!(
                "The customer feels negative ({}) at {name}, and no touchpoint there \
                 reassures them.",
                show(emotion)
            ),
            format!(
                "Add a reassurance touchpoint to {name}: support or chat, reviews, a \
                 guarantee, free returns or a trust signal."
            ),
        ));
    }
}

/// `assumed-low-point` (warning): stages whose lowest emotion is negative
/// and rests only on assumed cards: every card at the stage's lowest score
/// has the evidence level `assumed`. The low points are where a team acts
/// first; acting on a guess there is the costliest mistake a map can lead
/// to. One finding for the map, listing the low cards (one per stage): a
/// map built in a workshop would otherwise warn once per stage.
pub(crate) fn assumed_low_point(index: &Index<'_>, out: &mut Vec<Finding>) {
    let lows: Vec<_> = index
        .stages
        .iter()
        .filter(|f| f.low_assumed)
        .filter_map(|f| f.low.filter(|(_, score)| *score < 0))
        .collect();
    if lows.is_empty() {
        return;
    }
    let parts: Vec<_> = lows
        .iter()
        .take(MAX_PARTS)
        .map(|(card, _)| index.card_part(card))
        .collect();
    let names = name_list(parts.iter().map(|p| p.name.as_str()), lows.len());
    let message = if lows.len() == 1 {
        format!("The lowest point of 1 stage rests only on an assumption: {names}.")
    } else {
        format!(
            "The lowest points of {} rest only on assumptions: {names}.",
            count_noun(lows.len(), "stage", "stages")
        )
    };
    out.push(
        index.map_finding(
            Rule::AssumedLowPoint,
            parts,
            message,
            "Check these moments with customers (an interview, a usability test) or data, then \
         set the card's evidence to observed or measured and name the source."
                .to_owned(),
        ),
    );
}
