//! Plain keys for the selection: arrows move cards between cells, digits
//! set the emotion, Esc cancels a gesture.

use egui::{Key, Ui};

use crate::edit::Command;
use crate::layout::Layout;
use crate::model::{Map, Score};
use crate::ui::Actions;
use crate::ui::view::{Selection, ViewState};

/// Reads the plain keys meant for the canvas, unless a text field has them.
pub(super) fn keys(
    ui: &mut Ui,
    map: &Map,
    layout: &Layout,
    view: &mut ViewState,
    out: &mut Actions,
) {
    if ui.ctx().egui_wants_keyboard_input() || view.typing_soon() {
        return;
    }
    let pressed =
        |ui: &mut Ui, key: Key| ui.input_mut(|i| i.consume_key(egui::Modifiers::NONE, key));
    if pressed(ui, Key::Escape) {
        if view.drag.take().is_none()
            && view.header_drag.take().is_none()
            && view.band.take().is_none()
        {
            view.selection = Selection::default();
            view.highlight = None;
        }
        return;
    }
    let ids = view.selection.cards_in_order(map);
    if ids.is_empty() {
        return;
    }
    for (key, score) in [
        (Key::Num1, Some(-2)),
        (Key::Num2, Some(-1)),
        (Key::Num3, Some(0)),
        (Key::Num4, Some(1)),
        (Key::Num5, Some(2)),
        (Key::Num0, None),
    ] {
        if pressed(ui, key) {
            out.edit(Command::SetScore {
                ids: ids.clone(),
                score: score.map(Score::clamped),
            });
        }
    }
    let Some(first) = ids.first().and_then(|id| map.card(*id)) else {
        return;
    };
    let (Some(si), Some(li)) = (map.stage_index(first.stage), map.lane_index(first.lane)) else {
        return;
    };
    let moves = [
        (Key::ArrowLeft, -1i32, 0i32),
        (Key::ArrowRight, 1, 0),
        (Key::ArrowUp, 0, -1),
        (Key::ArrowDown, 0, 1),
    ];
    for (key, ds, dl) in moves {
        if !pressed(ui, key) {
            continue;
        }
        let s = si as i32 + ds;
        let l = li as i32 + dl;
        if s < 0 || l < 0 || s as usize >= map.stages.len() || l as usize >= map.lanes.len() {
            continue;
        }
        let (stage, lane) = (map.stages[s as usize].id, map.lanes[l as usize].id);
        out.edit(Command::MoveCards {
            ids: ids.clone(),
            stage,
            lane,
            position: None,
        });
        if let Some(r) = layout.cell_rect(s as usize, l as usize) {
            view.reveal = Some(r);
        }
    }
}
