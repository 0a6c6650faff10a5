//! Map + Style → Layout: where everything goes, in map units.
//!
//! One layout feeds the screen, the PNG and the SVG, so an export cannot
//! drift from what the user sees. Map units are points at zoom 1. Nothing
//! here knows about egui widgets; it only uses `emath` geometry.

use egui::emath::{Pos2, Rect, pos2, vec2};

use crate::model::{CardId, Channel, IdMap, LaneId, Map, PersonaId, StageId};

mod blueprint;
mod emotion;
mod style;

pub use blueprint::{
    FUNNEL_HEIGHT, FunnelBand, FunnelCell, LINE_SPACE, LineBox, LinkBox, bezier_point,
};
use emotion::emotion_curves;
pub use emotion::{
    EmotionBand, EmotionPoint, EvidenceCount, LOW_FACE_RADIUS, LowPoint, MAX_PERSONA_CURVES,
    PersonaCurve,
};
use style::{EMOTION_ROW, LEGEND_ROW};
pub use style::{MAX_CARDS_ACROSS, PRESENT_TITLE_ROWS, Style};

/// A stage's column and header.
#[derive(Clone, Debug, PartialEq)]
pub struct StageBox {
    /// The stage.
    pub id: StageId,
    /// The header at the top of the column.
    pub header: Rect,
    /// The whole column, from the header to the last lane.
    pub column: Rect,
    /// Its slot in the stage palette ([`Map::stage_palette`]): a stage
    /// keeps its colour when others move, come or go.
    pub palette: usize,
}

/// A lane's row and label.
#[derive(Clone, Debug, PartialEq)]
pub struct LaneBox {
    /// The lane.
    pub id: LaneId,
    /// The label on the left.
    pub label: Rect,
    /// The whole row, label included.
    pub row: Rect,
}

/// A card's place on the map.
#[derive(Clone, Debug, PartialEq)]
pub struct CardBox {
    /// The card.
    pub id: CardId,
    /// Its index in [`Map::cards`].
    pub index: usize,
    /// Its stage's index.
    pub stage: usize,
    /// Its lane's index.
    pub lane: usize,
    /// Its position within the cell.
    pub slot: usize,
    /// Where it is drawn.
    pub rect: Rect,
}

/// Everything positioned, in map units.
#[derive(Clone, Debug, PartialEq)]
pub struct Layout {
    /// The style it was made with.
    pub style: Style,
    /// The whole map.
    pub bounds: Rect,
    /// The title band.
    pub title: Rect,
    /// Persona chips in the title band.
    pub personas: Vec<(PersonaId, Rect)>,
    /// Stage columns, left to right.
    pub stages: Vec<StageBox>,
    /// The emotion row, label column included.
    pub emotion_row: Rect,
    /// The emotion curve's points, for stages that have an emotion.
    pub emotion_points: Vec<EmotionPoint>,
    /// The lowest card of each stage whose cards carry an emotion.
    pub low_points: Vec<LowPoint>,
    /// One curve per persona (the first [`MAX_PERSONA_CURVES`]), drawn
    /// only when toggled on.
    pub persona_curves: Vec<PersonaCurve>,
    /// How many cards rest on evidence.
    pub evidence: EvidenceCount,
    /// Lane rows, top to bottom.
    pub lanes: Vec<LaneBox>,
    /// Every card.
    pub cards: Vec<CardBox>,
    /// The service blueprint's lines, top to bottom.
    pub blueprint_lines: Vec<LineBox>,
    /// The arrows between cards, in the map's order of links.
    pub links: Vec<LinkBox>,
    /// The funnel band under the stage headers, when a stage has a volume.
    pub funnel: Option<FunnelBand>,
    /// The legend at the bottom.
    pub legend: Rect,
    /// The channels the map uses, sorted, for the legend. Gathered here,
    /// once per change, rather than by every frame that paints the legend.
    /// Unknown channels have no mark, and no legend entry.
    pub channels: Vec<Channel>,
    /// The persona toggles in the legend, one per persona curve: a click
    /// turns that persona's curve on or off.
    pub legend_personas: Vec<(PersonaId, Rect)>,
    /// Number of cards in each cell, indexed `[stage][lane]`.
    cell_counts: Vec<Vec<usize>>,
}

