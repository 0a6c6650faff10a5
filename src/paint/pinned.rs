//! Frozen panes: zoomed in and scrolled, the stage headers stay at the top
//! of the canvas and the lane labels at its left, as a spreadsheet's frozen
//! rows and columns do. Only the canvas pins; exports never do.

use egui::{Rect, Vec2, vec2};

use crate::layout::Layout;
use crate::model::Map;
use crate::theme::Theme;

use super::Decorations;
use super::View;
use super::grid::{paint_lane_label, paint_stage_header};
use super::painter::Painter;

/// The gap between a lane's label and the first stage, in map units
/// (the layout's label column is this much wider than the label).
const LABEL_GAP: f32 = 10.0;

/// How far the pinned headers are moved from their place, in screen
/// points: stage headers down, lane labels right. Zero when in place.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Pinned {
    /// Stage headers move down by this much.
    pub down: f32,
    /// Lane labels move right by this much.
    pub right: f32,
}

impl Pinned {
    /// Where the headers go on a canvas `clip` seen through `view`: a header
    /// band scrolled above the canvas's top edge comes down to it, but never
    /// below the bottom of its columns; likewise lane labels at the left.
    pub fn of(layout: &Layout, view: &View, clip: Rect) -> Self {
        let down = match (layout.stages.first(), layout.stages.last()) {
            (Some(first), Some(_)) => {
                let header = view.rect(first.header);
                let column = view.rect(first.column);
                (clip.top() - header.top()).clamp(0.0, (column.bottom() - header.bottom()).max(0.0))
            }
            _ => 0.0,
        };
        let right = match (layout.lanes.first(), layout.stages.last()) {
            (Some(lane), Some(last)) => {
                let label = view.rect(lane.label);
                let grid_right = view.to_screen(last.column.right_top()).x;
                (clip.left() - label.left()).clamp(0.0, (grid_right - label.right()).max(0.0))
            }
            _ => 0.0,
        };
        Self { down, right }
    }

    /// The part of `clip` the pinned headers leave uncovered: where the
    /// map's own widgets (cards) may still take the pointer.
    pub fn uncovered(&self, layout: &Layout, view: &View, clip: Rect) -> Rect {
        let mut open = clip;
        if self.down > 0.0
            && let Some(first) = layout.stages.first()
        {
            let bottom = view.rect(first.header).bottom() + self.down;
            open.min.y = open.min.y.max(bottom + layout.style.row_gap * view.zoom);
        }
        if self.right > 0.0
            && let Some(first) = layout.lanes.first()
        {
            let right = view.rect(first.label).right() + self.right;
            open.min.x = open.min.x.max(right + LABEL_GAP * view.zoom);
        }
        open.max = open.max.max(open.min);
        open
    }

    /// Whether anything is pinned.
    pub fn any(&self) -> bool {
        self.down > 0.0 || self.right > 0.0
    }

    /// The offset of stage headers.
    pub fn stage_offset(&self) -> Vec2 {
        vec2(0.0, self.down)
    }

    /// The offset of lane labels.
    pub fn lane_offset(&self) -> Vec2 {
        vec2(self.right, 0.0)
    }
}

/// Paints the pinned headers over the map: lane labels, then the stage
/// headers over them, then the corner where they meet, each on the canvas
/// background so that what scrolls under them does not show through.
pub(super) fn paint_pinned(
    p: &mut Painter<'_, '_>,
    map: &Map,
    layout: &Layout,
    theme: &Theme,
    deco: &Decorations<'_>,
) {
    let pin = Pinned::of(layout, &p.view, p.clip);
    if !pin.any() {
        return;
    }
    let gap = p.z(layout.style.row_gap);
    if pin.right > 0.0 {
        if let (Some(first), Some(last)) = (layout.lanes.first(), layout.lanes.last()) {
            // Only the lanes' rows: the title and the emotion row scroll
            // away as usual.
            let band = p
                .view
                .rect(first.label.union(last.label))
                .translate(pin.lane_offset());
            let band = Rect::from_min_max(
                band.min - vec2(0.0, gap),
                band.max + vec2(p.z(LABEL_GAP), gap),
            );
            p.rect(band, 0.0, theme.background);
        }
        for (lb, lane) in layout.lanes.iter().zip(&map.lanes) {
            let label = p.view.rect(lb.label).translate(pin.lane_offset());
            if !label.intersects(p.clip) {
                continue;
            }
            p.rect(label, p.z(super::sizes::ROW_RADIUS), theme.row);
            paint_lane_label(p, lane, lb, label, theme, deco);
        }
    }
    if pin.down > 0.0 {
        if let Some(first) = layout.stages.first() {
            let band = p.view.rect(first.header).translate(pin.stage_offset());
            let band = Rect::from_x_y_ranges(p.clip.x_range(), band.top()..=band.bottom() + gap);
            p.rect(band, 0.0, theme.background);
        }
        for (sb, stage) in layout.stages.iter().zip(&map.stages) {
            let header = p.view.rect(sb.header).translate(pin.stage_offset());
            if !header.intersects(p.clip) {
                continue;
            }
            paint_stage_header(p, stage, sb, header, theme, deco);
        }
    }
    if pin.down > 0.0 && pin.right > 0.0 {
        // The corner: nothing scrolls through where both bands meet.
        let (Some(stage), Some(lane)) = (layout.stages.first(), layout.lanes.first()) else {
            return;
        };
        let header = p.view.rect(stage.header).translate(pin.stage_offset());
        let label = p.view.rect(lane.label).translate(pin.lane_offset());
        let corner = Rect::from_min_max(
            p.clip.left_top(),
            egui::pos2(label.right() + p.z(LABEL_GAP), header.bottom() + gap),
        );
        p.rect(corner, 0.0, theme.background);
    }
}
