//! Which state of the journey a map shows, and the merge conflicts a map
//! may carry until the team resolves them.

use serde::{Deserialize, Serialize};

use super::{Card, CardId, Lane, LaneId, Persona, PersonaId, Stage, StageId};

/// Whether a map shows the journey as it is today or as the team wants it
/// to become.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum MapState {
    /// Today's journey.
    #[default]
    Current,
    /// The journey the team is building toward.
    Future,
}

impl MapState {
    /// The name people read, in headers and exports.
    pub fn label(self) -> &'static str {
        match self {
            MapState::Current => "Current state",
            MapState::Future => "Future state",
        }
    }

    /// Whether this is the default, so files of current maps stay as they were.
    pub fn is_current(&self) -> bool {
        *self == MapState::Current
    }
}

/// A change that two merged branches made differently. The merged map keeps
/// ours; theirs is recorded here so the team can choose, and so that
/// `waymark check` fails until they do.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Conflict {
    /// What the two sides disagree about.
    pub subject: Subject,
    /// The field they changed differently, such as `title` or `emotion`;
    /// `place` for a card's stage and lane; empty when one side deleted the
    /// item or the subject is an order.
    #[serde(default)]
    pub field: String,
    /// Our version, which the merged map holds.
    pub ours: Version,
    /// Their version.
    pub theirs: Version,
}

/// The thing a conflict is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Subject {
    /// The map's own fields: title, description, state.
    Map,
    /// A stage.
    Stage(StageId),
    /// A lane.
    Lane(LaneId),
    /// A persona.
    Persona(PersonaId),
    /// A card.
    Card(CardId),
    /// The order of the stages.
    StageOrder,
    /// The order of the lanes.
    LaneOrder,
    /// The order of the personas.
    PersonaOrder,
    /// The order of the cards in one cell.
    CellOrder(StageId, LaneId),
}

/// One side's version of a conflicting item: the whole item, so that
/// choosing it needs nothing else, or the fact that the side deleted it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Version {
    /// The side deleted the item.
    Deleted,
    /// The map's own fields.
    Map(MapHeader),
    /// A stage as the side left it.
    Stage(Stage),
    /// A lane as the side left it.
    Lane(Lane),
    /// A persona as the side left it.
    Persona(Persona),
    /// A card as the side left it.
    Card(Card),
    /// An order, as ids.
    Order(Vec<u64>),
}

/// The map's own fields, as a conflict records them.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct MapHeader {
    /// The title.
    pub title: String,
    /// The description.
    #[serde(default)]
    pub description: String,
    /// Current or future state.
    #[serde(default)]
    pub state: MapState,
}
