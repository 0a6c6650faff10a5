//! The analysis vocabulary: rules, severities, places and findings.

use std::fmt;

use crate::model::{CardId, Channel, LaneId, PersonaId, StageId, StageRole};

/// How much a finding matters. Ordered: `Info < Warning < Error`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Severity {
    /// Bookkeeping that makes the map more useful: owners, metrics, a
    /// second channel.
    Info,
    /// A risk in the customer's experience the team should look at.
    Warning,
    /// The map is structurally incomplete: a stage with nothing in it, or a
    /// journey that stops at the sale.
    Error,
}

impl Severity {
    /// Every severity, from the most to the least serious.
    pub const ALL: [Severity; 3] = [Severity::Error, Severity::Warning, Severity::Info];

    /// The lower-case name used on the command line and in JSON.
    pub fn id(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}

/// An analysis rule. Each has a stable kebab-case id (used in files, on the
/// command line and in dismissals) and a fixed severity.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Rule {
    /// A stage with no touchpoint card.
    EmptyStage,
    /// A stage where no card, and not the stage itself, carries an emotion.
    MissingEmotion,
    /// The emotion falls sharply between two stages and nothing answers it.
    EmotionDrop,
    /// A channel used in one stage is gone in the next.
    ChannelDropped,
    /// A stage reached through one channel only.
    SingleChannelStage,
    /// The journey stops at the purchase or decision stage.
    EndsAtPurchase,
    /// A touchpoint with no owner.
    MissingOwner,
    /// A touchpoint with no metric.
    MissingMetric,
    /// A pain point with no opportunity in the same stage.
    UnansweredPainPoint,
    /// A negative emotion at a decision or purchase stage, with nothing
    /// there to reassure.
    AnxiousDecision,
    /// A persona with no touchpoint in some stage.
    PersonaGap,
    /// Stages that stand against the usual funnel order.
    StageOrder,
    /// A stage's lowest emotion rests only on assumed cards.
    AssumedLowPoint,
    /// A merge conflict recorded in the map and not yet resolved.
    MergeConflict,
    /// A fail point with no backstage or support card linked behind it.
    FailPointUnsupported,
    /// The stage where the funnel loses the largest share of customers.
    BiggestDropOff,
}

impl Rule {
    /// Every rule, in the order the documentation lists them.
    pub const ALL: [Rule; 16] = [
        Rule::EmptyStage,
        Rule::MissingEmotion,
        Rule::EmotionDrop,
        Rule::ChannelDropped,
        Rule::SingleChannelStage,
        Rule::EndsAtPurchase,
        Rule::MissingOwner,
        Rule::MissingMetric,
        Rule::UnansweredPainPoint,
        Rule::AnxiousDecision,
        Rule::PersonaGap,
        Rule::StageOrder,
        Rule::AssumedLowPoint,
        Rule::MergeConflict,
        Rule::FailPointUnsupported,
        Rule::BiggestDropOff,
    ];

