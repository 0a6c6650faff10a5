//! Stable identifiers for the things on a map.
//!
//! Ids are plain numbers handed out by [`crate::model::Map::new_id`]. They
//! never change when items are reordered, so the UI, history and analysis
//! can refer to items without caring about list positions.

use serde::{Deserialize, Serialize};

macro_rules! id_type {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(
            Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
        )]
        #[serde(transparent)]
        pub struct $name(pub u64);

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                write!(f, "{}", self.0)
            }
        }
    };
}

id_type!(
    /// Identifies a [`crate::model::Stage`].
    StageId
);
id_type!(
    /// Identifies a [`crate::model::Lane`].
    LaneId
);
id_type!(
    /// Identifies a [`crate::model::Card`].
    CardId
);
id_type!(
    /// Identifies a [`crate::model::Persona`].
    PersonaId
);

/// The largest id a map may hold: 2^53, the largest whole number that
/// survives a trip through JSON, JavaScript or a spreadsheet. Files with
/// larger ids are refused, and id arithmetic stays far from `u64::MAX`.
pub const MAX_ID: u64 = 1 << 53;

/// A hash map keyed on ids, for the maps built on every keystroke (layout,
/// analysis): foldhash is several times faster than std's SipHash, and it
/// is still seeded per process, so crafted ids cannot force collisions.
pub type IdMap<K, V> = std::collections::HashMap<K, V, foldhash::fast::RandomState>;

/// A hash set of ids; see [`IdMap`].
pub type IdSet<K> = std::collections::HashSet<K, foldhash::fast::RandomState>;