/// Where a dragged card would land.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DropTarget {
    /// The stage.
    pub stage: StageId,
    /// The lane.
    pub lane: LaneId,
    /// The position among the cell's cards.
    pub position: usize,
}

/// The height of the score band inside the emotion row: +2 at the top.
/// Room is left above +2 for a stage's label, which sits over its face;
/// a short row (the presentation's) keeps the same shares of its height.
fn emotion_y(row: Rect, score: f32) -> f32 {
    let share = (row.height() / EMOTION_ROW).min(1.0);
    let top = row.top() + 40.0 * share;
    let bottom = row.bottom() - 22.0 * share;
    let t = (2.0 - score.clamp(-2.0, 2.0)) / 4.0;
    top + t * (bottom - top)
}

/// Lays a map out.
pub fn layout(map: &Map, style: &Style) -> Layout {
    let s = style;
    let n_stages = map.stages.len();
    let n_lanes = map.lanes.len();
    let stage_index: IdMap<StageId, usize> = map
        .stages
        .iter()
        .enumerate()
        .map(|(i, s)| (s.id, i))
        .collect();
    let lane_index: IdMap<LaneId, usize> = map
        .lanes
        .iter()
        .enumerate()
        .map(|(i, l)| (l.id, i))
        .collect();

    // One pass over the cards: each card's slot in its cell.
    let mut cell_counts = vec![vec![0usize; n_lanes]; n_stages];
    let mut placed = Vec::with_capacity(map.cards.len());
    for (index, card) in map.cards.iter().enumerate() {
        let (Some(&si), Some(&li)) = (stage_index.get(&card.stage), lane_index.get(&card.lane))
        else {
            continue;
        };
        let slot = cell_counts[si][li];
        cell_counts[si][li] += 1;
        placed.push((index, card.id, si, li, slot));
    }

    let left = s.margin;
    let grid_left = left + s.label_width;
    let column_width = s.column_width();
    let grid_width = if n_stages == 0 {
        column_width
    } else {
        n_stages as f32 * column_width + (n_stages - 1) as f32 * s.stage_gap
    };
    let width = s.label_width + grid_width;
    let title = Rect::from_min_size(pos2(left, s.margin), vec2(width, s.title_height));

    // Persona chips along the bottom of the title band, right-aligned.
    let mut personas = Vec::with_capacity(map.personas.len());
    let chip_h = 26.0;
    let mut x = title.right();
    for persona in map.personas.iter().rev() {
        let w = (persona.name.chars().count() as f32 * 7.6 + 44.0).clamp(80.0, 320.0);
        x -= w;
        personas.push((
            persona.id,
            Rect::from_min_size(pos2(x, title.top() + 8.0), vec2(w, chip_h)),
        ));
        x -= 8.0;
    }
    personas.reverse();

    let header_top = title.bottom() + s.row_gap;
    let funnel_row = map.has_funnel().then(|| {
        Rect::from_min_size(
            pos2(left, header_top + s.header_height + s.row_gap),
            vec2(width, FUNNEL_HEIGHT),
        )
    });
    let emotion_top = funnel_row.map_or(header_top + s.header_height, |r| r.bottom()) + s.row_gap;
    let emotion_row = Rect::from_min_size(pos2(left, emotion_top), vec2(width, s.emotion_height));

    let lines_above = blueprint::lines_above(map);
    let mut y = emotion_row.bottom() + s.row_gap;
    let mut lanes = Vec::with_capacity(n_lanes);
    for (li, lane) in map.lanes.iter().enumerate() {
        if !lines_above[li].is_empty() {
            y += LINE_SPACE;
        }
        let most = s.rows_for(
            (0..n_stages)
                .map(|si| cell_counts[si][li])
                .max()
                .unwrap_or(0),
        );
        let h = 2.0 * s.cell_padding + most as f32 * s.card_size.y + (most - 1) as f32 * s.card_gap;
        let row = Rect::from_min_size(pos2(left, y), vec2(width, h));
        let label = Rect::from_min_size(row.min, vec2(s.label_width - 10.0, h));
        lanes.push(LaneBox {
            id: lane.id,
            label,
            row,
        });
        y += h + s.row_gap;
    }
    let grid_bottom = y - s.row_gap;

    let palette = map.stage_palette();

    let stages: Vec<StageBox> = map
        .stages
        .iter()
        .enumerate()
        .map(|(si, stage)| {
            let x = grid_left + si as f32 * (column_width + s.stage_gap);
            let header =
                Rect::from_min_size(pos2(x, header_top), vec2(column_width, s.header_height));
            let column = Rect::from_min_max(
                header.min,
                pos2(header.right(), grid_bottom.max(header.bottom())),
            );
            StageBox {
                id: stage.id,
                header,
                column,
                palette: palette[si],
            }
        })
        .collect();

    let across = s.cards_across.max(1);
    let inset = (s.stage_width - s.card_size.x).max(0.0) / 2.0;
    let cards: Vec<CardBox> = placed
        .into_iter()
        .map(|(index, id, si, li, slot)| {
            let (row, col) = (slot / across, slot % across);
            let min = pos2(
                stages[si].column.left() + inset + col as f32 * (s.card_size.x + s.card_gap),
                lanes[li].row.top() + s.cell_padding + row as f32 * (s.card_size.y + s.card_gap),
            );
            CardBox {
                id,
                index,
                stage: si,
                lane: li,
                slot,
                rect: Rect::from_min_size(min, s.card_size),
            }
        })
        .collect();

    // Under the grid, clear of the "add lane" button in the label column.
    // A third row holds the persona toggles when the map has personas.
    let persona_row = if map.personas.is_empty() {
        0.0
    } else {
        LEGEND_ROW
    };
    let legend = Rect::from_min_size(
        pos2(grid_left, grid_bottom + 3.0 * s.row_gap),
        vec2(grid_width, s.legend_height + persona_row),
    );
    let legend_personas = legend_toggles(map, legend);
    let links = blueprint::link_boxes(map, &cards);
    let blueprint_lines = blueprint::line_boxes(&lines_above, &lanes);
    let funnel = funnel_row.map(|row| blueprint::funnel_band(map, row, &stages));
    let curves = emotion_curves(map, &stages, emotion_row);
    let bounds = Rect::from_min_max(
        Pos2::ZERO,
        // Room on the right for the "add stage" button.
        pos2(
            left + width + s.stage_gap + 44.0 + s.margin,
            legend.bottom() + s.margin,
        ),
    );

    Layout {
        style: style.clone(),
        bounds,
        title,
        personas,
        stages,
        emotion_row,
        emotion_points: curves.points,
        low_points: curves.lows,
        persona_curves: curves.personas,
        evidence: curves.evidence,
        lanes,
        cards,
        blueprint_lines,
        links,
        funnel,
        legend,
        channels: map
            .cards
            .iter()
            .map(|c| &c.channel)
            .filter(|c| c.is_known())
            .collect::<std::collections::BTreeSet<_>>()
            .into_iter()
            .cloned()
            .collect(),
        legend_personas,
        cell_counts,
    }
}

