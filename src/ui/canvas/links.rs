//! Links between cards on the canvas: a handle on the right edge of the
//! hovered or selected card, dragged to another card, draws an arrow; a
//! click on an arrow's middle selects it, and its context menu deletes it.
//! The arrows themselves are painted by the shared paint code.

use egui::{Color32, Id, Pos2, Rect, Role, Sense, Stroke, Ui, Vec2, WidgetInfo};

use crate::edit::Command;
use crate::layout::Layout;
use crate::model::{Link, Map};
use crate::paint::View;
use crate::ui::Actions;
use crate::ui::view::{LinkDrag, Selection, ViewState};

/// The handle's radius on screen, in points.
const HANDLE: f32 = 7.0;

/// The screen point of a card's link handle: the middle of its right edge,
/// where its arrows start.
fn handle_at(v: &View, card: Rect) -> Pos2 {
    v.to_screen(card.right_center())
}

/// The link handles, the arrows' click targets, and a link being drawn.
#[allow(clippy::too_many_arguments)]
pub(super) fn links_ui(
    ui: &mut Ui,
    map: &Map,
    layout: &Layout,
    v: &View,
    rect: Rect,
    view: &mut ViewState,
    out: &mut Actions,
    space_held: bool,
) {
    if crate::paint::cards_are_tiny(layout, v.zoom) || space_held {
        view.link_drag = None;
        return;
    }
    arrows_ui(ui, map, layout, v, rect, view, out);
    let pointer = ui.input(|i| i.pointer.latest_pos());
    let near = |r: Rect| pointer.is_some_and(|p| r.expand(2.0 * HANDLE).contains(p));
    let color = ui.visuals().selection.bg_fill;
    for cb in &layout.cards {
        let r = v.rect(cb.rect);
        if !r.intersects(rect) {
            continue;
        }
        let Some(card) = map.cards.get(cb.index) else {
            continue;
        };
        let dragging_this = view.link_drag.is_some_and(|d| d.from == card.id);
        if !(near(r) || view.selection.cards.contains(&card.id) || dragging_this) {
            continue;
        }
        let at = handle_at(v, cb.rect);
        let hit = Rect::from_center_size(at, Vec2::splat(2.0 * HANDLE + 4.0));
        if !rect.contains(at) {
            continue;
        }
        let response = ui.interact(hit, Id::unique(("link-handle", card.id)), Sense::drag());
        response.widget_info(|| {
            WidgetInfo::labeled(Role::Button, true, format!("Link from {}", card.title))
        });
        let response = response.on_hover_text("Drag to the card that serves this one");
        let lit = response.hovered() || dragging_this;
        let painter = ui.painter_at(rect);
        painter.circle_filled(at, HANDLE, if lit { color } else { Color32::WHITE });
        painter.circle_stroke(at, HANDLE, Stroke::new(1.5, color));
        painter.circle_filled(at, HANDLE * 0.35, if lit { Color32::WHITE } else { color });
        if response.drag_started() {
            view.link_drag = Some(LinkDrag {
                from: card.id,
                to: v.to_map(at),
            });
        }
        if response.dragged()
            && let Some(p) = pointer
            && let Some(drag) = view.link_drag.as_mut()
        {
            drag.to = v.to_map(p);
        }
        // egui ends a drag on Esc as on a release: only a release links.
        let escaped = ui.input(|i| i.key_pressed(egui::Key::Escape));
        if response.drag_stopped()
            && let Some(drag) = view.link_drag.take()
            && !escaped
            && let Some(target) = layout.card_at(drag.to)
            && target.id != drag.from
        {
            let link = Link::new(drag.from, target.id);
            if !map.links.contains(&link) {
                out.edit(Command::AddLink(link));
            }
        }
    }
    if let Some(drag) = view.link_drag {
        // Esc drops the link being drawn, and nothing else.
        if ui.input_mut(|i| i.consume_key(egui::Modifiers::NONE, egui::Key::Escape)) {
            view.link_drag = None;
            return;
        }
        preview(ui, layout, v, rect, drag, color);
    }
}

/// The arrow being drawn, from its card's handle to the pointer, and the
/// card it would link to outlined.
fn preview(ui: &Ui, layout: &Layout, v: &View, rect: Rect, drag: LinkDrag, color: Color32) {
    let Some(from) = layout.card(drag.from) else {
        return;
    };
    let painter = ui.painter_at(rect);
    let (a, b) = (handle_at(v, from.rect), v.to_screen(drag.to));
    painter.line_segment([a, b], Stroke::new(2.0, color));
    if let Some(target) = layout.card_at(drag.to).filter(|c| c.id != drag.from) {
        painter.rect_stroke(
            v.rect(target.rect).expand(3.0),
            6.0,
            Stroke::new(2.5, color),
            egui::StrokeKind::Outside,
        );
    }
}

/// A click target at each arrow's middle: a click selects the arrow, its
/// context menu deletes it.
fn arrows_ui(
    ui: &mut Ui,
    map: &Map,
    layout: &Layout,
    v: &View,
    rect: Rect,
    view: &mut ViewState,
    out: &mut Actions,
) {
    if view
        .selected_link
        .is_some_and(|l| !map.links.contains(&l) || !view.selection.is_empty())
    {
        view.selected_link = None;
    }
    for lb in &layout.links {
        let at = v.to_screen(lb.mid);
        if !rect.contains(at) {
            continue;
        }
        // Named only when asked (accessibility, hover): thousands of
        // arrows would otherwise format their names every frame.
        let name = || {
            let title = |id| map.card(id).map_or("?", |c| c.title.as_str());
            format!("Link {} to {}", title(lb.link.from), title(lb.link.to))
        };
        let hit = Rect::from_center_size(at, Vec2::splat(2.0 * HANDLE + 2.0));
        let response = ui.interact(hit, Id::unique(("link", lb.link)), Sense::click());
        let selected = view.selected_link == Some(lb.link);
        response.widget_info(|| WidgetInfo::selected(Role::Button, true, selected, name()));
        let response = response.on_hover_ui(|ui| {
            ui.label(name());
        });
        if response.clicked() || response.secondary_clicked() {
            view.selection = Selection::default();
            view.selected_link = Some(lb.link);
        }
        let link = lb.link;
        response.context_menu(|ui| {
            if ui.button("Delete Link").clicked() {
                out.edit(Command::DeleteLink(link));
                view.selected_link = None;
            }
        });
    }
}
