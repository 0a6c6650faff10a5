//! In-place text edits of card titles, stage names and lane names, set in
//! the same sizes as the text they replace.

use egui::{Key, Modifiers, Rect, Role, Ui, WidgetInfo, vec2};

use crate::layout::Layout;
use crate::model::Map;
use crate::paint::{Pinned, View, sizes};

use super::Actions;
use super::edits::{NEW_CARD_TITLE, rename};
use super::view::{EditTarget, ViewState};

/// Where the field goes (map units), its accessible name and its text size.
/// Each field covers the rows its text wraps to when drawn, so a long title
/// stays visible while it is typed.
fn field_for(layout: &Layout, target: EditTarget) -> Option<(Rect, &'static str, f32)> {
    match target {
        EditTarget::Card(id) => layout.card(id).map(|cb| {
            (
                // Down to just above the channel line.
                Rect::from_min_size(
                    cb.rect.min + vec2(sizes::CARD_PAD, 4.0),
                    vec2(cb.rect.width() - 48.0, cb.rect.height() - 22.0),
                ),
                "Edit card title",
                sizes::CARD_TITLE,
            )
        }),
        EditTarget::Stage(id) => layout.stages.iter().find(|s| s.id == id).map(|sb| {
            (
                Rect::from_min_size(
                    sb.header.min + vec2(8.0, 8.0),
                    vec2(sb.header.width() - 16.0, sb.header.height() - 16.0),
                ),
                "Edit stage name",
                sizes::STAGE_NAME,
            )
        }),
        EditTarget::Lane(id) => layout.lanes.iter().find(|l| l.id == id).map(|lb| {
            (
                Rect::from_min_size(
                    lb.label.min + vec2(8.0, 8.0),
                    vec2(
                        lb.label.width() - 12.0,
                        (lb.label.height() - 16.0).clamp(30.0, 64.0),
                    ),
                ),
                "Edit lane name",
                sizes::LANE_NAME,
            )
        }),
    }
}

/// The text as stored: names and titles are one line in the model, so a
/// pasted newline or tab becomes a space.
fn one_line(text: &str) -> String {
    text.replace(['\n', '\r', '\t'], " ")
}

/// Ends the in-place edit, if one is open, and returns the change it
/// makes: a command (Save, Export, Quit...) given while typing a title
/// acts on the title as typed, never on the old one.
pub fn finish_edit(view: &mut ViewState, map: &Map) -> Option<crate::edit::Command> {
    let edit = view.editing.take()?;
    rename(map, edit.target, &one_line(&edit.text))
}

/// The in-place editor, if one is open: a multi-line field that wraps the
/// way the text is drawn. Enter (with or without Shift) or a click
/// elsewhere commits, Esc cancels; newlines are never stored.
pub(super) fn inline_edit_ui(
    ui: &mut Ui,
    map: &Map,
    layout: &Layout,
    v: &View,
    view: &mut ViewState,
    out: &mut Actions,
) {
    let canvas = view.canvas;
    let Some(edit) = view.editing.as_mut() else {
        return;
    };
    // The ids come from the document, so a missing target is gone for good
    // (deleted, or undone): forget the edit.
    let Some((area, label, size)) = field_for(layout, edit.target) else {
        view.editing = None;
        return;
    };
    // Over the header where it is drawn, pinned or not.
    let pin = Pinned::of(layout, v, canvas);
    let r = match edit.target {
        EditTarget::Card(_) => v.rect(area),
        EditTarget::Stage(_) => v.rect(area).translate(pin.stage_offset()),
        EditTarget::Lane(_) => v.rect(area).translate(pin.lane_offset()),
    };
    let font =
        egui::FontId::proportional(crate::paint::ladder_size((size * v.zoom).clamp(10.0, 40.0)));
    // Never narrower than the longest word at the editor's size (which
    // stops at 10 points when the map is zoomed far out), so a word is
    // never broken in the middle. A few words are enough to measure.
    let margin = 2.0 * ui.spacing().button_padding.x + 8.0;
    let widest = ui.fonts_mut(|f| {
        edit.text
            .split_whitespace()
            .take(40)
            .map(|w| {
                let w: String = w.chars().take(64).collect();
                f.layout_no_wrap(w, font.clone(), egui::Color32::WHITE)
                    .size()
                    .x
            })
            .fold(0.0_f32, f32::max)
    });
    let width = r
        .width()
        .max(widest + margin)
        .min(canvas.width().max(r.width()));
    let mut r = Rect::from_min_size(r.min, vec2(width, r.height()));
    if r.right() > canvas.right() {
        r = r.translate(vec2(
            (canvas.right() - r.right()).max(canvas.left() - r.left()),
            0.0,
        ));
    }
    let rows = ui.fonts_mut(|f| f.row_height(&font));
    let rows = ((r.height() - 4.0) / rows).floor().clamp(1.0, 3.0) as usize;
    let id = egui::Id::unique(("inline-edit", edit.target));
    let opening = !edit.focused;
    if opening {
        // Focus before the field reads this frame's keys, with the whole
        // text selected so typing replaces it: the first letters typed
        // after a double-click are the title's, not shortcuts.
        crate::ui::view::focus_with_all_selected(ui, id, &edit.text);
        edit.focused = true;
    }
    let text_edit = egui::TextEdit::multiline(&mut edit.text)
        .id(id)
        .font(font)
        .hint_text(NEW_CARD_TITLE)
        .desired_width(r.width())
        .desired_rows(rows)
        // Enter commits, below; it never inserts a newline.
        .return_key(None);
    let output = ui
        .scope_builder(egui::UiBuilder::new().max_rect(r), |ui| text_edit.show(ui))
        .inner;
    let response = output.response.response;
    response.widget_info(|| WidgetInfo::labeled(Role::TextInput, true, label));
    if opening {
        // The click that opened the editor (a double-click on the card) is
        // outside the field: it must not close it in the frame it opens.
        response.request_focus();
        return;
    }
    let cancel = ui.input(|i| i.key_pressed(Key::Escape));
    if cancel {
        view.editing = None;
        return;
    }
    // Taken here, so that no shortcut after the editor sees it too.
    let enter = response.has_focus()
        && ui.input_mut(|i| {
            i.consume_key(Modifiers::NONE, Key::Enter) | i.consume_key(Modifiers::SHIFT, Key::Enter)
        });
    if enter || response.lost_focus() || !response.has_focus() {
        let command = rename(map, edit.target, &one_line(&edit.text));
        view.editing = None;
        if enter {
            response.surrender_focus();
        }
        if let Some(command) = command {
            out.edit(command);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::one_line;

    #[test]
    fn pasted_newlines_and_tabs_become_spaces() {
        assert_eq!(
            one_line("Kickoff\ncall\r\nwith\tCSM"),
            "Kickoff call  with CSM"
        );
        assert_eq!(one_line("plain"), "plain");
    }
}
