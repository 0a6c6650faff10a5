//! The two dialogs that start something in the room: a dot vote (which
//! lanes, how many dots each) and the room server (on which address).

use std::net::IpAddr;

use egui::Ui;

use crate::model::{LaneId, Map};
use crate::room::VoteSettings;

/// What the dialog's buttons did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FormChoice {
    /// Start.
    Start,
    /// Close without starting.
    Cancel,
}

/// The Start Vote dialog's choices.
#[derive(Clone, Debug, PartialEq)]
pub struct VoteForm {
    /// Every lane, by id, with its name and whether it takes dots.
    pub lanes: Vec<(LaneId, String, bool)>,
    /// Dots per participant.
    pub dots: u32,
    /// Dots on the map now, which starting clears.
    pub earlier: u32,
}

impl VoteForm {
    /// The defaults for a map: its pain points, three dots each.
    pub fn new(map: &Map) -> Self {
        let defaults = VoteSettings::for_map(map);
        Self {
            lanes: map
                .lanes
                .iter()
                .map(|l| (l.id, l.name.clone(), defaults.lanes.contains(&l.id)))
                .collect(),
            dots: defaults.dots,
            earlier: map
                .cards
                .iter()
                .map(|c| c.votes)
                .fold(0, u32::saturating_add),
        }
    }

    /// The vote to start, or `None` when no lane takes dots.
    pub fn settings(&self) -> Option<VoteSettings> {
        let lanes: Vec<LaneId> = self
            .lanes
            .iter()
            .filter(|(_, _, on)| *on)
            .map(|(id, _, _)| *id)
            .collect();
        (!lanes.is_empty()).then(|| VoteSettings {
            lanes,
            dots: self.dots.clamp(1, VoteSettings::MAX_DOTS),
        })
    }
}

/// The Start Vote dialog's body.
pub fn vote_form_ui(ui: &mut Ui, form: &mut VoteForm, fresh: bool) -> Option<FormChoice> {
    ui.set_width(420.0);
    ui.heading("Start a dot vote");
    ui.label("Cards in these lanes take dots:");
    for (_, name, on) in &mut form.lanes {
        ui.checkbox(on, name.as_str());
    }
    ui.horizontal(|ui| {
        let label = ui.label("Dots each");
        ui.add(egui::DragValue::new(&mut form.dots).range(1..=VoteSettings::MAX_DOTS))
            .labelled_by(label.id);
    });
    ui.label(
        "Click a card to give it a dot, right-click to take it back; phones vote once the \
         room is invited. Counts stay hidden until you reveal them.",
    );
    if form.earlier > 0 {
        ui.label(format!(
            "Starting clears the {} dots of the last vote (Undo brings them back).",
            form.earlier
        ));
    }
    ui.add_space(8.0);
    let mut choice = None;
    ui.horizontal(|ui| {
        let start = ui.add_enabled(form.settings().is_some(), egui::Button::new("Start Vote"));
        if fresh {
            start.request_focus();
        }
        if start.clicked() {
            choice = Some(FormChoice::Start);
        }
        if ui.button("Cancel").clicked() {
            choice = Some(FormChoice::Cancel);
        }
    });
    choice
}

/// The Invite the Room dialog's choices.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InviteForm {
    /// The addresses to offer, the local network's first.
    pub addresses: Vec<IpAddr>,
    /// The one picked.
    pub chosen: usize,
}

impl InviteForm {
    /// The form, offering `addresses`.
    pub fn new(addresses: Vec<IpAddr>) -> Self {
        Self {
            addresses,
            chosen: 0,
        }
    }

    /// The address picked.
    pub fn address(&self) -> Option<IpAddr> {
        self.addresses.get(self.chosen).copied()
    }
}

/// The Invite the Room dialog's body.
pub fn invite_form_ui(ui: &mut Ui, form: &mut InviteForm, fresh: bool) -> Option<FormChoice> {
    ui.set_width(460.0);
    ui.heading("Invite the room");
    ui.label(
        "Waymark serves a small page on this network: participants open it from the QR \
         code on the screen, type the join code, send notes (they wait in your inbox) and \
         cast their dots. It sees the map's title, the current stage and the titles of the \
         cards in a vote, nothing else, and stops when you stop it.",
    );
    ui.label("Serve on:");
    for (i, ip) in form.addresses.iter().enumerate() {
        let text = if ip.is_loopback() {
            format!("{ip} (this computer only)")
        } else {
            format!("{ip} (the local network)")
        };
        ui.radio_value(&mut form.chosen, i, text);
    }
    ui.add_space(8.0);
    let mut choice = None;
    ui.horizontal(|ui| {
        let start = ui.button("Invite");
        if fresh {
            start.request_focus();
        }
        if start.clicked() {
            choice = Some(FormChoice::Start);
        }
        if ui.button("Cancel").clicked() {
            choice = Some(FormChoice::Cancel);
        }
    });
    choice
}
