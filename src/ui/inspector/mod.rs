//! The inspector panel: every field of the selection, editable.
//!
//! Fields are bound to a copy of the model value each frame and emit an
//! edit of that one field when it changes, so two fields changed in one
//! frame both land; edits to one field merge into one undo step, so typing
//! a word is one step, not one per key.

mod card;
mod map;
mod structure;

use egui::{TextEdit, Ui};

use crate::edit::Command;
use crate::model::Map;

use super::Actions;
use super::emotion_picker::emotion_scale;
use super::view::ViewState;

use card::card_ui;
use map::{map_ui, persona_ui};
use structure::{lane_ui, stage_ui};

pub use card::{evidence_ui, web_link};
pub use map::persona_name_field;

/// Shows the inspector for the current selection.
pub fn inspector_ui(ui: &mut Ui, map: &Map, view: &mut ViewState, out: &mut Actions) {
    let selection = view.selection.clone();
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            ui.spacing_mut().item_spacing.y = 6.0;
            if let Some(stage) = selection.stage.and_then(|id| map.stage(id)) {
                stage_ui(ui, map, stage, out);
            } else if let Some(lane) = selection.lane.and_then(|id| map.lane(id)) {
                lane_ui(ui, map, lane, out);
            } else if let Some(persona) = selection.persona.and_then(|id| map.persona(id)) {
                persona_ui(ui, map, persona, view, out);
            } else {
                let ids = selection.cards_in_order(map);
                match ids.as_slice() {
                    [] => map_ui(ui, map, view, out),
                    [one] => {
                        if let Some(card) = map.card(*one) {
                            card_ui(ui, map, card, view, out);
                        }
                    }
                    many => many_ui(ui, many, out),
                }
            }
        });
}

pub(super) fn heading(ui: &mut Ui, text: &str) {
    ui.add_space(4.0);
    ui.label(egui::RichText::new(text).heading().strong());
    ui.separator();
}

/// A labelled single-line field. Returns the new text when it changed.
pub(super) fn text_field(ui: &mut Ui, label: &str, value: &str, hint: &str) -> Option<String> {
    text_field_with_id(ui, label, value, hint, None)
}

/// [`text_field`], with a known id for a field the app focuses.
pub(super) fn text_field_with_id(
    ui: &mut Ui,
    label: &str,
    value: &str,
    hint: &str,
    id: Option<egui::Id>,
) -> Option<String> {
    let mut text = value.to_owned();
    let l = ui.label(label);
    let mut edit = TextEdit::singleline(&mut text)
        .hint_text(hint)
        .desired_width(f32::INFINITY);
    if let Some(id) = id {
        edit = edit.id(id);
    }
    let response = ui.add(edit).labelled_by(l.id);
    response.changed().then_some(text)
}

/// A labelled multi-line field.
pub(super) fn text_area(ui: &mut Ui, label: &str, value: &str, hint: &str) -> Option<String> {
    let mut text = value.to_owned();
    let l = ui.label(label);
    let response = ui
        .add(
            TextEdit::multiline(&mut text)
                .hint_text(hint)
                .desired_rows(3)
                .desired_width(f32::INFINITY),
        )
        .labelled_by(l.id);
    response.changed().then_some(text)
}

fn many_ui(ui: &mut Ui, ids: &[crate::model::CardId], out: &mut Actions) {
    heading(ui, &format!("{} cards selected", ids.len()));
    ui.label("Set the emotion of all of them");
    if let Some(score) = emotion_scale(ui, None) {
        out.edit(Command::SetScore {
            ids: ids.to_vec(),
            score,
        });
    }
    ui.add_space(8.0);
    ui.weak("Drag one of them to move them all, or use the arrow keys.");
    if ui.button("Delete Cards").clicked() {
        out.edit(Command::DeleteCards(ids.to_vec()));
    }
}
