//! The workshop room in the app: the dot vote of the open document, the
//! room server while phones are invited, and the inbox of their notes.
//!
//! Each frame, before anything is drawn, [`WaymarkApp::room_tick`] takes
//! what the phones sent (never waiting for it), applies their dots through
//! the same edit commands as a click (one undo step per dot: the
//! facilitator can take back one wrong dot, and an undone dot goes back to
//! its phone), puts their notes in the inbox, follows undo and redo in the
//! vote's tallies, and publishes what the phones' page shows.

use crate::edit::{Command, DocKey};
use crate::model::CardId;
use crate::room::qr::Qr;
use crate::room::{
    Inbox, RoomRequest, RoomServer, RoomView, VoteSession, VoteSettings, Voter, accept_note, cast,
};
use crate::ui::room::{InviteForm, VoteForm};

use super::WaymarkApp;
use super::dialog_types::Dialog;

/// The room of one document: dropped with it, which stops the server.
#[derive(Debug, Default)]
pub(super) struct Room {
    /// The dot vote, while one runs.
    pub vote: Option<VoteSession>,
    /// The server, while phones are invited.
    pub server: Option<RoomServer>,
    /// The join address as a QR code.
    pub qr: Option<Qr>,
    /// Notes from phones, waiting for the facilitator.
    pub inbox: Inbox,
    /// The document as the vote last matched it.
    seen: Option<DocKey>,
}

impl Room {
    /// The cards' vote marks: hidden while a vote is open and unrevealed.
    pub fn marks(&self) -> crate::paint::VoteMarks<'_> {
        match &self.vote {
            Some(vote) if !vote.revealed() => {
                crate::paint::VoteMarks::Hidden(&vote.settings().lanes)
            }
            _ => crate::paint::VoteMarks::Shown,
        }
    }
}

impl WaymarkApp {
    /// The dot vote, while one runs.
    pub fn vote(&self) -> Option<&VoteSession> {
        self.session.room.vote.as_ref()
    }

    /// The room server, while phones are invited.
    pub fn room_server(&self) -> Option<&RoomServer> {
        self.session.room.server.as_ref()
    }

    /// The notes from phones waiting for review.
    pub fn inbox(&self) -> &Inbox {
        &self.session.room.inbox
    }

    /// The stage the room is on: the one presented, else the selected one.
    pub(super) fn room_stage(&self) -> usize {
        if let Some(p) = &self.present {
            return p.stage();
        }
        let map = self.session.doc.map();
        self.session
            .view
            .selection
            .stage
            .and_then(|s| map.stage_index(s))
            .unwrap_or(0)
    }

    pub(super) fn ask_start_vote(&mut self) {
        if self.session.room.vote.is_some() {
            self.set_status("A vote is running: end it first");
            return;
        }
        let form = VoteForm::new(self.session.doc.map());
        self.push_dialog(Dialog::StartVote(form));
    }

    /// Starts the vote the dialog set up.
    pub(super) fn start_vote(&mut self, form: &VoteForm) {
        match form.settings() {
            Some(settings) => self.begin_vote(settings),
            None => self.set_error_status("Pick at least one lane for the vote"),
        }
    }

    /// Starts a dot vote with these settings (as Start Vote does, for
    /// benchmarks and embedding); dots of an earlier vote are cleared
    /// first, as an undo step of its own.
    pub fn begin_vote(&mut self, settings: VoteSettings) {
        if self.session.doc.map().cards.iter().any(|c| c.votes > 0) {
            self.session.doc.close_step();
            self.apply_edit(Command::ClearVotes);
        }
        let map = self.session.doc.map();
        let lanes: Vec<&str> = settings
            .lanes
            .iter()
            .filter_map(|l| map.lane(*l))
            .map(|l| l.name.as_str())
            .collect();
        let text = format!(
            "Dot vote started on {}: {} dots each",
            lanes.join(", "),
            settings.dots
        );
        let room = &mut self.session.room;
        room.vote = Some(VoteSession::new(settings));
        room.seen = Some(self.session.doc.key());
        self.set_status(text);
    }

