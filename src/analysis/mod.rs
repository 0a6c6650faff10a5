//! Analysis: finds the gaps in a journey map. Pure: no egui, no files.
//!
//! Each rule is a function over an [`Index`](index) of the map, built in one
//! pass over the cards, so [`analyze`] is cheap enough to run on every edit.
//! Rules live one family to a file: [`coverage`], [`emotion`], [`channels`],
//! [`ownership`], [`funnel`], [`personas`]. Each rule's reason, condition
//! and an example are in [`explain`] (and `docs/check.md`).
//!
//! Vocabulary used by every rule:
//! - A **touchpoint** is a card in a lane of kind [`LaneKind::Touchpoints`].
//!   Cards in other lanes (actions, thoughts, pain points, opportunities)
//!   describe the customer or the team, not a place where the brand meets
//!   the customer, so only touchpoints count for the channel, coverage,
//!   ownership and persona rules. A thought's channel ("Self-talk") is not a
//!   channel the customer is reached through.
//! - A **pain point** is a card in a [`LaneKind::PainPoints`] lane; an
//!   **opportunity** a card in a [`LaneKind::Opportunities`] lane.
//! - A stage's **emotion** is its own, or else the average of all its cards'
//!   emotions, as in [`Map::stage_emotion`].
//! - A stage's **role** is explicit ([`Stage::role`](crate::model::Stage))
//!   or recognised from its name ([`recognise_role`]).

pub mod blueprint;
pub mod channels;
pub mod conflicts;
pub mod coverage;
pub mod emotion;
pub mod explain;
pub mod funnel;
mod index;
pub mod ownership;
pub mod personas;
mod types;
mod words;

use std::collections::HashMap;

use crate::model::{LaneKind, Map};

use index::Index;
pub use types::{
    Analysis, Dismissed, Finding, Group, Part, Place, PlaceNames, Rule, Severity, StageGap,
    StageSummary, count_noun,
};
pub use words::{recognise_role, stage_role};

/// Analyses a map: every rule's findings, split into the active ones and
/// the ones the team dismissed, plus a summary per stage.
///
/// Active findings are ordered by severity (errors first), then by place
/// (map-wide findings, then stages left to right), then by rule. Never
/// panics, whatever the map holds: cards pointing at missing stages or
/// lanes are ignored. Linear in the size of the map: repetitive findings
/// are aggregated, so the output is linear too.
pub fn analyze(map: &Map) -> Analysis {
    let index = Index::build(map);
    let mut all = Vec::new();
    for rule in Rule::ALL {
        rule.check_into(&index, &mut all);
    }
    // A stable sort keeps each rule's own order (cards in map order) within
    // a stage.
    all.sort_by_key(|f| {
        (
            std::cmp::Reverse(f.severity),
            index.place_order(&f.place),
            f.rule,
        )
    });

    // The first dismissal of a (rule, place) wins, as a linear search would.
    let mut dismissed_keys: HashMap<(&str, &str), &str> = HashMap::new();
    for d in &map.dismissals {
        dismissed_keys
            .entry((d.rule.as_str(), d.place.as_str()))
            .or_insert(d.reason.as_str());
    }
    let mut findings = Vec::new();
    let mut dismissed = Vec::new();
    for finding in all {
        let key = finding.key();
        if let Some(reason) = dismissed_keys.get(&(finding.rule.id(), key.as_str())) {
            let reason = (*reason).to_owned();
            dismissed.push(Dismissed { finding, reason });
        } else {
            findings.push(finding);
        }
    }
    Analysis {
        findings,
        dismissed,
        summaries: index.summaries(),
        conflicts: conflicts::by_message(map),
    }
}

impl Rule {
    /// This rule's findings on a map, dismissed or not, in the rule's own
    /// order. Handy for tests and for running one rule alone.
    pub fn check(self, map: &Map) -> Vec<Finding> {
        let index = Index::build(map);
        let mut out = Vec::new();
        self.check_into(&index, &mut out);
        out
    }

    fn check_into(self, index: &Index<'_>, out: &mut Vec<Finding>) {
        match self {
            Rule::EmptyStage => coverage::empty_stage(index, out),
            Rule::MissingEmotion => emotion::missing_emotion(index, out),
            Rule::EmotionDrop => emotion::emotion_drop(index, out),
            Rule::ChannelDropped => channels::channel_dropped(index, out),
            Rule::SingleChannelStage => channels::single_channel_stage(index, out),
            Rule::EndsAtPurchase => funnel::ends_at_purchase(index, out),
            Rule::MissingOwner => ownership::missing_owner(index, out),
            Rule::MissingMetric => ownership::missing_metric(index, out),
            Rule::UnansweredPainPoint => coverage::unanswered_pain_point(index, out),
            Rule::AnxiousDecision => emotion::anxious_decision(index, out),
            Rule::PersonaGap => personas::persona_gap(index, out),
            Rule::StageOrder => funnel::stage_order(index, out),
            Rule::AssumedLowPoint => emotion::assumed_low_point(index, out),
            Rule::MergeConflict => conflicts::merge_conflicts(index, out),
            Rule::FailPointUnsupported => blueprint::fail_point_unsupported(index, out),
            Rule::BiggestDropOff => funnel::biggest_drop_off(index, out),
        }
    }
}

/// The gaps to mark on the canvas at the boundary between two adjacent
/// stages: one entry per boundary with an active boundary finding
/// (emotion-drop, channel-dropped) of at least `min` severity, carrying the
/// worst severity there and the findings' messages, one a line, for a
/// tooltip. In stage order. Pass [`Severity::Warning`] to leave out the
/// info-level channel hand-overs, which on a rich map touch most boundaries.
pub fn stage_gaps(analysis: &Analysis, min: Severity) -> Vec<StageGap> {
    let mut gaps: Vec<StageGap> = Vec::new();
    for finding in &analysis.findings {
        if !finding.rule.is_boundary() || finding.severity < min {
            continue;
        }
        let Place::Stages(from, to) = finding.place else {
            continue;
        };
        match gaps.iter_mut().find(|g| g.from == from && g.to == to) {
            Some(gap) => {
                gap.severity = gap.severity.max(finding.severity);
                gap.text.push('\n');
                gap.text.push_str(&finding.message);
            }
            None => gaps.push(StageGap {
                from,
                to,
                severity: finding.severity,
                text: finding.message.clone(),
            }),
        }
    }
    gaps
}

/// Whether a lane kind holds touchpoints. One place for the definition, so
/// every rule agrees on it. A service blueprint's frontstage is where staff
/// and systems meet the customer: its cards are the blueprint's touchpoints.
pub(crate) fn is_touchpoint_lane(kind: &LaneKind) -> bool {
    matches!(kind, LaneKind::Touchpoints | LaneKind::Frontstage)
}