/// The persona toggles in the legend's third row, after its heading.
fn legend_toggles(map: &Map, legend: Rect) -> Vec<(PersonaId, Rect)> {
    let y = legend.top() + 18.0 + 3.0 * LEGEND_ROW;
    let mut x = legend.left() + 110.0;
    map.personas
        .iter()
        .take(MAX_PERSONA_CURVES)
        .map(|p| {
            // Text is not measured here (layout knows no fonts): a width
            // from the name's length, as for the persona chips.
            let w = (p.name.chars().count() as f32 * 7.0 + 40.0).clamp(70.0, 260.0);
            let rect = Rect::from_min_size(pos2(x, y - 10.0), vec2(w, 20.0));
            x += w + 10.0;
            (p.id, rect)
        })
        .collect()
}

impl Layout {
    /// The card box under a map point, topmost first.
    pub fn card_at(&self, p: Pos2) -> Option<&CardBox> {
        self.cards.iter().rev().find(|c| c.rect.contains(p))
    }

    /// The box of a card.
    pub fn card(&self, id: CardId) -> Option<&CardBox> {
        self.cards.iter().find(|c| c.id == id)
    }

    /// The (stage index, lane index) of the cell under a map point.
    pub fn cell_at(&self, p: Pos2) -> Option<(usize, usize)> {
        let si = self.stages.iter().position(|s| {
            p.x >= s.column.left() - self.style.stage_gap / 2.0
                && p.x < s.column.right() + self.style.stage_gap / 2.0
        })?;
        let li = self.lanes.iter().position(|l| {
            p.y >= l.row.top() - self.style.row_gap / 2.0
                && p.y < l.row.bottom() + self.style.row_gap / 2.0
        })?;
        Some((si, li))
    }

