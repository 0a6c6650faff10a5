//! Funnel rules: do the stages follow the usual order, and does the
//! journey go on after the sale.

use super::index::{Index, MAX_PARTS, name_list, quoted};
use super::types::{Finding, Rule};
use crate::model::{Card, FunnelStep, StageRole, format_count, format_share};

/// `ends-at-purchase` (error): the map has a decision or purchase stage,
/// and no stage after the last of them is a post-purchase one. A later
/// stage counts unless its role is recognised as pre-purchase (awareness,
/// consideration, decision, purchase): a stage named "Unboxing" or
/// "Loyalty" carries the journey on, and so does one whose name we do not
/// recognise, since we cannot tell it does not. Maps with no decision or
/// purchase stage are not sales journeys as far as we can tell, and are
/// left alone.
pub(crate) fn ends_at_purchase(index: &Index<'_>, out: &mut Vec<Finding>) {
    let is_sale =
        |r: Option<StageRole>| matches!(r, Some(StageRole::Decision | StageRole::Purchase));
    let Some(last_sale) = index.stages.iter().rposition(|f| is_sale(f.role)) else {
        return;
    };
    let goes_on = index.stages[last_sale + 1..].iter().any(|f| {
        !matches!(
            f.role,
            Some(
                StageRole::Awareness
                    | StageRole::Consideration
                    | StageRole::Decision
                    | StageRole::Purchase
            )
        )
    });
    if goes_on {
        return;
    }
    let name = quoted(&index.stages[last_sale].stage.name);
    out.push(index.stage_finding(
        Rule::EndsAtPurchase,
        last_sale,
        format!("The journey ends at {name}: no retention or advocacy stage comes after it."),
        format!(
            "Add stages after {name}, such as Onboarding, Retention or Advocacy, to follow \
             the customer after the sale."
        ),
    ));
}

/// `stage-order` (warning): a stage whose role comes earlier in the funnel
/// than the role of a stage before it, such as Retention before Purchase.
/// The finding names the stage that stands too early (the first one with
/// the latest role so far) and the stage that should come before it.
/// Stages of the same role side by side are fine; stages with no role are
/// skipped. Linear: only the latest role seen so far is kept.
pub(crate) fn stage_order(index: &Index<'_>, out: &mut Vec<Finding>) {
    let mut latest: Option<(usize, StageRole)> = None;
    for (si, facts) in index.stages.iter().enumerate() {
        let Some(role) = facts.role else { continue };
        match latest {
            Some((early, early_role)) if role < early_role => {
                let (n1, n2) = (
                    quoted(&index.stages[early].stage.name),
                    quoted(&facts.stage.name),
                );
                out.push(index.pair_finding(
                    Rule::StageOrder,
                    (early, si),
                    format!(
                        "{n1} ({}) comes before {n2} ({}), against the usual funnel order.",
                        early_role.label(),
                        role.label()
                    ),
                    format!(
                        "Move {n1} after {n2}, or set the stages' roles explicitly if this \
                         order is intended."
                    ),
                ));
            }
            Some((_, early_role)) if role <= early_role => {}
            _ => latest = Some((si, role)),
        }
    }
}

/// `biggest-drop-off` (warning): the counted stage that loses the largest
/// share of the customers of the counted stage before it. When the
/// emotion also falls at some loss (the stage feels worse than the one
/// before), the largest such loss is flagged instead, so the team looks
/// first where the customers both leave and feel worse. One finding at
/// most, listing the touchpoints of both stages (all their cards when
/// they have no touchpoint): what the customers met just before they
/// left. Stages without a volume are passed over. Linear.
pub(crate) fn biggest_drop_off(index: &Index<'_>, out: &mut Vec<Finding>) {
    let funnel = index.map.funnel();
    // (emotion falls too, loss, stage, previous stage)
    let mut worst: Option<(bool, f64, usize, usize)> = None;
    // The largest loss whatever the emotion: named when it is elsewhere.
    let mut largest: Option<(f64, usize)> = None;
    for (si, step) in funnel.iter().enumerate() {
        let (Some(drop), Some(prev)) = (step.drop, step.previous) else {
            continue;
        };
        if drop <= 0.0 || !drop.is_finite() {
            continue;
        }
        let falls = match (index.stages[prev].emotion, index.stages[si].emotion) {
            (Some(before), Some(here)) => here < before,
            _ => false,
        };
        if largest.is_none_or(|(d, _)| drop > d) {
            largest = Some((drop, si));
        }
        let better = match worst {
            None => true,
            Some((f, d, _, _)) => (falls, drop) > (f, d),
        };
        if better {
            worst = Some((falls, drop, si, prev));
        }
    }
    let Some((falls, drop, si, prev)) = worst else {
        return;
    };
    let (from, to) = (&index.stages[prev], &index.stages[si]);
    let mut cards: Vec<&Card> = from
        .touchpoints
        .iter()
        .chain(&to.touchpoints)
        .copied()
        .collect();
    if cards.is_empty() {
        cards = (index.map.cards.iter())
            .filter(|c| c.stage == from.stage.id || c.stage == to.stage.id)
            .map(|c| &**c)
            .collect();
    }
    let parts: Vec<_> = cards
        .iter()
        .take(MAX_PARTS)
        .map(|c| index.card_part(c))
        .collect();
    let (n_from, n_to) = (quoted(&from.stage.name), quoted(&to.stage.name));
    let count = |s: &FunnelStep| s.volume.map(format_count).unwrap_or_default();
    let mut message = format!(
        "{n_to} loses {} of the customers who reached {n_from} ({} → {}), the largest \
         drop-off in the funnel{}",
        format_share(drop),
        count(&funnel[prev]),
        count(&funnel[si]),
        if falls {
            " where the emotion falls"
        } else {
            ""
        },
    );
    if falls && let (Some(a), Some(b)) = (from.emotion, to.emotion) {
        message.push_str(&format!(" ({a:+.1} → {b:+.1})"));
        if let Some((d, at)) = largest.filter(|&(_, at)| at != si) {
            message.push_str(&format!(
                "; the largest loss overall, {}, is at {}, where the emotion holds",
                format_share(d),
                quoted(&index.stages[at].stage.name)
            ));
        }
    }
    message.push('.');
    if !parts.is_empty() {
        let names = name_list(parts.iter().map(|p| p.name.as_str()), cards.len());
        message.push_str(&format!(" What they met there: {names}."));
    }
    let mut finding = index.pair_finding(
        Rule::BiggestDropOff,
        (prev, si),
        message,
        format!(
            "Look at what customers meet in {n_from} and {n_to}: interview some who left, \
             and fix the touchpoint that loses them."
        ),
    );
    finding.parts = parts;
    out.push(finding);
}