    pub(super) fn reveal_votes(&mut self) {
        if let Some(vote) = &mut self.session.room.vote {
            vote.reveal();
            let total = vote.total();
            self.set_status(format!("Votes revealed: {total} dots"));
        }
    }

    pub(super) fn end_vote(&mut self) {
        if self.session.room.vote.take().is_some() {
            self.set_status("Vote ended; the dots stay on the cards");
        }
    }

    pub(super) fn clear_votes(&mut self) {
        self.session.doc.close_step();
        self.apply_edit(Command::ClearVotes);
        self.set_undoable_status("Votes cleared");
    }

    pub(super) fn next_voter(&mut self) {
        if let Some(vote) = &mut self.session.room.vote {
            vote.next_local_voter();
            let text = format!("{} votes now", vote.local_voter().label());
            self.set_status(text);
        }
    }

    /// A click on a card during the vote: a dot from the voter at this
    /// machine, or one taken back.
    pub(super) fn local_vote(&mut self, card: CardId, add: bool) {
        let Some(vote) = self.session.room.vote.as_mut() else {
            return;
        };
        let voter = vote.local_voter();
        let result = cast(&mut self.session.doc, vote, voter, card, add);
        self.session.room.seen = Some(self.session.doc.key());
        match result {
            Ok(left) => self.set_status(format!(
                "{} {}: {left} left",
                voter.label(),
                if add {
                    "placed a dot"
                } else {
                    "took back a dot"
                }
            )),
            Err(why) => self.set_error_status(format!("No dot: {why}")),
        }
    }

    pub(super) fn ask_invite(&mut self) {
        if self.session.room.server.is_some() {
            return;
        }
        let form = InviteForm::new(crate::room::network::addresses());
        self.push_dialog(Dialog::Invite(form));
    }

    /// Starts the room server on the address picked.
    pub(super) fn open_room(&mut self, form: &InviteForm) {
        if let Some(ip) = form.address()
            && let Err(err) = self.invite_room(ip)
        {
            self.push_dialog(Dialog::error(format!("Could not invite the room: {err}")));
        }
    }

    /// Serves the room's page on `ip` (as Invite the Room does, for
    /// benchmarks and embedding).
    pub fn invite_room(&mut self, ip: std::net::IpAddr) -> Result<(), String> {
        let ctx = self.egui_ctx.clone();
        let wake = Box::new(move || ctx.request_repaint());
        let server = RoomServer::start(ip, 0, wake)?;
        let url = server.join_url();
        self.session.room.qr = Qr::new(&url);
        self.set_status(format!(
            "The room is invited: {} (code {})",
            url,
            server.code()
        ));
        self.session.room.server = Some(server);
        self.publish_room();
        Ok(())
    }

    pub(super) fn close_room(&mut self) {
        let room = &mut self.session.room;
        if let Some(server) = room.server.take() {
            server.stop();
            room.qr = None;
            self.set_status("The room is closed: phones can no longer join or send");
        }
    }

    pub(super) fn accept_note(&mut self, id: u64) {
        let Some(note) = self.session.room.inbox.take(id) else {
            return;
        };
        match accept_note(&mut self.session.doc, &note) {
            Ok(_) => self.set_undoable_status("Note added to the Inbox lane"),
            Err(err) => {
                self.set_error_status(format!("Could not add the note: {err}"));
            }
        }
    }

    pub(super) fn reject_note(&mut self, id: u64) {
        if self.session.room.inbox.take(id).is_some() {
            self.set_status("Note rejected");
        }
    }

    /// Once a frame, before drawing: the phones' requests, the vote's
    /// tallies after undo or redo, and the phones' page.
    pub(super) fn room_tick(&mut self) {
        let key = self.session.doc.key();
        let room = &mut self.session.room;
        if let Some(vote) = &mut room.vote
            && room.seen != Some(key)
        {
            vote.reconcile(self.session.doc.map());
            room.seen = Some(key);
        }
        let Some(server) = &room.server else {
            return;
        };
        let requests = server.pending();
        let stage = self.room_stage();
        for request in requests {
            self.room_request(request, stage);
        }
        // Cheap (titles of one stage's vote) and only while invited; the
        // server bumps the page's version only when it changed.
        self.publish_room();
    }

