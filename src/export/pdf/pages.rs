//! Which parts of the painted map go on which page.
//!
//! A page is a list of pieces, each a rectangle of the one painting placed
//! somewhere on the page (and clipped to itself), or shapes made for that
//! page alone (the findings). Shapes are sorted into the pieces they can
//! touch once, before any page is written: a stage page reads only its own
//! column's shapes, so a handout costs in proportion to the map, not to
//! the map times its stages.

use egui::{Pos2, Rect, Shape, Vec2, pos2, vec2};

use super::findings;
use crate::export::{ExportOptions, Painted, paint_with_style};
use crate::layout::{Layout, MAX_CARDS_ACROSS, Style, layout};
use crate::model::Map;
use crate::paint::cap_text;
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
    /// Its bookmark in the reader's outline.
    pub name: String,
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
    /// The painting the stage pages show, if not the main one.
    pub stages: Option<Painted>,
}

/// The whole map on one page.
pub fn poster(painted: &Painted, title: &str) -> Plan {
    let page = Page {
        name: title.to_owned(),
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
        stages: None,
    }
}

/// The size of a stage page of `laid`: the lane names and one column.
fn stage_page_size(laid: &Layout) -> Vec2 {
    let labels = laid.lanes.first().map_or(laid.style.label_width, |l| {
        l.label.right() - laid.bounds.left()
    });
    let column = laid.style.column_width() + laid.style.stage_gap;
    let bottom = laid
        .lanes
        .last()
        .map_or(laid.emotion_row.bottom(), |l| l.row.bottom());
    vec2(
        labels + column,
        bottom - laid.title.bottom() + laid.style.margin,
    )
}

/// The style of the stage pages: the presentation's short cards, as many
/// side by side (1 to [`MAX_CARDS_ACROSS`]) as make the worst stage's page
/// largest on paper of `inner` points.
fn stage_style(map: &Map, inner: Vec2) -> Style {
    let style_for = |across| Style {
        // Room for two rows of title above the channel, on paper.
        card_size: vec2(CARD_WIDTH, CARD_HEIGHT),
        ..Style::presentation(across, CARD_WIDTH)
    };
    let mut best = (style_for(1), 0.0_f32);
    for across in 1..=MAX_CARDS_ACROSS {
        let style = style_for(across);
        let size = stage_page_size(&layout(map, &style));
        let scale = (inner.x / size.x.max(1.0)).min(inner.y / size.y.max(1.0));
        // Strictly larger: fewer cards across when it makes no difference.
        if scale > best.1 {
            best = (style, scale);
        }
    }
    best.0
}

/// A card's width on the stage pages: the editor's.
const CARD_WIDTH: f32 = 212.0;

/// A card's height on the stage pages: between the presentation's (56,
/// where a second row of title meets the channel) and the editor's (78).
const CARD_HEIGHT: f32 = 66.0;

/// The handout: the title band down to the emotion curve; one page per
/// stage, its column beside the lane names (short cards side by side, so
/// a stage fills a page at a size that reads); then the findings.
pub fn handout(map: &Map, painted: &mut Painted, options: &ExportOptions, theme: &Theme) -> Plan {
    let pdf = &options.pdf;
    let inner = pdf.paper().map_or(vec2(842.0, 595.0), |(w, h)| {
        vec2(w - 2.0 * super::PAPER_MARGIN, h - 2.0 * super::PAPER_MARGIN)
    });
    let main: Layout = layout(map, &Style::default());
    // The painting puts the layout's corner at the origin.
    let shift = -main.bounds.min.to_vec2();
    let bounds = painted.bounds;
    let mut pages = Vec::new();
    let title_page = Rect::from_min_max(
        bounds.min,
        pos2(
            bounds.max.x,
            (main.emotion_row.bottom() + shift.y + main.style.row_gap).min(bounds.max.y),
        ),
    );
    pages.push(Page {
        name: "Personas and emotion curve".to_owned(),
        pieces: vec![Piece {
            src: title_page,
            dst: Pos2::ZERO,
            clip: true,
            source: Source::All,
            extra: Vec::new(),
        }],
    });

    let style = stage_style(map, inner);
    let stages = paint_with_style(map, options, &style);
    let laid = layout(map, &style);
    let shift = -laid.bounds.min.to_vec2();
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
    let labels = Rect::from_min_max(pos2(stages.bounds.min.x, top), pos2(labels_right, bottom));
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
        let name = map
            .stages
            .get(i)
            .map_or_else(String::new, |s| cap_text(&s.name).into_owned());
        pages.push(Page {
            name,
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
    for shapes in findings::pages(map, painted, inner, theme) {
        pages.push(Page {
            name: "Findings".to_owned(),
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
        stages: Some(stages),
    }
}

/// The shapes each piece can touch, sorted once.
pub struct Buckets {
    /// Per stage column, the indices of the shapes that meet it.
    stages: Vec<Vec<usize>>,
    /// The shapes that meet the lane-name column.
    labels: Vec<usize>,
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
        Self { stages, labels }
    }

    /// The shapes that `piece` shows, in paint order: of the `main`
    /// painting for [`Source::All`], else of the stage pages' `shapes`.
    pub fn shapes<'a>(
        &'a self,
        main: &'a [&'a Shape],
        shapes: &'a [&'a Shape],
        piece: &'a Piece,
    ) -> Box<dyn Iterator<Item = &'a Shape> + 'a> {
        match piece.source {
            Source::All => Box::new(
                main.iter()
                    .filter(|s| piece.src.intersects(s.visual_bounding_rect()))
                    .copied(),
            ),
            Source::Labels => Box::new(self.labels.iter().map(|&i| shapes[i])),
            Source::Stage(s) => {
                Box::new(self.stages.get(s).into_iter().flatten().map(|&i| shapes[i]))
            }
            Source::Nothing => Box::new(std::iter::empty()),
        }
    }
}