    /// The stable kebab-case id, such as `empty-stage`.
    pub fn id(self) -> &'static str {
        match self {
            Rule::EmptyStage => "empty-stage",
            Rule::MissingEmotion => "missing-emotion",
            Rule::EmotionDrop => "emotion-drop",
            Rule::ChannelDropped => "channel-dropped",
            Rule::SingleChannelStage => "single-channel-stage",
            Rule::EndsAtPurchase => "ends-at-purchase",
            Rule::MissingOwner => "missing-owner",
            Rule::MissingMetric => "missing-metric",
            Rule::UnansweredPainPoint => "unanswered-pain-point",
            Rule::AnxiousDecision => "anxious-decision",
            Rule::PersonaGap => "persona-gap",
            Rule::StageOrder => "stage-order",
            Rule::AssumedLowPoint => "assumed-low-point",
            Rule::MergeConflict => "merge-conflict",
            Rule::FailPointUnsupported => "fail-point-unsupported",
            Rule::BiggestDropOff => "biggest-drop-off",
        }
    }

    /// The rule with this id.
    pub fn from_id(id: &str) -> Option<Rule> {
        Rule::ALL.into_iter().find(|r| r.id() == id)
    }

    /// The rule's severity.
    ///
    /// - **Error** when the map itself is incomplete, whatever the business:
    ///   a stage nobody reaches (`empty-stage`), or a journey that stops at
    ///   the sale (`ends-at-purchase`), which hides onboarding, retention
    ///   and advocacy, where most of a customer's value lies.
    /// - **Warning** for risks in the experience that need a human's
    ///   judgement: emotion gaps and drops, pain left unanswered, anxiety at
    ///   the decision, a persona left alone, stages out of order.
    /// - **Info** for bookkeeping and breadth that make a map more useful
    ///   but are often legitimately absent: owners, metrics, a single
    ///   channel, a channel that ends. These are frequent on real maps, and
    ///   `--fail-on warning` should not trip on them.
    pub fn severity(self) -> Severity {
        match self {
            Rule::EmptyStage | Rule::EndsAtPurchase | Rule::MergeConflict => Severity::Error,
            Rule::MissingEmotion
            | Rule::EmotionDrop
            | Rule::UnansweredPainPoint
            | Rule::AnxiousDecision
            | Rule::PersonaGap
            | Rule::StageOrder
            | Rule::AssumedLowPoint
            | Rule::FailPointUnsupported
            | Rule::BiggestDropOff => Severity::Warning,
            Rule::ChannelDropped
            | Rule::SingleChannelStage
            | Rule::MissingOwner
            | Rule::MissingMetric => Severity::Info,
        }
    }

    /// What the rule looks for, in one line, for help texts and docs.
    pub fn description(self) -> &'static str {
        match self {
            Rule::EmptyStage => "A stage with no touchpoint card.",
            Rule::MissingEmotion => {
                "A stage where no card, and not the stage itself, carries an emotion."
            }
            Rule::EmotionDrop => {
                "The emotion falls by 2 or more, or from positive to negative, between two \
                 stages, with no pain point, opportunity or support touchpoint (one that does \
                 not itself feel bad) in the later one."
            }
            Rule::ChannelDropped => {
                "The channel carrying most of a stage's touchpoints is gone in the next stage, \
                 and nothing there hands the customer over."
            }
            Rule::SingleChannelStage => "A stage reached through one channel only.",
            Rule::EndsAtPurchase => {
                "No retention or advocacy stage comes after the purchase or decision stage."
            }
            Rule::MissingOwner => "Touchpoints with no owner, listed in one finding.",
            Rule::MissingMetric => "Touchpoints with no metric, listed in one finding.",
            Rule::UnansweredPainPoint => "A pain point with no opportunity in the same stage.",
            Rule::AnxiousDecision => {
                "A negative emotion at a decision or purchase stage, with no reassurance \
                 touchpoint there that does not itself feel bad."
            }
            Rule::PersonaGap => {
                "A persona of the map with no touchpoint in some stages: one finding per \
                 persona, listing the stages."
            }
            Rule::StageOrder => "Stage names that stand out of the usual funnel order.",
            Rule::AssumedLowPoint => {
                "Stages whose lowest emotion rests only on assumed cards, listed in one finding."
            }
            Rule::MergeConflict => {
                "A merge conflict recorded in the map that nobody has resolved yet."
            }
            Rule::FailPointUnsupported => {
                "Fail points with no backstage or support card linked behind them, listed in \
                 one finding."
            }
            Rule::BiggestDropOff => {
                "The stage that loses the largest share of the customers who reached the stage \
                 before it, with the cards of both; a loss where the emotion falls too comes \
                 first."
            }
        }
    }

    /// Whether the rule's findings sit between two adjacent stages, and so
    /// are drawn on the canvas at their boundary.
    pub fn is_boundary(self) -> bool {
        matches!(self, Rule::EmotionDrop | Rule::ChannelDropped)
    }
}

impl fmt::Display for Rule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}

