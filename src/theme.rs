//! Colours of the map, shared by the canvas and the exporters.

use egui::Color32;

use crate::model::{Channel, LaneKind};

pub mod contrast;
mod presentation;

pub use presentation::{CARD_TEXT_CONTRAST, PresentTheme, TEXT_CONTRAST, TextPair};

/// The colours a map is drawn with.
#[derive(Clone, Debug, PartialEq)]
pub struct Theme {
    /// Whether this is a dark theme.
    pub dark: bool,
    /// Behind everything.
    pub background: Color32,
    /// Stage column tint, behind the cells.
    pub column: Color32,
    /// Lane row tint.
    pub row: Color32,
    /// Main text.
    pub text: Color32,
    /// Secondary text.
    pub muted: Color32,
    /// Card face.
    pub card: Color32,
    /// Card border.
    pub card_border: Color32,
    /// Selection outline.
    pub selection: Color32,
    /// Highlight of a located analysis finding.
    pub highlight: Color32,
    /// Guide lines of the emotion row.
    pub guide: Color32,
    /// Text on stage headers.
    pub header_text: Color32,
    /// One colour per stage, repeating.
    pub stages: [Color32; crate::model::STAGE_PALETTE],
}

impl Theme {
    /// The light theme: dark text on white cards.
    pub fn light() -> Self {
        Self {
            dark: false,
            background: Color32::from_rgb(246, 247, 250),
            column: Color32::from_rgb(236, 239, 245),
            row: Color32::from_rgba_unmultiplied(255, 255, 255, 150),
            text: Color32::from_rgb(28, 32, 40),
            muted: Color32::from_rgb(92, 100, 116),
            card: Color32::WHITE,
            card_border: Color32::from_rgb(200, 206, 218),
            selection: Color32::from_rgb(37, 99, 235),
            highlight: Color32::from_rgb(245, 158, 11),
            guide: Color32::from_rgb(214, 219, 228),
            header_text: Color32::WHITE,
            stages: [
                Color32::from_rgb(59, 91, 160),
                Color32::from_rgb(46, 125, 150),
                Color32::from_rgb(40, 140, 110),
                Color32::from_rgb(150, 110, 40),
                Color32::from_rgb(150, 70, 110),
                Color32::from_rgb(100, 80, 160),
            ],
        }
    }

    /// The dark theme, for dim rooms and projectors.
    pub fn dark() -> Self {
        Self {
            dark: true,
            background: Color32::from_rgb(24, 26, 32),
            column: Color32::from_rgb(32, 35, 43),
            row: Color32::from_rgba_unmultiplied(255, 255, 255, 8),
            text: Color32::from_rgb(232, 235, 240),
            muted: Color32::from_rgb(160, 168, 182),
            card: Color32::from_rgb(44, 48, 58),
            card_border: Color32::from_rgb(70, 76, 90),
            selection: Color32::from_rgb(96, 165, 250),
            highlight: Color32::from_rgb(251, 191, 36),
            guide: Color32::from_rgb(58, 63, 76),
            header_text: Color32::WHITE,
            stages: [
                Color32::from_rgb(66, 99, 170),
                Color32::from_rgb(44, 128, 155),
                Color32::from_rgb(38, 140, 110),
                Color32::from_rgb(160, 118, 44),
                Color32::from_rgb(160, 76, 118),
                Color32::from_rgb(110, 88, 172),
            ],
        }
    }

    /// The colour at `index` of the stage palette (persona chips use it too).
    pub fn stage_color(&self, index: usize) -> Color32 {
        self.stages[index % self.stages.len()]
    }
}

/// The accent of a lane kind: the strip on its cards and its label.
pub fn lane_color(kind: &LaneKind) -> Color32 {
    match kind {
        LaneKind::Touchpoints => Color32::from_rgb(20, 150, 160),
        LaneKind::Actions => Color32::from_rgb(59, 130, 246),
        LaneKind::Thoughts => Color32::from_rgb(139, 92, 246),
        LaneKind::PainPoints => Color32::from_rgb(220, 60, 60),
        LaneKind::Opportunities => Color32::from_rgb(34, 160, 90),
        LaneKind::PhysicalEvidence => Color32::from_rgb(160, 120, 60),
        LaneKind::Frontstage => Color32::from_rgb(14, 116, 144),
        LaneKind::Backstage => Color32::from_rgb(71, 85, 105),
        LaneKind::Support => Color32::from_rgb(100, 116, 139),
        LaneKind::Inbox => Color32::from_rgb(200, 140, 20),
        LaneKind::Custom(_) => Color32::from_rgb(120, 128, 140),
    }
}

/// The red of a fail point's mark and of a funnel's drop-off: the same
/// in every theme, so a fail point reads as one on any background.
pub const ALERT: Color32 = Color32::from_rgb(214, 54, 56);

/// The colour of an emotion score, red (-2) through amber to green (+2).
pub fn emotion_color(score: f32) -> Color32 {
    const STOPS: [(u8, u8, u8); 5] = [
        (214, 54, 56),
        (240, 140, 60),
        (234, 196, 60),
        (130, 190, 80),
        (40, 160, 90),
    ];
    let t = (score.clamp(-2.0, 2.0) + 2.0).min(3.999);
    let i = t.floor() as usize;
    let f = t - i as f32;
    let (a, b) = (STOPS[i], STOPS[(i + 1).min(4)]);
    let mix = |x: u8, y: u8| (x as f32 + (y as f32 - x as f32) * f).round() as u8;
    Color32::from_rgb(mix(a.0, b.0), mix(a.1, b.1), mix(a.2, b.2))
}

/// The mark colour of a channel. Custom channels get a stable colour from
/// their name, so the same channel looks the same on every map.
pub fn channel_color(channel: &Channel) -> Color32 {
    const PALETTE: [Color32; 10] = [
        Color32::from_rgb(230, 90, 60),
        Color32::from_rgb(66, 133, 244),
        Color32::from_rgb(200, 70, 160),
        Color32::from_rgb(20, 150, 160),
        Color32::from_rgb(240, 160, 40),
        Color32::from_rgb(120, 90, 60),
        Color32::from_rgb(150, 100, 220),
        Color32::from_rgb(40, 160, 90),
        Color32::from_rgb(90, 100, 120),
        Color32::from_rgb(220, 120, 170),
    ];
    match channel {
        // Never drawn (unknown channels have no mark); a neutral grey for
        // any caller that asks anyway.
        Channel::Unknown => Color32::from_rgb(160, 160, 160),
        Channel::Custom(name) => {
            let hash = name
                .bytes()
                .fold(2166136261u32, |h, b| (h ^ b as u32).wrapping_mul(16777619));
            let grey = Color32::from_rgb(130, 138, 150);
            if name.is_empty() {
                grey
            } else {
                PALETTE[hash as usize % PALETTE.len()].lerp_to_gamma(grey, 0.35)
            }
        }
        built_in => {
            let i = Channel::BUILT_IN
                .iter()
                .position(|c| c == built_in)
                .unwrap_or(0);
            PALETTE[i]
        }
    }
}
