//! The vote bar above the map while a vote runs, and the room panel
//! beside it while phones are invited: the join address and code, the QR
//! code, and the inbox of notes to accept or reject.

use egui::{RichText, Ui, vec2};

use crate::room::qr::Qr;
use crate::room::{InboxNote, VoteSession};
use crate::ui::{Action, Actions, UiCommand};

/// What the vote bar shows.
pub struct RoomBar<'a> {
    /// The vote.
    pub vote: &'a VoteSession,
    /// The names of the lanes that take dots.
    pub lanes: String,
    /// After the reveal: the top cards' places, titles and dots.
    pub top: &'a [(usize, String, u32)],
}

/// The vote bar: what is being voted, how many dots are in, whose turn it
/// is at this machine, and Reveal / End.
pub fn vote_bar_ui(ui: &mut Ui, bar: &RoomBar<'_>, out: &mut Actions) {
    let vote = bar.vote;
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new("Dot vote").strong());
        ui.label(format!(
            "{} · {} dots each · {} dots from {} voters",
            bar.lanes,
            vote.settings().dots,
            vote.total(),
            vote.voters()
        ));
        ui.separator();
        if vote.revealed() {
            ui.label("Revealed:");
            if bar.top.is_empty() {
                ui.label("no dots were cast");
            }
            for (place, title, dots) in bar.top {
                ui.label(format!("#{place} {title} ({dots})"));
            }
        } else {
            let voter = vote.local_voter();
            ui.label(format!(
                "{}: {} of {} dots left (click a card; right-click takes one back)",
                voter.label(),
                vote.dots_left(voter),
                vote.settings().dots
            ));
            if ui.button("Next Voter").clicked() {
                out.push(Action::NextVoter);
            }
            if UiCommand::RevealVotes.menu_button(ui, true) {
                out.command(UiCommand::RevealVotes);
            }
        }
        if UiCommand::EndVote.menu_button(ui, true) {
            out.command(UiCommand::EndVote);
        }
    });
}

/// What the room panel shows.
pub struct RoomPanel<'a> {
    /// While invited: the address phones open, the join code, the address
    /// as a QR code and the phones joined.
    pub join: Option<(&'a str, &'a str, Option<&'a Qr>, usize)>,
    /// Notes waiting, with their stage's name.
    pub notes: Vec<(&'a InboxNote, String)>,
}

/// The room panel: how to join, and the inbox.
pub fn room_panel_ui(ui: &mut Ui, panel: &RoomPanel<'_>, out: &mut Actions) {
    ui.heading("Room");
    match panel.join {
        Some((url, code, qr, phones)) => {
            ui.label(format!("Join at {url}"));
            ui.label(RichText::new(format!("Code {code}")).strong().size(20.0));
            if let Some(qr) = qr {
                let (rect, _) = ui.allocate_exact_size(vec2(180.0, 180.0), egui::Sense::hover());
                super::paint_qr(ui.painter(), rect, qr);
            }
            ui.label(format!(
                "{} joined",
                crate::analysis::count_noun(phones, "phone", "phones")
            ));
            if UiCommand::CloseRoom.menu_button(ui, true) {
                out.command(UiCommand::CloseRoom);
            }
        }
        None => {
            // Closed with notes still waiting: they stay until reviewed.
            ui.label("The room is closed; its notes wait here.");
            if UiCommand::InviteRoom.menu_button(ui, true) {
                out.command(UiCommand::InviteRoom);
            }
        }
    }
    ui.separator();
    ui.heading(format!("Inbox ({})", panel.notes.len()));
    if panel.notes.is_empty() {
        ui.weak("Notes from phones wait here until you accept them.");
    }
    egui::ScrollArea::vertical().show(ui, |ui| {
        for (note, stage) in &panel.notes {
            ui.push_id(("inbox", note.id), |ui| {
                ui.group(|ui| {
                    ui.label(note.text.as_str());
                    ui.weak(format!("Phone {} · on {stage}", note.phone));
                    ui.horizontal(|ui| {
                        if ui.button("Accept").clicked() {
                            out.push(Action::AcceptNote(note.id));
                        }
                        if ui.button("Reject").clicked() {
                            out.push(Action::RejectNote(note.id));
                        }
                    });
                });
            });
        }
    });
}
