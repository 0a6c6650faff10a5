//! Presentation mode in the app: entering saves the editor's view (pan,
//! zoom, selection, panels) and leaving puts it back exactly; while
//! presenting, the frame draws the presentation instead of the editor,
//! the keys step through the stages, and a quick note becomes an
//! ordinary card in one undo step.

use std::sync::{Arc, Mutex};

use egui::ViewportCommand;

use crate::edit::{Command, MergeKey};
use crate::layout::Layout;
use crate::model::{CardId, Lane, LaneId};
use crate::ui::edits::new_card;
use crate::ui::panels::Panels;
use crate::ui::present::screen_layout::present_layout;
use crate::ui::present::{
    NoteDraft, PresentInput, PresentKey, PresentState, PresenterInfo, PresenterShared, RoomOverlay,
    present_ui, presenter_info, read_keys, show_presenter, stage_brief,
};
use crate::ui::view::ViewState;
use crate::ui::{Actions, UiCommand};

use super::WaymarkApp;
use super::dialog_types::Dialog;

/// The editor as it was when presenting began.
struct SavedEditor {
    view: ViewState,
    panels: Panels,
    /// Whether the window was full screen already (then it stays so).
    fullscreen: bool,
}

/// A presentation in progress.
pub(super) struct Presenting {
    state: PresentState,
    saved: SavedEditor,
    /// The document presented: if another replaces it, presenting ends.
    doc: crate::edit::DocId,
    shared: Arc<Mutex<PresenterShared>>,
    /// Numbers the notes, so each is its own undo step.
    notes: u64,
    /// The map laid out for the screen.
    layout: Layout,
    /// The document revision and canvas size [`Presenting::layout`] is for.
    layout_for: (crate::edit::DocKey, egui::Vec2),
}

impl Presenting {
    /// Lays the document out again for the canvas of the last frame (the
    /// window's before the first) if either changed since.
    fn refresh_layout(&mut self, doc: &crate::edit::Document, screen: egui::Rect) {
        let canvas = if self.state.canvas.is_positive() {
            self.state.canvas
        } else {
            screen
        };
        let key = (doc.key(), canvas.size());
        if self.layout_for != key {
            self.layout = present_layout(doc.map(), canvas);
            self.layout_for = key;
        }
    }
}

impl Presenting {
    /// The stage on the screen.
    pub(super) fn stage(&self) -> usize {
        self.state.stage
    }
}

impl WaymarkApp {
    /// The presentation's state, while presenting.
    pub fn presentation(&self) -> Option<&PresentState> {
        self.present.as_ref().map(|p| &p.state)
    }

    /// The share of the canvas's width the current stage's column takes
    /// where the camera is headed, while presenting a stage.
    pub fn presented_stage_share(&self) -> Option<f32> {
        let p = self.present.as_ref()?;
        let canvas = p.state.canvas;
        let column = p.layout.stages.get(p.state.stage)?.column;
        let view = p.state.target(&p.layout, canvas).view(canvas);
        let seen = view.rect(column).intersect(canvas);
        (canvas.width() > 0.0).then(|| seen.width().max(0.0) / canvas.width())
    }

    /// What the presenter window shows now, while presenting.
    pub fn presenter_snapshot(&self) -> Option<PresenterInfo> {
        let p = self.present.as_ref()?;
        let shared = p.shared.lock().ok()?;
        Some(shared.info.clone())
    }

    /// Which side panels the editor shows, by choice or by width.
    pub fn panels(&self) -> Panels {
        self.panels
    }

    /// Starts presenting (with the presenter window if asked), or, while
    /// presenting, opens or closes the presenter window.
    pub(super) fn present(&mut self, ctx: &egui::Context, presenter: bool) {
        if let Some(p) = &mut self.present {
            if presenter {
                p.state.presenter = !p.state.presenter;
            }
            return;
        }
        let session = &self.session;
        let map = session.doc.map();
        // Start where the editor is: the selected stage, or the selected
        // card's.
        let selected = session.view.selection.stage.or_else(|| {
            let cards = session.view.selection.cards_in_order(map);
            cards.first().and_then(|id| map.card(*id)).map(|c| c.stage)
        });
        let stage = selected.and_then(|s| map.stage_index(s)).unwrap_or(0);
        let mut state = PresentState::new(stage, ctx.input(|i| i.time));
        state.presenter = presenter;
        self.present = Some(Presenting {
            state,
            saved: SavedEditor {
                view: session.view.clone(),
                panels: self.panels,
                fullscreen: ctx.input(|i| i.viewport().fullscreen.unwrap_or(false)),
            },
            doc: session.doc.id(),
            shared: Arc::new(Mutex::new(PresenterShared::default())),
            notes: 0,
            layout: present_layout(map, ctx.content_rect()),
            layout_for: (session.doc.key(), ctx.content_rect().size()),
        });
        ctx.send_viewport_cmd(ViewportCommand::Fullscreen(true));
        ctx.request_repaint();
    }

