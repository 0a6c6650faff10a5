//! In-place text edits of card titles, stage names and lane names.

use egui::{Key, Rect, Role, Ui, WidgetInfo, vec2};

use crate::app::view::{EditTarget, InlineEdit, ViewState};
use crate::edit::Command;
use crate::layout::Layout;
use crate::model::Map;
use crate::paint::View;

use super::Actions;
use super::canvas::NEW_CARD_TITLE;

pub(super) fn start_edit(view: &mut ViewState, target: EditTarget, text: &str) {
    view.editing = Some(InlineEdit {
        target,
        text: text.to_owned(),
        focused: false,
    });
}

pub(super) fn inline_edit_ui(
    ui: &mut Ui,
    map: &Map,
    layout: &Layout,
    v: &View,
    view: &mut ViewState,
    out: &mut Actions,
) {
    let Some(edit) = view.editing.as_mut() else {
        return;
    };
    let (area, label, size) = match edit.target {
        EditTarget::Card(id) => match layout.card(id) {
            Some(cb) => (
                Rect::from_min_size(
                    cb.rect.min + vec2(12.0, 6.0),
                    vec2(cb.rect.width() - 48.0, 30.0),
                ),
                "Edit card title",
                13.5,
            ),
            // The card is added at the end of this frame; wait for it.
            None if map.next_id <= id.0 + 1 => return,
            None => {
                view.editing = None;
                return;
            }
        },
        EditTarget::Stage(id) => match layout.stages.iter().find(|s| s.id == id) {
            Some(sb) => (
                Rect::from_min_size(
                    sb.header.min + vec2(8.0, 8.0),
                    vec2(sb.header.width() - 16.0, 32.0),
                ),
                "Edit stage name",
                18.0,
            ),
            None => {
                view.editing = None;
                return;
            }
        },
        EditTarget::Lane(id) => match layout.lanes.iter().find(|l| l.id == id) {
            Some(lb) => (
                Rect::from_min_size(
                    lb.label.min + vec2(8.0, 8.0),
                    vec2(lb.label.width() - 12.0, 30.0),
                ),
                "Edit lane name",
                15.0,
            ),
            None => {
                view.editing = None;
                return;
            }
        },
    };
    let r = v.rect(area);
    let text_edit = egui::TextEdit::singleline(&mut edit.text)
        .font(egui::FontId::proportional(crate::paint::ladder_size(
            (size * v.zoom).clamp(10.0, 40.0),
        )))
        .hint_text(NEW_CARD_TITLE)
        .desired_width(r.width());
    let output = ui
        .scope_builder(egui::UiBuilder::new().max_rect(r), |ui| text_edit.show(ui))
        .inner;
    let response = output.response.response;
    response.widget_info(|| WidgetInfo::labeled(Role::TextInput, true, label));
    if !edit.focused {
        // Start with the whole text selected, so typing replaces it.
        let mut state = output.state;
        state
            .cursor
            .set_char_range(Some(egui::text::CCursorRange::select_all_str(&edit.text)));
        state.store(ui.ctx(), response.id);
        response.request_focus();
        edit.focused = true;
        return;
    }
    let cancel = ui.input(|i| i.key_pressed(Key::Escape));
    if cancel {
        view.editing = None;
        return;
    }
    if response.lost_focus() || !response.has_focus() {
        let text = edit.text.trim().to_owned();
        let target = edit.target;
        view.editing = None;
        commit_inline(map, target, text, out);
    }
}

fn commit_inline(map: &Map, target: EditTarget, text: String, out: &mut Actions) {
    if text.is_empty() {
        return;
    }
    match target {
        EditTarget::Card(id) => {
            if let Some(card) = map.card(id)
                && card.title != text
            {
                let mut card = card.clone();
                card.title = text;
                out.edit(Command::UpdateCard(card));
            }
        }
        EditTarget::Stage(id) => {
            if let Some(stage) = map.stage(id)
                && stage.name != text
            {
                let mut stage = stage.clone();
                stage.name = text;
                out.edit(Command::UpdateStage(stage));
            }
        }
        EditTarget::Lane(id) => {
            if let Some(lane) = map.lane(id)
                && lane.name != text
            {
                let mut lane = lane.clone();
                lane.name = text;
                out.edit(Command::UpdateLane(lane));
            }
        }
    }
}
