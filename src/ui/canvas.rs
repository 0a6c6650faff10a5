//! The map canvas: paints the shared layout and turns pointer and keyboard
//! input into selection changes, view changes and [`Actions`].

use std::collections::HashSet;

use egui::{
    Color32, CornerRadius, Id, Key, Rect, Response, Role, Sense, Shape, Stroke, StrokeKind, Ui,
    Vec2, WidgetInfo, pos2, vec2,
};

use crate::app::view::{CardDrag, EditTarget, Highlight, InlineEdit, Selection, ViewState};
use crate::edit::Command;
use crate::layout::Layout;
use crate::model::{Card, CardId, Emotion, LaneId, Map, Score, StageId};
use crate::paint::{Decorations, View, paint_map};
use crate::theme::Theme;

use super::headers::headers_ui;
use super::inline_edit::{inline_edit_ui, start_edit};
use super::{Actions, UiCommand};

/// A gap the analysis found between two stages, marked on their boundary.
#[derive(Clone, Debug, PartialEq)]
pub struct GapMark {
    /// The stage on the left of the boundary.
    pub after: StageId,
    /// Its colour (by severity).
    pub color: Color32,
    /// What the gap is, shown on hover.
    pub text: String,
}

/// Everything the canvas reads.
pub struct CanvasInput<'a> {
    /// The map.
    pub map: &'a Map,
    /// Its layout.
    pub layout: &'a Layout,
    /// The colours.
    pub theme: &'a Theme,
    /// Gaps to mark between stages.
    pub gaps: &'a [GapMark],
}

/// The default title of a card made by double-clicking.
pub const NEW_CARD_TITLE: &str = "New touchpoint";

/// Shows the canvas in the rest of `ui`.
pub fn canvas_ui(ui: &mut Ui, input: &CanvasInput<'_>, view: &mut ViewState, out: &mut Actions) {
    let CanvasInput {
        map,
        layout,
        theme,
        gaps,
    } = *input;
    let (rect, bg) = ui.allocate_exact_size(ui.available_size(), Sense::click_and_drag());
    let resized = view.canvas != rect;
    view.canvas = rect;
    if (view.fit_pending || (view.fitted && resized)) && rect.width() > 1.0 {
        view.fit(layout, rect);
        view.fit_pending = false;
    }
    if let Some(target) = view.reveal.take() {
        view.reveal(target, rect);
    }
    scroll_and_zoom(ui, rect, view);

    let v = view.view(rect);
    let painter = ui.painter_at(rect);
    painter.rect_filled(rect, CornerRadius::ZERO, theme.background);
    let dragging: HashSet<CardId> = view
        .drag
        .as_ref()
        .map(|d| d.ids.clone())
        .unwrap_or_default();
    let deco = Decorations {
        selected: Some(&view.selection.cards),
        dragging: Some(&dragging),
        editing: match view.editing {
            Some(InlineEdit {
                target: EditTarget::Card(id),
                ..
            }) => Some(id),
            _ => None,
        },
        highlight_card: match view.highlight {
            Some(Highlight::Card(id)) => Some(id),
            _ => None,
        },
        highlight_stage: match view.highlight {
            Some(Highlight::Stage(id)) => Some(id),
            _ => None,
        },
        highlight_lane: match view.highlight {
            Some(Highlight::Lane(id)) => Some(id),
            _ => None,
        },
        selected_stage: view.selection.stage,
        selected_lane: view.selection.lane,
        // Persona curves: the lead wires the legend toggles to view state.
        persona_curves: &[],
    };
    let shapes = ui.fonts_mut(|fonts| paint_map(fonts, map, layout, theme, &v, rect, &deco));
    painter.extend(shapes);
    paint_gaps(ui, layout, &v, rect, gaps, map);

    let space_held = ui.input(|i| i.key_down(Key::Space)) && !ui.ctx().egui_wants_keyboard_input();
    headers_ui(ui, map, layout, &v, rect, view, out);
    cards_ui(ui, map, layout, &v, rect, view, out, space_held);
    add_buttons_ui(ui, layout, &v, rect, out);
    background_ui(ui, &bg, map, layout, &v, view, out, space_held);
    inline_edit_ui(ui, map, layout, &v, view, out);
    keys(ui, map, layout, view, out);
    paint_drag_preview(ui, map, layout, &v, view, theme);
}

fn scroll_and_zoom(ui: &Ui, rect: Rect, view: &mut ViewState) {
    let hovered = ui.rect_contains_pointer(rect);
    let (scroll, zoom, pointer) =
        ui.input(|i| (i.smooth_scroll_delta, i.zoom_delta(), i.pointer.hover_pos()));
    if !hovered {
        return;
    }
    if zoom != 1.0 {
        view.zoom_around(zoom, pointer.unwrap_or(rect.center()), rect);
    }
    if scroll != Vec2::ZERO {
        view.pan += scroll;
        view.fitted = false;
    }
}

