//! What the canvas draws over the map: gap marks between stages, the "+"
//! buttons, and the previews of card and header drags.

use egui::{Color32, Id, Rect, Sense, Shape, Stroke, StrokeKind, Ui, pos2, vec2};

use crate::layout::Layout;
use crate::model::Map;
use crate::paint::View;
use crate::theme::Theme;
use crate::ui::view::{Header, ViewState};
use crate::ui::{Actions, UiCommand};

use super::GapMark;

/// Dashed marks on the stage boundaries where the analysis found a gap.
pub(super) fn paint_gaps(
    ui: &Ui,
    layout: &Layout,
    v: &View,
    rect: Rect,
    gaps: &[GapMark],
    map: &Map,
) {
    for gap in gaps {
        let Some(si) = map.stage_index(gap.after) else {
            continue;
        };
        let (Some(left), Some(right)) = (layout.stages.get(si), layout.stages.get(si + 1)) else {
            continue;
        };
        let x = (left.column.right() + right.column.left()) / 2.0;
        let top = v.to_screen(pos2(x, left.header.top()));
        let bottom = v.to_screen(pos2(x, left.column.bottom()));
        let marker = Rect::from_center_size(
            top + vec2(0.0, v.zoom * 46.0),
            vec2(14.0, 14.0) * v.zoom.max(0.6),
        );
        if !marker.intersects(rect) && !Rect::from_two_pos(top, bottom).intersects(rect) {
            continue;
        }
        let painter = ui.painter_at(rect);
        painter.add(Shape::dashed_line(
            &[top, bottom],
            Stroke::new(2.0, gap.color),
            6.0,
            5.0,
        ));
        painter.circle_filled(marker.center(), marker.width() / 2.0 + 2.0, gap.color);
        painter.text(
            marker.center(),
            egui::Align2::CENTER_CENTER,
            "!",
            egui::FontId::new(
                crate::paint::ladder_size(marker.width()),
                crate::paint::bold(),
            ),
            Color32::WHITE,
        );
        let response = ui.interact(
            marker.expand(4.0),
            Id::unique(("gap", gap.after)),
            Sense::hover(),
        );
        response.on_hover_text(&gap.text);
    }
}

/// The "+" buttons after the last stage and under the last lane.
pub(super) fn add_buttons_ui(
    ui: &mut Ui,
    layout: &Layout,
    v: &View,
    rect: Rect,
    out: &mut Actions,
) {
    let header_top = layout
        .stages
        .first()
        .map_or(layout.emotion_row.top(), |s| s.header.top());
    let x = layout
        .stages
        .last()
        .map_or(layout.emotion_row.left() + layout.style.label_width, |s| {
            s.column.right()
        })
        + layout.style.stage_gap;
    let stage_btn = v.rect(Rect::from_min_size(
        pos2(x, header_top),
        vec2(44.0, layout.style.header_height),
    ));
    if stage_btn.intersects(rect) {
        let response = ui.put(stage_btn, egui::Button::new("+").corner_radius(8.0));
        if response.on_hover_text("Add a stage at the end").clicked() {
            out.command(UiCommand::AddStage);
        }
    }
    let y = layout
        .lanes
        .last()
        .map_or(layout.emotion_row.bottom(), |l| l.row.bottom())
        + layout.style.row_gap;
    let lane_btn = v.rect(Rect::from_min_size(
        pos2(layout.emotion_row.left(), y),
        vec2(layout.style.label_width - 10.0, 30.0),
    ));
    if lane_btn.intersects(rect) && v.zoom > 0.3 {
        // One line at every zoom: at 37 % the label column is narrower than
        // the text, and a wrapped "+ Lane" reads as two buttons.
        let button = egui::Button::new("+ Lane")
            .corner_radius(8.0)
            .wrap_mode(egui::TextWrapMode::Extend);
        let response = ui.put(lane_btn, button);
        if response.on_hover_text("Add a lane at the bottom").clicked() {
            out.command(UiCommand::AddLane);
        }
    }
}

/// The cards being dragged, under the pointer, and where they would land.
pub(super) fn paint_drag_preview(
    ui: &Ui,
    map: &Map,
    layout: &Layout,
    v: &View,
    view: &ViewState,
    theme: &Theme,
) {
    let Some(drag) = &view.drag else {
        return;
    };
    let Some(pointer) = ui.input(|i| i.pointer.latest_pos()) else {
        return;
    };
    let painter = ui.painter().clone();
    if let Some(target) = drag.target
        && let (Some(si), Some(li)) = (map.stage_index(target.stage), map.lane_index(target.lane))
        && let Some(cell) = layout.cell_rect(si, li)
    {
        let y = layout.slot_y(li, target.position);
        let a = v.to_screen(pos2(cell.left() + 8.0, y));
        let b = v.to_screen(pos2(cell.right() - 8.0, y));
        painter.rect_stroke(
            v.rect(cell),
            8.0,
            Stroke::new(1.5, theme.selection.gamma_multiply(0.6)),
            StrokeKind::Inside,
        );
        painter.line_segment([a, b], Stroke::new(4.0, theme.selection));
    }
    let Some(cb) = layout.card(drag.card) else {
        return;
    };
    let size = cb.rect.size() * v.zoom;
    let min = pointer - drag.grab * v.zoom;
    let count = drag.ids.len();
    for i in (0..count.min(3)).rev() {
        let r = Rect::from_min_size(min + vec2(6.0, 6.0) * i as f32, size);
        painter.rect(
            r,
            8.0 * v.zoom,
            theme.card.gamma_multiply(0.95),
            Stroke::new(2.0, theme.selection),
            StrokeKind::Inside,
        );
    }
    if let Some(card) = map.card(drag.card) {
        painter.text(
            min + vec2(14.0, 10.0) * v.zoom,
            egui::Align2::LEFT_TOP,
            &card.title,
            egui::FontId::proportional(crate::paint::ladder_size(13.5 * v.zoom)),
            theme.text,
        );
    }
    if count > 1 {
        let badge = min + vec2(size.x, 0.0);
        painter.circle_filled(badge, 12.0, theme.selection);
        painter.text(
            badge,
            egui::Align2::CENTER_CENTER,
            count.to_string(),
            egui::FontId::proportional(12.0),
            Color32::WHITE,
        );
    }
}

