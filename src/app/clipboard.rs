//! Cut, copy, paste and duplicate: the selection as tab-separated text
//! (see [`crate::interchange::clipboard`]), and pasted text as cards that
//! get fresh ids from the document, in one undo step.

use crate::edit::{Command, created_cards};
use crate::interchange::clipboard;
use crate::model::{CardId, Map};
use crate::ui::view::{Extent, Selection};

use super::WaymarkApp;

impl WaymarkApp {
    /// The cards a copy takes: the selected cards, or every card of the
    /// selected stage or lane.
    fn cards_to_copy(&self, map: &Map) -> Vec<CardId> {
        let sel = &self.session.view.selection;
        if let Some(stage) = sel.stage {
            map.stage_cards(stage).map(|c| c.id).collect()
        } else if let Some(lane) = sel.lane {
            map.cards
                .iter()
                .filter(|c| c.lane == lane)
                .map(|c| c.id)
                .collect()
        } else {
            sel.cards_in_order(map)
        }
    }

    /// Copies the selection to the clipboard. Returns how many cards.
    pub(super) fn copy(&mut self, ctx: &egui::Context) -> Option<usize> {
        let map = self.session.doc.map();
        let ids = self.cards_to_copy(map);
        if ids.is_empty() {
            self.set_status("Select cards, a stage or a lane to copy");
            return None;
        }
        let text = clipboard::write(map, &ids);
        ctx.copy_text(text.clone());
        self.copied = Some(text);
        self.set_status(count("Copied", ids.len()));
        Some(ids.len())
    }

    /// Copies the selection, then deletes it (a stage or lane goes too).
    pub(super) fn cut(&mut self, ctx: &egui::Context) {
        let Some(n) = self.copy(ctx) else {
            return;
        };
        let map = self.session.doc.map();
        let sel = &self.session.view.selection;
        let command = if let Some(stage) = sel.stage {
            Command::DeleteStage(stage)
        } else if let Some(lane) = sel.lane {
            Command::DeleteLane(lane)
        } else {
            Command::DeleteCards(sel.cards_in_order(map))
        };
        if self.session.doc.apply(command).is_ok() {
            let map = self.session.doc.map();
            self.session.view.retain_existing(map);
            self.set_status(count("Cut", n));
        }
    }

    /// Pastes text as cards: rows under a header go to the stage and lane
    /// they name, anything else into the selected cell. A text that cannot
    /// be read changes nothing and says where it is wrong.
    pub(super) fn paste(&mut self, text: &str) {
        let cards = match clipboard::read(text) {
            Ok(cards) => cards,
            Err(err) => {
                self.set_error_status(format!("Nothing was pasted: {err}"));
                return;
            }
        };
        if cards.is_empty() {
            self.set_status("Nothing to paste");
            return;
        }
        let map = self.session.doc.map().clone();
        let cell = match self.target_cell(&map) {
            (Some(stage), Some(lane)) => Some((stage, lane)),
            _ => None,
        };
        // A stage or lane the user picked takes every card, whatever
        // stage or lane the rows name.
        let sel = &self.session.view.selection;
        let (stage, lane) = (sel.stage, sel.lane);
        let n = cards.len();
        let created = self.apply_edit(Command::PasteCards {
            cards,
            cell,
            stage,
            lane,
        });
        if self.select_created(&created) {
            self.reveal_selection();
            self.set_status(count("Pasted", n));
        }
    }

    /// Duplicates the selected cards, each right after itself, as one
    /// undo step, and selects the copies.
    pub(super) fn duplicate(&mut self) {
        let map = self.session.doc.map();
        let selected = &self.session.view.selection.cards;
        if selected.is_empty() {
            self.set_status("Select cards to duplicate");
            return;
        }
        let ids: Vec<CardId> = map
            .cards
            .iter()
            .filter(|c| selected.contains(&c.id))
            .map(|c| c.id)
            .collect();
        let n = ids.len();
        let created = self.apply_edit(Command::DuplicateCards(ids));
        if self.select_created(&created) {
            self.set_status(count("Duplicated", n));
        }
    }

    /// Selects the cards among the ids an edit handed out. Returns whether
    /// there were any.
    pub(super) fn select_created(&mut self, created: &[u64]) -> bool {
        let ids = created_cards(self.session.doc.map(), created);
        if ids.is_empty() {
            return false;
        }
        self.session.view.selection = Selection {
            cards: ids.into_iter().collect(),
            ..Default::default()
        };
        true
    }

    /// Zooms so the selected cards (or stage, or lane) fill the window.
    pub(super) fn zoom_to_selection(&mut self) {
        let session = &mut self.session;
        session.refresh(None);
        let (map, layout) = (session.doc.map(), session.shown_layout());
        let rect = session.view.selection.rect(map, layout, Extent::Whole);
        match rect {
            Some(rect) => {
                let canvas = session.view.canvas;
                session.view.fit_rect(rect, canvas);
            }
            None => self.set_status("Select cards to zoom to"),
        }
    }
}

fn count(verb: &str, n: usize) -> String {
    if n == 1 {
        format!("{verb} 1 card")
    } else {
        format!("{verb} {n} cards")
    }
}
