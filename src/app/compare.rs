//! Comparing the open map with another file, and its current and future
//! states. A comparison is view state: it belongs to one session (opening
//! another map drops it with the session) and is recomputed whenever the
//! document's key (identity, revision) moves on.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::compare::{
    Change, Comparison, Kind, Target, align_by_names, current_path, future_copy, future_path,
};
use crate::edit::{DocKey, Document};
use crate::layout::{Layout, Style, layout};
use crate::model::{Card, LaneId, Map, MapState, StageId};
use crate::ui::canvas::CompareMarks;
use crate::ui::view::{Highlight, Selection};

use super::WaymarkApp;
use super::dialog_types::{Dialog, Pending, PromptPurpose};
use super::dialogs::{DialogKind, Picked};
use super::files::NO_DIALOG;

/// The open map compared with another one, and what the canvas and the
/// list beside it draw from.
pub(super) struct CompareView {
    /// The file compared with, as the user named it.
    pub(super) path: PathBuf,
    /// Its map, aligned to the open map's ids when it carries none.
    other: Map,
    /// The document state the comparison was made for.
    key: DocKey,
    /// Marks, ghosts and the list's entries.
    pub(super) comparison: Comparison,
    /// The open map laid out with room for the ghosts: each removed card
    /// whose cell still exists gets a slot after the cell's own cards.
    pub(super) layout: Layout,
    /// For each ghost slot (in the order appended after the map's cards),
    /// its index in [`Comparison::ghosts`].
    pub(super) ghost_slots: Vec<usize>,
    /// The list entry last clicked.
    pub(super) picked: Option<usize>,
    /// Stages new (`true`) or changed (`false`) in the open map.
    stages: HashMap<StageId, bool>,
    /// Lanes new (`true`) or changed (`false`) in the open map.
    lanes: HashMap<LaneId, bool>,
    /// The map as compared (cheap: its cards are shared).
    shown: Map,
    /// A newer revision whose comparison waits for typing to pause, and
    /// since when (egui time, seconds).
    waiting: Option<(DocKey, f64)>,
}

/// On maps this big, a rediff and a relayout per keystroke would lag
/// (tens of ms at 10,000 cards), so edits that keep the layout's shape are
/// compared once typing pauses.
const DEFER_FROM_CARDS: usize = 1_000;

/// How long the document must rest before a deferred comparison is made.
const SETTLE_SECONDS: f64 = 0.3;

/// Whether the layout made for `a` still fits `b`: the same stages, lanes,
/// personas and header, and the same cards in the same cells and order,
/// with the same emotions and personas (the curve and the legend). Card
/// text may differ. Linear, and shared cards compare by pointer.
fn same_shape(a: &Map, b: &Map) -> bool {
    a.title == b.title
        && a.description == b.description
        && a.state == b.state
        && a.stages == b.stages
        && a.lanes == b.lanes
        && a.personas == b.personas
        && a.cards.len() == b.cards.len()
        && a.cards.iter().zip(&b.cards).all(|(x, y)| {
            Arc::ptr_eq(x, y)
                || (x.id == y.id
                    && x.stage == y.stage
                    && x.lane == y.lane
                    && x.emotion == y.emotion
                    && x.personas == y.personas)
        })
}

impl CompareView {
    /// Compares the document's map with `other`, read from `path`.
    fn new(doc: &Document, other: Map, path: PathBuf) -> Self {
        let mut view = Self {
            path,
            other,
            key: doc.key(),
            comparison: Comparison::default(),
            layout: layout(&Map::blank(), &Style::default()),
            ghost_slots: Vec::new(),
            picked: None,
            stages: HashMap::new(),
            lanes: HashMap::new(),
            shown: Map::blank(),
            waiting: None,
        };
        view.compute(doc.map());
        view
    }

    /// Recomputes if the document moved on since the last computation.
    /// With the frame's time (`now`), a big map's edit that keeps the
    /// layout's shape waits until the document has rested: the answer is
    /// then how many seconds are left, for a repaint. Without it
    /// (locating, revealing), the comparison is brought up to date at once.
    pub(super) fn refresh(&mut self, doc: &Document, now: Option<f64>) -> Option<f64> {
        if self.key == doc.key() {
            self.waiting = None;
            return None;
        }
        if let Some(now) = now
            && doc.map().cards.len() >= DEFER_FROM_CARDS
            && same_shape(&self.shown, doc.map())
        {
            // Each new revision starts the clock again.
            let since = match self.waiting {
                Some((key, since)) if key == doc.key() => since,
                _ => now,
            };
            self.waiting = Some((doc.key(), since));
            let left = SETTLE_SECONDS - (now - since);
            if left > 0.0 {
                return Some(left);
            }
        }
        self.key = doc.key();
        self.waiting = None;
        self.compute(doc.map());
        None
    }

    /// Whether a newer revision's comparison is waiting for typing to
    /// pause (the marks and the list are of the revision before).
    pub(super) fn is_waiting(&self) -> bool {
        self.waiting.is_some()
    }

