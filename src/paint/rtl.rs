//! Right-to-left text (Arabic, Hebrew) in the right order.
//!
//! egui 0.37 shapes text with harfrust, one font run at a time, and guesses
//! each run's direction from its first letter. So a title all in Arabic or
//! Hebrew comes out right, joined by the font's own rules, but a line
//! that mixes directions does not: "Pay שלום now" is one DejaVu run, taken
//! as left to right, and the Hebrew comes out backwards.
//!
//! [`text_job`] fixes that before layout: it splits each line into its
//! directional runs with the Unicode bidirectional algorithm and gives
//! each run its own layout section, in visual order. egui shapes each
//! section on its own, so every right-to-left run is reversed and joined by
//! the shaper, and placed where the bidirectional algorithm puts it. What
//! this cannot do is in the README ("Right-to-left text").

use std::borrow::Cow;
use std::ops::Range;
use std::sync::LazyLock;

use ar_reshaper::prelude::LigatureNames;
use ar_reshaper::{ArabicReshaper, ReshaperConfig};
use egui::epaint::text::{ByteIndex, LayoutJob, LayoutSection, TextFormat};
use egui::{Color32, FontId};
use unicode_bidi::BidiInfo;

/// Longer texts are laid out as they are: the bidirectional pass is
/// bounded, and no card shows this much text anyway.
pub const MAX_REORDERED_BYTES: usize = 16 * 1024;

/// Whether `c` belongs to a right-to-left script (Hebrew, Arabic, Syriac,
/// Thaana, N'Ko, ... and their presentation forms).
pub fn is_rtl(c: char) -> bool {
    matches!(c,
        '\u{0590}'..='\u{08FF}'
        | '\u{FB1D}'..='\u{FDFF}'
        | '\u{FE70}'..='\u{FEFF}'
        | '\u{10800}'..='\u{10FFF}'
        | '\u{1E800}'..='\u{1EFFF}')
}

/// The byte ranges of `text` in the order they show, left to right, each
/// of one direction; `None` when the text has no right-to-left letters (or
/// is longer than [`MAX_REORDERED_BYTES`]) and can be laid out as it is.
/// Line breaks are runs of their own, so each line is ordered alone.
pub fn visual_runs(text: &str) -> Option<Vec<Range<usize>>> {
    if text.len() > MAX_REORDERED_BYTES || !text.chars().any(is_rtl) {
        return None;
    }
    let mut runs = Vec::new();
    let mut start = 0;
    for line in text.split('\n') {
        let end = start + line.len();
        if line.chars().any(is_rtl) {
            let info = BidiInfo::new(line, None);
            for para in &info.paragraphs {
                let (_, line_runs) = info.visual_runs(para, para.range.clone());
                runs.extend(
                    line_runs
                        .into_iter()
                        .map(|r| r.start + start..r.end + start),
                );
            }
        } else if end > start {
            runs.push(start..end);
        }
        if end < text.len() {
            runs.push(end..end + 1);
        }
        start = end + 1;
    }
    Some(runs)
}

/// A layout job for `text` as [`LayoutJob::simple`] makes it, but with one
/// section per directional run, in visual order, when the text has
/// right-to-left letters.
pub fn text_job(text: &str, font: FontId, color: Color32, wrap_width: f32) -> LayoutJob {
    let Some(runs) = visual_runs(text) else {
        return LayoutJob::simple(text.to_owned(), font, color, wrap_width);
    };
    let mut job = LayoutJob::simple(String::with_capacity(text.len()), font, color, wrap_width);
    let format: TextFormat = job.sections.pop().map(|s| s.format).unwrap_or_default();
    for run in runs {
        let start = job.text.len();
        job.text.push_str(&text[run]);
        // Not `LayoutJob::append`: it would merge runs of the same format
        // into one section, and one shaping run.
        job.sections.push(LayoutSection {
            leading_space: 0.0,
            byte_range: ByteIndex(start)..ByteIndex(job.text.len()),
            format: format.clone(),
        });
    }
    job
}

static RESHAPER: LazyLock<ArabicReshaper> = LazyLock::new(|| {
    let mut config = ReshaperConfig {
        // The vowel marks are the author's text: keep them.
        delete_harakat: false,
        ..ReshaperConfig::default()
    };
    // The "Allah" ligature is missing from many fonts, DejaVu included.
    config.update_ligature(LigatureNames::ARABIC_LIGATURE_ALLAH, false);
    ArabicReshaper::new(config)
});

/// Whether `c` is an Arabic letter or mark that takes part in joining.
fn is_arabic(c: char) -> bool {
    matches!(c, '\u{0600}'..='\u{06FF}' | '\u{0750}'..='\u{077F}' | '\u{08A0}'..='\u{08FF}')
}