    /// Stops presenting and puts the editor back as it was.
    fn leave_presentation(&mut self, ctx: &egui::Context) {
        let Some(p) = self.present.take() else {
            return;
        };
        let SavedEditor {
            mut view,
            panels,
            fullscreen,
        } = p.saved;
        if p.doc == self.session.doc.id() {
            // An undo while presenting may have taken away what was selected.
            view.retain_existing(self.session.doc.map());
            self.session.view = view;
            self.panels = panels;
        }
        if !fullscreen {
            ctx.send_viewport_cmd(ViewportCommand::Fullscreen(false));
        }
        ctx.request_repaint();
    }

    /// Takes a key as if it was pressed in the presenter window: for tests
    /// and embedding, where that window is drawn inside the main one.
    pub fn press_in_presenter(&mut self, key: PresentKey) {
        if let Some(p) = &self.present
            && let Ok(mut shared) = p.shared.lock()
        {
            shared.keys.push(key);
        }
    }

    /// One frame while presenting: the map full screen, no editing
    /// chrome; dialogs (the quick note, "Save changes?") still own the
    /// keyboard.
    pub(super) fn present_frame_ui(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        let dialog_open = !self.modals.is_empty();
        let dialogs_before = self.modals.clone();
        let mut out = Actions::default();
        for action in self.queued.drain(..) {
            out.push(action);
        }
        let Some(mut p) = self.present.take() else {
            return;
        };
        // A note typed in the presenter window owns the keys (the main
        // window's too, when that window is drawn inside it).
        let note_open = p.shared.lock().is_ok_and(|s| s.note.is_some());
        let mut keys = if dialog_open || note_open {
            Vec::new()
        } else {
            read_keys(&ctx)
        };
        let mut notes_done = Vec::new();
        if let Ok(mut shared) = p.shared.lock() {
            if !dialog_open {
                for key in std::mem::take(&mut shared.keys) {
                    if key == PresentKey::Note {
                        // N in the presenter window: the note opens there,
                        // off the projector.
                        shared.open_note();
                    } else {
                        keys.push(key);
                    }
                }
            }
            notes_done = std::mem::take(&mut shared.notes_done);
            if std::mem::take(&mut shared.closed) {
                p.state.presenter = false;
                shared.note = None;
            }
        }
        self.session.derived.refresh(&self.session.doc);
        let screen = ctx.content_rect();
        p.refresh_layout(&self.session.doc, screen);
        let mut leave = false;
        let now = ctx.input(|i| i.time);
        for key in keys {
            if p.state.apply(key, &p.layout, now) {
                continue;
            }
            match key {
                PresentKey::Escape if p.state.blank.is_some() => p.state.blank = None,
                PresentKey::Escape => leave = true,
                PresentKey::Note => {
                    if let Some(stage) = self.session.doc.map().stages.get(p.state.stage) {
                        let draft = NoteDraft::new(stage.id, &stage.name);
                        self.push_dialog(Dialog::Note(draft));
                        // The dialog owns the keys from here on.
                        break;
                    }
                }
                PresentKey::Vote => match self.session.room.vote.as_ref().map(|v| v.revealed()) {
                    None => {
                        self.ask_start_vote();
                        // The dialog owns the keys from here on.
                        break;
                    }
                    Some(false) => out.command(UiCommand::RevealVotes),
                    Some(true) => out.command(UiCommand::EndVote),
                },
                PresentKey::Undo => out.command(UiCommand::Undo),
                PresentKey::Redo => out.command(UiCommand::Redo),
                PresentKey::Save => out.command(UiCommand::Save),
                _ => {}
            }
        }

        let session = &self.session;
        let map = session.doc.map();
        let derived = &session.derived;
        // A note or an undo above may have changed the map.
        p.refresh_layout(&session.doc, screen);
        let layout = &p.layout;
        let brief = stage_brief(map, layout, &derived.analysis, p.state.stage);
        let room = &session.room;
        let url = room.server.as_ref().map(|s| s.join_url());
        let top = room
            .vote
            .as_ref()
            .map(|v| super::room::revealed_top(map, v))
            .unwrap_or_default();
        let overlay = RoomOverlay {
            join: match (&room.server, &url, &room.qr) {
                (Some(server), Some(url), Some(qr)) if !p.state.hide_join => {
                    Some((url.as_str(), server.code(), qr))
                }
                _ => None,
            },
            phones: room.server.is_some(),
            voting: room
                .vote
                .as_ref()
                .filter(|v| !v.revealed())
                .map(|v| (v.settings().dots, v.total())),
            top: room
                .vote
                .as_ref()
                .filter(|v| v.revealed())
                .map(|_| top.as_slice()),
            inbox: room.inbox.notes().len(),
        };
        let input = PresentInput {
            map,
            layout,
            theme: &self.present_theme,
            brief: brief.as_ref(),
            error: self
                .status
                .as_ref()
                .filter(|s| s.error)
                .map(|s| s.text.as_str()),
            votes: room.marks(),
            room: overlay,
        };
        let cast = egui::CentralPanel::no_frame()
            .show(ui, |ui| present_ui(ui, &input, &mut p.state))
            .inner;
        if let Some((card, add)) = cast
            && !dialog_open
        {
            out.push(crate::ui::Action::Vote { card, add });
        }
        if p.state.presenter {
            let mut info = presenter_info(map, layout, &derived.analysis, &p.state);
            info.status = self.status.as_ref().map(|s| (s.text.clone(), s.error));
            if let Ok(mut shared) = p.shared.lock() {
                shared.info = info;
            }
            show_presenter(&ctx, p.shared.clone());
        }
        self.present = Some(p);
        // A note added by its dialog changes the map after it was drawn.
        let before = self.session.doc.key();
        for draft in notes_done {
            self.add_note(draft);
        }
        if let Some(done) = self.modals_ui(&ctx) {
            self.dialog_done(done);
        }
        self.dispatch(&ctx, out);
        if self.session.doc.key() != before || self.modals != dialogs_before {
            ctx.request_repaint();
        }
        // Notes and undos while presenting are autosaved like any edit, and
        // the file is watched as in the editor.
        self.autosave_tick();
        self.disk_tick(&ctx);
        // Opening another map (a dialog's choice) ends presenting.
        let replaced = self
            .present
            .as_ref()
            .is_some_and(|p| p.doc != self.session.doc.id());
        if leave || replaced {
            self.leave_presentation(&ctx);
        }
        self.handle_close(&ctx);
    }

