//! Ownership rules: does every touchpoint have someone looking after it
//! and a way to tell whether it works.
//!
//! Both rules aggregate: "12 touchpoints have no owner" is one finding that
//! lists its cards, not twelve lines. A map that never names owners says
//! so once, and the output stays linear in the map's size.

use super::index::{Index, MAX_PARTS, name_list};
use super::types::{Finding, Rule, count_noun};
use crate::model::Card;

/// The touchpoints, in stage order, for which `blank` holds.
fn touchpoints_where<'a>(index: &Index<'a>, blank: impl Fn(&Card) -> bool) -> Vec<&'a Card> {
    index
        .stages
        .iter()
        .flat_map(|facts| facts.touchpoints.iter().copied())
        .filter(|c| blank(c))
        .collect()
}

/// One aggregated finding over some touchpoints, or none when there are none.
fn aggregate(
    index: &Index<'_>,
    rule: Rule,
    cards: &[&Card],
    what: &str,
    suggestion: &str,
    out: &mut Vec<Finding>,
) {
    if cards.is_empty() {
        return;
    }
    let parts: Vec<_> = cards
        .iter()
        .take(MAX_PARTS)
        .map(|c| index.card_part(c))
        .collect();
    let names = name_list(parts.iter().map(|p| p.name.as_str()), cards.len());
    let verb = if cards.len() == 1 { "has" } else { "have" };
    let message = format!(
        "{} {verb} no {what}: {names}.",
        count_noun(cards.len(), "touchpoint", "touchpoints")
    );
    out.push(index.map_finding(rule, parts, message, suggestion.to_owned()));
}

/// `missing-owner` (info): touchpoints whose owner is blank, in one finding.
pub(crate) fn missing_owner(index: &Index<'_>, out: &mut Vec<Finding>) {
    let cards = touchpoints_where(index, |c| c.owner.trim().is_empty());
    aggregate(
        index,
        Rule::MissingOwner,
        &cards,
        "owner",
        "Name the team or person who looks after each of them.",
        out,
    );
}

/// `missing-metric` (info): touchpoints whose metric is blank, in one
/// finding.
pub(crate) fn missing_metric(index: &Index<'_>, out: &mut Vec<Finding>) {
    let cards = touchpoints_where(index, |c| c.metric.trim().is_empty());
    aggregate(
        index,
        Rule::MissingMetric,
        &cards,
        "metric",
        "Say how each is measured, such as a conversion, open or satisfaction rate.",
        out,
    );
}