/// Where a finding is, by ids. The UI selects and scrolls to it; the key
/// ([`Place::key`]) names it in dismissals.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Place {
    /// One stage.
    Stage(StageId),
    /// Two stages, in the order the finding speaks of them: for boundary
    /// rules the earlier and the later stage of a boundary, for stage-order
    /// the stage that comes too early and the one it should follow.
    Stages(StageId, StageId),
    /// One card, with the cell it stood in when analysed.
    Card {
        /// The card.
        card: CardId,
        /// Its stage.
        stage: StageId,
        /// Its lane.
        lane: LaneId,
    },
    /// A persona, across the stages the finding lists in its
    /// [`Finding::parts`].
    Persona(PersonaId),
    /// The whole map: an aggregated finding, whose [`Finding::parts`] name
    /// the cards or stages it gathers.
    Map,
}

impl Place {
    /// A stable text key made of ids, used in [`crate::model::Dismissal::place`]:
    /// `stage:3`, `stages:3>4`, `card:17`, `persona:2`, `map`. Ids never
    /// change when items move, so a dismissal survives reordering; a card
    /// keeps its dismissal when moved to another stage.
    pub fn key(&self) -> String {
        match self {
            Place::Stage(s) => format!("stage:{s}"),
            Place::Stages(a, b) => format!("stages:{a}>{b}"),
            Place::Card { card, .. } => format!("card:{card}"),
            Place::Persona(persona) => format!("persona:{persona}"),
            Place::Map => "map".to_owned(),
        }
    }

    /// The stages the place involves, in the place's order; none for a
    /// persona or the whole map (their parts name the stages).
    pub fn stages(&self) -> Vec<StageId> {
        match *self {
            Place::Stage(s) | Place::Card { stage: s, .. } => vec![s],
            Place::Stages(a, b) => vec![a, b],
            Place::Persona(_) | Place::Map => Vec::new(),
        }
    }

    /// The panel group the place belongs to.
    pub fn group(&self) -> Group {
        match *self {
            Place::Stages(a, b) => Group::Boundary(a, b),
            Place::Stage(s) | Place::Card { stage: s, .. } => Group::Stage(s),
            Place::Persona(_) | Place::Map => Group::Map,
        }
    }
}

/// One of the places an aggregated finding gathers: a card without an
/// owner, a stage a persona misses.
#[derive(Clone, Debug, PartialEq)]
pub struct Part {
    /// Where it is; the panel locates it on a click.
    pub place: Place,
    /// What to call it: a card's title and stage, a stage's name.
    pub name: String,
}

/// A count with its noun, singular or plural: "1 warning", "3 findings".
pub fn count_noun(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// How the findings panel groups findings: under a stage, or under a pair
/// of stages.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Group {
    /// Findings about one stage, its cards or its personas.
    Stage(StageId),
    /// Findings about two stages, such as a drop between them.
    Boundary(StageId, StageId),
    /// Findings about the whole map or a persona across stages.
    Map,
}

/// The names of a place's parts, as they were when analysed, so messages,
/// the panel and JSON output need not look them up again.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PlaceNames {
    /// The stages' names, parallel to [`Place::stages`].
    pub stages: Vec<String>,
    /// The card's lane name, for card places.
    pub lane: Option<String>,
    /// The card's title, for card places.
    pub card: Option<String>,
    /// The persona's name, for persona places.
    pub persona: Option<String>,
    /// The stages' volumes and periods, parallel to [`PlaceNames::stages`],
    /// for the stages that carry one.
    pub volumes: Vec<Option<(u64, String)>>,
}

/// One thing the analysis found.
#[derive(Clone, Debug, PartialEq)]
pub struct Finding {
    /// The rule that found it.
    pub rule: Rule,
    /// How much it matters; the rule's severity.
    pub severity: Severity,
    /// Where it is.
    pub place: Place,
    /// The names of the place's parts.
    pub names: PlaceNames,
    /// The channel concerned, for channel-dropped and single-channel-stage.
    pub channel: Option<Channel>,
    /// For aggregated findings (missing-owner, missing-metric, persona-gap,
    /// assumed-low-point), the cards or stages they gather, in map order,
    /// at most a hundred; the message gives the full count.
    pub parts: Vec<Part>,
    /// One line in plain words, naming the place.
    pub message: String,
    /// A suggested next step.
    pub suggestion: String,
}

