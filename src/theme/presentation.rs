//! The presentation theme: the map on a projector, read from the back of
//! a room. Dark text on white cards, stage headers dark enough for white
//! text, and a grey veil that dims the stages not being talked about
//! while leaving their text readable. [`PresentTheme::text_pairs`] lists
//! every text with what it sits on, so a test can hold each to WCAG.

use egui::Color32;

use super::Theme;
use super::contrast::over;

/// The colours of presentation mode: the map's theme and what the
/// presentation draws on top of it.
#[derive(Clone, Debug, PartialEq)]
pub struct PresentTheme {
    /// The map itself (also offered to exports as "presentation").
    pub map: Theme,
    /// Painted over the stages that are not current.
    pub veil: Color32,
    /// The info overlay's and the presenter window's panel.
    pub panel: Color32,
    /// Text on the panel.
    pub panel_text: Color32,
    /// Secondary text on the panel.
    pub panel_muted: Color32,
    /// The pointer highlight.
    pub laser: Color32,
}

/// One text of the presentation and what it is drawn on, both as seen
/// (translucent layers already painted over what lies under them).
#[derive(Clone, Debug, PartialEq)]
pub struct TextPair {
    /// Which text.
    pub what: String,
    /// The text's colour.
    pub text: Color32,
    /// What it sits on.
    pub ground: Color32,
    /// The least contrast it needs: 7 for card text, 4.5 for the rest.
    pub min: f64,
}

/// The contrast card text needs (WCAG AAA).
pub const CARD_TEXT_CONTRAST: f64 = 7.0;
/// The contrast every other text needs (WCAG AA).
pub const TEXT_CONTRAST: f64 = 4.5;

impl Default for PresentTheme {
    fn default() -> Self {
        Self::new()
    }
}

impl PresentTheme {
    /// The presentation colours.
    pub fn new() -> Self {
        Self {
            map: Theme::presentation(),
            veil: Color32::from_rgba_unmultiplied(44, 50, 64, 76),
            panel: Color32::from_rgb(18, 22, 30),
            panel_text: Color32::from_rgb(246, 247, 250),
            panel_muted: Color32::from_rgb(196, 203, 214),
            laser: Color32::from_rgb(230, 30, 40),
        }
    }

    /// Every text presentation mode shows, on what it sits, current and
    /// dimmed, with the contrast it needs: the map's section painters
    /// (`crate::paint`) and the overlays of `crate::ui::present` draw text
    /// in these colours only.
    pub fn text_pairs(&self) -> Vec<TextPair> {
        let t = &self.map;
        let mut pairs = Vec::new();
        let mut add = |what: &str, text: Color32, ground: Color32, min: f64| {
            pairs.push(TextPair {
                what: what.to_owned(),
                text,
                ground,
                min,
            });
        };
        let row = over(t.row, t.column);
        let row_on_bg = over(t.row, t.background);
        for (dim, veil) in [("", None), (" (dimmed)", Some(self.veil))] {
            let seen = |c: Color32| veil.map_or(c, |v| over(v, c));
            let card_min = if veil.is_some() {
                TEXT_CONTRAST
            } else {
                CARD_TEXT_CONTRAST
            };
            add(
                &format!("card title{dim}"),
                seen(t.text),
                seen(t.card),
                card_min,
            );
            add(
                &format!("card channel{dim}"),
                seen(t.muted),
                seen(t.card),
                card_min,
            );
            for (i, stage) in t.stages.iter().enumerate() {
                add(
                    &format!("stage {i} name{dim}"),
                    seen(t.header_text),
                    seen(*stage),
                    TEXT_CONTRAST,
                );
                // The goal is drawn at 90 % over the header.
                add(
                    &format!("stage {i} goal{dim}"),
                    seen(over(t.header_text.gamma_multiply(0.9), *stage)),
                    seen(*stage),
                    TEXT_CONTRAST,
                );
            }
            for (ground, on) in [(row, "row on column"), (row_on_bg, "row")] {
                add(
                    &format!("lane name, {on}{dim}"),
                    seen(t.text),
                    seen(ground),
                    TEXT_CONTRAST,
                );
                add(
                    &format!("emotion labels, {on}{dim}"),
                    seen(t.text),
                    seen(ground),
                    TEXT_CONTRAST,
                );
                add(
                    &format!("emotion axis, {on}{dim}"),
                    seen(t.muted),
                    seen(ground),
                    TEXT_CONTRAST,
                );
            }
        }
        add("map title", t.text, t.background, TEXT_CONTRAST);
        add("map description", t.muted, t.background, TEXT_CONTRAST);
        add("legend", t.muted, t.background, TEXT_CONTRAST);
        add("persona name", t.text, t.card, TEXT_CONTRAST);
        for i in 0..t.stages.len() {
            add(
                &format!("persona initial {i}"),
                Color32::WHITE,
                t.stage_color(i),
                TEXT_CONTRAST,
            );
        }
        for ground in [Color32::WHITE, Color32::BLACK, t.background] {
            let panel = over(self.panel, ground);
            add("overlay text", self.panel_text, panel, TEXT_CONTRAST);
            add("overlay secondary", self.panel_muted, panel, TEXT_CONTRAST);
        }
        pairs
    }
}

