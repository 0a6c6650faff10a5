//! Card widgets on the canvas: click to select, double-click to rename,
//! drag to move, and a context menu.

use egui::{Id, Rect, Role, Sense, Ui, Vec2, WidgetInfo};

use crate::edit::Command;
use crate::layout::Layout;
use crate::model::{CardId, Map, Score};
use crate::paint::View;
use crate::paint::VoteMarks;
use crate::ui::headers::full_text_ui;
use crate::ui::view::{CardDrag, EditTarget, Selection, ViewState};
use crate::ui::{Action, Actions, UiCommand};

/// The widgets of the cards in view.
#[allow(clippy::too_many_arguments)]
pub(super) fn cards_ui(
    ui: &mut Ui,
    map: &Map,
    layout: &Layout,
    v: &View,
    rect: Rect,
    view: &mut ViewState,
    out: &mut Actions,
    space_held: bool,
    votes: VoteMarks<'_>,
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
        // The full title, which the card may show cut, and what its marks
        // mean. Built only on hover.
        let response = response.on_hover_ui(|ui| card_tooltip_ui(ui, card));
        // During a vote a card of a voting lane is a ballot: a click is a
        // dot, a right-click takes one back; nothing else happens to it.
        if let VoteMarks::Hidden(lanes) = votes
            && lanes.contains(&card.lane)
        {
            if response.clicked() {
                out.push(Action::Vote {
                    card: card.id,
                    add: true,
                });
            } else if response.secondary_clicked() {
                out.push(Action::Vote {
                    card: card.id,
                    add: false,
                });
            }
            continue;
        }
        if response.clicked() {
            if mods.shift || mods.command {
                toggle(&mut view.selection, card.id);
            } else {
                view.selection = Selection::card(card.id);
            }
        }
        if response.double_clicked() {
            view.selection = Selection::card(card.id);
            view.start_edit(EditTarget::Card(card.id), &card.title);
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
        // egui ends a drag on Esc as on a release: Esc cancels, only a
        // release drops.
        let escaped = ui.input(|i| i.key_pressed(egui::Key::Escape));
        if response.drag_stopped()
            && let Some(drag) = view.drag.take()
            && drag.card == card.id
            && !escaped
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
                view.start_edit(EditTarget::Card(id), &card.title);
            }
            ui.menu_button("Emotion", |ui| {
                for score in Score::ALL {
                    if ui
                        .button(format!("{:+} {}", score.value(), score.label()))
                        .clicked()
                    {
                        out.edit(Command::SetScore {
                            ids: vec![id],
                            score: Some(score),
                        });
                    }
                }
                if ui.button("None").clicked() {
                    out.edit(Command::SetScore {
                        ids: vec![id],
                        score: None,
                    });
                }
            });
            ui.separator();
            // Copy and Duplicate act on the selection: right-clicking a
            // card outside it selects that card alone first.
            if !view.selection.cards.contains(&id) {
                view.selection = Selection::card(id);
            }
            for cmd in [UiCommand::Copy, UiCommand::Duplicate] {
                if cmd.menu_button(ui, true) {
                    out.command(cmd);
                }
            }
            ui.menu_button("Move to Stage", |ui| {
                for stage in &map.stages {
                    let here = stage.id == card.stage;
                    if ui
                        .add_enabled(!here, egui::Button::new(&stage.name))
                        .clicked()
                    {
                        out.edit(Command::MoveCards {
                            ids: view.selection.cards_in_order(map),
                            stage: stage.id,
                            lane: card.lane,
                            position: None,
                        });
                    }
                }
            });
            ui.separator();
            if ui.button("Delete Card").clicked() {
                out.edit(Command::DeleteCards(view.selection.cards_in_order(map)));
            }
        });
    }
}

/// Adds a card to the card selection, or takes it out.
pub(super) fn toggle(selection: &mut Selection, id: CardId) {
    selection.stage = None;
    selection.lane = None;
    if !selection.cards.remove(&id) {
        selection.cards.insert(id);
    }
}

/// A card's tooltip: its whole title, then its channel, owner and metric,
/// and what the evidence mark in its corner says.
fn card_tooltip_ui(ui: &mut Ui, card: &crate::model::Card) {
    full_text_ui(ui, &card.title, "");
    let mut line = |name: &str, value: &str| {
        if !value.is_empty() {
            ui.label(format!("{name}: {}", crate::paint::cap_text(value)));
        }
    };
    if card.channel.is_known() {
        line("Channel", card.channel.label());
    }
    line("Owner", &card.owner);
    line("Metric", &card.metric);
    // Named, not drawn: the mark itself is in the card's corner.
    let mark = match card.evidence {
        crate::model::Evidence::Observed => "the filled dot",
        crate::model::Evidence::Measured => "the three bars",
        crate::model::Evidence::Assumed => "the ring",
    };
    ui.label(format!(
        "Evidence: {} ({mark}), {}",
        card.evidence.label(),
        card.evidence.meaning()
    ));
}
