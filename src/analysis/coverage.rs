//! Coverage rules: is every stage reached, is every pain answered.

use super::index::{Index, quoted};
use super::types::{Finding, Rule};

/// `empty-stage` (error): a stage with no touchpoint card. Cards in other
/// lanes do not count: a stage where the customer thinks and acts but
/// never meets the brand is a hole in the journey.
pub(crate) fn empty_stage(index: &Index<'_>, out: &mut Vec<Finding>) {
    for (si, facts) in index.stages.iter().enumerate() {
        if !facts.touchpoints.is_empty() {
            continue;
        }
        let name = quoted(&facts.stage.name);
        let message = if facts.cards == 0 {
            format!("Stage {name} is empty: no touchpoint reaches the customer there.")
        } else {
            format!("Stage {name} has no touchpoint: nothing reaches the customer there.")
        };
        let suggestion = if index.has_touchpoint_lane {
            format!(
                "Add a touchpoint card to {name} in the Touchpoints lane, or remove the stage \
                 if the journey does not pass through it."
            )
        } else {
            format!("Add a Touchpoints lane, then a touchpoint card in {name}.")
        };
        out.push(index.stage_finding(Rule::EmptyStage, si, message, suggestion));
    }
}

/// `unanswered-pain-point` (warning): a pain-point card in a stage that has
/// no opportunity card. One opportunity answers every pain of its stage:
/// cards do not say which pain an opportunity is for, and a stricter
/// pairing would only guess.
pub(crate) fn unanswered_pain_point(index: &Index<'_>, out: &mut Vec<Finding>) {
    for facts in &index.stages {
        if facts.opportunities > 0 {
            continue;
        }
        let stage = quoted(&facts.stage.name);
        for pain in &facts.pains {
            let title = quoted(&pain.title);
            out.push(index.card_finding(
                Rule::UnansweredPainPoint,
                pain,
                format!("Pain point {title} in {stage} has no opportunity in the same stage."),
                format!("Add an opportunity card to {stage} that answers {title}."),
            ));
        }
    }
}