    fn room_request(&mut self, request: RoomRequest, stage: usize) {
        match request {
            RoomRequest::Note { phone, text, reply } => {
                if !reply.waiting() {
                    return;
                }
                let Some(stage) = self.session.doc.map().stages.get(stage).map(|s| s.id) else {
                    return reply.send(Err("the map has no stage".to_owned()));
                };
                if self.session.room.inbox.push(phone, stage, text) {
                    reply.send(Ok("Your note is with the facilitator.".to_owned()));
                } else {
                    reply.send(Err("the facilitator's inbox is full".to_owned()));
                }
            }
            RoomRequest::Vote {
                phone,
                card,
                add,
                reply,
            } => {
                if !reply.waiting() {
                    return;
                }
                let room = &mut self.session.room;
                let Some(vote) = room.vote.as_mut() else {
                    return reply.send(Err("no vote is open".to_owned()));
                };
                let result = cast(&mut self.session.doc, vote, Voter::Phone(phone), card, add);
                room.seen = Some(self.session.doc.key());
                reply.send(result.map(|left| {
                    let verb = if add { "Dot placed" } else { "Dot taken back" };
                    format!("{verb}: {left} left.")
                }));
            }
        }
    }

    /// Gives the server what the phones' page shows now.
    fn publish_room(&self) {
        let room = &self.session.room;
        if let Some(server) = &room.server {
            let view = RoomView::of(
                self.session.doc.map(),
                self.room_stage(),
                room.vote.as_ref(),
            );
            server.publish(view);
        }
    }
}

impl WaymarkApp {
    /// The vote bar above the map and the room panel on the right, while
    /// there is a vote or an invited room.
    pub(super) fn room_bars_ui(&self, ui: &mut egui::Ui, out: &mut crate::ui::Actions) {
        let room = &self.session.room;
        let map = self.session.doc.map();
        if let Some(vote) = &room.vote {
            let lanes: Vec<&str> = vote
                .settings()
                .lanes
                .iter()
                .filter_map(|l| map.lane(*l))
                .map(|l| l.name.as_str())
                .collect();
            let top = revealed_top(map, vote);
            let bar = crate::ui::room::RoomBar {
                vote,
                lanes: lanes.join(", "),
                top: &top,
            };
            egui::Panel::top("vote bar").show(ui, |ui| {
                ui.add_space(2.0);
                crate::ui::room::vote_bar_ui(ui, &bar, out);
                ui.add_space(2.0);
            });
        }
        if room.server.is_some() || !room.inbox.notes().is_empty() {
            let url = room.server.as_ref().map(|s| s.join_url());
            let notes = room
                .inbox
                .notes()
                .iter()
                .map(|n| {
                    let stage = map.stage(n.stage).map_or("a stage now gone", |s| &s.name);
                    (n, stage.to_owned())
                })
                .collect();
            let panel = crate::ui::room::RoomPanel {
                join: room
                    .server
                    .as_ref()
                    .zip(url.as_deref())
                    .map(|(server, url)| {
                        (url, server.code(), room.qr.as_ref(), server.participants())
                    }),
                notes,
            };
            egui::Panel::right(("room panel", self.session.doc.id()))
                .default_size(240.0)
                .resizable(true)
                .show(ui, |ui| crate::ui::room::room_panel_ui(ui, &panel, out));
        }
    }
}

/// After the reveal, the top three places with titles and dots (empty
/// before: the counts are hidden).
pub(super) fn revealed_top(
    map: &crate::model::Map,
    vote: &VoteSession,
) -> Vec<(usize, String, u32)> {
    if !vote.revealed() {
        return Vec::new();
    }
    let ranked = crate::room::vote::ranking(map, Some(&vote.settings().lanes));
    crate::room::vote::places(&ranked, crate::paint::VOTE_TOP)
        .into_iter()
        .zip(&ranked)
        .filter_map(|((card, place), (_, dots))| {
            let title: String = map.card(card)?.title.chars().take(60).collect();
            Some((place, title, *dots))
        })
        .collect()
}
