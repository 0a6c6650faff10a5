//! Stages (columns) and lanes (rows) of a journey map.

use serde::{Deserialize, Serialize};

use super::{Emotion, LaneId, StageId};

/// The part of the funnel a stage plays. Analysis recognises roles from
/// stage names; a stage may also set its role explicitly.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum StageRole {
    /// The customer first hears of the brand.
    Awareness,
    /// The customer compares options.
    Consideration,
    /// The customer makes up their mind.
    Decision,
    /// The customer buys.
    Purchase,
    /// After the sale: onboarding, use, support, loyalty.
    Retention,
    /// The customer recommends the brand.
    Advocacy,
}

impl StageRole {
    /// Every role, in funnel order.
    pub const ALL: [StageRole; 6] = [
        StageRole::Awareness,
        StageRole::Consideration,
        StageRole::Decision,
        StageRole::Purchase,
        StageRole::Retention,
        StageRole::Advocacy,
    ];

    /// The name people read.
    pub fn label(self) -> &'static str {
        match self {
            StageRole::Awareness => "Awareness",
            StageRole::Consideration => "Consideration",
            StageRole::Decision => "Decision",
            StageRole::Purchase => "Purchase",
            StageRole::Retention => "Retention",
            StageRole::Advocacy => "Advocacy",
        }
    }
}

/// A stage of the journey, drawn as a column.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stage {
    /// Stable id.
    pub id: StageId,
    /// The stage's name, such as "Awareness".
    pub name: String,
    /// What the customer wants to achieve here.
    #[serde(default)]
    pub goal: String,
    /// What marketing focuses on here.
    #[serde(default)]
    pub focus: String,
    /// The stage's own emotion. Without one, it is derived from its cards.
    #[serde(default)]
    pub emotion: Option<Emotion>,
    /// An explicit funnel role; without one, it is recognised from the name.
    #[serde(default)]
    pub role: Option<StageRole>,
    /// Its slot in the stage palette, once stored (see
    /// [`Map::stage_palette`](crate::model::Map::stage_palette)). Left out
    /// of the file while none is stored, so older files save unchanged.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub color: Option<u8>,
}

impl Stage {
    /// A new stage with a name.
    pub fn new(id: StageId, name: &str) -> Self {
        Self {
            id,
            name: name.to_owned(),
            goal: String::new(),
            focus: String::new(),
            emotion: None,
            role: None,
            color: None,
        }
    }
}

/// What a lane holds.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum LaneKind {
    /// Where the customer meets the brand.
    Touchpoints,
    /// What the customer does.
    Actions,
    /// What the customer thinks or asks.
    Thoughts,
    /// What goes wrong or hurts.
    PainPoints,
    /// What the team could improve.
    Opportunities,
    /// Notes from the room (participants' phones) the facilitator accepted,
    /// waiting to be sorted into the other lanes.
    Inbox,
    /// Anything else, described by the user.
    Custom(String),
}

impl LaneKind {
    /// The built-in kinds, in menu order.
    pub const BUILT_IN: [LaneKind; 5] = [
        LaneKind::Touchpoints,
        LaneKind::Actions,
        LaneKind::Thoughts,
        LaneKind::PainPoints,
        LaneKind::Opportunities,
    ];

    /// The name people read.
    pub fn label(&self) -> &str {
        match self {
            LaneKind::Touchpoints => "Touchpoints",
            LaneKind::Actions => "Actions",
            LaneKind::Thoughts => "Thoughts",
            LaneKind::PainPoints => "Pain points",
            LaneKind::Opportunities => "Opportunities",
            LaneKind::Inbox => "Inbox",
            LaneKind::Custom(text) => text,
        }
    }
}

/// A lane of the map, drawn as a row across all stages.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Lane {
    /// Stable id.
    pub id: LaneId,
    /// The lane's label.
    pub name: String,
    /// What the lane holds.
    pub kind: LaneKind,
}

impl Lane {
    /// A new lane of a kind, named after it.
    pub fn new(id: LaneId, kind: LaneKind) -> Self {
        Self {
            id,
            name: kind.label().to_owned(),
            kind,
        }
    }
}