/// A laid-out row's letters (left to right, as the shaper placed them)
/// with Arabic written in its joined presentation forms: for an SVG whose
/// text is drawn in the given order (`unicode-bidi="bidi-override"`), so
/// that the viewer neither reorders nor re-joins it.
pub fn joined_visual(row: &str) -> Cow<'_, str> {
    if !row.chars().any(is_arabic) {
        return Cow::Borrowed(row);
    }
    let mut out = String::with_capacity(row.len());
    let mut word = String::new();
    let flush = |word: &mut String, out: &mut String| {
        if !word.is_empty() {
            // The word is reversed (visual); join it in reading order.
            let logical: String = word.chars().rev().collect();
            out.extend(RESHAPER.reshape(&logical).chars().rev());
            word.clear();
        }
    };
    for c in row.chars() {
        if is_arabic(c) {
            word.push(c);
        } else {
            flush(&mut word, &mut out);
            out.push(c);
        }
    }
    flush(&mut word, &mut out);
    Cow::Owned(out)
}

/// The whole text of a job made by [`text_job`] as it shows on one row,
/// left to right: right-to-left sections reversed, brackets mirrored, Arabic
/// joined. For an SVG of a single-row galley; unlike the laid-out glyphs,
/// it keeps every letter of a ligature such as lam-alef.
pub fn visual_text(job: &LayoutJob) -> String {
    let mut out = String::with_capacity(job.text.len());
    for section in &job.sections {
        let text = &job.text[section.byte_range.start.0..section.byte_range.end.0];
        if text.chars().any(is_rtl) {
            out.extend(text.chars().rev().map(mirror));
        } else {
            out.push_str(text);
        }
    }
    joined_visual(&out).into_owned()
}

/// The mirror image of a bracket, as a right-to-left run shows it.
fn mirror(c: char) -> char {
    match c {
        '(' => ')',
        ')' => '(',
        '[' => ']',
        ']' => '[',
        '{' => '}',
        '}' => '{',
        '<' => '>',
        '>' => '<',
        '«' => '»',
        '»' => '«',
        c => c,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pieces(text: &str) -> Vec<&str> {
        visual_runs(text)
            .expect("has right-to-left letters")
            .into_iter()
            .map(|r| &text[r])
            .collect()
    }

    #[test]
    fn text_without_right_to_left_letters_is_laid_out_as_it_is() {
        assert_eq!(visual_runs("Checkout (card) — 決済"), None);
        let job = text_job("Checkout", FontId::default(), Color32::BLACK, 100.0);
        assert_eq!(job.sections.len(), 1);
    }

    #[test]
    fn a_right_to_left_run_inside_latin_text_is_a_run_of_its_own() {
        assert_eq!(pieces("Pay שלום now"), ["Pay ", "שלום", " now"]);
    }

    #[test]
    fn latin_inside_right_to_left_text_goes_to_the_left() {
        // A Hebrew line: its direction is right to left, so the Latin word
        // after it in reading order shows at its left.
        assert_eq!(pieces("שלום ABC"), ["ABC", "שלום "]);
    }

    #[test]
    fn two_right_to_left_words_stay_one_run_for_the_shaper() {
        assert_eq!(pieces("العميل לקוח"), ["العميل לקוח"]);
    }

    #[test]
    fn numbers_in_right_to_left_text_keep_their_order() {
        assert_eq!(pieces("الدفع 2024"), ["2024", "الدفع "]);
    }

    #[test]
    fn each_line_is_ordered_on_its_own() {
        assert_eq!(pieces("שלום abc\nabc"), ["abc", "שלום ", "\n", "abc"]);
    }

    #[test]
    fn every_run_is_its_own_section_and_all_text_is_kept() {
        let text = "Pay שלום now";
        let job = text_job(text, FontId::default(), Color32::BLACK, 100.0);
        assert_eq!(job.sections.len(), 3);
        assert_eq!(job.text.len(), text.len());
    }

    #[test]
    fn the_visual_text_of_a_job_keeps_every_letter() {
        let job = text_job("Pay שלום سلام", FontId::default(), Color32::BLACK, 100.0);
        let shown = visual_text(&job);
        // The lam-alef ligature stands for two letters: the text keeps it
        // as one presentation form, not a lost alef.
        assert!(shown.starts_with("Pay "), "{shown}");
        assert!(shown.ends_with(" םולש"), "{shown}");
        assert!(
            shown.contains('\u{FEFC}') || shown.contains('\u{FEFB}'),
            "{shown}"
        );
    }

    #[test]
    fn very_long_text_is_left_alone() {
        assert_eq!(visual_runs(&"ש".repeat(MAX_REORDERED_BYTES)), None);
    }

    #[test]
    fn svg_rows_get_joined_arabic_in_visual_order() {
        // الدفع laid out left to right: ain, feh, dal, lam, alef.
        let visual: String = "الدفع".chars().rev().collect();
        let codes: Vec<u32> = joined_visual(&visual).chars().map(|c| c as u32).collect();
        // Final ain, initial feh, final dal, initial lam, isolated alef.
        assert_eq!(codes, [0xFECA, 0xFED3, 0xFEAA, 0xFEDF, 0xFE8D]);
        assert!(matches!(joined_visual("abc"), Cow::Borrowed(_)));
    }
}