    fn compute(&mut self, shown: &Map) {
        self.shown = shown.clone();
        self.comparison = Comparison::new(&self.other, shown);
        // Ghosts go after every card of the map, so the map's own cards
        // keep their indexes (paint and the card widgets read the map by
        // them) and the ghosts' slots are simply skipped there.
        let mut union = shown.clone();
        self.ghost_slots.clear();
        for (i, ghost) in self.comparison.ghosts.iter().enumerate() {
            let (stage, lane) = (ghost.place.stage, ghost.place.lane);
            if shown.stage(stage).is_none() || shown.lane(lane).is_none() {
                continue;
            }
            // Only its place and size: its emotion, channel and personas
            // must not count in the curve or the legend.
            let slot = Card::new(ghost.card.id, stage, lane, &ghost.card.title);
            union.cards.push(Arc::new(slot));
            self.ghost_slots.push(i);
        }
        self.layout = layout(&union, &Style::default());
        self.stages.clear();
        self.lanes.clear();
        for change in &self.comparison.diff.changes {
            let (item, added) = match change {
                Change::Added { item, .. } => (item, true),
                Change::FieldChanged { item, .. } | Change::Moved { item, .. } => (item, false),
                _ => continue,
            };
            match item.kind {
                Kind::Stage => {
                    self.stages.insert(StageId(item.id), added);
                }
                Kind::Lane => {
                    self.lanes.insert(LaneId(item.id), added);
                }
                _ => {}
            }
        }
        if self
            .picked
            .is_some_and(|i| i >= self.comparison.entries.len())
        {
            self.picked = None;
        }
    }

    /// What the canvas draws over the map.
    pub(super) fn marks(&self, map: &Map) -> CompareMarks<'_> {
        CompareMarks {
            comparison: &self.comparison,
            first_ghost: map.cards.len(),
            ghost_slots: &self.ghost_slots,
            stages: &self.stages,
            lanes: &self.lanes,
            picked_ghost: match self.picked.map(|i| self.comparison.entries[i].target) {
                Some(Target::Ghost(g)) => Some(g),
                _ => None,
            },
        }
    }

    /// The map rectangle an entry leads to, if it is on the canvas.
    fn rect_of(&self, target: Target) -> Option<egui::Rect> {
        let layout = &self.layout;
        match target {
            Target::Map => Some(layout.title),
            Target::Stage(id) => layout.stages.iter().find(|s| s.id == id).map(|s| s.header),
            Target::Lane(id) => layout.lanes.iter().find(|l| l.id == id).map(|l| l.label),
            Target::Persona(id) => layout
                .personas
                .iter()
                .find(|(p, _)| *p == id)
                .map(|(_, r)| *r),
            Target::Card(id) => layout.card(id).map(|c| c.rect),
            // A ghost's id is in no card of the shown map (else it would
            // be a change, not a removal), so its slot is found by id.
            Target::Ghost(g) if self.ghost_slots.contains(&g) => {
                let id = self.comparison.ghosts.get(g)?.card.id;
                layout.card(id).map(|c| c.rect)
            }
            Target::Ghost(_) => None,
            Target::Nowhere => None,
        }
    }
}

/// The zoom an entry of the list zooms in to, if the view is further out.
const READABLE_ZOOM: f32 = 0.8;

/// A file name to show for a path.
fn file_name(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}

impl WaymarkApp {
    /// File → Compare with…: asks for a map, then compares with it.
    pub(super) fn ask_compare(&mut self) {
        let folder = self.folder();
        match self
            .dialogs
            .pick(DialogKind::OpenMap, "", folder.as_deref())
        {
            Picked::Path(path) => self.compare_with(&path),
            Picked::Cancelled => {}
            Picked::Unavailable => {
                let start = folder.map(|f| f.join("")).unwrap_or_default();
                self.prompt_with(PromptPurpose::Compare, NO_DIALOG, start);
            }
        }
    }

    /// Compares the open map with a file (any format Waymark reads); the
    /// file is taken as the older one. Errors go to a dialog.
    pub fn compare_with(&mut self, path: &Path) {
        let mut other = match crate::io::load_any(path) {
            Ok(map) => map,
            Err(err) => {
                self.push_dialog(Dialog::error(err.to_string()));
                return;
            }
        };
        let session = &mut self.session;
        // Current against future is what the comparison is for, not one
        // of the changes it lists.
        other.state = session.doc.map().state;
        // Files without Waymark ids (Mermaid, CSV) are matched by names:
        // their items take the open map's ids where the names agree.
        let by_names =
            |p: &Path| matches!(crate::io::extension(p).as_str(), "mmd" | "mermaid" | "csv");
        let other = if by_names(path) || session.doc.path().is_some_and(by_names) {
            align_by_names(session.doc.map(), &other)
        } else {
            other
        };
        let view = CompareView::new(&session.doc, other, path.to_path_buf());
        let count = view.comparison.entries.len();
        session.compare = Some(view);
        // Open on the first change, at a zoom where its text reads: the
        // whole map fitted is too small to read what changed.
        if count > 0 {
            self.compare_go(0);
        }
        self.set_status(match count {
            0 => format!("No differences from {}", file_name(path)),
            1 => format!("1 change from {}", file_name(path)),
            n => format!("{n} changes from {}", file_name(path)),
        });
    }

