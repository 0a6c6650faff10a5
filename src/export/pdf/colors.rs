//! egui's colours as krilla's fills and strokes.

use egui::epaint::Color32;
use krilla::color::rgb;
use krilla::num::NormalizedF32;
use krilla::paint::{Fill, FillRule, LineCap, LineJoin, Stroke};

/// A fill of `color`, unmultiplied (egui's colours are premultiplied).
pub(super) fn fill(color: Color32) -> Option<Fill> {
    if color.a() == 0 {
        return None;
    }
    let [r, g, b, a] = color.to_srgba_unmultiplied();
    Some(Fill {
        paint: rgb::Color::new(r, g, b).into(),
        opacity: NormalizedF32::new(a as f32 / 255.0).unwrap_or(NormalizedF32::ONE),
        rule: FillRule::NonZero,
    })
}

/// A stroke `width` wide in `color`; `None` if it would not show.
pub(super) fn stroke(width: f32, color: Color32) -> Option<Stroke> {
    if !width.is_finite() || width <= 0.0 || color.a() == 0 {
        return None;
    }
    let [r, g, b, a] = color.to_srgba_unmultiplied();
    Some(Stroke {
        paint: rgb::Color::new(r, g, b).into(),
        width,
        miter_limit: 4.0,
        line_cap: LineCap::Butt,
        line_join: LineJoin::Miter,
        opacity: NormalizedF32::new(a as f32 / 255.0).unwrap_or(NormalizedF32::ONE),
        dash: None,
    })
}
