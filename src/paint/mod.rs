//! Layout + Map + Theme → epaint shapes, shared by the canvas and export.
//!
//! On screen, text is laid out at the nearest size of a ladder and scaled
//! by at most 3 % to the zoomed size: sharp at every zoom, with a fixed set
//! of font sizes in the atlas (see [`ladder_size`]). Exports lay text out
//! at exactly its size. Shapes outside `clip` are skipped: with thousands
//! of cards most are off screen, and tessellation is the cost.

pub mod blueprint;
mod cards;
mod emotion;
mod face;
pub mod fallback;
mod find;
mod fonts;
mod grid;
mod legend;
mod painter;
mod pinned;
pub mod rtl;
pub mod sizes;
mod spotlight;
mod text;
mod title;
mod view;
mod votes;

use std::collections::HashSet;

use egui::epaint::text::FontsView;
use egui::{Rect, Shape};

use crate::layout::Layout;
use egui::Color32;

use crate::model::{CardId, LaneId, Link, Map, PersonaId, StageId};
use crate::theme::Theme;

pub use face::face;
pub use fallback::{FontSources, set_font_sources};
pub use find::{CurrentMark, FindMarks};
pub use fonts::{bold, font_definitions, font_providers, missing_fonts_warning, missing_scripts};
pub use pinned::Pinned;
pub use spotlight::Spotlight;
pub use text::{
    LADDER_MAX, LADDER_MIN, LADDER_STEP, MAX_FONT_ATLAS_SIDE, MAX_TEXT_CHARS, cap_text,
    cap_text_to, cap_texture_side, ladder_size,
};
pub use view::View;
pub use votes::{DOT as VOTE_DOT, TOP as VOTE_TOP, VoteMarks};

use painter::{Painter, TextSizing};

/// What the editor adds on top of the document: selection, highlights,
/// cards being dragged. Exports use the default: nothing.
#[derive(Clone, Debug, Default)]
pub struct Decorations<'a> {
    /// Selected cards, outlined.
    pub selected: Option<&'a HashSet<CardId>>,
    /// Cards being dragged: drawn faded in place.
    pub dragging: Option<&'a HashSet<CardId>>,
    /// A card whose title is being edited in place: its title is left out.
    pub editing: Option<CardId>,
    /// A card, stage or lane to highlight (a located finding).
    pub highlight_card: Option<CardId>,
    /// A stage to highlight.
    pub highlight_stage: Option<StageId>,
    /// A lane to highlight.
    pub highlight_lane: Option<LaneId>,
    /// The selected stage, outlined.
    pub selected_stage: Option<StageId>,
    /// The selected lane, outlined.
    pub selected_lane: Option<LaneId>,
    /// The personas whose emotion curves are toggled on (from the legend).
    /// Both the canvas and exports draw exactly these; empty draws none.
    pub persona_curves: &'a [PersonaId],
    /// A search's matches, outlined, with everything else dimmed.
    pub found: Option<&'a FindMarks>,
    /// Presentation: the current stage, every other one veiled.
    pub spotlight: Option<Spotlight>,
    /// The selected link between cards, drawn in the selection colour.
    pub selected_link: Option<Link>,
    /// Dot votes: counts shown, or hidden while a vote is open.
    pub votes: VoteMarks<'a>,
}

/// A persona's colour, by its position in the map's persona list: the
/// same on its chip in the title, its curve and its legend toggle.
pub fn persona_color(theme: &Theme, index: usize) -> Color32 {
    theme.stage_color(index + 3)
}

/// Below this on-screen card height, cards are drawn without text: at
/// that size text is unreadable anyway, and it keeps huge maps fast.
pub(super) const DETAIL_MIN_HEIGHT: f32 = 30.0;

/// Below this, a card is a single plain rectangle: a dot in an overview.
pub(super) const TINY_HEIGHT: f32 = 12.0;

/// How much the cards, and what follows them (the legend), draw at a zoom.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Detail {
    /// Everything, text included.
    Full,
    /// Shapes without text: text would be a few unreadable pixels.
    Shapes,
    /// Plain rectangles, or nothing: dots in an overview.
    Tiny,
}