fn paint_gaps(ui: &Ui, layout: &Layout, v: &View, rect: Rect, gaps: &[GapMark], map: &Map) {
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
            egui::FontId::new(marker.width(), crate::paint::bold()),
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

#[allow(clippy::too_many_arguments)]
fn cards_ui(
    ui: &mut Ui,
    map: &Map,
    layout: &Layout,
    v: &View,
    rect: Rect,
    view: &mut ViewState,
    out: &mut Actions,
    space_held: bool,
) {
    let mods = ui.input(|i| i.modifiers);
    if crate::paint::cards_are_tiny(layout, v.zoom) {
        return;
    }
    for cb in &layout.cards {
        let r = v.rect(cb.rect);
        if !r.intersects(rect) {
            continue;
        }
        let Some(card) = map.cards.get(cb.index) else {
            continue;
        };
        let sense = if space_held {
            Sense::hover()
        } else {
            Sense::click_and_drag()
        };
        let response = ui.interact(r.intersect(rect), Id::unique(("card", card.id)), sense);
        let selected = view.selection.cards.contains(&card.id);
        response.widget_info(|| WidgetInfo::selected(Role::Button, true, selected, &card.title));
        if response.clicked() {
            if mods.shift || mods.command {
                toggle(&mut view.selection, card.id);
            } else {
                view.selection = Selection::card(card.id);
            }
        }
        if response.double_clicked() {
            view.selection = Selection::card(card.id);
            start_edit(view, EditTarget::Card(card.id), &card.title);
        }
        if response.drag_started() {
            if !selected {
                view.selection = Selection::card(card.id);
            }
            let grab = response
                .interact_pointer_pos()
                .map_or(Vec2::ZERO, |p| v.to_map(p) - cb.rect.min);
            view.drag = Some(CardDrag {
                ids: view.selection.cards.clone(),
                grab,
                card: card.id,
                target: None,
            });
        }
        if response.dragged()
            && let Some(drag) = view.drag.as_mut()
            && drag.card == card.id
            && let Some(p) = ui.input(|i| i.pointer.latest_pos())
        {
            drag.target = layout.drop_target(map, v.to_map(p));
        }
        if response.drag_stopped()
            && let Some(drag) = view.drag.take()
            && drag.card == card.id
            && let Some(target) = drag.target
        {
            let ids = view.selection.cards_in_order(map);
            let position = map
                .cell_cards(target.stage, target.lane)
                .take(target.position)
                .filter(|c| !drag.ids.contains(&c.id))
                .count();
            out.edit(Command::MoveCards {
                ids,
                stage: target.stage,
                lane: target.lane,
                position: Some(position),
            });
        }
        let id = card.id;
        response.context_menu(|ui| {
            if ui.button("Edit Title").clicked() {
                view.selection = Selection::card(id);
                start_edit(view, EditTarget::Card(id), &card.title);
            }
            ui.menu_button("Emotion", |ui| {
                for score in Score::ALL {
                    if ui
                        .button(format!("{:+} {}", score.value(), score.label()))
                        .clicked()
                    {
                        out.edit(set_emotion(map, &[id], Some(score)));
                    }
                }
                if ui.button("None").clicked() {
                    out.edit(set_emotion(map, &[id], None));
                }
            });
            ui.separator();
            if ui.button("Delete Card").clicked() {
                let ids = if view.selection.cards.contains(&id) {
                    view.selection.cards_in_order(map)
                } else {
                    vec![id]
                };
                out.edit(Command::DeleteCards(ids));
            }
        });
    }
}

/// Sets an emotion score on cards, keeping each card's word where it has one.
pub fn set_emotion(map: &Map, ids: &[CardId], score: Option<Score>) -> Command {
    let updates: Vec<Command> = ids
        .iter()
        .filter_map(|id| map.card(*id))
        .map(|card| {
            let mut card = card.clone();
            card.emotion = score.map(|score| Emotion {
                score,
                word: card
                    .emotion
                    .as_ref()
                    .map(|e| e.word.clone())
                    .unwrap_or_default(),
            });
            Command::UpdateCard(card)
        })
        .collect();
    Command::Batch(updates)
}

fn add_buttons_ui(ui: &mut Ui, layout: &Layout, v: &View, rect: Rect, out: &mut Actions) {
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
        let response = ui.put(lane_btn, egui::Button::new("+ Lane").corner_radius(8.0));
        if response.on_hover_text("Add a lane at the bottom").clicked() {
            out.command(UiCommand::AddLane);
        }
    }
}

