//! Which parts of the painted map go on which page.
//!
//! A page is a list of pieces, each a rectangle of the one painting placed
//! somewhere on the page (and clipped to itself), or shapes made for that
//! page alone (the findings). Shapes are sorted into the pieces they can
//! touch once, before any page is written: a stage page reads only its own
//! column's shapes, so a handout costs in proportion to the map, not to
//! the map times its stages.

use egui::{Pos2, Rect, Shape, Vec2, pos2, vec2};

use super::{PdfOptions, findings};
use crate::export::Painted;
use crate::layout::{Layout, Style, layout};
use crate::model::Map;
use crate::theme::Theme;

/// Which shapes of the painting a piece shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Source {
    /// Every shape that meets the piece.
    All,
    /// The lane-name column's shapes.
    Labels,
    /// Stage `i`'s column's shapes.
    Stage(usize),
    /// None: only the piece's own shapes.
    Nothing,
}

/// A rectangle of the painting, placed on a page.
pub struct Piece {
    /// The rectangle, in the painting's units.
    pub src: Rect,
    /// Where its top-left corner goes on the page, before scaling.
    pub dst: Pos2,
    /// Whether to cut away what lies outside `src`.
    pub clip: bool,
    /// The painting's shapes it shows.
    pub source: Source,
    /// Shapes of its own, in the painting's units, drawn after.
    pub extra: Vec<Shape>,
}

/// One page: pieces side by side.
#[derive(Default)]
pub struct Page {
    /// What it shows.
    pub pieces: Vec<Piece>,
}

impl Page {
    /// The size of its content, before scaling.
    pub fn size(&self) -> Vec2 {
        self.pieces.iter().fold(Vec2::ZERO, |size, p| {
            let corner = p.dst.to_vec2() + p.src.size();
            size.max(corner)
        })
    }
}

/// Pages and where each stage's column lies in the painting.
pub struct Plan {
    /// The pages, in order.
    pub pages: Vec<Page>,
    /// The column rectangle of each stage, left to right.
    pub columns: Vec<Rect>,
    /// The lane-name column.
    pub labels: Rect,
}

/// The whole map on one page.
pub fn poster(painted: &Painted) -> Plan {
    let page = Page {
        pieces: vec![Piece {
            src: painted.bounds,
            dst: Pos2::ZERO,
            clip: false,
            source: Source::All,
            extra: Vec::new(),
        }],
    };
    Plan {
        pages: vec![page],
        columns: Vec::new(),
        labels: Rect::NOTHING,
    }
}

/// The handout: the title band down to the emotion curve; one page per
/// stage, its column beside the lane names; then the findings.
pub fn handout(map: &Map, painted: &mut Painted, pdf: &PdfOptions, theme: &Theme) -> Plan {
    let style = Style::default();
    let laid: Layout = layout(map, &style);
    // The painting puts the layout's corner at the origin.
    let shift = -laid.bounds.min.to_vec2();
    let bounds = painted.bounds;
    let mut pages = Vec::new();
    let title_page = Rect::from_min_max(
        bounds.min,
        pos2(
            bounds.max.x,
            (laid.emotion_row.bottom() + shift.y + style.row_gap).min(bounds.max.y),
        ),
    );
    pages.push(Page {
        pieces: vec![Piece {
            src: title_page,
            dst: Pos2::ZERO,
            clip: true,
            source: Source::All,
            extra: Vec::new(),
        }],
    });
    let half_gap = style.stage_gap / 2.0;
    let bottom = laid
        .lanes
        .last()
        .map_or(laid.emotion_row.bottom(), |l| l.row.bottom())
        + shift.y
        + style.margin / 2.0;
    let top = laid.title.bottom() + shift.y;
    let labels_right = laid
        .lanes
        .first()
        .map_or(laid.emotion_row.left() + style.label_width, |l| {
            l.label.right()
        })
        + shift.x
        + half_gap;
    let labels = Rect::from_min_max(pos2(bounds.min.x, top), pos2(labels_right, bottom));
    let columns: Vec<Rect> = laid
        .stages
        .iter()
        .map(|s| {
            Rect::from_min_max(
                pos2(s.column.left() + shift.x - half_gap, top),
                pos2(s.column.right() + shift.x + half_gap, bottom),
            )
        })
        .collect();
    for (i, column) in columns.iter().enumerate() {
        pages.push(Page {
            pieces: vec![
                Piece {
                    src: labels,
                    dst: Pos2::ZERO,
                    clip: true,
                    source: Source::Labels,
                    extra: Vec::new(),
                },
                Piece {
                    src: *column,
                    dst: pos2(labels.width(), 0.0),
                    clip: true,
                    source: Source::Stage(i),
                    extra: Vec::new(),
                },
            ],
        });
    }
    let inner = pdf.paper().map_or(vec2(842.0, 595.0), |(w, h)| {
        vec2(w - 2.0 * super::PAPER_MARGIN, h - 2.0 * super::PAPER_MARGIN)
    });
    for shapes in findings::pages(map, painted, inner, theme) {
        pages.push(Page {
            pieces: vec![Piece {
                src: Rect::from_min_size(Pos2::ZERO, inner),
                dst: Pos2::ZERO,
                clip: false,
                source: Source::Nothing,
                extra: shapes,
            }],
        });
    }
    Plan {
        pages,
        columns,
        labels,
    }
}

/// The shapes each piece can touch, sorted once.
pub struct Buckets {
    /// Per stage column, the indices of the shapes that meet it.
    stages: Vec<Vec<usize>>,
    /// The shapes that meet the lane-name column.
    labels: Vec<usize>,
    /// Every shape's bounds.
    rects: Vec<Rect>,
}

impl Buckets {
    /// Sorts `shapes` into the plan's columns: each shape goes to the
    /// columns it overlaps (found by binary search), so the cost is the
    /// shapes plus the columns wide shapes cross.
    pub fn new(shapes: &[&Shape], plan: &Plan) -> Self {
        let rects: Vec<Rect> = shapes.iter().map(|s| s.visual_bounding_rect()).collect();
        let mut stages = vec![Vec::new(); plan.columns.len()];
        let mut labels = Vec::new();
        for (i, r) in rects.iter().enumerate() {
            if !r.is_finite() {
                continue;
            }
            if plan.labels.intersects(*r) {
                labels.push(i);
            }
            let first = plan.columns.partition_point(|c| c.max.x < r.min.x);
            for (s, column) in plan.columns.iter().enumerate().skip(first) {
                if column.min.x > r.max.x {
                    break;
                }
                if column.intersects(*r) {
                    stages[s].push(i);
                }
            }
        }
        Self {
            stages,
            labels,
            rects,
        }
    }

    /// The painting's shapes that `piece` shows, in paint order.
    pub fn shapes<'a>(
        &'a self,
        shapes: &'a [&'a Shape],
        piece: &'a Piece,
    ) -> Box<dyn Iterator<Item = &'a Shape> + 'a> {
        match piece.source {
            Source::All => Box::new(
                shapes
                    .iter()
                    .zip(&self.rects)
                    .filter(|(_, r)| piece.src.intersects(**r))
                    .map(|(s, _)| *s),
            ),
            Source::Labels => Box::new(self.labels.iter().map(|&i| shapes[i])),
            Source::Stage(s) => {
                Box::new(self.stages.get(s).into_iter().flatten().map(|&i| shapes[i]))
            }
            Source::Nothing => Box::new(std::iter::empty()),
        }
    }
}
