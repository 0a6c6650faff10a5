//! View state: everything about how the map is shown and what is selected.
//! None of it is saved in the map file, and none of it is undone. The UI
//! owns it; the app builds a fresh one for every document it opens.

use std::collections::HashSet;

use egui::{Pos2, Rect, Vec2};

use crate::layout::{DropTarget, Layout};
use crate::model::{CardId, IdSet, LaneId, Link, Map, PersonaId, StageId};
use crate::paint::View;

/// What is selected: cards, or one stage, or one lane.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Selection {
    /// Selected cards.
    pub cards: HashSet<CardId>,
    /// The selected stage, when a stage header was clicked.
    pub stage: Option<StageId>,
    /// The selected lane, when a lane label was clicked.
    pub lane: Option<LaneId>,
    /// The selected persona, when its chip in the title band was clicked.
    pub persona: Option<PersonaId>,
}

/// How much of a selection's place to take: enough to show it, or all.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Extent {
    /// A stage's header, a lane's label, the first selected card: what
    /// scrolling it into view must show.
    Label,
    /// A stage's column, a lane's row, every selected card: what zooming
    /// to it must fit.
    Whole,
}

impl Selection {
    /// Where the selection is on the map, or `None` for an empty one.
    pub fn rect(&self, map: &Map, layout: &Layout, extent: Extent) -> Option<Rect> {
        let whole = extent == Extent::Whole;
        if let Some(s) = self.stage {
            let b = layout.stages.iter().find(|b| b.id == s)?;
            return Some(if whole { b.column } else { b.header });
        }
        if let Some(l) = self.lane {
            let b = layout.lanes.iter().find(|b| b.id == l)?;
            return Some(if whole { b.row } else { b.label });
        }
        if let Some(p) = self.persona {
            return layout
                .personas
                .iter()
                .find(|(id, _)| *id == p)
                .map(|(_, r)| *r);
        }
        let cards = self.cards_in_order(map);
        let mut rects = cards
            .iter()
            .filter_map(|id| layout.card(*id))
            .map(|c| c.rect);
        if whole {
            rects.reduce(|a, b| a.union(b))
        } else {
            rects.next()
        }
    }

    /// Selects one card alone.
    pub fn card(id: CardId) -> Self {
        Self {
            cards: HashSet::from([id]),
            ..Default::default()
        }
    }

    /// Selects one stage alone.
    pub fn stage(id: StageId) -> Self {
        Self {
            stage: Some(id),
            ..Default::default()
        }
    }

    /// Selects one lane alone.
    pub fn lane(id: LaneId) -> Self {
        Self {
            lane: Some(id),
            ..Default::default()
        }
    }

    /// Selects one persona alone.
    pub fn persona(id: PersonaId) -> Self {
        Self {
            persona: Some(id),
            ..Default::default()
        }
    }

    /// Whether nothing is selected.
    pub fn is_empty(&self) -> bool {
        self.cards.is_empty()
            && self.stage.is_none()
            && self.lane.is_none()
            && self.persona.is_none()
    }

    /// The selected cards in map order, skipping ids no longer on the map.
    pub fn cards_in_order(&self, map: &Map) -> Vec<CardId> {
        map.cards
            .iter()
            .filter(|c| self.cards.contains(&c.id))
            .map(|c| c.id)
            .collect()
    }

    /// Forgets ids that are no longer on the map (after undo or delete).
    pub fn retain_existing(&mut self, map: &Map) {
        if !self.cards.is_empty() {
            let present: IdSet<CardId> = map.cards.iter().map(|c| c.id).collect();
            self.cards.retain(|id| present.contains(id));
        }
        if self.stage.is_some_and(|s| map.stage(s).is_none()) {
            self.stage = None;
        }
        if self.lane.is_some_and(|l| map.lane(l).is_none()) {
            self.lane = None;
        }
        if self.persona.is_some_and(|p| map.persona(p).is_none()) {
            self.persona = None;
        }
    }
}

