//! The workshop room: dot votes, and participants on their own phones.
//!
//! Pure of egui. [`vote`] keeps a vote's session (who placed which dot);
//! [`server`] serves the participants' page on the local network and hands
//! their notes and dots to the editor; [`inbox`] holds the notes until the
//! facilitator accepts (a card in the Inbox lane) or rejects them. Every
//! change to the map goes through [`crate::edit::Document`], as an
//! ordinary undoable command.

mod form;
mod guard;
pub mod inbox;
pub mod network;
mod page;
pub mod qr;
pub mod server;
pub mod view;
pub mod vote;

use crate::edit::{Command, Document};
use crate::model::CardId;

pub use guard::join_code;
pub use inbox::{Inbox, InboxNote, accept_note};
pub use server::{RoomRequest, RoomServer};
pub use view::RoomView;
pub use vote::{Refusal, VoteSession, VoteSettings, Voter};

/// Puts a dot on a card (or takes one back) for a voter, as one undo step,
/// if the vote allows it; the session records it once it landed. Returns
/// the voter's dots left. The facilitator's clicks and the phones' dots
/// both come through here.
pub fn cast(
    doc: &mut Document,
    session: &mut VoteSession,
    voter: Voter,
    card: CardId,
    add: bool,
) -> Result<u32, String> {
    let map = doc.map();
    if add {
        session
            .check_add(map, voter, card)
            .map_err(|r| r.to_string())?;
    } else {
        session
            .check_remove(map, voter, card)
            .map_err(|r| r.to_string())?;
    }
    doc.close_step();
    let command = if add {
        Command::AddVote(card)
    } else {
        Command::RemoveVote(card)
    };
    doc.apply(command).map_err(|e| e.to_string())?;
    doc.close_step();
    if add {
        session.record_add(voter, card);
    } else {
        session.record_remove(voter, card);
    }
    Ok(session.dots_left(voter))
}
