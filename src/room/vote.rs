//! A dot vote in progress: which lanes take dots, how many each voter
//! has, whether the counts are revealed, and who placed which dot.
//!
//! The file holds only each card's count ([`Card::votes`]); who voted is
//! the session's, and goes when it ends. The session mirrors the map: a
//! dot is recorded after its command landed, and [`VoteSession::reconcile`]
//! follows undo and redo, so an undone dot goes back to its voter.

use std::collections::HashMap;

use crate::model::{Card, CardId, LaneId, LaneKind, Map};

/// Who placed a dot.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Voter {
    /// Someone at the facilitator's machine, numbered as the laptop goes
    /// round the room (Voter 1, Voter 2, ...).
    Local(u32),
    /// A participant on their own phone, by the number the room server
    /// gave them when they joined.
    Phone(u32),
    /// Dots the map gained while the session could not tell whose they
    /// were (an undone Clear Votes brought them back).
    Unknown,
}

impl Voter {
    /// The name the facilitator reads.
    pub fn label(self) -> String {
        match self {
            Voter::Local(n) => format!("Voter {n}"),
            Voter::Phone(n) => format!("Phone {n}"),
            Voter::Unknown => "Earlier dots".to_owned(),
        }
    }
}

/// What the facilitator chose when starting a vote.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VoteSettings {
    /// The lanes whose cards take dots.
    pub lanes: Vec<LaneId>,
    /// Dots per voter.
    pub dots: u32,
}

impl VoteSettings {
    /// The most dots a voter may have: more makes the vote meaningless.
    pub const MAX_DOTS: u32 = 20;

    /// The default: the map's pain-point lanes, three dots each.
    pub fn for_map(map: &Map) -> Self {
        Self {
            lanes: map
                .lanes
                .iter()
                .filter(|l| l.kind == LaneKind::PainPoints)
                .map(|l| l.id)
                .collect(),
            dots: 3,
        }
    }
}

/// Why a dot was refused, in words for the person who tried.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Refusal {
    /// The votes are revealed: voting is over.
    Closed,
    /// The card is gone.
    NoCard,
    /// The card's lane takes no dots in this vote.
    NotVotable,
    /// The voter has placed every dot.
    NoDotsLeft(u32),
    /// The voter has no dot on that card to take back.
    NoDotHere,
}

impl std::fmt::Display for Refusal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Refusal::Closed => f.write_str("the vote is closed"),
            Refusal::NoCard => f.write_str("that card is no longer on the map"),
            Refusal::NotVotable => f.write_str("that card is not part of this vote"),
            Refusal::NoDotsLeft(n) => write!(f, "all {n} dots are placed"),
            Refusal::NoDotHere => f.write_str("there is no dot of yours on that card"),
        }
    }
}

/// A dot vote while it runs.
#[derive(Clone, Debug, PartialEq)]
pub struct VoteSession {
    settings: VoteSettings,
    /// Counts are shown (and no more dots are taken).
    revealed: bool,
    /// Every dot the session knows of, oldest first.
    ledger: Vec<(Voter, CardId)>,
    /// Dots taken back by an undo, newest last, for a redo to return.
    undone: Vec<(Voter, CardId)>,
    /// Who votes at the facilitator's machine now.
    local: u32,
}

impl VoteSession {
    /// A vote with these settings, hidden, nobody's dots placed.
    pub fn new(settings: VoteSettings) -> Self {
        Self {
            settings,
            revealed: false,
            ledger: Vec::new(),
            undone: Vec::new(),
            local: 1,
        }
    }

    /// What the vote was started with.
    pub fn settings(&self) -> &VoteSettings {
        &self.settings
    }

    /// Whether the counts are shown.
    pub fn revealed(&self) -> bool {
        self.revealed
    }

    /// Shows the counts and closes the vote.
    pub fn reveal(&mut self) {
        self.revealed = true;
    }

    /// Whether a card's lane takes dots.
    pub fn votable(&self, card: &Card) -> bool {
        self.settings.lanes.contains(&card.lane)
    }

    /// The voter at the facilitator's machine.
    pub fn local_voter(&self) -> Voter {
        Voter::Local(self.local)
    }

    /// Passes the machine to the next person in the room.
    pub fn next_local_voter(&mut self) {
        self.local = self.local.saturating_add(1);
    }

    /// How many dots a voter has placed.
    pub fn placed(&self, voter: Voter) -> u32 {
        self.ledger.iter().filter(|(v, _)| *v == voter).count() as u32
    }

    /// How many dots a voter has left.
    pub fn dots_left(&self, voter: Voter) -> u32 {
        self.settings.dots.saturating_sub(self.placed(voter))
    }

    /// How many of a voter's dots are on a card.
    pub fn placed_on(&self, voter: Voter, card: CardId) -> u32 {
        self.ledger
            .iter()
            .filter(|(v, c)| *v == voter && *c == card)
            .count() as u32
    }

    /// Every dot the session knows of, oldest first, with its voter.
    pub fn dots(&self) -> impl Iterator<Item = &(Voter, CardId)> {
        self.ledger.iter()
    }

    /// Every dot placed in this vote.
    pub fn total(&self) -> usize {
        self.ledger.len()
    }