/// What an in-place text edit is editing.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum EditTarget {
    /// A card's title.
    Card(CardId),
    /// A stage's name.
    Stage(StageId),
    /// A lane's name.
    Lane(LaneId),
}

/// An in-place text edit in progress.
#[derive(Clone, Debug, PartialEq)]
pub struct InlineEdit {
    /// What is edited.
    pub target: EditTarget,
    /// The text typed so far.
    pub text: String,
    /// Whether focus has been given to the field yet.
    pub focused: bool,
}

/// Cards being dragged. The map is not touched until the drop, so the
/// whole drag is one undo step and Esc simply forgets it.
#[derive(Clone, Debug, PartialEq)]
pub struct CardDrag {
    /// The cards, in map order.
    pub ids: HashSet<CardId>,
    /// Where the pointer grabbed the card, relative to its corner (map units).
    pub grab: Vec2,
    /// The grabbed card.
    pub card: CardId,
    /// Where they would land now.
    pub target: Option<DropTarget>,
}

/// A stage or lane header being dragged to a new position.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct HeaderDrag {
    /// What is dragged.
    pub header: Header,
    /// Where the pointer grabbed the header, relative to its corner (map units).
    pub grab: Vec2,
    /// The gap it would drop into now, counted in the current order
    /// (0 is before the first, `len` after the last).
    pub slot: Option<usize>,
}

/// A stage header or a lane label: the two behave alike, one across and
/// one down.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Header {
    /// A stage column.
    Stage(StageId),
    /// A lane row.
    Lane(LaneId),
}

/// Something located from the analysis panel, shown highlighted.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Highlight {
    /// A card.
    Card(CardId),
    /// A stage.
    Stage(StageId),
    /// A lane.
    Lane(LaneId),
}

/// Pan, zoom, selection and gestures in progress.
#[derive(Clone, Debug)]
pub struct ViewState {
    /// Screen offset of the map origin from the canvas corner.
    pub pan: Vec2,
    /// Screen points per map unit.
    pub zoom: f32,
    /// Fit the map to the canvas on the next frame.
    pub fit_pending: bool,
    /// The view is the result of a fit and nothing moved it since: keep
    /// fitting when the canvas changes size (first frames, window resize).
    pub fitted: bool,
    /// What is selected.
    pub selection: Selection,
    /// An in-place edit.
    pub editing: Option<InlineEdit>,
    /// A card drag.
    pub drag: Option<CardDrag>,
    /// A header drag.
    pub header_drag: Option<HeaderDrag>,
    /// A rubber band, from its start to the pointer, in screen points.
    pub band: Option<(Pos2, Pos2)>,
    /// A located finding.
    pub highlight: Option<Highlight>,
    /// Scroll this map rectangle into view on the next frame.
    pub reveal: Option<Rect>,
    /// The canvas rectangle of the last frame.
    pub canvas: Rect,
    /// The personas whose own emotion curves are shown, toggled in the
    /// legend. A view choice: it changes nothing in the map.
    pub persona_curves: Vec<PersonaId>,
    /// A text field the app just made for the user to type into (a new
    /// persona's name, a custom channel): it takes the keyboard when it is
    /// next drawn, and until then no shortcut reads the keys.
    pub focus_next: Option<egui::Id>,
    /// The time and place of the last click on the background, to tell
    /// a double-click there.
    pub last_click: Option<(f64, Pos2)>,
    /// The selected link between cards (the card selection is empty then).
    pub selected_link: Option<Link>,
    /// A link being drawn from a card's handle.
    pub link_drag: Option<LinkDrag>,
}

/// A link being drawn: from a card to wherever the pointer is. The map is
/// not touched until it is dropped on another card.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LinkDrag {
    /// The card it starts at.
    pub from: CardId,
    /// The pointer, in map units.
    pub to: Pos2,
}

