//! Stage headers and lane labels on the canvas: select, rename in place,
//! drag to reorder (with a preview), and a context menu. Stages and lanes
//! behave alike.

use egui::{Id, Rect, Role, Sense, Ui, Vec2, WidgetInfo};

use crate::edit::Command;
use crate::layout::Layout;
use crate::model::Map;
use crate::paint::{Pinned, View, cap_text_to};

use super::view::{EditTarget, Header, HeaderDrag, Selection, ViewState};
use super::{Actions, UiCommand};

fn selection(header: Header) -> Selection {
    match header {
        Header::Stage(id) => Selection::stage(id),
        Header::Lane(id) => Selection::lane(id),
    }
}

fn edit_target(header: Header) -> EditTarget {
    match header {
        Header::Stage(id) => EditTarget::Stage(id),
        Header::Lane(id) => EditTarget::Lane(id),
    }
}

fn move_to(header: Header, to: usize) -> Command {
    match header {
        Header::Stage(id) => Command::MoveStage { id, to },
        Header::Lane(id) => Command::MoveLane { id, to },
    }
}

fn delete(header: Header) -> Command {
    match header {
        Header::Stage(id) => Command::DeleteStage(id),
        Header::Lane(id) => Command::DeleteLane(id),
    }
}

/// Words for the accessible name and the context menu.
struct Words {
    kind: &'static str,
    back: &'static str,
    forward: &'static str,
    add: UiCommand,
    add_text: &'static str,
}

fn words(header: Header) -> Words {
    match header {
        Header::Stage(_) => Words {
            kind: "Stage",
            back: "Move Left",
            forward: "Move Right",
            add: UiCommand::AddStage,
            add_text: "Add Stage After",
        },
        Header::Lane(_) => Words {
            kind: "Lane",
            back: "Move Up",
            forward: "Move Down",
            add: UiCommand::AddLane,
            add_text: "Add Lane Below",
        },
    }
}

/// One header on screen: what it is, where, its name and its place.
struct HeaderItem<'a> {
    map: &'a Map,
    header: Header,
    /// Where it is drawn on screen: in place, or pinned to the canvas's
    /// edge (see [`Pinned`]).
    screen: Rect,
    name: &'a str,
    /// Text shown under the name on hover (a stage's goal).
    detail: &'a str,
    index: usize,
    count: usize,
}

/// The widgets of every stage header and lane label in view, where they
/// are drawn: pinned ones at the canvas's edge, so clicks, renames and
/// drags work on them as on headers in place.
#[allow(clippy::too_many_arguments)]
pub(super) fn headers_ui(
    ui: &mut Ui,
    map: &Map,
    layout: &Layout,
    v: &View,
    rect: Rect,
    pin: Pinned,
    view: &mut ViewState,
    out: &mut Actions,
) {
    let centers_x: Vec<f32> = layout.stages.iter().map(|s| s.column.center().x).collect();
    let centers_y: Vec<f32> = layout.lanes.iter().map(|l| l.row.center().y).collect();
    // Stages slide under pinned lane labels, and lanes under pinned stage
    // headers: neither takes the pointer where the other is drawn on top.
    // (Lanes are pinned over rows only, below the headers, so the two meet
    // only when both are pinned: in the corner.)
    let open = pin.uncovered(layout, v, rect);
    let mut stage_clip = rect;
    if pin.down > 0.0 {
        stage_clip.min.x = open.left();
    }
    let lane_clip = Rect::from_min_max(egui::pos2(rect.left(), open.top()), rect.max);
    for (index, (sb, s)) in layout.stages.iter().zip(&map.stages).enumerate() {
        let item = HeaderItem {
            map,
            header: Header::Stage(s.id),
            screen: v.rect(sb.header).translate(pin.stage_offset()),
            name: &s.name,
            detail: &s.goal,
            index,
            count: map.stages.len(),
        };
        header_ui(ui, v, stage_clip, view, out, &item, &centers_x);
    }
    for (index, (lb, l)) in layout.lanes.iter().zip(&map.lanes).enumerate() {
        let item = HeaderItem {
            map,
            header: Header::Lane(l.id),
            screen: v.rect(lb.label).translate(pin.lane_offset()),
            name: &l.name,
            detail: "",
            index,
            count: map.lanes.len(),
        };
        header_ui(ui, v, lane_clip, view, out, &item, &centers_y);
    }
}

