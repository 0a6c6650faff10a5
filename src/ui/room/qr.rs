//! A QR code drawn as squares, with its quiet zone, on the screen and the
//! projector alike.

use egui::{Color32, CornerRadius, Painter, Rect, pos2, vec2};

use crate::room::qr::Qr;

/// Paints `qr` filling the square `rect`, white quiet zone included.
pub fn paint_qr(painter: &Painter, rect: Rect, qr: &Qr) {
    painter.rect_filled(rect, CornerRadius::same(4), Color32::WHITE);
    // Four modules of quiet zone on each side, as the standard asks.
    let modules = qr.width + 8;
    let size = rect.width().min(rect.height()) / modules as f32;
    let origin = rect.min + vec2(4.0 * size, 4.0 * size);
    for y in 0..qr.width {
        for x in 0..qr.width {
            if qr.is_dark(x, y) {
                let min = pos2(origin.x + x as f32 * size, origin.y + y as f32 * size);
                // A hair larger, so neighbours leave no seam.
                let r = Rect::from_min_size(min, vec2(size + 0.5, size + 0.5));
                painter.rect_filled(r, CornerRadius::ZERO, Color32::BLACK);
            }
        }
    }
}
