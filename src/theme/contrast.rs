//! WCAG contrast: how far apart two colours are in relative luminance,
//! the measure a projected map is checked against (AA is 4.5:1 for text,
//! AAA 7:1).

use egui::Color32;

/// The relative luminance of an opaque sRGB colour (WCAG 2.x), 0..=1.
pub fn luminance(color: Color32) -> f64 {
    let channel = |c: u8| {
        let c = f64::from(c) / 255.0;
        if c <= 0.040_45 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * channel(color.r()) + 0.7152 * channel(color.g()) + 0.0722 * channel(color.b())
}

/// The contrast ratio of two opaque colours, 1..=21, whichever is lighter.
pub fn contrast_ratio(a: Color32, b: Color32) -> f64 {
    let (la, lb) = (luminance(a), luminance(b));
    let (hi, lo) = if la > lb { (la, lb) } else { (lb, la) };
    (hi + 0.05) / (lo + 0.05)
}

/// `top` painted over an opaque `bottom`: the colour the eye sees.
/// Blends premultiplied colours in gamma space, as egui's painters do.
pub fn over(top: Color32, bottom: Color32) -> Color32 {
    let a = f32::from(top.a()) / 255.0;
    let mix = |t: u8, b: u8| (f32::from(t) + f32::from(b) * (1.0 - a)).round().min(255.0) as u8;
    Color32::from_rgb(
        mix(top.r(), bottom.r()),
        mix(top.g(), bottom.g()),
        mix(top.b(), bottom.b()),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn black_on_white_is_21_and_a_colour_on_itself_is_1() {
        assert!((contrast_ratio(Color32::BLACK, Color32::WHITE) - 21.0).abs() < 1e-9);
        assert!((contrast_ratio(Color32::WHITE, Color32::BLACK) - 21.0).abs() < 1e-9);
        let grey = Color32::from_rgb(118, 118, 118);
        assert!((contrast_ratio(grey, grey) - 1.0).abs() < 1e-9);
        // WCAG's own example: #767676 on white is just over 4.5:1.
        let r = contrast_ratio(grey, Color32::WHITE);
        assert!(r > 4.5 && r < 4.6, "{r}");
    }

    #[test]
    fn painting_over_blends_by_alpha() {
        let half_black = Color32::from_black_alpha(128);
        let seen = over(half_black, Color32::WHITE);
        assert!(seen.r() > 120 && seen.r() < 135, "{seen:?}");
        assert_eq!(over(Color32::RED, Color32::BLUE), Color32::RED);
        assert_eq!(over(Color32::TRANSPARENT, Color32::BLUE), Color32::BLUE);
    }
}