/// The gap a header dropped at map point `along` falls into.
fn slot_at(centers: &[f32], along: f32) -> usize {
    centers.iter().filter(|c| **c < along).count()
}

/// One header: click selects, double-click renames, drag reorders, and a
/// context menu offers the rest.
fn header_ui(
    ui: &mut Ui,
    v: &View,
    rect: Rect,
    view: &mut ViewState,
    out: &mut Actions,
    item: &HeaderItem<'_>,
    centers: &[f32],
) {
    let HeaderItem {
        map,
        header,
        screen: r,
        name,
        detail,
        index,
        count,
    } = *item;
    let dragging = view.header_drag.is_some_and(|d| d.header == header);
    if !r.intersects(rect) && !dragging {
        return;
    }
    let w = words(header);
    let id = match header {
        Header::Stage(id) => Id::unique(("stage", id)),
        Header::Lane(id) => Id::unique(("lane", id)),
    };
    let response = ui.interact(r.intersect(rect), id, Sense::click_and_drag());
    response.widget_info(|| WidgetInfo::labeled(Role::Button, true, format!("{} {name}", w.kind)));
    // The full text, which the header may show cut. Built only on hover.
    let response = response.on_hover_ui(|ui| full_text_ui(ui, name, detail));
    if response.clicked() {
        view.selection = selection(header);
    }
    if response.double_clicked() {
        view.start_edit(edit_target(header), name);
    }
    let along = |p: egui::Pos2| match header {
        Header::Stage(_) => v.to_map(p).x,
        Header::Lane(_) => v.to_map(p).y,
    };
    if response.drag_started() {
        view.selection = selection(header);
        // From where it is drawn, pinned or not.
        let grab = response
            .interact_pointer_pos()
            .map_or(Vec2::ZERO, |p| (p - r.min) / v.zoom);
        view.header_drag = Some(HeaderDrag {
            header,
            grab,
            slot: None,
        });
    }
    if response.dragged()
        && let Some(drag) = view.header_drag.as_mut()
        && drag.header == header
        && let Some(p) = ui.input(|i| i.pointer.latest_pos())
    {
        let slot = slot_at(centers, along(p));
        // Dropping a header next to itself moves nothing: show no bar.
        drag.slot = (slot != index && slot != index + 1).then_some(slot);
    }
    // egui ends a drag on Esc as on a release: only a release drops.
    let escaped = ui.input(|i| i.key_pressed(egui::Key::Escape));
    if response.drag_stopped()
        && let Some(drag) = view.header_drag.take()
        && drag.header == header
        && !escaped
        && let Some(p) = response.interact_pointer_pos()
    {
        let before = slot_at(centers, along(p));
        let to = if before > index { before - 1 } else { before };
        if to != index {
            out.edit(move_to(header, to));
        }
    }
    response.context_menu(|ui| {
        if ui.button("Rename").clicked() {
            view.start_edit(edit_target(header), name);
        }
        if ui
            .add_enabled(index > 0, egui::Button::new(w.back))
            .clicked()
        {
            out.edit(move_to(header, index.saturating_sub(1)));
        }
        if ui
            .add_enabled(index + 1 < count, egui::Button::new(w.forward))
            .clicked()
        {
            out.edit(move_to(header, index + 1));
        }
        if ui
            .button(format!("Select All Cards in {}", w.kind))
            .clicked()
        {
            view.selection = Selection {
                cards: map
                    .cards
                    .iter()
                    .filter(|c| match header {
                        Header::Stage(id) => c.stage == id,
                        Header::Lane(id) => c.lane == id,
                    })
                    .map(|c| c.id)
                    .collect(),
                ..Default::default()
            };
        }
        if ui.button(w.add_text).clicked() {
            view.selection = selection(header);
            out.command(w.add);
        }
        ui.separator();
        if ui.button(format!("Delete {}", w.kind)).clicked() {
            out.edit(delete(header));
        }
    });
}

/// The most characters a hover shows of one text: a few lines of a
/// tooltip, and a megabyte name is never laid out whole.
pub(super) const HOVER_CHARS: usize = 600;

/// A tooltip with a name in full and, if any, the text under it.
pub(super) fn full_text_ui(ui: &mut Ui, name: &str, detail: &str) {
    ui.set_max_width(ui.spacing().tooltip_width);
    ui.label(egui::RichText::new(cap_text_to(name, HOVER_CHARS)).strong());
    if !detail.is_empty() {
        ui.label(cap_text_to(detail, HOVER_CHARS));
    }
}
