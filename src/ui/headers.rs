//! Stage headers and lane labels on the canvas: select, rename in place,
//! drag to reorder, and a context menu. Stages and lanes behave alike.

use egui::{Id, Rect, Role, Sense, Ui, WidgetInfo};

use crate::app::view::{EditTarget, HeaderDrag, Selection, ViewState};
use crate::edit::Command;
use crate::layout::Layout;
use crate::model::{LaneId, Map, StageId};
use crate::paint::View;

use super::inline_edit::start_edit;
use super::{Actions, UiCommand};

/// A stage header or a lane label: the two behave alike, one across and
/// one down.
#[derive(Clone, Copy)]
enum Header {
    Stage(StageId),
    Lane(LaneId),
}

impl Header {
    fn selection(self) -> Selection {
        match self {
            Header::Stage(id) => Selection::stage(id),
            Header::Lane(id) => Selection::lane(id),
        }
    }

    fn edit_target(self) -> EditTarget {
        match self {
            Header::Stage(id) => EditTarget::Stage(id),
            Header::Lane(id) => EditTarget::Lane(id),
        }
    }

    fn drag(self) -> HeaderDrag {
        match self {
            Header::Stage(id) => HeaderDrag::Stage(id),
            Header::Lane(id) => HeaderDrag::Lane(id),
        }
    }

    fn move_to(self, to: usize) -> Command {
        match self {
            Header::Stage(id) => Command::MoveStage { id, to },
            Header::Lane(id) => Command::MoveLane { id, to },
        }
    }

    fn delete(self) -> Command {
        match self {
            Header::Stage(id) => Command::DeleteStage(id),
            Header::Lane(id) => Command::DeleteLane(id),
        }
    }

    /// Words for the accessible name and the context menu.
    fn words(
        self,
    ) -> (
        &'static str,
        &'static str,
        &'static str,
        UiCommand,
        &'static str,
    ) {
        match self {
            Header::Stage(_) => (
                "Stage",
                "Move Left",
                "Move Right",
                UiCommand::AddStage,
                "Add Stage After",
            ),
            Header::Lane(_) => (
                "Lane",
                "Move Up",
                "Move Down",
                UiCommand::AddLane,
                "Add Lane Below",
            ),
        }
    }
}

pub(super) fn headers_ui(
    ui: &mut Ui,
    map: &Map,
    layout: &Layout,
    v: &View,
    rect: Rect,
    view: &mut ViewState,
    out: &mut Actions,
) {
    let stages = layout.stages.iter().zip(&map.stages).map(|(sb, s)| {
        (
            Header::Stage(s.id),
            sb.header,
            s.name.as_str(),
            map.stages.len(),
        )
    });
    let lanes = layout.lanes.iter().zip(&map.lanes).map(|(lb, l)| {
        (
            Header::Lane(l.id),
            lb.label,
            l.name.as_str(),
            map.lanes.len(),
        )
    });
    let centers_x: Vec<f32> = layout.stages.iter().map(|s| s.column.center().x).collect();
    let centers_y: Vec<f32> = layout.lanes.iter().map(|l| l.row.center().y).collect();
    for (index, (header, area, name, count)) in stages.chain(lanes).enumerate() {
        let (index, centers) = match header {
            Header::Stage(_) => (index, &centers_x),
            Header::Lane(_) => (index - map.stages.len(), &centers_y),
        };
        header_ui(
            ui,
            v,
            rect,
            view,
            out,
            (header, area, name, index, count),
            centers,
        );
    }
}

/// One header: click selects, double-click renames, drag reorders, and a
/// context menu offers the rest.
fn header_ui(
    ui: &mut Ui,
    v: &View,
    rect: Rect,
    view: &mut ViewState,
    out: &mut Actions,
    (header, area, name, index, count): (Header, Rect, &str, usize, usize),
    centers: &[f32],
) {
    let r = v.rect(area);
    if !r.intersects(rect) {
        return;
    }
    let (kind, back, forward, add, add_text) = header.words();
    let id = match header {
        Header::Stage(id) => Id::unique(("stage", id)),
        Header::Lane(id) => Id::unique(("lane", id)),
    };
    let response = ui.interact(r.intersect(rect), id, Sense::click_and_drag());
    response.widget_info(|| WidgetInfo::labeled(Role::Button, true, format!("{kind} {name}")));
    if response.clicked() {
        view.selection = header.selection();
    }
    if response.double_clicked() {
        start_edit(view, header.edit_target(), name);
    }
    if response.drag_started() {
        view.selection = header.selection();
        view.header_drag = Some(header.drag());
    }
    if response.drag_stopped() && view.header_drag == Some(header.drag()) {
        view.header_drag = None;
        if let Some(p) = response.interact_pointer_pos() {
            let p = v.to_map(p);
            let along = match header {
                Header::Stage(_) => p.x,
                Header::Lane(_) => p.y,
            };
            let before = centers.iter().filter(|c| **c < along).count();
            let to = if before > index { before - 1 } else { before };
            if to != index {
                out.edit(header.move_to(to));
            }
        }
    }
    response.context_menu(|ui| {
        if ui.button("Rename").clicked() {
            start_edit(view, header.edit_target(), name);
        }
        if ui.add_enabled(index > 0, egui::Button::new(back)).clicked() {
            out.edit(header.move_to(index.saturating_sub(1)));
        }
        if ui
            .add_enabled(index + 1 < count, egui::Button::new(forward))
            .clicked()
        {
            out.edit(header.move_to(index + 1));
        }
        if ui.button(add_text).clicked() {
            view.selection = header.selection();
            out.command(add);
        }
        ui.separator();
        if ui.button(format!("Delete {kind}")).clicked() {
            out.edit(header.delete());
        }
    });
}