impl Default for ViewState {
    fn default() -> Self {
        Self {
            pan: Vec2::ZERO,
            zoom: 1.0,
            fit_pending: true,
            fitted: false,
            selection: Selection::default(),
            editing: None,
            drag: None,
            header_drag: None,
            band: None,
            highlight: None,
            reveal: None,
            canvas: Rect::NOTHING,
            persona_curves: Vec::new(),
            focus_next: None,
            last_click: None,
            selected_link: None,
            link_drag: None,
        }
    }
}

impl ViewState {
    /// The smallest zoom.
    pub const MIN_ZOOM: f32 = 0.05;
    /// The largest zoom.
    pub const MAX_ZOOM: f32 = 4.0;

    /// The map-to-screen transform for a canvas rectangle.
    pub fn view(&self, canvas: Rect) -> View {
        View {
            origin: canvas.min + self.pan,
            zoom: self.zoom,
        }
    }

    /// Zooms by `factor`, keeping the map point under `anchor` in place.
    pub fn zoom_around(&mut self, factor: f32, anchor: Pos2, canvas: Rect) {
        self.zoom_to(self.zoom * factor, anchor, canvas);
    }

    /// Zooms to exactly `zoom` (clamped), keeping the map point under
    /// `anchor` in place.
    pub fn zoom_to(&mut self, zoom: f32, anchor: Pos2, canvas: Rect) {
        self.fitted = false;
        let before = self.view(canvas).to_map(anchor);
        self.zoom = zoom.clamp(Self::MIN_ZOOM, Self::MAX_ZOOM);
        let after = self.view(canvas).to_screen(before);
        self.pan += anchor - after;
    }

    /// Forgets everything that names something no longer on the map
    /// (after an undo or a delete): selection, in-place edit, drags and
    /// highlight. Ids come from the document and may be handed out again,
    /// so a stale one must not linger.
    pub fn retain_existing(&mut self, map: &Map) {
        self.selection.retain_existing(map);
        if self.selected_link.is_some_and(|l| !map.links.contains(&l)) {
            self.selected_link = None;
        }
        if self.link_drag.is_some_and(|d| map.card(d.from).is_none()) {
            self.link_drag = None;
        }
        let exists = |target: EditTarget| match target {
            EditTarget::Card(id) => map.card(id).is_some(),
            EditTarget::Stage(id) => map.stage(id).is_some(),
            EditTarget::Lane(id) => map.lane(id).is_some(),
        };
        if self.editing.as_ref().is_some_and(|e| !exists(e.target)) {
            self.editing = None;
        }
        if self
            .drag
            .as_ref()
            .is_some_and(|d| d.ids.iter().any(|id| map.card(*id).is_none()))
        {
            self.drag = None;
        }
        let header_gone = |h: Header| match h {
            Header::Stage(id) => map.stage(id).is_none(),
            Header::Lane(id) => map.lane(id).is_none(),
        };
        if self.header_drag.is_some_and(|d| header_gone(d.header)) {
            self.header_drag = None;
        }
        let highlight_gone = match self.highlight {
            Some(Highlight::Card(id)) => map.card(id).is_none(),
            Some(Highlight::Stage(id)) => map.stage(id).is_none(),
            Some(Highlight::Lane(id)) => map.lane(id).is_none(),
            None => false,
        };
        if highlight_gone {
            self.highlight = None;
        }
        self.persona_curves.retain(|p| map.persona(*p).is_some());
    }

    /// Whether keys belong to a text field, or to one about to get them:
    /// letter shortcuts must not run then.
    pub fn typing_soon(&self) -> bool {
        self.editing.is_some() || self.focus_next.is_some()
    }

    /// Gives the field `id` the keyboard, with its whole `text` selected
    /// so typing replaces it, if the app asked for that (see
    /// [`Self::focus_next`]). Call it before adding the field, so the
    /// keys of this very frame reach it.
    pub fn take_focus(&mut self, ui: &egui::Ui, id: egui::Id, text: &str) {
        if self.focus_next != Some(id) {
            return;
        }
        self.focus_next = None;
        focus_with_all_selected(ui, id, text);
    }