impl Detail {
    /// The level for a layout drawn at `zoom`, from its cards' height on
    /// screen.
    pub(super) fn at(layout: &Layout, zoom: f32) -> Self {
        let card_h = layout.style.card_size.y * zoom;
        if card_h < TINY_HEIGHT {
            Self::Tiny
        } else if card_h < DETAIL_MIN_HEIGHT {
            Self::Shapes
        } else {
            Self::Full
        }
    }
}

/// Whether cards at this zoom are too small for widgets of their own; the
/// canvas then hit-tests them itself, which keeps huge overviews fast.
pub fn cards_are_tiny(layout: &Layout, zoom: f32) -> bool {
    Detail::at(layout, zoom) == Detail::Tiny
}

/// Whether cards at this zoom show their titles (and not empty boxes).
pub fn card_titles_shown(layout: &Layout, zoom: f32) -> bool {
    Detail::at(layout, zoom) == Detail::Full
}

/// Paints the whole map into shapes in screen space, for the screen: text
/// sizes come from a ladder (see [`ladder_size`]), so zooming through any
/// number of levels rasterises a fixed set of font sizes.
pub fn paint_map(
    fonts: &mut FontsView<'_>,
    map: &Map,
    layout: &Layout,
    theme: &Theme,
    view: &View,
    clip: Rect,
    deco: &Decorations<'_>,
) -> Vec<Shape> {
    let mut p = Painter::new(fonts, view, clip, layout, TextSizing::Ladder);
    paint_sections(&mut p, map, layout, theme, deco);
    p.shapes
}

/// Paints the stage headers and lane labels that scrolled out of `clip`
/// pinned to its top and left edges (see [`Pinned`]), to draw over
/// [`paint_map`]'s shapes: the canvas's frozen panes. Nothing when the
/// headers are in view; exports never call it.
pub fn paint_pinned_headers(
    fonts: &mut FontsView<'_>,
    map: &Map,
    layout: &Layout,
    theme: &Theme,
    view: &View,
    clip: Rect,
    deco: &Decorations<'_>,
) -> Vec<Shape> {
    if !Pinned::of(layout, view, clip).any() {
        return Vec::new();
    }
    let mut p = Painter::new(fonts, view, clip, layout, TextSizing::Ladder);
    p.shapes = Vec::with_capacity(8 * (layout.stages.len() + layout.lanes.len()) + 3);
    pinned::paint_pinned(&mut p, map, layout, theme, deco);
    p.shapes
}

/// Paints the whole map for an export: nothing decorated but the persona
/// curves toggled on, and text laid out at exactly its size, since an
/// export lays out once, at one scale.
pub fn paint_map_for_export(
    fonts: &mut FontsView<'_>,
    map: &Map,
    layout: &Layout,
    theme: &Theme,
    view: &View,
    clip: Rect,
    persona_curves: &[PersonaId],
) -> Vec<Shape> {
    let mut p = Painter::new(fonts, view, clip, layout, TextSizing::Exact);
    let deco = Decorations {
        persona_curves,
        ..Decorations::default()
    };
    paint_sections(&mut p, map, layout, theme, &deco);
    p.shapes
}

fn paint_sections(
    p: &mut Painter<'_, '_>,
    map: &Map,
    layout: &Layout,
    theme: &Theme,
    deco: &Decorations<'_>,
) {
    title::paint_title(p, map, layout, theme);
    grid::paint_grid(p, map, layout, theme, deco);
    blueprint::paint_blueprint_lines(p, layout, theme);
    if let Some(band) = &layout.funnel {
        blueprint::paint_funnel(p, map, band, theme);
    }
    emotion::paint_emotion_row(p, map, layout, theme, deco);
    blueprint::paint_links(p, layout, theme, deco);
    cards::paint_cards(p, map, layout, theme, deco);
    if let Some(marks) = deco.found {
        find::paint_find_marks(p, layout, theme, marks);
    }
    legend::paint_legend(p, map, layout, theme, deco);
    if let Some(spot) = deco.spotlight {
        spotlight::paint_spotlight(p, layout, spot);
    }
}
