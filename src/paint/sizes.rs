//! The text sizes of the map, in map units, in one table: the canvas, the
//! in-place editors and the exports all read them from here, so an editor
//! field always matches the text it replaces.

/// The map's title.
pub const MAP_TITLE: f32 = 28.0;
/// The map's description under the title.
pub const MAP_DESCRIPTION: f32 = 14.0;
/// A persona's name in its chip.
pub const PERSONA_NAME: f32 = 12.5;
/// The initial in a persona's dot.
pub const PERSONA_INITIAL: f32 = 12.0;
/// A stage's name in its header.
pub const STAGE_NAME: f32 = 20.0;
/// The most rows a stage's name wraps to before it is cut; the goal under
/// it keeps the rows left in the header.
pub const STAGE_NAME_ROWS: usize = 3;
/// A stage's goal under its name.
pub const STAGE_GOAL: f32 = 12.5;
/// A lane's name in its label.
pub const LANE_NAME: f32 = 13.5;
/// The "Emotion" row label.
pub const ROW_LABEL: f32 = 15.0;
/// The +2 / 0 / −2 marks of the emotion axis.
pub const AXIS_LABEL: f32 = 11.0;
/// The word and score under a stage's point on the curve.
pub const CURVE_LABEL: f32 = 12.0;
/// A card's title.
pub const CARD_TITLE: f32 = 13.5;
/// A card's channel line.
pub const CARD_CHANNEL: f32 = 11.0;
/// A legend's heading ("Emotion", "Channels").
pub const LEGEND_HEADING: f32 = 12.0;
/// A legend's entries.
pub const LEGEND_ITEM: f32 = 11.0;

/// A blueprint line's name.
pub const BLUEPRINT_LINE: f32 = 11.5;
/// A stage's volume in the funnel band.
pub const FUNNEL_VOLUME: f32 = 16.0;
/// The drop-off from the stage before, in the funnel band.
pub const FUNNEL_DROP: f32 = 14.0;
/// The share and the period in the funnel band.
pub const FUNNEL_NOTE: f32 = 11.0;

/// Inner padding of a card.
pub const CARD_PAD: f32 = 12.0;
/// Inner padding of a stage header.
pub const HEADER_PAD: f32 = 14.0;
/// Corner radius of cards.
pub const CARD_RADIUS: f32 = 8.0;
/// Corner radius of stage columns and headers.
pub const COLUMN_RADIUS: f32 = 10.0;
/// Corner radius of lane rows.
pub const ROW_RADIUS: f32 = 6.0;
/// Radius of the face on a card.
pub const CARD_FACE: f32 = 11.0;
/// Radius of the faces on the emotion curve.
pub const CURVE_FACE: f32 = 15.0;
/// Radius of the faces in the legend.
pub const LEGEND_FACE: f32 = 9.0;
/// Half-diagonal of a channel mark.
pub const CHANNEL_MARK: f32 = 5.0;
/// Space between legend entries.
pub const LEGEND_GAP: f32 = 14.0;
