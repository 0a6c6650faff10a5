//! In-place text edits of card titles, stage names and lane names, set in
//! the same sizes as the text they replace.

use egui::{Key, Rect, Role, Ui, WidgetInfo, vec2};

use crate::layout::Layout;
use crate::model::Map;
use crate::paint::{View, sizes};

use super::Actions;
use super::edits::{NEW_CARD_TITLE, rename};
use super::view::{EditTarget, ViewState};

/// Where the field goes (map units), its accessible name and its text size.
fn field_for(layout: &Layout, target: EditTarget) -> Option<(Rect, &'static str, f32)> {
    match target {
        EditTarget::Card(id) => layout.card(id).map(|cb| {
            (
                Rect::from_min_size(
                    cb.rect.min + vec2(sizes::CARD_PAD, 6.0),
                    vec2(cb.rect.width() - 48.0, 30.0),
                ),
                "Edit card title",
                sizes::CARD_TITLE,
            )
        }),
        EditTarget::Stage(id) => layout.stages.iter().find(|s| s.id == id).map(|sb| {
            (
                Rect::from_min_size(
                    sb.header.min + vec2(8.0, 8.0),
                    vec2(sb.header.width() - 16.0, 32.0),
                ),
                "Edit stage name",
                sizes::STAGE_NAME,
            )
        }),
        EditTarget::Lane(id) => layout.lanes.iter().find(|l| l.id == id).map(|lb| {
            (
                Rect::from_min_size(
                    lb.label.min + vec2(8.0, 8.0),
                    vec2(lb.label.width() - 12.0, 30.0),
                ),
                "Edit lane name",
                sizes::LANE_NAME,
            )
        }),
    }
}

/// The in-place editor, if one is open. Enter or a click elsewhere commits,
/// Esc cancels.
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
    // The ids come from the document, so a missing target is gone for good
    // (deleted, or undone): forget the edit.
    let Some((area, label, size)) = field_for(layout, edit.target) else {
        view.editing = None;
        return;
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
        let command = rename(map, edit.target, &edit.text);
        view.editing = None;
        if let Some(command) = command {
            out.edit(command);
        }
    }
}