#[allow(clippy::too_many_arguments)]
fn background_ui(
    ui: &mut Ui,
    bg: &Response,
    map: &Map,
    layout: &Layout,
    v: &View,
    view: &mut ViewState,
    out: &mut Actions,
    space_held: bool,
) {
    let (mods, pointer) = ui.input(|i| (i.modifiers, i.pointer.latest_pos()));
    let middle = ui.input(|i| i.pointer.middle_down());
    // Space+drag pans from anywhere, even over cards.
    if space_held {
        let delta = ui.input(|i| {
            if i.pointer.primary_down() {
                i.pointer.delta()
            } else {
                Vec2::ZERO
            }
        });
        view.pan += delta;
    }
    if bg.drag_started()
        && !space_held
        && (mods.shift || mods.command)
        && !middle
        && let Some(p) = bg.interact_pointer_pos()
    {
        view.band = Some((p, p));
    }
    if bg.dragged() {
        if let Some(band) = view.band.as_mut() {
            if let Some(p) = pointer {
                band.1 = p;
            }
        } else if !space_held {
            view.pan += bg.drag_delta();
            view.fitted = false;
        }
    }
    if bg.drag_stopped()
        && let Some((a, b)) = view.band.take()
    {
        let band = Rect::from_two_pos(v.to_map(a), v.to_map(b));
        let hits = layout
            .cards
            .iter()
            .filter(|c| band.intersects(c.rect))
            .map(|c| c.id);
        let mut cards = if mods.command || mods.shift {
            std::mem::take(&mut view.selection.cards)
        } else {
            HashSet::new()
        };
        cards.extend(hits);
        view.selection = Selection {
            cards,
            ..Default::default()
        };
    }
    if let Some((a, b)) = view.band {
        let r = Rect::from_two_pos(a, b);
        let color = ui.visuals().selection.stroke.color;
        ui.painter().rect(
            r,
            2.0,
            color.gamma_multiply(0.12),
            Stroke::new(1.0, color),
            StrokeKind::Inside,
        );
    }
    if bg.clicked() {
        // In an overview, cards have no widgets; find the one clicked.
        let hit = bg
            .interact_pointer_pos()
            .filter(|_| crate::paint::cards_are_tiny(layout, v.zoom))
            .and_then(|p| layout.card_at(v.to_map(p)))
            .map(|c| c.id);
        match hit {
            Some(id) if mods.shift || mods.command => toggle(&mut view.selection, id),
            Some(id) => view.selection = Selection::card(id),
            None if !mods.shift && !mods.command => {
                view.selection = Selection::default();
                view.highlight = None;
            }
            None => {}
        }
    }
    if bg.double_clicked()
        && let Some(p) = bg.interact_pointer_pos()
        && let Some((si, li)) = layout.cell_at(v.to_map(p))
    {
        let (Some(stage), Some(lane)) = (map.stages.get(si), map.lanes.get(li)) else {
            return;
        };
        add_card(map, stage.id, lane.id, view, out);
    }
}

/// Adds a card to the card selection, or takes it out.
fn toggle(selection: &mut Selection, id: CardId) {
    selection.stage = None;
    selection.lane = None;
    if !selection.cards.remove(&id) {
        selection.cards.insert(id);
    }
}

/// Adds a card at the end of a cell, selects it and starts editing its title.
pub fn add_card(map: &Map, stage: StageId, lane: LaneId, view: &mut ViewState, out: &mut Actions) {
    let id = CardId(map.peek_id());
    let mut card = Card::new(id, stage, lane, NEW_CARD_TITLE);
    if let Some(first) = map.lane(lane)
        && first.kind != crate::model::LaneKind::Touchpoints
    {
        card.channel = crate::model::Channel::default();
    }
    out.edit(Command::AddCard {
        card,
        position: None,
    });
    view.selection = Selection::card(id);
    view.editing = Some(InlineEdit {
        target: EditTarget::Card(id),
        text: String::new(),
        focused: false,
    });
}

/// Plain keys for the selection: arrows move cards between cells, digits
/// set the emotion, Esc cancels a gesture.
fn keys(ui: &mut Ui, map: &Map, layout: &Layout, view: &mut ViewState, out: &mut Actions) {
    if ui.ctx().egui_wants_keyboard_input() {
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
            out.edit(set_emotion(map, &ids, score.map(Score::clamped)));
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

fn paint_drag_preview(
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
            egui::FontId::proportional(13.5 * v.zoom),
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