    /// Leaves the comparison, if one is shown.
    pub(super) fn leave_compare(&mut self) {
        if self.session.compare.take().is_some() {
            self.set_status("Left the comparison");
        }
    }

    /// The comparison shown, if any: for tests and the status bar.
    pub fn comparing_with(&self) -> Option<&Path> {
        self.session.compare.as_ref().map(|c| c.path.as_path())
    }

    /// The comparison shown, as the canvas marks it.
    pub fn comparison(&self) -> Option<&Comparison> {
        self.session.compare.as_ref().map(|c| &c.comparison)
    }

    /// Whether the comparison shown is of an older revision, waiting for
    /// typing on a big map to pause.
    pub fn comparison_waiting(&self) -> bool {
        self.session
            .compare
            .as_ref()
            .is_some_and(|c| c.is_waiting())
    }

    /// Goes to the place an entry of the list names: selects it, scrolls
    /// it into view and highlights it, as Locate does for findings.
    pub(super) fn compare_go(&mut self, entry: usize) {
        let session = &mut self.session;
        // The entry is one of the list as shown, which may wait for typing
        // to pause: go by that list (its ids are all still on the map).
        let Some(compare) = session.compare.as_mut() else {
            return;
        };
        let Some(target) = compare.comparison.entries.get(entry).map(|e| e.target) else {
            return;
        };
        compare.picked = Some(entry);
        let view = &mut session.view;
        let (selection, highlight) = match target {
            Target::Card(id) => (Selection::card(id), Some(Highlight::Card(id))),
            Target::Stage(id) => (Selection::stage(id), Some(Highlight::Stage(id))),
            Target::Lane(id) => (Selection::lane(id), Some(Highlight::Lane(id))),
            _ => (Selection::default(), None),
        };
        view.selection = selection;
        view.highlight = highlight;
        view.reveal = compare.rect_of(target);
        // A place too small to read is no place to go: zoom in to where
        // cards show their text, around the middle, before revealing.
        if view.reveal.is_some() && view.zoom < READABLE_ZOOM {
            let canvas = view.canvas;
            view.zoom_to(READABLE_ZOOM, canvas.center(), canvas);
        }
    }

    /// File → Save as future state…: writes a copy of the map marked as
    /// the future state next to its file (`NAME.future.ron`) and opens it
    /// (after "Save changes?" if the current map has unsaved changes).
    /// An existing future file is opened, never overwritten.
    pub(super) fn save_future(&mut self) {
        let doc = &self.session.doc;
        if doc.map().state == MapState::Future {
            self.set_status("This map is already a future state");
            return;
        }
        let Some(path) = doc.path().filter(|p| crate::io::extension(p) == "ron") else {
            self.push_dialog(Dialog::error(
                "Save the map as a .ron file first: its future state is saved next to it, as NAME.future.ron.",
            ));
            return;
        };
        let future = future_path(path);
        if future.exists() {
            self.guard(Pending::OpenFile(future.clone()));
            self.set_status(format!(
                "{} already exists: opened it rather than overwriting it",
                file_name(&future)
            ));
            return;
        }
        let mut copy = Document::new(future_copy(doc.map()));
        if let Err(err) = copy.save_as(&future) {
            self.push_dialog(Dialog::error(err.to_string()));
            return;
        }
        self.guard(Pending::OpenFile(future.clone()));
        self.set_status(format!("Saved the future state as {}", future.display()));
    }

    /// The current-state file of an open future-state map, if it exists.
    pub(super) fn current_file(&self) -> Option<PathBuf> {
        let doc = &self.session.doc;
        if doc.map().state != MapState::Future {
            return None;
        }
        current_path(doc.path()?).filter(|p| p.is_file())
    }

    /// File → Compare with current: what the future state changes.
    pub(super) fn compare_with_current(&mut self) {
        match self.current_file() {
            Some(path) => self.compare_with(&path),
            None => self.set_status(
                "Compare with current needs a future-state map (NAME.future.ron) next to its NAME.ron",
            ),
        }
    }
}

impl WaymarkApp {
    /// Esc leaves the comparison when nothing else wants it: no dialog
    /// (the caller checks), no text field, no open find bar, no gesture.
    pub(super) fn compare_keys(&self, ctx: &egui::Context, out: &mut crate::ui::Actions) {
        let session = &self.session;
        let view = &session.view;
        let busy = session.compare.is_none()
            || session.find.open
            || view.editing.is_some()
            || view.drag.is_some()
            || view.header_drag.is_some()
            || view.band.is_some()
            || ctx.egui_wants_keyboard_input();
        if !busy && ctx.input_mut(|i| i.consume_key(egui::Modifiers::NONE, egui::Key::Escape)) {
            out.push(crate::ui::Action::LeaveCompare);
        }
    }
}