    /// Starts an in-place edit of a card title, stage name or lane name,
    /// with `text` selected so typing replaces it.
    pub fn start_edit(&mut self, target: EditTarget, text: &str) {
        self.editing = Some(InlineEdit {
            target,
            text: text.to_owned(),
            focused: false,
        });
    }

    /// Fits the whole map into the canvas, centred.
    pub fn fit(&mut self, layout: &Layout, canvas: Rect) {
        let b = layout.bounds;
        if canvas.width() <= 1.0 || canvas.height() <= 1.0 || b.width() <= 0.0 {
            return;
        }
        self.zoom = (canvas.width() / b.width())
            .min(canvas.height() / b.height())
            .clamp(Self::MIN_ZOOM, 1.5);
        let size = b.size() * self.zoom;
        self.pan = (canvas.size() - size) / 2.0 - b.min.to_vec2() * self.zoom;
        // A map taller than the window starts at its top, not its middle.
        if size.y > canvas.height() {
            self.pan.y = -b.min.y * self.zoom;
        }
        self.fitted = true;
    }

    /// Zooms and pans so that a map rectangle fills the canvas, centred,
    /// with some margin, never closer than [`Self::MAX_ZOOM`].
    pub fn fit_rect(&mut self, target: Rect, canvas: Rect) {
        let target = target.expand(30.0);
        if canvas.width() <= 1.0 || canvas.height() <= 1.0 || target.width() <= 0.0 {
            return;
        }
        self.zoom = (canvas.width() / target.width())
            .min(canvas.height() / target.height())
            .clamp(Self::MIN_ZOOM, Self::MAX_ZOOM);
        self.pan = canvas.size() / 2.0 - target.center().to_vec2() * self.zoom;
        self.fitted = false;
    }

    /// Pans so that a map rectangle is visible, with some margin.
    pub fn reveal(&mut self, target: Rect, canvas: Rect, layout: &Layout) {
        let view = self.view(canvas);
        let r = view.rect(target).expand(40.0);
        let canvas = clear_of_pinned(canvas, target, layout, self.zoom);
        let mut delta = egui::Vec2::ZERO;
        if r.width() > canvas.width() || r.left() < canvas.left() {
            delta.x = canvas.left() - r.left();
        } else if r.right() > canvas.right() {
            delta.x = canvas.right() - r.right();
        }
        if r.height() > canvas.height() || r.top() < canvas.top() {
            delta.y = canvas.top() - r.top();
        } else if r.bottom() > canvas.bottom() {
            delta.y = canvas.bottom() - r.bottom();
        }
        if delta != egui::Vec2::ZERO {
            self.pan += delta;
            self.fitted = false;
        }
    }
}

/// The part of the canvas that pinned headers never cover, for a target
/// in the grid: when zoomed in and scrolled, stage headers stay at the top
/// and lane labels at the left (`paint::Pinned`), and a place revealed
/// under them would still be hidden.
fn clear_of_pinned(canvas: Rect, target: Rect, layout: &Layout, zoom: f32) -> Rect {
    let mut clear = canvas;
    if let Some(lane) = layout.lanes.first()
        && target.left() >= lane.label.right()
    {
        clear.min.x += lane.label.width() * zoom;
    }
    if let Some(stage) = layout.stages.first()
        && target.top() >= stage.header.bottom()
    {
        clear.min.y += stage.header.height() * zoom;
    }
    if clear.width() < 1.0 || clear.height() < 1.0 {
        canvas
    } else {
        clear
    }
}

/// Focuses the text field `id` now (before it is added this frame, so this
/// frame's keys reach it) with all of `text` selected.
pub fn focus_with_all_selected(ui: &egui::Ui, id: egui::Id, text: &str) {
    let mut state = egui::text_edit::TextEditState::load(ui.ctx(), id).unwrap_or_default();
    state
        .cursor
        .set_char_range(Some(egui::text::CCursorRange::select_all_str(text)));
    state.store(ui.ctx(), id);
    ui.memory_mut(|m| m.request_focus(id));
}
