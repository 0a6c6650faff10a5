//! Presentation mode's drawing: the map full screen in the presentation
//! theme, the current stage in the spotlight, a camera that glides from
//! stage to stage, the info overlay, the pointer highlight, blank
//! screens, the presenter window and the quick-note dialog.
//!
//! Its state is view state, kept beside the editor's and never in the
//! document: leaving presentation finds the editor as it was.

mod brief;
pub mod camera;
mod keys;
mod note;
mod overlay;
mod presenter;
mod room;
pub mod screen_layout;
mod timer;

use egui::{Color32, CornerRadius, Rect, Role, Sense, Ui, WidgetInfo};

use crate::layout::Layout;
use crate::model::Map;
use crate::paint::{Decorations, Spotlight, paint_map};
use crate::theme::PresentTheme;

pub use brief::{MAX_FINDINGS, StageBrief, stage_brief};
pub use camera::{Camera, Shot, readable_zoom};
pub use keys::{HELP, PresentKey, read_keys};
pub use note::{NoteChoice, NoteDraft, NoteLane, note_ui};
pub use overlay::Laser;
pub use presenter::{PresenterInfo, PresenterShared, presenter_info, presenter_ui, show_presenter};
pub use room::{RoomOverlay, ballots_ui, room_overlay_ui};
pub use timer::{TimeBox, timer_ui};

/// A blanked screen, as PowerPoint's B and W keys make.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Blank {
    /// All black.
    Black,
    /// All white.
    White,
}

/// Where the presentation is and what it shows.
#[derive(Clone, Debug, PartialEq)]
pub struct PresentState {
    /// The current stage's index.
    pub stage: usize,
    /// The stop within a stage too tall to show whole (0 is its top).
    pub stop: usize,
    /// The whole map is shown (O).
    pub overview: bool,
    /// The info overlay is shown (I).
    pub info: bool,
    /// The screen is blanked (B, W).
    pub blank: Option<Blank>,
    /// The pointer highlight.
    pub laser: Laser,
    /// The camera.
    pub camera: Camera,
    /// The canvas of the last frame: stops depend on its height.
    pub canvas: Rect,
    /// When presenting started (egui's input time, seconds).
    pub started: f64,
    /// The presenter window is open.
    pub presenter: bool,
    /// The workshop time-box (T).
    pub timer: TimeBox,
    /// The room's join panel is hidden (J).
    pub hide_join: bool,
}

impl PresentState {
    /// A presentation starting at a stage, at `time`.
    pub fn new(stage: usize, time: f64) -> Self {
        Self {
            stage,
            stop: 0,
            overview: false,
            info: false,
            blank: None,
            laser: Laser::default(),
            camera: Camera::default(),
            canvas: Rect::NOTHING,
            started: time,
            presenter: false,
            timer: TimeBox::default(),
            hide_join: false,
        }
    }

    /// Acts on a key that only changes the view (or the time-box) at
    /// `time`; returns false for keys the app acts on (notes, undo, saving,
    /// leaving).
    pub fn apply(&mut self, key: PresentKey, layout: &Layout, time: f64) -> bool {
        let last = layout.stages.len().saturating_sub(1);
        let stops = |stage: usize| camera::stage_stops(layout, stage, self.canvas);
        match key {
            PresentKey::Next => {
                if self.overview {
                    self.overview = false;
                } else if self.stop + 1 < stops(self.stage) {
                    self.stop += 1;
                } else if self.stage < last {
                    self.stage += 1;
                    self.stop = 0;
                }
            }
            PresentKey::Previous => {
                if self.overview {
                    self.overview = false;
                } else if self.stop > 0 {
                    self.stop -= 1;
                } else if self.stage > 0 {
                    self.stage -= 1;
                    self.stop = stops(self.stage) - 1;
                }
            }
            PresentKey::First => (self.stage, self.stop, self.overview) = (0, 0, false),
            PresentKey::Last => (self.stage, self.stop, self.overview) = (last, 0, false),
            PresentKey::Info => self.info = !self.info,
            PresentKey::Overview => self.overview = !self.overview,
            PresentKey::Black => self.toggle_blank(Blank::Black),
            PresentKey::White => self.toggle_blank(Blank::White),
            PresentKey::Presenter => self.presenter = !self.presenter,
            PresentKey::Timer => self.timer.toggle(time),
            PresentKey::TimerLonger => self.timer.change(true),
            PresentKey::TimerShorter => self.timer.change(false),
            PresentKey::Join => self.hide_join = !self.hide_join,
            PresentKey::Note
            | PresentKey::Escape
            | PresentKey::Undo
            | PresentKey::Redo
            | PresentKey::Save
            | PresentKey::Vote => return false,
        }
        true
    }

    fn toggle_blank(&mut self, blank: Blank) {
        self.blank = if self.blank == Some(blank) {
            None
        } else {
            Some(blank)
        };
    }

