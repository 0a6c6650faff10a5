//! Funnel rules: do the stages follow the usual order, and does the
//! journey go on after the sale.

use super::index::{Index, quoted};
use super::types::{Finding, Rule};
use crate::model::StageRole;

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
