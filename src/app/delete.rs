//! Deleting the selection, and adding a persona: edits whose effect the
//! user must see. A deletion says what went, with Undo at hand; a stage or
//! lane that holds cards is only deleted once the user says so.

use crate::edit::Command;
use crate::model::{Card, Link, Map, Persona, PersonaId};
use crate::ui::inspector::persona_name_field;
use crate::ui::panels::Panel;
use crate::ui::view::Selection;

use super::WaymarkApp;
use super::dialog_types::{DeleteQuestion, Dialog};

/// "1 card", "7 cards".
pub(super) fn cards(n: usize) -> String {
    crate::analysis::count_noun(n, "card", "cards")
}

/// The selection's deletion, and what it takes with it.
fn deletion(map: &Map, sel: &Selection, link: Option<Link>) -> Option<(Command, String, usize)> {
    if sel.is_empty()
        && let Some(link) = link.filter(|l| map.links.contains(l))
    {
        let title = |id| map.card(id).map_or("?", |c: &Card| c.title.as_str());
        let what = format!("the link “{}” → “{}”", title(link.from), title(link.to));
        return Some((Command::DeleteLink(link), what, 0));
    }
    if let Some(stage) = sel.stage.and_then(|s| map.stage(s)) {
        let n = map.stage_cards(stage.id).count();
        let what = format!("stage “{}”", stage.name);
        return Some((Command::DeleteStage(stage.id), what, n));
    }
    if let Some(lane) = sel.lane.and_then(|l| map.lane(l)) {
        let n = map.cards.iter().filter(|c| c.lane == lane.id).count();
        let what = format!("lane “{}”", lane.name);
        return Some((Command::DeleteLane(lane.id), what, n));
    }
    let ids = sel.cards_in_order(map);
    let what = match ids.as_slice() {
        [] => return None,
        [one] => map
            .card(*one)
            .map_or_else(|| cards(1), |c| format!("card “{}”", c.title)),
        many => cards(many.len()),
    };
    Some((Command::DeleteCards(ids), what, 0))
}

impl WaymarkApp {
    /// Deletes the selection: at once for cards and empty stages or lanes,
    /// after a question for a stage or lane that holds cards.
    pub(super) fn delete_selection(&mut self) {
        let map = self.session.doc.map();
        let view = &self.session.view;
        let Some((command, what, held)) = deletion(map, &view.selection, view.selected_link) else {
            self.set_status("Select cards, a link, a stage or a lane to delete");
            return;
        };
        let what = if held > 0 {
            format!("{what} and its {}", cards(held))
        } else {
            what
        };
        if held > 0 {
            self.push_dialog(Dialog::ConfirmDelete(DeleteQuestion { what, command }));
        } else {
            self.delete(DeleteQuestion { what, command });
        }
    }

    /// Carries out a deletion and says what went.
    pub(super) fn delete(&mut self, question: DeleteQuestion) {
        let DeleteQuestion { what, command } = question;
        if self.session.doc.apply(command).is_ok() {
            let map = self.session.doc.map();
            self.session.view.retain_existing(map);
            self.set_undoable_status(format!("Deleted {what}"));
        }
    }

    /// Adds a persona, shows it in the inspector and gives its name field
    /// the keyboard, so what the user types next names it.
    pub(super) fn add_persona(&mut self) {
        let persona = Persona {
            id: PersonaId(0),
            name: "New persona".into(),
            description: String::new(),
        };
        let Some(&id) = self.apply_edit(Command::AddPersona(persona)).first() else {
            return;
        };
        // The map's inspector lists the personas.
        self.session.view.selection = Selection::default();
        if !self.panels.shown(Panel::Inspector, self.window_width) {
            self.panels.toggle(Panel::Inspector, self.window_width);
        }
        self.session.view.focus_next = Some(persona_name_field(PersonaId(id)));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::interchange::sample::sample_map;

    #[test]
    fn a_stage_deletion_counts_the_cards_it_takes() {
        let map = sample_map();
        let stage = &map.stages[0];
        let sel = Selection::stage(stage.id);
        let (command, what, held) = deletion(&map, &sel, None).expect("a stage is selected");
        assert_eq!(command, Command::DeleteStage(stage.id));
        assert_eq!(what, format!("stage “{}”", stage.name));
        assert_eq!(held, map.stage_cards(stage.id).count());
        assert!(held > 0);
    }

    #[test]
    fn nothing_selected_deletes_nothing() {
        assert!(deletion(&sample_map(), &Selection::default(), None).is_none());
    }

    #[test]
    fn counts_are_singular_for_one() {
        assert_eq!(cards(1), "1 card");
        assert_eq!(cards(7), "7 cards");
    }
}