    /// Keeps the current stage on the map after stages were removed.
    pub fn clamp_to(&mut self, layout: &Layout) {
        let last = layout.stages.len().saturating_sub(1);
        if self.stage > last {
            self.stage = last;
            self.stop = 0;
        }
    }

    /// Where the camera should be now.
    pub fn target(&self, layout: &Layout, canvas: Rect) -> Shot {
        if self.overview || layout.stages.is_empty() {
            camera::overview_shot(layout, canvas)
        } else {
            camera::stage_shot(layout, self.stage, self.stop, canvas)
        }
    }

    /// What the canvas says it shows, for screen readers and tests.
    pub fn describe(&self, map: &Map) -> String {
        if let Some(blank) = self.blank {
            return format!(
                "Presentation, {} screen",
                match blank {
                    Blank::Black => "black",
                    Blank::White => "white",
                }
            );
        }
        if self.overview {
            return "Presentation, the whole map".to_owned();
        }
        match map.stages.get(self.stage) {
            Some(stage) => format!(
                "Presenting stage {} of {}: {}",
                self.stage + 1,
                map.stages.len(),
                stage.name
            ),
            None => "Presentation of an empty map".to_owned(),
        }
    }
}

/// Everything the presentation canvas reads.
pub struct PresentInput<'a> {
    /// The map.
    pub map: &'a Map,
    /// Its layout.
    pub layout: &'a Layout,
    /// The colours.
    pub theme: &'a PresentTheme,
    /// The current stage's brief, for the info overlay.
    pub brief: Option<&'a StageBrief>,
    /// A failure to show the presenter (a save that did not happen).
    pub error: Option<&'a str>,
    /// Dot votes on the cards: hidden while a vote is open.
    pub votes: crate::paint::VoteMarks<'a>,
    /// The workshop room's panels.
    pub room: RoomOverlay<'a>,
}

/// Draws the presentation in the rest of `ui`: the map through the
/// camera, then the info overlay, the pointer highlight or a blank
/// screen. Asks for frames only while the camera glides or the pointer
/// highlight fades. Returns a dot cast by a click on a card during a vote
/// (true) or taken back by a right-click (false).
pub fn present_ui(
    ui: &mut Ui,
    input: &PresentInput<'_>,
    state: &mut PresentState,
) -> Option<(crate::model::CardId, bool)> {
    let PresentInput {
        map,
        layout,
        theme,
        brief,
        error,
        votes,
        room,
    } = *input;
    let (rect, response) = ui.allocate_exact_size(ui.available_size(), Sense::hover());
    let label = state.describe(map);
    response.widget_info(|| WidgetInfo::labeled(Role::Image, true, &label));
    // The stage is framed above the room's banner, so the banner covers
    // no card; the map is still drawn under it, to the screen's edge.
    let band = room.banner_band(rect);
    let framed = Rect::from_min_max(rect.min, egui::pos2(rect.right(), rect.bottom() - band));
    state.canvas = framed;
    state.clamp_to(layout);
    let time = ui.input(|i| i.time);
    let painter = ui.painter_at(rect);
    if let Some(blank) = state.blank {
        let color = match blank {
            Blank::Black => Color32::BLACK,
            Blank::White => Color32::WHITE,
        };
        painter.rect_filled(rect, CornerRadius::ZERO, color);
        return None;
    }
    let target = state.target(layout, framed);
    let (shot, moving) = state.camera.follow(target, framed, time);
    if moving {
        ui.ctx().request_repaint();
    }
    let view = shot.view(framed);
    painter.rect_filled(rect, CornerRadius::ZERO, theme.map.background);
    let deco = Decorations {
        selected_link: None,
        spotlight: (!layout.stages.is_empty()).then_some(Spotlight {
            stage: state.stage,
            veil: theme.veil,
        }),
        votes,
        ..Decorations::default()
    };
    let shapes =
        ui.fonts_mut(|fonts| paint_map(fonts, map, layout, &theme.map, &view, rect, &deco));
    painter.extend(shapes);
    if !state.overview {
        overlay::pinned_lanes(ui, rect, &view, map, layout, &theme.map, state.stage);
        overlay::pinned_header(ui, rect, &view, map, layout, &theme.map, state.stage);
    }
    if state.info
        && let Some(brief) = brief
    {
        overlay::info_ui(ui, rect, brief, theme);
    }
    if let Some(error) = error {
        overlay::error_ui(ui, rect, error, theme);
    }
    let cast = ballots_ui(ui, rect, &view, map, layout, votes);
    room_overlay_ui(ui, rect, &room, theme);
    timer_ui(ui, rect, &state.timer, theme.panel_text, theme.panel);
    state.laser.ui(ui, rect, theme.laser, time);
    cast
}
