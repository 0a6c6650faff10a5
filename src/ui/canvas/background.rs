//! The canvas background: drag to pan, Shift/Ctrl+drag for a rubber band,
//! click to clear or (in an overview) pick a card, double-click to add one.

use std::collections::HashSet;

use egui::{Rect, Response, Stroke, StrokeKind, Ui, Vec2};

use crate::layout::Layout;
use crate::model::{Map, PersonaId};
use crate::paint::View;
use crate::ui::view::{Extent, Selection, ViewState};
use crate::ui::{Action, Actions};

use super::cards::toggle;

/// Shows a persona's curve, or hides it.
fn toggle_persona(shown: &mut Vec<PersonaId>, persona: PersonaId) {
    if let Some(i) = shown.iter().position(|p| *p == persona) {
        shown.remove(i);
    } else {
        shown.push(persona);
    }
}

/// Whether this click on the background is the second of a double-click.
/// Counted from the background's own clicks: egui counts every click, so a
/// click on a field a moment before (choosing a channel, then the Owner
/// field) made the double-click a "triple" one, and no card was added.
fn second_click(ui: &Ui, bg: &Response, view: &mut ViewState) -> bool {
    if !bg.clicked() {
        return false;
    }
    let (Some(pos), time) = (bg.interact_pointer_pos(), ui.input(|i| i.time)) else {
        return false;
    };
    let (delay, dist) = ui.ctx().options(|o| {
        (
            o.input_options.max_double_click_delay,
            o.input_options.max_click_dist,
        )
    });
    let second = view
        .last_click
        .is_some_and(|(t, p)| time - t < delay && p.distance(pos) < dist);
    // A third click starts over: it adds no second card.
    view.last_click = if second { None } else { Some((time, pos)) };
    second
}

/// The background's gestures.
#[allow(clippy::too_many_arguments)]
pub(super) fn background_ui(
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
    let clicked_at = bg
        .clicked()
        .then(|| bg.interact_pointer_pos())
        .flatten()
        .map(|p| v.to_map(p));
    if let Some(p) = clicked_at
        && let Some(persona) = layout.legend_persona_at(p)
    {
        toggle_persona(&mut view.persona_curves, persona);
    } else if let Some(p) = clicked_at
        && let Some(low) = layout.low_point_at(p)
    {
        // The face on a stage's low point names a card: take the user there.
        view.selection = Selection::card(low.card);
        view.highlight = None;
        view.reveal = view.selection.rect(map, layout, Extent::Label);
    } else if bg.clicked() {
        // In an overview, cards have no widgets; find the one clicked.
        let hit = clicked_at
            .filter(|_| crate::paint::cards_are_tiny(layout, v.zoom))
            .and_then(|p| layout.card_at(p))
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
    if second_click(ui, bg, view)
        && let Some(p) = bg.interact_pointer_pos()
        && let Some((si, li)) = layout.cell_at(v.to_map(p))
    {
        let (Some(stage), Some(lane)) = (map.stages.get(si), map.lanes.get(li)) else {
            return;
        };
        out.push(Action::AddCardIn {
            stage: stage.id,
            lane: lane.id,
        });
    }
}