impl Theme {
    /// The presentation theme: the light theme's layout of colours, with
    /// darker text and headers and a firmer card border, for projectors
    /// that wash colours out.
    pub fn presentation() -> Self {
        Self {
            dark: false,
            background: Color32::from_rgb(248, 249, 251),
            column: Color32::from_rgb(230, 234, 241),
            row: Color32::from_rgba_unmultiplied(255, 255, 255, 170),
            text: Color32::from_rgb(14, 17, 23),
            muted: Color32::from_rgb(50, 56, 68),
            card: Color32::WHITE,
            card_border: Color32::from_rgb(140, 148, 164),
            selection: Color32::from_rgb(29, 78, 216),
            highlight: Color32::from_rgb(217, 119, 6),
            guide: Color32::from_rgb(180, 188, 202),
            header_text: Color32::WHITE,
            stages: [
                Color32::from_rgb(30, 58, 128),
                Color32::from_rgb(14, 78, 100),
                Color32::from_rgb(14, 84, 60),
                Color32::from_rgb(100, 64, 10),
                Color32::from_rgb(116, 34, 76),
                Color32::from_rgb(72, 48, 132),
            ],
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::contrast::contrast_ratio;
    use super::*;

    #[test]
    fn every_presentation_text_meets_wcag_against_what_it_sits_on() {
        let theme = PresentTheme::new();
        let pairs = theme.text_pairs();
        assert!(pairs.len() > 40, "only {} pairs", pairs.len());
        let failures: Vec<String> = pairs
            .iter()
            .filter_map(|p| {
                let ratio = contrast_ratio(p.text, p.ground);
                (ratio < p.min).then(|| {
                    format!(
                        "{}: {:.2}:1 < {}:1 ({:?} on {:?})",
                        p.what, ratio, p.min, p.text, p.ground
                    )
                })
            })
            .collect();
        assert!(failures.is_empty(), "{}", failures.join("\n"));
        let worst = |min: f64| {
            pairs
                .iter()
                .filter(|p| p.min == min)
                .map(|p| (contrast_ratio(p.text, p.ground), p.what.as_str()))
                .min_by(|a, b| a.0.total_cmp(&b.0))
        };
        eprintln!(
            "lowest card text {:?}, lowest other text {:?}",
            worst(CARD_TEXT_CONTRAST),
            worst(TEXT_CONTRAST)
        );
    }

    #[test]
    fn card_text_is_held_to_seven_to_one() {
        let pairs = PresentTheme::new().text_pairs();
        let title = pairs.iter().find(|p| p.what == "card title").unwrap();
        assert_eq!(title.min, CARD_TEXT_CONTRAST);
        assert!(contrast_ratio(title.text, title.ground) >= 7.0);
    }

    #[test]
    fn the_light_theme_would_fail_it() {
        // A near miss: the editor's light theme has a stage header too
        // light for white text at AA, which is why presentation has its own.
        let light = Theme::light();
        let worst = light
            .stages
            .iter()
            .map(|s| contrast_ratio(light.header_text, *s))
            .fold(f64::INFINITY, f64::min);
        assert!(worst < TEXT_CONTRAST, "{worst}");
    }

    #[test]
    fn the_veil_dims_what_it_covers() {
        let theme = PresentTheme::new();
        let t = &theme.map;
        let plain = contrast_ratio(t.text, t.card);
        let dimmed = contrast_ratio(over(theme.veil, t.text), over(theme.veil, t.card));
        assert!(dimmed < plain * 0.8, "{plain} vs {dimmed}");
    }
}