/// The stage header or lane label being dragged, under the pointer, and a
/// bar where it would go.
pub(super) fn paint_header_drag_preview(
    ui: &Ui,
    map: &Map,
    layout: &Layout,
    v: &View,
    view: &ViewState,
    theme: &Theme,
) {
    let Some(drag) = &view.header_drag else {
        return;
    };
    let Some(pointer) = ui.input(|i| i.pointer.latest_pos()) else {
        return;
    };
    let painter = ui.painter().clone();
    let (area, name, color) = match drag.header {
        Header::Stage(id) => {
            let Some(si) = map.stage_index(id) else {
                return;
            };
            let Some(sb) = layout.stages.get(si) else {
                return;
            };
            (
                sb.header,
                &map.stages[si].name,
                theme.stage_color(sb.palette),
            )
        }
        Header::Lane(id) => {
            let Some(li) = map.lane_index(id) else {
                return;
            };
            let Some(lb) = layout.lanes.get(li) else {
                return;
            };
            (lb.label, &map.lanes[li].name, theme.card)
        }
    };
    if let Some(to) = drag.slot {
        let bar = match drag.header {
            Header::Stage(_) => {
                let x = insertion_edge(layout.stages.iter().map(|s| s.column), to, true);
                let top = layout.stages.first().map_or(0.0, |s| s.header.top());
                let bottom = layout.stages.first().map_or(0.0, |s| s.column.bottom());
                Rect::from_min_max(pos2(x - 3.0, top), pos2(x + 3.0, bottom))
            }
            Header::Lane(_) => {
                let y = insertion_edge(layout.lanes.iter().map(|l| l.row), to, false);
                let left = layout.lanes.first().map_or(0.0, |l| l.row.left());
                let right = layout.lanes.first().map_or(0.0, |l| l.row.right());
                Rect::from_min_max(pos2(left, y - 3.0), pos2(right, y + 3.0))
            }
        };
        painter.rect_filled(v.rect(bar), 3.0, theme.selection);
    }
    let size = area.size() * v.zoom;
    let ghost = Rect::from_min_size(pointer - drag.grab * v.zoom, size);
    painter.rect(
        ghost,
        10.0 * v.zoom,
        color.gamma_multiply(0.85),
        Stroke::new(2.0, theme.selection),
        StrokeKind::Inside,
    );
    let text_color = match drag.header {
        Header::Stage(_) => theme.header_text,
        Header::Lane(_) => theme.text,
    };
    painter.text(
        ghost.min + vec2(14.0, 12.0) * v.zoom,
        egui::Align2::LEFT_TOP,
        name,
        egui::FontId::new(
            crate::paint::ladder_size(crate::paint::sizes::LANE_NAME * v.zoom),
            crate::paint::bold(),
        ),
        text_color,
    );
}

/// The map coordinate between the box before `to` and the box at `to`
/// (along x for columns, along y for rows), as the drop bar's position.
fn insertion_edge(boxes: impl Iterator<Item = Rect>, to: usize, across: bool) -> f32 {
    let boxes: Vec<Rect> = boxes.collect();
    let start = |r: &Rect| if across { r.left() } else { r.top() };
    let end = |r: &Rect| if across { r.right() } else { r.bottom() };
    match (to.checked_sub(1).and_then(|i| boxes.get(i)), boxes.get(to)) {
        (Some(a), Some(b)) => (end(a) + start(b)) / 2.0,
        (None, Some(b)) => start(b) - 6.0,
        (Some(a), None) => end(a) + 6.0,
        (None, None) => 0.0,
    }
}

/// The persona chips in the title band: a click opens the persona in the
/// inspector (its name, description and the cards that name it).
pub(super) fn persona_chips_ui(
    ui: &Ui,
    map: &Map,
    layout: &Layout,
    v: &View,
    rect: Rect,
    view: &mut ViewState,
) {
    for (id, chip) in &layout.personas {
        let r = v.rect(*chip);
        let Some(persona) = map.persona(*id) else {
            continue;
        };
        if !r.intersects(rect) {
            continue;
        }
        let response = ui.interact(
            r.intersect(rect),
            Id::unique(("persona-chip", *id)),
            Sense::click(),
        );
        let selected = view.selection.persona == Some(*id);
        response.widget_info(|| {
            egui::WidgetInfo::selected(egui::Role::Button, true, selected, &persona.name)
        });
        if selected {
            let color = ui.visuals().selection.stroke.color;
            ui.painter().rect_stroke(
                r.expand(2.0),
                r.height() / 2.0 + 2.0,
                Stroke::new(2.0, color),
                StrokeKind::Outside,
            );
        }
        let response = response.on_hover_ui(|ui| {
            crate::ui::headers::full_text_ui(ui, &persona.name, &persona.description);
        });
        if response.clicked() {
            view.selection = crate::ui::view::Selection::persona(*id);
            view.highlight = None;
        }
    }
}
