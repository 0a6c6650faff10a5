//! Scrolling pans the canvas; Ctrl+scroll and pinching zoom it.

use egui::{Rect, Ui, Vec2};

use crate::ui::view::ViewState;

/// Pans and zooms from the scroll and zoom input of the frame.
pub(super) fn scroll_and_zoom(ui: &Ui, rect: Rect, view: &mut ViewState) {
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