impl Finding {
    /// The stable key of the finding's place, used with the rule id to
    /// dismiss it: [`Place::key`], followed by `/channel:NAME` when the
    /// finding is about one channel, because a stage pair can drop several
    /// channels and each is dismissed on its own.
    pub fn key(&self) -> String {
        let mut key = self.place.key();
        if let (Rule::ChannelDropped, Some(channel)) = (self.rule, &self.channel) {
            key.push_str("/channel:");
            key.push_str(&channel_key(channel));
        }
        key
    }
}

/// A stable name for a channel in keys: labels may be reworded, these may not.
fn channel_key(channel: &Channel) -> String {
    match channel {
        Channel::Ad => "ad".into(),
        Channel::Search => "search".into(),
        Channel::Social => "social".into(),
        Channel::Website => "website".into(),
        Channel::Email => "email".into(),
        Channel::Store => "store".into(),
        Channel::Event => "event".into(),
        Channel::Phone => "phone".into(),
        Channel::App => "app".into(),
        Channel::WordOfMouth => "word-of-mouth".into(),
        Channel::Custom(name) => format!("custom:{name}"),
        Channel::Unknown => "unknown".into(),
    }
}

/// A finding the team dismissed, with their reason.
#[derive(Clone, Debug, PartialEq)]
pub struct Dismissed {
    /// The finding, as it would show if it were active.
    pub finding: Finding,
    /// Why it was dismissed.
    pub reason: String,
}

/// A small summary of one stage, shown under its header in the panel.
#[derive(Clone, Debug, PartialEq)]
pub struct StageSummary {
    /// The stage.
    pub stage: StageId,
    /// Its name.
    pub name: String,
    /// Its funnel role, explicit or recognised.
    pub role: Option<StageRole>,
    /// How many touchpoint cards it has.
    pub touchpoints: usize,
    /// The known channels of its touchpoints, each once, in card order
    /// (unknown channels are left out).
    pub channels: Vec<Channel>,
    /// Its emotion, -2..=2: its own or its cards' average.
    pub emotion: Option<f32>,
}

/// A gap to draw on the canvas at the boundary between two adjacent stages.
#[derive(Clone, Debug, PartialEq)]
pub struct StageGap {
    /// The earlier stage.
    pub from: StageId,
    /// The later stage.
    pub to: StageId,
    /// The worst severity of the findings there.
    pub severity: Severity,
    /// The findings' messages, one a line.
    pub text: String,
}

/// Everything the analysis found on a map.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Analysis {
    /// Active findings: errors first, then warnings, then info; within a
    /// severity, map-wide findings first, then by stage, then by rule.
    pub findings: Vec<Finding>,
    /// Findings the team dismissed (see [`crate::model::Map::dismissals`]),
    /// in the same order.
    pub dismissed: Vec<Dismissed>,
    /// One summary per stage, left to right.
    pub summaries: Vec<StageSummary>,
    /// Merge-conflict findings' messages, to the conflict's index in
    /// [`crate::model::Map::conflicts`]: built with the findings, once per
    /// revision, so the panel offers each conflict's two choices without
    /// describing the whole list again every frame.
    pub conflicts: std::collections::HashMap<String, usize>,
}

impl Analysis {
    /// The conflict a merge-conflict finding is about.
    pub fn conflict<'m>(
        &self,
        map: &'m crate::model::Map,
        finding: &Finding,
    ) -> Option<&'m crate::model::Conflict> {
        if finding.rule != Rule::MergeConflict {
            return None;
        }
        let index = *self.conflicts.get(&finding.message)?;
        map.conflicts.get(index)
    }

    /// How many active findings have this severity.
    pub fn count(&self, severity: Severity) -> usize {
        self.findings
            .iter()
            .filter(|f| f.severity == severity)
            .count()
    }

    /// The most serious severity among active findings.
    pub fn worst(&self) -> Option<Severity> {
        self.findings.iter().map(|f| f.severity).max()
    }

    /// The summary of a stage.
    pub fn summary(&self, stage: StageId) -> Option<&StageSummary> {
        self.summaries.iter().find(|s| s.stage == stage)
    }
}
