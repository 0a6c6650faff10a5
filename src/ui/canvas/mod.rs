//! The map canvas: paints the shared layout and turns pointer and keyboard
//! input into selection changes, view changes and [`Action`]s.

mod background;
mod cards;
mod compare;
mod keys;
mod links;
mod navigation;
mod overlays;

use std::collections::HashSet;

use egui::{Color32, CornerRadius, Key, Sense, Ui};

use crate::layout::Layout;
use crate::model::{CardId, Map, StageId};
use crate::paint::{Decorations, FindMarks, Pinned, VoteMarks, paint_map, paint_pinned_headers};
use crate::theme::Theme;

use super::Actions;
use super::headers::headers_ui;
use super::inline_edit::inline_edit_ui;
use super::view::{EditTarget, Highlight, InlineEdit, ViewState};
pub use compare::CompareMarks;

#[cfg(doc)]
use super::Action;

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
    /// False while a dialog owns the keyboard and pointer: the canvas is
    /// drawn, but reads no input at all.
    pub interactive: bool,
    /// What the find bar matched, if it is searching the map.
    pub found: Option<&'a FindMarks>,
    /// A comparison with another map, drawn over this one. Its layout
    /// (`layout` above) keeps slots for the removed cards' ghosts.
    pub compare: Option<CompareMarks<'a>>,
    /// A dropdown or menu was open when the frame began: Esc closes it
    /// and does nothing else (it keeps the selection).
    pub menu_was_open: bool,
    /// Dot votes: shown, or hidden while a vote is open (then a click on
    /// a card of a voting lane casts a dot, a right-click takes one back).
    pub votes: VoteMarks<'a>,
}

/// Shows the canvas in the rest of `ui`.
pub fn canvas_ui(ui: &mut Ui, input: &CanvasInput<'_>, view: &mut ViewState, out: &mut Actions) {
    let CanvasInput {
        map,
        layout,
        theme,
        gaps,
        interactive,
        found,
        compare: comparison,
        menu_was_open,
        votes,
    } = *input;
    let sense = if interactive {
        Sense::click_and_drag()
    } else {
        Sense::hover()
    };
    let (rect, bg) = ui.allocate_exact_size(ui.available_size(), sense);
    let resized = view.canvas != rect;
    view.canvas = rect;
    if (view.fit_pending || (view.fitted && resized)) && rect.width() > 1.0 {
        view.fit(layout, rect);
        view.fit_pending = false;
    }
    if let Some(target) = view.reveal.take() {
        view.reveal(target, rect, layout);
    }
    if interactive {
        navigation::scroll_and_zoom(ui, rect, view);
    }

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
        persona_curves: &view.persona_curves,
        found,
        spotlight: None,
        selected_link: view.selected_link,
        votes,
    };
    let shapes = ui.fonts_mut(|fonts| paint_map(fonts, map, layout, theme, &v, rect, &deco));
    painter.extend(shapes);
    // Frozen panes: headers scrolled out of view are drawn pinned over the
    // map, and the cards under them take no pointer.
    let pin = Pinned::of(layout, &v, rect);
    let open = pin.uncovered(layout, &v, rect);
    if let Some(marks) = &comparison {
        compare::paint_compare(ui, map, layout, &v, open, theme, marks);
    }
    if pin.any() {
        let pinned =
            ui.fonts_mut(|fonts| paint_pinned_headers(fonts, map, layout, theme, &v, rect, &deco));
        painter.extend(pinned);
    }
    // Under the pinned headers, as the map is.
    overlays::paint_gaps(ui, layout, &v, open, gaps, map);
    if !interactive {
        return;
    }

    let space_held = ui.input(|i| i.key_down(Key::Space)) && !ui.ctx().egui_wants_keyboard_input();
    headers_ui(ui, map, layout, &v, rect, pin, view, out);
    cards::cards_ui(ui, map, layout, &v, open, view, out, space_held, votes);
    links::links_ui(ui, map, layout, &v, open, view, out, space_held);
    overlays::add_buttons_ui(ui, layout, &v, rect, out);
    overlays::persona_chips_ui(ui, map, layout, &v, rect, view);
    background::background_ui(ui, &bg, map, layout, &v, view, out, space_held);
    inline_edit_ui(ui, map, layout, &v, view, out);
    if menu_was_open {
        ui.input_mut(|i| i.consume_key(egui::Modifiers::NONE, Key::Escape));
    }
    keys::keys(ui, map, layout, view, out);
    overlays::paint_drag_preview(ui, map, layout, &v, view, theme);
    overlays::paint_header_drag_preview(ui, map, layout, &v, view, theme);
}
