//! Links between cards: in a service blueprint, the arrow from a
//! frontstage card to the backstage card that serves it.

use serde::{Deserialize, Serialize};

use super::CardId;

/// An arrow from one card to another, stored by the cards' ids. A link
/// has no id of its own: the pair is its identity, and a map holds each
/// pair once.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Link {
    /// The card the arrow starts at: the one that is served.
    pub from: CardId,
    /// The card the arrow points to: the one that serves it.
    pub to: CardId,
}

impl Link {
    /// A link from one card to another.
    pub fn new(from: CardId, to: CardId) -> Self {
        Self { from, to }
    }

    /// Whether the link starts or ends at this card.
    pub fn touches(&self, card: CardId) -> bool {
        self.from == card || self.to == card
    }
}
