//! The workshop room in the editor: the Start Vote and Invite the Room
//! dialogs, the vote bar above the map, the room panel (join code, QR
//! code, the inbox of notes from phones) and the QR code's drawing, which
//! the presentation shares.

mod bar;
mod forms;
mod qr;

pub use bar::{RoomBar, RoomPanel, room_panel_ui, vote_bar_ui};
pub use forms::{FormChoice, InviteForm, VoteForm, invite_form_ui, vote_form_ui};
pub use qr::paint_qr;
