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
    /// How many customers reached the stage in [`Stage::period`], from the
    /// team's analytics. Left out of the file while unknown.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub volume: Option<u64>,
    /// The period the volume counts, in the team's words ("March 2026").
    /// Left out of the file while empty.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub period: String,
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
            volume: None,
            period: String::new(),
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
    /// Service blueprint: what the customer sees and touches (a receipt, a
    /// parcel, a web page).
    PhysicalEvidence,
    /// Service blueprint: what staff and systems do in sight of the
    /// customer, across the line of interaction from the customer's actions.
    Frontstage,
    /// Service blueprint: what the company does out of the customer's
    /// sight, below the line of visibility.
    Backstage,
    /// Service blueprint: the systems and teams that support the backstage,
    /// below the line of internal interaction.
    Support,
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

    /// The service blueprint's own kinds, top to bottom; its customer
    /// actions row is [`LaneKind::Actions`].
    pub const BLUEPRINT: [LaneKind; 4] = [
        LaneKind::PhysicalEvidence,
        LaneKind::Frontstage,
        LaneKind::Backstage,
        LaneKind::Support,
    ];

    /// Every kind but custom: the journey map's, then the blueprint's.
    pub const KNOWN: [LaneKind; 9] = [
        LaneKind::Touchpoints,
        LaneKind::Actions,
        LaneKind::Thoughts,
        LaneKind::PainPoints,
        LaneKind::Opportunities,
        LaneKind::PhysicalEvidence,
        LaneKind::Frontstage,
        LaneKind::Backstage,
        LaneKind::Support,
    ];

    /// The name people read.
    pub fn label(&self) -> &str {
        match self {
            LaneKind::Touchpoints => "Touchpoints",
            LaneKind::Actions => "Actions",
            LaneKind::Thoughts => "Thoughts",
            LaneKind::PainPoints => "Pain points",
            LaneKind::Opportunities => "Opportunities",
            LaneKind::PhysicalEvidence => "Physical evidence",
            LaneKind::Frontstage => "Frontstage",
            LaneKind::Backstage => "Backstage",
            LaneKind::Support => "Support processes",
            LaneKind::Inbox => "Inbox",
            LaneKind::Custom(text) => text,
        }
    }

    /// A known kind recognised from a lane's name (its label or a usual
    /// wording, any case), or a custom kind of that name.
    pub fn recognise(name: &str) -> LaneKind {
        let name = name.trim();
        if let Some(kind) = LaneKind::KNOWN
            .into_iter()
            .find(|k| k.label().eq_ignore_ascii_case(name))
        {
            return kind;
        }
        let key: String = name
            .chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .collect();
        match key.as_str() {
            "customeractions" => LaneKind::Actions,
            "evidence" => LaneKind::PhysicalEvidence,
            "frontstageactions" | "frontstage" => LaneKind::Frontstage,
            "backstageactions" | "backstage" => LaneKind::Backstage,
            "support" | "supportprocess" | "supportprocesses" => LaneKind::Support,
            _ => LaneKind::Custom(name.to_owned()),
        }
    }

    /// Where the kind stands in a service blueprint, from the customer's
    /// side (0: physical evidence and customer actions) to the support
    /// processes (3); `None` for kinds a blueprint does not have. The line
    /// between level `n` and `n + 1` is [`BlueprintLine::ALL`]`[n]`.
    pub fn blueprint_level(&self) -> Option<usize> {
        // Kept in step with `BlueprintLine::ALL`: one line per step down.
        match self {
            LaneKind::PhysicalEvidence | LaneKind::Actions => Some(0),
            LaneKind::Frontstage => Some(1),
            LaneKind::Backstage => Some(2),
            LaneKind::Support => Some(3),
            _ => None,
        }
    }
}

impl LaneKind {
    /// Whether the lane's work happens out of the customer's sight: the
    /// backstage and the support processes.
    pub fn is_behind_the_scenes(&self) -> bool {
        matches!(self, LaneKind::Backstage | LaneKind::Support)
    }
}

/// The three lines of a service blueprint.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum BlueprintLine {
    /// Between the customer's actions and the frontstage.
    Interaction,
    /// Between the frontstage and the backstage: what the customer sees.
    Visibility,
    /// Between the backstage and the support processes.
    InternalInteraction,
}

impl BlueprintLine {
    /// The lines from the customer's side down.
    pub const ALL: [BlueprintLine; 3] = [
        BlueprintLine::Interaction,
        BlueprintLine::Visibility,
        BlueprintLine::InternalInteraction,
    ];

    /// The name printed on the line.
    pub fn label(self) -> &'static str {
        match self {
            BlueprintLine::Interaction => "Line of interaction",
            BlueprintLine::Visibility => "Line of visibility",
            BlueprintLine::InternalInteraction => "Line of internal interaction",
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
