//! Notes from the phones, waiting for the facilitator: accepted, a note
//! becomes a card in the Inbox lane of its stage (one undo step); rejected,
//! it is gone. Nothing a phone sends reaches the map any other way.

use crate::edit::{Command, Document, MergeKey};
use crate::model::{Card, CardId, Lane, LaneId, LaneKind, StageId};

/// The most notes waiting at once: more are refused, and the phone is told.
pub const MAX_INBOX: usize = 200;

/// A note waiting for review.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InboxNote {
    /// Numbers the notes of a session, for the buttons' ids.
    pub id: u64,
    /// Which phone sent it.
    pub phone: u32,
    /// The stage on the projector when it came.
    pub stage: StageId,
    /// What they typed.
    pub text: String,
}

/// The notes waiting, oldest first.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Inbox {
    notes: Vec<InboxNote>,
    next: u64,
}

impl Inbox {
    /// Takes a note in; false when the inbox is full.
    pub fn push(&mut self, phone: u32, stage: StageId, text: String) -> bool {
        if self.notes.len() >= MAX_INBOX {
            return false;
        }
        self.next += 1;
        self.notes.push(InboxNote {
            id: self.next,
            phone,
            stage,
            text,
        });
        true
    }

    /// The notes waiting.
    pub fn notes(&self) -> &[InboxNote] {
        &self.notes
    }

    /// Takes a note out (accepted or rejected).
    pub fn take(&mut self, id: u64) -> Option<InboxNote> {
        let i = self.notes.iter().position(|n| n.id == id)?;
        Some(self.notes.remove(i))
    }
}

/// Adds an accepted note as a card in the Inbox lane of its stage, making
/// the lane (last) if the map has none: one undo step either way.
pub fn accept_note(doc: &mut Document, note: &InboxNote) -> Result<CardId, String> {
    if doc.map().stage(note.stage).is_none() {
        return Err("its stage is no longer on the map".to_owned());
    }
    let key = Some(MergeKey(format!(
        "room-note-{}-{}",
        note.id,
        doc.revision()
    )));
    doc.close_step();
    let existing = doc
        .map()
        .lanes
        .iter()
        .find(|l| l.kind == LaneKind::Inbox)
        .map(|l| l.id);
    let lane = match existing {
        Some(id) => id,
        None => {
            let index = doc.map().lanes.len();
            let lane = Lane::new(LaneId(0), LaneKind::Inbox);
            let ids = doc
                .apply_merging(Command::AddLane { index, lane }, key.clone())
                .map_err(|e| e.to_string())?;
            LaneId(*ids.first().ok_or("the Inbox lane was not made")?)
        }
    };
    let card = Card::new(CardId(0), note.stage, lane, &note.text);
    let ids = doc
        .apply_merging(
            Command::AddCard {
                card,
                position: None,
            },
            key,
        )
        .map_err(|e| e.to_string())?;
    doc.close_step();
    ids.first()
        .map(|id| CardId(*id))
        .ok_or_else(|| "the card was not made".to_owned())
}
