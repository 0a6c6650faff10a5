//! The sizes that shape a map: the editor's, and the presentation's short
//! cards side by side in wide columns.

use egui::emath::{Vec2, vec2};

/// The editor's emotion row height, for which the band's margins are set.
pub(super) const EMOTION_ROW: f32 = 190.0;

/// The height of one legend row.
pub(super) const LEGEND_ROW: f32 = 26.0;

/// Sizes that shape the map.
#[derive(Clone, Debug, PartialEq)]
pub struct Style {
    /// Space around the whole map.
    pub margin: f32,
    /// Height of the title band (title, description, personas).
    pub title_height: f32,
    /// Width of the lane-label column on the left.
    pub label_width: f32,
    /// Width of a stage column.
    pub stage_width: f32,
    /// Gap between stage columns.
    pub stage_gap: f32,
    /// Height of the stage headers.
    pub header_height: f32,
    /// Height of the emotion-curve row.
    pub emotion_height: f32,
    /// A card's size.
    pub card_size: Vec2,
    /// Gap between cards in a cell.
    pub card_gap: f32,
    /// Padding inside a cell.
    pub cell_padding: f32,
    /// Gap between rows.
    pub row_gap: f32,
    /// Height of the legend at the bottom.
    pub legend_height: f32,
    /// How many cards stand side by side in a cell: 1 in the editor, where
    /// a cell is a list to drag into; more in the presentation, where a
    /// wide, short stage fits a screen at a size the room can read.
    pub cards_across: usize,
    /// The most rows a card's title wraps to before it is cut.
    pub card_title_rows: usize,
}

impl Default for Style {
    fn default() -> Self {
        Self {
            margin: 32.0,
            title_height: 96.0,
            label_width: 170.0,
            stage_width: 236.0,
            stage_gap: 12.0,
            header_height: 92.0,
            emotion_height: EMOTION_ROW,
            card_size: vec2(212.0, 78.0),
            card_gap: 10.0,
            cell_padding: 12.0,
            row_gap: 8.0,
            legend_height: 56.0 + LEGEND_ROW,
            cards_across: 1,
            card_title_rows: 3,
        }
    }
}

impl Style {
    /// The presentation's style: `across` cards side by side in each cell,
    /// and every band cut to what the room needs, so that a stage of five
    /// lanes, its header and its emotion fit one screen at the size at
    /// which its titles read from the back of the room (titles of up to two
    /// rows, as [`PRESENT_TITLE_ROWS`] cuts them).
    pub fn presentation(across: usize, card_width: f32) -> Self {
        let card_width = card_width.max(1.0);
        Self {
            margin: 24.0,
            header_height: 64.0,
            emotion_height: 84.0,
            // The column's padding beside its cards stays the editor's.
            stage_width: card_width + 24.0,
            card_size: vec2(card_width, 56.0),
            card_gap: 8.0,
            cell_padding: 4.0,
            row_gap: 5.0,
            cards_across: across.clamp(1, MAX_CARDS_ACROSS),
            card_title_rows: PRESENT_TITLE_ROWS,
            ..Self::default()
        }
    }

    /// The width of a stage column: its cards side by side, with padding.
    pub fn column_width(&self) -> f32 {
        let across = self.cards_across.max(1) as f32;
        let padding = (self.stage_width - self.card_size.x).max(0.0);
        across * self.card_size.x + (across - 1.0) * self.card_gap + padding
    }

    /// How many rows of cards a cell of `count` cards takes (at least one,
    /// so an empty lane keeps room to drop into).
    pub(super) fn rows_for(&self, count: usize) -> usize {
        count.div_ceil(self.cards_across.max(1)).max(1)
    }
}

/// The most cards a presentation cell puts side by side.
pub const MAX_CARDS_ACROSS: usize = 4;

/// The most rows a card title wraps to in the presentation's short cards.
pub const PRESENT_TITLE_ROWS: usize = 2;
