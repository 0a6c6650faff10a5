//! How map text is sized and bounded before it is laid out.
//!
//! **The size ladder.** egui rasterises every font size it is asked for
//! into its font atlas and keeps it there. Laying text out at `size × zoom`
//! asked for a new size at every zoom level, and the atlas grew toward the
//! GPU's largest texture (issue 14: gigabytes after a minute of zooming).
//! On screen, text is laid out at the nearest rung of a geometric ladder,
//! steps of 6 %, and drawn at the exact size by scaling the laid-out
//! result: at most √1.06 − 1 ≈ 2.96 % of scale, so glyphs stay sharp,
//! and a whole session uses a fixed, small set of sizes.
//!
//! **The length cap.** Shaping costs about 115 bytes of memory per byte of
//! text (a 100 MB card title took 11.4 GB to export). A map shows a text
//! in a few rows at most, so no text is laid out beyond
//! [`MAX_TEXT_CHARS`] characters.

use std::borrow::Cow;

/// The largest font atlas the editor lets egui make, per side, in pixels.
///
/// egui makes its font atlas as wide as the GPU's largest texture
/// (16,384 on most desktop GPUs: 1 GiB when full, plus its copy in the
/// process). With text on the ladder, a whole session's glyphs take a
/// few hundred rows of a 16,384-pixel-wide atlas, that is a few million
/// pixels; 4,096 × 4,096 (64 MB) holds that several times over, so egui's
/// clear-and-refill at 80 % full stays rare, and a full atlas costs 64 MB
/// rather than 1 GiB. Maps hold no images, so no other texture needs more.
pub const MAX_FONT_ATLAS_SIDE: usize = 4_096;

/// Caps the largest texture side the window reports to egui at
/// [`MAX_FONT_ATLAS_SIDE`]: for `eframe::App::raw_input_hook`, which sees
/// the input before egui does.
pub fn cap_texture_side(raw_input: &mut egui::RawInput) {
    if let Some(side) = &mut raw_input.max_texture_side {
        *side = (*side).min(MAX_FONT_ATLAS_SIDE);
    }
}

/// The ratio between neighbouring sizes of the ladder.
pub const LADDER_STEP: f32 = 1.06;

/// The smallest size laid out, in points. Smaller text (a far zoomed-out
/// overview) is laid out at this size and scaled down.
pub const LADDER_MIN: f32 = 2.0;

/// The largest size laid out, in points: a map title (28) at the largest
/// zoom (4×) is 112. Larger text is laid out at this size and scaled up.
pub const LADDER_MAX: f32 = 160.0;

/// The most characters of one text that are laid out. The longest text
/// box on a map shows at most a few hundred characters (a card title is
/// three rows of about 25); the rest could never be seen, and shaping it
/// costs time and memory in proportion to its length.
pub const MAX_TEXT_CHARS: usize = 2_000;

/// The size, in points, to lay text out at so that drawn at `size` it is
/// scaled by at most 3 %: the nearest rung of a geometric ladder of 6 %
/// steps (`1.06^k`), clamped to [`LADDER_MIN`]..=[`LADDER_MAX`].
///
/// For every text shown on the map and for anything sized to match it,
/// such as the in-place editors, which cannot scale their text: use
/// `ladder_size(size * zoom)` rather than `size * zoom`.
pub fn ladder_size(size: f32) -> f32 {
    if size.is_nan() || size <= LADDER_MIN {
        return LADDER_MIN;
    }
    let size = size.min(LADDER_MAX);
    let rung = (size.ln() / LADDER_STEP.ln()).round();
    LADDER_STEP.powf(rung).clamp(LADDER_MIN, LADDER_MAX)
}

/// `text` cut to at most [`MAX_TEXT_CHARS`] characters, on a character
/// boundary, with `…` added when something was cut. Costs time in
/// proportion to the cap, not to the text.
pub fn cap_text(text: &str) -> Cow<'_, str> {
    cap_text_to(text, MAX_TEXT_CHARS)
}

/// [`cap_text`] with a cap of `max_chars` characters.
pub fn cap_text_to(text: &str, max_chars: usize) -> Cow<'_, str> {
    // A text of at most `max_chars` bytes has at most that many chars.
    if text.len() <= max_chars {
        return Cow::Borrowed(text);
    }
    match text.char_indices().nth(max_chars) {
        Some((cut, _)) => {
            let mut s = String::with_capacity(cut + '…'.len_utf8());
            s.push_str(&text[..cut]);
            s.push('…');
            Cow::Owned(s)
        }
        None => Cow::Borrowed(text),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ladder_scale_error_is_under_three_percent_from_one_to_the_largest_size() {
        let mut size = 1.0_f32;
        while size <= LADDER_MAX {
            let laid = ladder_size(size);
            if size >= LADDER_MIN {
                let error = (size / laid - 1.0).abs();
                assert!(error < 0.03, "{size} laid out at {laid}: {error}");
            }
            size *= 1.0007;
        }
    }

    #[test]
    fn ladder_has_a_fixed_number_of_sizes() {
        let mut sizes: Vec<u32> = Vec::new();
        let mut size = 0.01_f32;
        while size < 1000.0 {
            sizes.push(ladder_size(size).to_bits());
            size *= 1.0003;
        }
        sizes.sort_unstable();
        sizes.dedup();
        let rungs = ((LADDER_MAX / LADDER_MIN).ln() / LADDER_STEP.ln()).ceil() as usize + 2;
        assert!(sizes.len() <= rungs, "{} sizes", sizes.len());
        assert!(sizes.len() > 50, "{} sizes", sizes.len());
    }

    #[test]
    fn ladder_survives_nonsense() {
        assert_eq!(ladder_size(f32::NAN), LADDER_MIN);
        assert_eq!(ladder_size(-3.0), LADDER_MIN);
        let top = ladder_size(f32::INFINITY);
        assert!(top <= LADDER_MAX && top > LADDER_MAX / LADDER_STEP, "{top}");
        assert_eq!(ladder_size(1e9), top);
    }

    #[test]
    fn short_text_is_not_copied() {
        assert!(matches!(cap_text("Buy boots"), Cow::Borrowed("Buy boots")));
        let just_fits = "é".repeat(MAX_TEXT_CHARS);
        assert!(matches!(cap_text(&just_fits), Cow::Borrowed(_)));
    }

    #[test]
    fn long_text_is_cut_on_a_char_boundary_with_an_ellipsis() {
        let text = "ü€x".repeat(MAX_TEXT_CHARS);
        let capped = cap_text(&text);
        assert_eq!(capped.chars().count(), MAX_TEXT_CHARS + 1);
        assert!(capped.ends_with('…'));
        assert!(text.starts_with(capped.trim_end_matches('…')));
        assert_eq!(cap_text_to("abcdef", 3), "abc…");
    }
}
