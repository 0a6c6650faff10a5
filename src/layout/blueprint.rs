//! The service blueprint's lines and the arrows between cards, and the
//! funnel band under the stage headers: positioned here, once per change,
//! so the screen, the PNG and the SVG draw the same.

use egui::emath::{Pos2, Rect, pos2, vec2};

use crate::model::{BlueprintLine, CardId, FunnelStep, IdMap, Link, Map};

use super::{CardBox, LaneBox, StageBox};

/// Extra room above a lane where a blueprint line runs, for the line and
/// its name, in map units.
pub const LINE_SPACE: f32 = 26.0;

/// The funnel band's height.
pub const FUNNEL_HEIGHT: f32 = 78.0;

/// A blueprint line across the map, in the room above a lane.
#[derive(Clone, Debug, PartialEq)]
pub struct LineBox {
    /// Which line.
    pub line: BlueprintLine,
    /// Its height on the map.
    pub y: f32,
    /// Where it starts, on the left.
    pub left: f32,
    /// Where it ends, on the right.
    pub right: f32,
}

/// The blueprint lines to draw above each lane, by lane position: a line
/// runs above the first lane past it, once a lane before stood above it.
/// Lanes of other kinds (thoughts, pain points) are passed over.
pub(super) fn lines_above(map: &Map) -> Vec<Vec<BlueprintLine>> {
    let mut deepest: Option<usize> = None;
    map.lanes
        .iter()
        .map(|lane| {
            let Some(level) = lane.kind.blueprint_level() else {
                return Vec::new();
            };
            let lines = match deepest {
                Some(d) if level > d => BlueprintLine::ALL[d..level].to_vec(),
                _ => Vec::new(),
            };
            deepest = Some(deepest.map_or(level, |d| d.max(level)));
            lines
        })
        .collect()
}

/// The lines, positioned: each in the room [`LINE_SPACE`] left above its
/// lane; several lines over one lane share that room, one under the other.
pub(super) fn line_boxes(above: &[Vec<BlueprintLine>], lanes: &[LaneBox]) -> Vec<LineBox> {
    let mut out = Vec::new();
    for (lines, lane) in above.iter().zip(lanes) {
        let n = lines.len() as f32;
        for (k, &line) in lines.iter().enumerate() {
            let y = lane.row.top() - LINE_SPACE + LINE_SPACE * (k as f32 + 1.0) / (n + 1.0);
            out.push(LineBox {
                line,
                y: y + 4.0,
                left: lane.row.left(),
                right: lane.row.right(),
            });
        }
    }
    out
}

/// An arrow between two cards: a cubic curve from the served card to the
/// one serving it.
#[derive(Clone, Debug, PartialEq)]
pub struct LinkBox {
    /// The link.
    pub link: Link,
    /// The curve's start, two control points and end.
    pub curve: [Pos2; 4],
    /// The curve's middle, where a click selects it.
    pub mid: Pos2,
    /// A box around the whole curve, for culling.
    pub bounds: Rect,
}

/// How far a curve between two cards of one column bends into the gutter
/// beside them.
const BEND: f32 = 26.0;

/// Every link whose cards are both laid out. Linear: cards are found
/// through one map from id to box.
pub(super) fn link_boxes(map: &Map, cards: &[CardBox]) -> Vec<LinkBox> {
    if map.links.is_empty() {
        return Vec::new();
    }
    // Rectangles in the table itself, not references into `cards`: one
    // memory access per end instead of two, which shows on maps whose
    // boxes no longer fit in the cache.
    let by_id: IdMap<CardId, Rect> = cards.iter().map(|c| (c.id, c.rect)).collect();
    map.links
        .iter()
        .filter_map(|link| {
            let (a, b) = (*by_id.get(&link.from)?, *by_id.get(&link.to)?);
            let curve = if (a.center().x - b.center().x).abs() < 1.0 {
                // One column: out of the right edges, through the gutter.
                let (p0, p3) = (a.right_center(), b.right_center());
                [p0, p0 + vec2(BEND, 0.0), p3 + vec2(BEND, 0.0), p3]
            } else {
                let (p0, p3) = if b.center().x > a.center().x {
                    (a.right_center(), b.left_center())
                } else {
                    (a.left_center(), b.right_center())
                };
                let dx = (p3.x - p0.x) / 2.0;
                [p0, p0 + vec2(dx, 0.0), p3 - vec2(dx, 0.0), p3]
            };
            let mid = bezier_point(&curve, 0.5);
            let bounds = Rect::from_points(&curve);
            Some(LinkBox {
                link: *link,
                curve,
                mid,
                bounds,
            })
        })
        .collect()
}

/// A point of a cubic curve.
pub fn bezier_point(c: &[Pos2; 4], t: f32) -> Pos2 {
    let u = 1.0 - t;
    let w = [u * u * u, 3.0 * u * u * t, 3.0 * u * t * t, t * t * t];
    let x = (0..4).map(|i| w[i] * c[i].x).sum();
    let y = (0..4).map(|i| w[i] * c[i].y).sum();
    pos2(x, y)
}

/// One stage's cell of the funnel band.
#[derive(Clone, Debug, PartialEq)]
pub struct FunnelCell {
    /// The cell, under the stage's header.
    pub rect: Rect,
    /// The numbers.
    pub step: FunnelStep,
}

/// The funnel band: a row under the stage headers, drawn when a stage has
/// a volume.
#[derive(Clone, Debug, PartialEq)]
pub struct FunnelBand {
    /// The whole row, label column included.
    pub row: Rect,
    /// One cell per stage, left to right.
    pub cells: Vec<FunnelCell>,
    /// The period the volumes count, when the stages agree on one.
    pub period: String,
}

pub(super) fn funnel_band(map: &Map, row: Rect, stages: &[StageBox]) -> FunnelBand {
    let cells = (map.funnel().into_iter().zip(stages))
        .map(|(step, sb)| FunnelCell {
            rect: Rect::from_x_y_ranges(sb.column.x_range(), row.y_range()),
            step,
        })
        .collect();
    let mut periods = map
        .stages
        .iter()
        .filter(|s| s.volume.is_some())
        .map(|s| s.period.as_str());
    let first = periods.next().unwrap_or("");
    let period = if periods.all(|p| p == first) {
        first.to_owned()
    } else {
        String::new()
    };
    FunnelBand { row, cells, period }
}
