//! Service blueprint rules: is there work behind each place where the
//! service tends to fail.

use super::index::{Index, MAX_PARTS, name_list};
use super::types::{Finding, Rule, count_noun};
use crate::model::{Card, CardId, IdMap, IdSet, LaneId, LaneKind};

/// `fail-point-unsupported` (warning): cards marked as fail points with no
/// link to a backstage or support card (in either direction, and not in
/// the fail point's own lane), in one finding. A fail point nobody works
/// on behind the scenes is a known failure left to chance. Linear: one
/// pass over the lanes, the cards and the links.
pub(crate) fn fail_point_unsupported(index: &Index<'_>, out: &mut Vec<Finding>) {
    let map = index.map;
    let fail_points: Vec<&Card> = map
        .cards
        .iter()
        .filter(|c| c.fail_point)
        .map(|c| &**c)
        .collect();
    if fail_points.is_empty() {
        return;
    }
    let kinds: IdMap<LaneId, &LaneKind> = map.lanes.iter().map(|l| (l.id, &l.kind)).collect();
    let lanes: IdMap<CardId, LaneId> = map.cards.iter().map(|c| (c.id, c.lane)).collect();
    let behind = |served: CardId, serving: CardId| {
        let (Some(a), Some(b)) = (lanes.get(&served), lanes.get(&serving)) else {
            return false;
        };
        a != b && kinds.get(b).is_some_and(|k| k.is_behind_the_scenes())
    };
    let mut supported: IdSet<CardId> = IdSet::default();
    for link in &map.links {
        if behind(link.from, link.to) {
            supported.insert(link.from);
        }
        if behind(link.to, link.from) {
            supported.insert(link.to);
        }
    }
    let alone: Vec<&Card> = fail_points
        .into_iter()
        .filter(|c| !supported.contains(&c.id))
        .filter(|c| index.stage_name(c.stage).is_some() && kinds.contains_key(&c.lane))
        .collect();
    if alone.is_empty() {
        return;
    }
    let parts: Vec<_> = alone
        .iter()
        .take(MAX_PARTS)
        .map(|c| index.card_part(c))
        .collect();
    let names = name_list(parts.iter().map(|p| p.name.as_str()), alone.len());
    let verb = if alone.len() == 1 { "has" } else { "have" };
    let message = format!(
        "{} {verb} no backstage or support card behind {}: {names}.",
        count_noun(alone.len(), "fail point", "fail points"),
        if alone.len() == 1 { "it" } else { "them" }
    );
    out.push(
        index.map_finding(
            Rule::FailPointUnsupported,
            parts,
            message,
            "Drag from the fail point's edge to the backstage or support card that prevents or \
         catches the failure; add that card if nobody does it yet."
                .to_owned(),
        ),
    );
}
