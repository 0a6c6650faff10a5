//! Stage columns with their headers, and lane rows with their labels.

use egui::{Align2, Rect, vec2};

use crate::layout::{LaneBox, Layout, StageBox};
use crate::model::{Lane, Map, Stage};
use crate::theme::{Theme, lane_color};

use super::painter::{Painter, TextStyle};
use super::{Decorations, sizes};

pub(super) fn paint_grid(
    p: &mut Painter<'_, '_>,
    map: &Map,
    layout: &Layout,
    theme: &Theme,
    deco: &Decorations<'_>,
) {
    let radius = p.z(sizes::COLUMN_RADIUS);
    for (si, sb) in layout.stages.iter().enumerate() {
        let Some(stage) = map.stages.get(si) else {
            continue;
        };
        let column = p.view.rect(sb.column);
        p.rect(column, radius, theme.column);
        if deco.highlight_stage == Some(stage.id) {
            p.rect(
                column.expand(p.z(4.0)),
                radius,
                theme.highlight.gamma_multiply(0.35),
            );
        }
        let header = p.view.rect(sb.header);
        paint_stage_header(p, stage, sb, header, theme, deco);
    }
    for (li, lb) in layout.lanes.iter().enumerate() {
        let Some(lane) = map.lanes.get(li) else {
            continue;
        };
        let row = p.view.rect(lb.row);
        p.rect(row, p.z(sizes::ROW_RADIUS), theme.row);
        if deco.highlight_lane == Some(lane.id) {
            p.rect(row, p.z(6.0), theme.highlight.gamma_multiply(0.25));
        }
        let label = p.view.rect(lb.label);
        paint_lane_label(p, lane, lb, label, theme, deco);
    }
}

/// A stage's header at `header` (screen): in place, or pinned to the top
/// of the canvas (see [`super::pinned`]).
pub(super) fn paint_stage_header(
    p: &mut Painter<'_, '_>,
    stage: &Stage,
    sb: &StageBox,
    header: Rect,
    theme: &Theme,
    deco: &Decorations<'_>,
) {
    let radius = p.z(sizes::COLUMN_RADIUS);
    if deco.selected_stage == Some(stage.id) {
        p.rect(header.expand(p.z(3.0)), radius, theme.selection);
    }
    p.rect(header, radius, theme.stage_color(sb.palette));
    let pad = p.z(sizes::HEADER_PAD);
    // A long name wraps to more rows, and the goal under it then keeps
    // only the rows left in the header.
    p.text_pair_above(
        header.min + vec2(pad, pad * 0.8),
        &stage.name,
        TextStyle::bold(
            sizes::STAGE_NAME,
            theme.header_text,
            sb.header.width() - 28.0,
            sizes::STAGE_NAME_ROWS,
        ),
        p.z(6.0),
        &stage.goal,
        TextStyle::regular(
            sizes::STAGE_GOAL,
            theme.header_text.gamma_multiply(0.9),
            sb.header.width() - 28.0,
            2,
        ),
        header.bottom() - pad * 0.4,
    );
}

/// A lane's label at `label` (screen): in place, or pinned to the left of
/// the canvas (see [`super::pinned`]). The row's own fill is not drawn here.
pub(super) fn paint_lane_label(
    p: &mut Painter<'_, '_>,
    lane: &Lane,
    lb: &LaneBox,
    label: Rect,
    theme: &Theme,
    deco: &Decorations<'_>,
) {
    if deco.selected_lane == Some(lane.id) {
        p.rect(
            label.shrink(p.z(2.0)),
            p.z(6.0),
            theme.selection.gamma_multiply(0.2),
        );
    }
    let accent = lane_color(&lane.kind);
    p.rect(
        Rect::from_min_size(
            label.min + vec2(p.z(6.0), p.z(12.0)),
            vec2(p.z(5.0), p.z(34.0)),
        ),
        p.z(2.5),
        accent,
    );
    p.text_if_visible(
        label.min + vec2(p.z(20.0), p.z(12.0)),
        Align2::LEFT_TOP,
        &lane.name,
        TextStyle::bold(sizes::LANE_NAME, theme.text, lb.label.width() - 26.0, 3),
    );
}
