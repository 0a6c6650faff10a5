//! What stages, lanes, personas and cards have in common for diff and merge.

use std::sync::Arc;

use serde::Serialize;
use serde::de::DeserializeOwned;

use super::{ItemRef, Kind};
use crate::model::{Card, CardId, Lane, Persona, Stage, Subject, Version};

/// An item with an id and a name.
pub(crate) trait Item: Serialize + DeserializeOwned + Clone + PartialEq {
    /// Its kind.
    const KIND: Kind;
    /// Fields diff and merge leave to other code.
    const SKIP: &'static [&'static str];
    /// Its id as a number.
    fn raw_id(&self) -> u64;
    /// Its name, or a card's title.
    fn name(&self) -> &str;
    /// The item as a conflict records it.
    fn version(&self) -> Version;
    /// What a conflict about the item with this id is about.
    fn subject(id: u64) -> Subject;
    /// A reference for a change.
    fn item_ref(&self) -> ItemRef {
        ItemRef {
            kind: Self::KIND,
            id: self.raw_id(),
            name: self.name().to_owned(),
        }
    }
}

macro_rules! item {
    ($ty:ty, $kind:ident, $name:ident, $skip:expr, $id:ident) => {
        impl Item for $ty {
            const KIND: Kind = Kind::$kind;
            const SKIP: &'static [&'static str] = $skip;
            fn raw_id(&self) -> u64 {
                self.id.0
            }
            fn name(&self) -> &str {
                &self.$name
            }
            fn version(&self) -> Version {
                Version::$kind(self.clone())
            }
            fn subject(id: u64) -> Subject {
                Subject::$kind(crate::model::$id(id))
            }
        }
    };
}

item!(Stage, Stage, name, &["id"], StageId);
item!(Lane, Lane, name, &["id"], LaneId);
item!(Persona, Persona, name, &["id"], PersonaId);
item!(Card, Card, title, &["id", "stage", "lane"], CardId);

/// Cards are shared between snapshots; merge keeps unchanged ones shared.
impl Item for Arc<Card> {
    const KIND: Kind = Kind::Card;
    const SKIP: &'static [&'static str] = Card::SKIP;
    fn raw_id(&self) -> u64 {
        self.id.0
    }
    fn name(&self) -> &str {
        &self.title
    }
    fn version(&self) -> Version {
        Version::Card((**self).clone())
    }
    fn subject(id: u64) -> Subject {
        Subject::Card(CardId(id))
    }
}