    /// The rectangle of a cell.
    pub fn cell_rect(&self, stage: usize, lane: usize) -> Option<Rect> {
        let s = self.stages.get(stage)?;
        let l = self.lanes.get(lane)?;
        Some(Rect::from_x_y_ranges(s.column.x_range(), l.row.y_range()))
    }

    /// How many cards a cell holds.
    pub fn cell_count(&self, stage: usize, lane: usize) -> usize {
        self.cell_counts
            .get(stage)
            .and_then(|l| l.get(lane))
            .copied()
            .unwrap_or(0)
    }

    /// Where cards dropped at a map point would land: the cell under it and
    /// the slot nearest to the point. `None` outside the grid.
    pub fn drop_target(&self, map: &Map, p: Pos2) -> Option<DropTarget> {
        let (si, li) = self.cell_at(p)?;
        let s = &self.style;
        let row = &self.lanes[li].row;
        let pitch = s.card_size.y + s.card_gap;
        let rel = (p.y - row.top() - s.cell_padding + s.card_gap / 2.0) / pitch;
        let across = s.cards_across.max(1);
        // Side by side, the card under the point's column; in one column
        // this is always 0.
        let inset = (s.stage_width - s.card_size.x).max(0.0) / 2.0;
        let x = p.x - self.stages[si].column.left() - inset;
        let col = ((x / (s.card_size.x + s.card_gap)).max(0.0) as usize).min(across - 1);
        let position = (rel.round().max(0.0) as usize * across + col).min(self.cell_count(si, li));
        Some(DropTarget {
            stage: map.stages.get(si)?.id,
            lane: map.lanes.get(li)?.id,
            position,
        })
    }

    /// The y of the marker showing where a drop at `position` would go.
    pub fn slot_y(&self, lane: usize, position: usize) -> f32 {
        let Some(l) = self.lanes.get(lane) else {
            return 0.0;
        };
        l.row.top()
            + self.style.cell_padding
            + (position / self.style.cards_across.max(1)) as f32
                * (self.style.card_size.y + self.style.card_gap)
            - self.style.card_gap / 2.0
    }

    /// The y coordinate of an emotion score in the emotion row.
    pub fn emotion_y(&self, score: f32) -> f32 {
        emotion_y(self.emotion_row, score)
    }

    /// The low-point mark under a map point: a click there selects its
    /// card ([`LowPoint::card`]).
    pub fn low_point_at(&self, p: Pos2) -> Option<&LowPoint> {
        self.low_points
            .iter()
            .find(|l| l.pos.distance(p) <= l.radius)
    }

    /// The link whose middle is within `radius` map units of a point.
    pub fn link_at(&self, p: Pos2, radius: f32) -> Option<&LinkBox> {
        self.links.iter().find(|l| l.mid.distance(p) <= radius)
    }

    /// The persona whose legend toggle is under a map point: a click there
    /// turns that persona's curve on or off.
    pub fn legend_persona_at(&self, p: Pos2) -> Option<PersonaId> {
        self.legend_personas
            .iter()
            .find(|(_, r)| r.contains(p))
            .map(|(id, _)| *id)
    }
}
