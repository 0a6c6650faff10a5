//! Presentation's spotlight: a veil over every stage but the current one,
//! and over the emotion row after it, so the curve reads strongly up to
//! the current stage and faintly beyond. The veil lies over what is
//! already painted, so the section painters need not know of it.

use egui::{Color32, Rect, pos2};

use crate::layout::Layout;

use super::painter::Painter;

/// The stage in the spotlight and the veil over the others.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Spotlight {
    /// The current stage's index.
    pub stage: usize,
    /// Painted over everything else.
    pub veil: Color32,
}

pub(super) fn paint_spotlight(p: &mut Painter<'_, '_>, layout: &Layout, spot: Spotlight) {
    let row = layout.emotion_row;
    let gap = layout.style.stage_gap / 2.0;
    let last = layout.stages.len().saturating_sub(1);
    for (i, sb) in layout.stages.iter().enumerate() {
        if i == spot.stage {
            continue;
        }
        // Into the gaps between columns, not past the first or last.
        let mut column = sb.column;
        if i > 0 {
            column.min.x -= gap;
        }
        if i < last {
            column.max.x += gap;
        }
        // Above the emotion row (the header) and below it (the lanes).
        let above = Rect::from_min_max(column.min, pos2(column.right(), row.top()));
        let below = Rect::from_min_max(pos2(column.left(), row.bottom()), column.max);
        for part in [above, below] {
            if part.height() > 0.0 {
                let r = p.view.rect(part);
                p.rect(r, 0.0, spot.veil);
            }
        }
    }
    // The emotion row after the current stage, in one piece so the curve
    // between columns is veiled too.
    let from = layout
        .stages
        .get(spot.stage)
        .map_or(row.left(), |sb| sb.column.right() + gap);
    if from < row.right() {
        let after = Rect::from_min_max(pos2(from, row.top()), row.max);
        let r = p.view.rect(after);
        p.rect(r, 0.0, spot.veil);
    }
}
