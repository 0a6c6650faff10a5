//! The vocabulary of a diff: typed changes between two maps.

use serde::Serialize;
use serde_json::Value;

use crate::model::{LaneId, StageId};

/// What kind of item a change is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// A stage (column).
    Stage,
    /// A lane (row).
    Lane,
    /// A persona.
    Persona,
    /// A card.
    Card,
}

impl Kind {
    /// The word people read.
    pub fn word(self) -> &'static str {
        match self {
            Kind::Stage => "stage",
            Kind::Lane => "lane",
            Kind::Persona => "persona",
            Kind::Card => "card",
        }
    }

    /// The plural, for orders.
    pub fn plural(self) -> &'static str {
        match self {
            Kind::Stage => "stages",
            Kind::Lane => "lanes",
            Kind::Persona => "personas",
            Kind::Card => "cards",
        }
    }
}

/// An item named in a change: its kind, id, and name (or title) on the side
/// the change speaks of (the new one, except for removals).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ItemRef {
    /// Stage, lane, persona or card.
    pub kind: Kind,
    /// Its id.
    pub id: u64,
    /// Its name, or a card's title.
    pub name: String,
}

/// Where a card stands: its cell and its position among the cell's cards
/// (from 0). The names are for reading; the ids are what count.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct CardPlace {
    /// The stage.
    pub stage: StageId,
    /// The stage's name.
    pub stage_name: String,
    /// The lane.
    pub lane: LaneId,
    /// The lane's name.
    pub lane_name: String,
    /// The position in the cell, from 0.
    pub index: usize,
}

/// One change from an old map to a new one. Values are JSON, as the file's
/// fields serialise: strings, numbers, `null` for none, objects for
/// emotions.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "change", rename_all = "snake_case")]
pub enum Change {
    /// One of the map's own fields changed: `title`, `description`,
    /// `state`, `dismissals` or `conflicts`.
    MapField {
        /// The field.
        field: String,
        /// Its old value.
        old: Value,
        /// Its new value.
        new: Value,
    },
    /// An item is new.
    Added {
        /// The item, named as in the new map.
        item: ItemRef,
        /// Its position among the stages, lanes or personas; `None` for cards.
        #[serde(skip_serializing_if = "Option::is_none")]
        index: Option<usize>,
        /// A card's place; `None` for the other kinds.
        #[serde(skip_serializing_if = "Option::is_none")]
        place: Option<CardPlace>,
        /// The whole item.
        value: Value,
    },
    /// An item is gone.
    Removed {
        /// The item, named as in the old map.
        item: ItemRef,
        /// Where it stood among the stages, lanes or personas.
        #[serde(skip_serializing_if = "Option::is_none")]
        index: Option<usize>,
        /// Where a card stood.
        #[serde(skip_serializing_if = "Option::is_none")]
        place: Option<CardPlace>,
        /// The whole item as it was.
        value: Value,
    },
    /// One field of an item changed.
    FieldChanged {
        /// The item.
        item: ItemRef,
        /// The field, as named in the file: `title`, `emotion`, `owner`…
        field: String,
        /// Its old value.
        old: Value,
        /// Its new value.
        new: Value,
    },
    /// A card moved to another cell, or to another position in its cell
    /// relative to the cards that stayed.
    Moved {
        /// The card.
        item: ItemRef,
        /// Where it stood.
        from: CardPlace,
        /// Where it stands now.
        to: CardPlace,
    },
    /// The stages, lanes or personas that both maps have stand in another
    /// order.
    Reordered {
        /// Stages, lanes or personas.
        kind: Kind,
        /// Their old order (only the items both maps have).
        from: Vec<ItemRef>,
        /// Their new order.
        to: Vec<ItemRef>,
    },
}

/// The changes from one map to another, in a stable order: the map's own
/// fields, then stages, lanes, personas, and cards.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[serde(transparent)]
pub struct Diff {
    /// The changes.
    pub changes: Vec<Change>,
}

impl Diff {
    /// Whether the maps are the same.
    pub fn is_empty(&self) -> bool {
        self.changes.is_empty()
    }

    /// How many changes there are.
    pub fn len(&self) -> usize {
        self.changes.len()
    }

    /// The diff as pretty JSON: an array of changes, each with its
    /// `change` kind.
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_else(|_| "[]".to_owned())
    }
}