    /// How many people (or phones) have placed a dot.
    pub fn voters(&self) -> usize {
        let mut seen: Vec<Voter> = self.ledger.iter().map(|(v, _)| *v).collect();
        seen.sort_unstable();
        seen.dedup();
        seen.len()
    }

    /// Whether `voter` may put a dot on `card` now.
    pub fn check_add(&self, map: &Map, voter: Voter, card: CardId) -> Result<(), Refusal> {
        if self.revealed {
            return Err(Refusal::Closed);
        }
        let card = map.card(card).ok_or(Refusal::NoCard)?;
        if !self.votable(card) {
            return Err(Refusal::NotVotable);
        }
        if self.dots_left(voter) == 0 {
            return Err(Refusal::NoDotsLeft(self.settings.dots));
        }
        Ok(())
    }

    /// Whether `voter` may take a dot off `card` now: only one of their own.
    pub fn check_remove(&self, map: &Map, voter: Voter, card: CardId) -> Result<(), Refusal> {
        if self.revealed {
            return Err(Refusal::Closed);
        }
        map.card(card).ok_or(Refusal::NoCard)?;
        if self.placed_on(voter, card) == 0 {
            return Err(Refusal::NoDotHere);
        }
        Ok(())
    }

    /// Records a dot whose command has landed on the map.
    pub fn record_add(&mut self, voter: Voter, card: CardId) {
        self.ledger.push((voter, card));
        // A new dot ends what a redo could bring back, as in the history.
        self.undone.clear();
    }

    /// Records a dot taken back, whose command has landed on the map.
    pub fn record_remove(&mut self, voter: Voter, card: CardId) {
        if let Some(i) = self
            .ledger
            .iter()
            .rposition(|(v, c)| *v == voter && *c == card)
        {
            self.ledger.remove(i);
        }
        self.undone.clear();
    }

    /// Brings the session in line with the map after an undo, a redo or
    /// any other edit: a card with fewer dots than the session knows of
    /// gives its newest dots back to their voters; one with more takes
    /// back dots an undo returned, else counts them as [`Voter::Unknown`].
    /// Linear in the cards and dots.
    pub fn reconcile(&mut self, map: &Map) {
        let mut known: HashMap<CardId, u32> = HashMap::new();
        for (_, card) in &self.ledger {
            *known.entry(*card).or_default() += 1;
        }
        let counts: HashMap<CardId, u32> = map.cards.iter().map(|c| (c.id, c.votes)).collect();
        // Too many known: the newest go to `undone`, newest last.
        let mut surplus: HashMap<CardId, u32> = known
            .iter()
            .filter_map(|(card, &n)| {
                let have = counts.get(card).copied().unwrap_or(0);
                (n > have).then(|| (*card, n - have))
            })
            .collect();
        if !surplus.is_empty() {
            let mut kept = Vec::with_capacity(self.ledger.len());
            let mut taken = Vec::new();
            for entry in self.ledger.drain(..).rev() {
                match surplus.get_mut(&entry.1) {
                    Some(n) if *n > 0 => {
                        *n -= 1;
                        taken.push(entry);
                    }
                    _ => kept.push(entry),
                }
            }
            kept.reverse();
            self.ledger = kept;
            // `taken` is newest first; the newest must come out first on redo.
            taken.reverse();
            self.undone.extend(taken);
        }
        // Too few known: bring back undone dots, newest first.
        let mut known: HashMap<CardId, u32> = HashMap::new();
        for (_, card) in &self.ledger {
            *known.entry(*card).or_default() += 1;
        }
        for card in &map.cards {
            let mut have = known.get(&card.id).copied().unwrap_or(0);
            while have < card.votes && self.votable(card) {
                match self.undone.iter().rposition(|(_, c)| *c == card.id) {
                    Some(i) => {
                        let entry = self.undone.remove(i);
                        self.ledger.push(entry);
                    }
                    None => self.ledger.push((Voter::Unknown, card.id)),
                }
                have += 1;
            }
        }
    }
}

/// The cards with dots, most first; ties keep the map's order. Only the
/// cards of `lanes` when given. What the reveal ranks, the analysis panel
/// sorts by and the presenter reads.
pub fn ranking(map: &Map, lanes: Option<&[LaneId]>) -> Vec<(CardId, u32)> {
    let mut ranked: Vec<(CardId, u32)> = map
        .cards
        .iter()
        .filter(|c| c.votes > 0 && lanes.is_none_or(|l| l.contains(&c.lane)))
        .map(|c| (c.id, c.votes))
        .collect();
    // Stable: equal counts stay in map order.
    ranked.sort_by_key(|r| std::cmp::Reverse(r.1));
    ranked
}

/// The places of the cards ranked within the first `top` places (1 for
/// the most dots); ties share a place, as in a race. One pass.
pub fn places(ranked: &[(CardId, u32)], top: usize) -> Vec<(CardId, usize)> {
    let mut out = Vec::new();
    let mut place = 0;
    let mut last = None;
    for (i, &(card, votes)) in ranked.iter().enumerate() {
        if last != Some(votes) {
            place = i + 1;
            last = Some(votes);
        }
        if place > top {
            break;
        }
        out.push((card, place));
    }
    out
}