    /// Adds a quick note as a card on its stage, in its lane, making the
    /// lane if the map has none: one undo step either way.
    pub(super) fn add_note(&mut self, draft: NoteDraft) {
        let text = draft.text.trim();
        if text.is_empty() {
            return;
        }
        let number = self.present.as_mut().map_or(0, |p| {
            p.notes += 1;
            p.notes
        });
        let key = Some(MergeKey(format!(
            "quick-note-{number}-{}",
            self.session.doc.revision()
        )));
        let doc = &mut self.session.doc;
        if doc.map().stage(draft.stage).is_none() {
            self.set_error_status("The note's stage is gone; the note was not added");
            return;
        }
        doc.close_step();
        let kind = draft.lane.kind();
        let existing = doc
            .map()
            .lanes
            .iter()
            .find(|l| l.kind == kind)
            .map(|l| l.id);
        let lane = match existing {
            Some(id) => id,
            None => {
                let index = doc.map().lanes.len();
                let lane = Lane::new(LaneId(0), kind.clone());
                match doc.apply_merging(Command::AddLane { index, lane }, key.clone()) {
                    Ok(ids) if !ids.is_empty() => LaneId(ids[0]),
                    _ => {
                        self.set_error_status("Could not add the note's lane");
                        return;
                    }
                }
            }
        };
        let Command::AddCard { mut card, position } = new_card(doc.map(), draft.stage, lane) else {
            return;
        };
        card.title = text.to_owned();
        card.id = CardId(0);
        let result = doc.apply_merging(Command::AddCard { card, position }, key);
        doc.close_step();
        match result {
            Ok(_) => self.set_status(format!(
                "Note added to {} in “{}”",
                kind.label(),
                draft.stage_name
            )),
            Err(err) => self.set_error_status(format!("Could not add the note: {err}")),
        }
    }
}
