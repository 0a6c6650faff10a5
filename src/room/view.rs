//! What a participant's page may show: the map's title, the stage on the
//! projector, and during a vote the titles of the cards that take dots
//! with that phone's own dots. Nothing else of the map leaves the machine.
//! The app builds it from the document and publishes it to the server.

use std::collections::HashMap;

use crate::model::{CardId, Map};

use super::vote::{VoteSession, Voter, places, ranking};

/// The most cards a vote lists on a phone.
pub const MAX_CARDS: usize = 200;
/// The most characters of a title a phone is sent.
pub const MAX_TITLE: usize = 160;

/// The page's content, as of the facilitator's last frame.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct RoomView {
    /// The map's title.
    pub title: String,
    /// The stage on the projector.
    pub stage: String,
    /// The vote, while one runs.
    pub vote: Option<VoteView>,
}

/// A vote as phones see it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct VoteView {
    /// Dots per participant.
    pub dots: u32,
    /// The counts are revealed: voting is over.
    pub revealed: bool,
    /// The cards that take dots, with their titles.
    pub cards: Vec<(CardId, String)>,
    /// Each phone's dots, by card.
    pub phones: HashMap<u32, Vec<(CardId, u32)>>,
    /// After the reveal: the top cards with their dots and places.
    pub top: Vec<(usize, String, u32)>,
}

impl VoteView {
    /// How many dots a phone has placed on a card.
    pub fn mine(&self, phone: u32, card: CardId) -> u32 {
        self.phones
            .get(&phone)
            .and_then(|dots| dots.iter().find(|(c, _)| *c == card))
            .map_or(0, |(_, n)| *n)
    }

    /// How many dots a phone has left.
    pub fn left(&self, phone: u32) -> u32 {
        let placed: u32 = self
            .phones
            .get(&phone)
            .map_or(0, |dots| dots.iter().map(|(_, n)| n).sum());
        self.dots.saturating_sub(placed)
    }
}

/// A title cut to what a phone is sent.
fn short(text: &str) -> String {
    let mut out: String = text.chars().take(MAX_TITLE).collect();
    if out.len() < text.len() {
        out.push('…');
    }
    out
}

impl RoomView {
    /// The view of `map` at stage `stage`, with the vote if one runs.
    pub fn of(map: &Map, stage: usize, vote: Option<&VoteSession>) -> Self {
        let vote = vote.map(|session| {
            let mut phones: HashMap<u32, Vec<(CardId, u32)>> = HashMap::new();
            for (voter, card) in session.dots() {
                if let Voter::Phone(n) = voter {
                    let dots = phones.entry(*n).or_default();
                    match dots.iter_mut().find(|(c, _)| c == card) {
                        Some((_, k)) => *k += 1,
                        None => dots.push((*card, 1)),
                    }
                }
            }
            let revealed = session.revealed();
            let top = if revealed {
                let ranked = ranking(map, Some(&session.settings().lanes));
                places(&ranked, 3)
                    .into_iter()
                    .zip(&ranked)
                    .filter_map(|((card, place), (_, votes))| {
                        Some((place, short(&map.card(card)?.title), *votes))
                    })
                    .collect()
            } else {
                Vec::new()
            };
            VoteView {
                dots: session.settings().dots,
                revealed,
                cards: map
                    .cards
                    .iter()
                    .filter(|c| session.votable(c))
                    .take(MAX_CARDS)
                    .map(|c| (c.id, short(&c.title)))
                    .collect(),
                phones,
                top,
            }
        });
        Self {
            title: short(&map.title),
            stage: map
                .stages
                .get(stage)
                .map(|s| short(&s.name))
                .unwrap_or_default(),
            vote,
        }
    }
}
