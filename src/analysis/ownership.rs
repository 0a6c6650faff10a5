//! Ownership rules: does every touchpoint have someone looking after it
//! and a way to tell whether it works.

use super::index::{Index, quoted};
use super::types::{Finding, Rule};

/// `missing-owner` (info): a touchpoint whose owner is blank.
pub(crate) fn missing_owner(index: &Index<'_>, out: &mut Vec<Finding>) {
    for facts in &index.stages {
        let stage = quoted(&facts.stage.name);
        for card in facts
            .touchpoints
            .iter()
            .filter(|c| c.owner.trim().is_empty())
        {
            let title = quoted(&card.title);
            out.push(index.card_finding(
                Rule::MissingOwner,
                card,
                format!("Touchpoint {title} in {stage} has no owner."),
                format!("Name the team or person who looks after {title}."),
            ));
        }
    }
}

/// `missing-metric` (info): a touchpoint whose metric is blank.
pub(crate) fn missing_metric(index: &Index<'_>, out: &mut Vec<Finding>) {
    for facts in &index.stages {
        let stage = quoted(&facts.stage.name);
        for card in facts
            .touchpoints
            .iter()
            .filter(|c| c.metric.trim().is_empty())
        {
            let title = quoted(&card.title);
            out.push(index.card_finding(
                Rule::MissingMetric,
                card,
                format!("Touchpoint {title} in {stage} has no metric."),
                format!(
                    "Say how {title} is measured, such as a conversion, open or satisfaction rate."
                ),
            ));
        }
    }
}
