//! The presenter window: a second native window for the facilitator's
//! laptop, with the current and next stage, the current stage's findings
//! and notes, and the time since presenting began. It is an egui deferred
//! viewport, so its clock ticks without repainting the projected map; it
//! shares a snapshot of the presentation with the main window, and sends
//! its keys back there.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use egui::{RichText, Ui, ViewportBuilder, ViewportClass, ViewportId};

use crate::analysis::Analysis;
use crate::layout::Layout;
use crate::model::Map;

use super::PresentState;
use super::brief::{StageBrief, stage_brief};
use super::keys::{HELP, PresentKey, read_keys};
use super::note::{NoteChoice, NoteDraft, note_ui};

/// What the presenter window shows.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PresenterInfo {
    /// The map's title.
    pub title: String,
    /// The current stage.
    pub current: Option<StageBrief>,
    /// The next stage's name, if there is one.
    pub next: Option<String>,
    /// The whole map is shown rather than a stage.
    pub overview: bool,
    /// The projected screen is blanked.
    pub blank: bool,
    /// When presenting started (egui's input time, seconds).
    pub started: f64,
    /// What the last action did (the editor's status line), and whether
    /// it failed.
    pub status: Option<(String, bool)>,
    /// The workshop time-box, as the room sees it.
    pub timer: super::TimeBox,
    /// The current stage, for a note taken in this window.
    pub stage: Option<(crate::model::StageId, String)>,
}

/// The presenter window's view of the presentation now.
pub fn presenter_info(
    map: &Map,
    layout: &Layout,
    analysis: &Analysis,
    state: &PresentState,
) -> PresenterInfo {
    PresenterInfo {
        title: map.title.clone(),
        current: stage_brief(map, layout, analysis, state.stage),
        next: map.stages.get(state.stage + 1).map(|s| s.name.clone()),
        overview: state.overview,
        blank: state.blank.is_some(),
        started: state.started,
        status: None,
        timer: state.timer,
        stage: map.stages.get(state.stage).map(|s| (s.id, s.name.clone())),
    }
}

/// Elapsed time as minutes and seconds: "12:05".
pub fn elapsed_text(seconds: f64) -> String {
    let s = seconds.max(0.0) as u64;
    format!("{}:{:02}", s / 60, s % 60)
}

/// Draws the presenter window's content.
pub fn presenter_ui(ui: &mut Ui, info: &PresenterInfo, now: f64) {
    // Read at arm's length on a laptop, beside a projector.
    for (style, size) in [
        (egui::TextStyle::Body, 17.0),
        (egui::TextStyle::Button, 17.0),
        (egui::TextStyle::Small, 14.0),
        (egui::TextStyle::Heading, 24.0),
    ] {
        ui.style_mut()
            .text_styles
            .insert(style, egui::FontId::proportional(size));
    }
    ui.horizontal(|ui| {
        ui.heading(&info.title);
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            ui.label(
                RichText::new(elapsed_text(now - info.started))
                    .size(32.0)
                    .strong(),
            )
            .on_hover_text("Time since presenting began");
        });
    });
    if let Some(left) = info.timer.text(now) {
        let over = info.timer.left(now) == Some(0);
        let text = RichText::new(format!("Time-box {left}"))
            .size(32.0)
            .strong();
        let text = if over {
            text.color(egui::Color32::from_rgb(255, 196, 0))
        } else {
            text
        };
        ui.label(text)
            .on_hover_text("T starts or stops it; + and − change it");
    }
    if let Some((text, error)) = &info.status {
        if *error {
            ui.colored_label(ui.visuals().error_fg_color, text);
        } else {
            ui.label(text);
        }
    }
    if info.blank {
        ui.label("The screen is blanked (B or W to return).");
    } else if info.overview {
        ui.label("The room sees the whole map (O to return).");
    }
    ui.separator();
    let Some(current) = &info.current else {
        ui.label("The map has no stages yet.");
        return;
    };
    ui.label(&current.position);
    ui.label(RichText::new(&current.name).size(32.0).strong());
    if !current.goal.is_empty() {
        ui.label(format!("Goal: {}", current.goal));
    }
    if !current.emotion.is_empty() {
        ui.label(format!("Emotion: {}", current.emotion));
    }
    ui.label(match &info.next {
        Some(next) => format!("Next: {next}"),
        None => "Next: the end of the journey".to_owned(),
    });
    ui.separator();
    egui::ScrollArea::vertical().show(ui, |ui| {
        ui.strong(match current.finding_count {
            0 => "No findings".to_owned(),
            1 => "1 finding".to_owned(),
            n => format!("{n} findings"),
        });
        for finding in &current.findings {
            ui.label(format!("• {finding}"));
        }
        if current.finding_count > current.findings.len() {
            ui.weak(format!(
                "and {} more",
                current.finding_count - current.findings.len()
            ));
        }
        ui.add_space(8.0);
        ui.strong(match current.notes.len() {
            0 => "No notes".to_owned(),
            1 => "1 note".to_owned(),
            n => format!("{n} notes"),
        });
        for (lane, title) in &current.notes {
            ui.label(format!("{lane}: {title}"));
        }
    });
    ui.separator();
    ui.weak(HELP);
}

/// What the two windows share: the snapshot the presenter window draws,
/// and the keys it took, for the main window to act on.
#[derive(Debug, Default)]
pub struct PresenterShared {
    /// What to show.
    pub info: PresenterInfo,
    /// Keys pressed in the presenter window, oldest first.
    pub keys: Vec<PresentKey>,
    /// The user closed the presenter window.
    pub closed: bool,
    /// A note being typed in this window (N there): it owns this window's
    /// keys, and the projected map never shows it.
    pub note: Option<NoteDraft>,
    /// The note was just opened: its field takes the focus.
    pub note_fresh: bool,
    /// Notes added in this window, for the main window to make cards of.
    pub notes_done: Vec<NoteDraft>,
}

impl PresenterShared {
    /// Opens a note on the current stage in the presenter window.
    pub fn open_note(&mut self) {
        if self.note.is_none()
            && let Some((id, name)) = &self.info.stage
        {
            self.note = Some(NoteDraft::new(*id, name));
            self.note_fresh = true;
        }
    }
}

/// The note typed in the presenter window, over its other content: Enter
/// adds it, Esc forgets it (as the note dialog's on the projector).
fn presenter_note_ui(ui: &mut Ui, draft: &mut NoteDraft, fresh: bool) -> Option<NoteChoice> {
    let (enter, escape) = ui.input_mut(|i| {
        (
            i.consume_key(egui::Modifiers::NONE, egui::Key::Enter),
            i.consume_key(egui::Modifiers::NONE, egui::Key::Escape),
        )
    });
    let mut choice = None;
    egui::Frame::group(ui.style()).show(ui, |ui| {
        choice = note_ui(ui, draft, fresh);
    });
    ui.separator();
    if escape {
        Some(NoteChoice::Cancel)
    } else if enter {
        Some(NoteChoice::Add)
    } else {
        choice
    }
}

/// The presenter window's viewport id.
pub fn presenter_viewport() -> ViewportId {
    ViewportId::from_hash_of("waymark-presenter")
}

/// Shows the presenter window (call every frame while it is open).
pub fn show_presenter(ctx: &egui::Context, shared: Arc<Mutex<PresenterShared>>) {
    let builder = ViewportBuilder::default()
        .with_title("Waymark — Presenter")
        .with_inner_size([760.0, 560.0]);
    ctx.show_viewport_deferred(presenter_viewport(), builder, move |ui, class| {
        let now = ui.input(|i| i.time);
        let (mut note, fresh) = match shared.lock() {
            Ok(mut shared) => (shared.note.clone(), std::mem::take(&mut shared.note_fresh)),
            Err(_) => return,
        };
        let keys = if class == ViewportClass::EmbeddedWindow || note.is_some() {
            // Embedded in the main window, the keys are the main window's;
            // a note being typed owns them.
            Vec::new()
        } else {
            read_keys(ui.ctx())
        };
        let close = ui.input(|i| i.viewport().close_requested());
        let info = {
            let Ok(mut shared) = shared.lock() else {
                return;
            };
            for key in &keys {
                if *key == PresentKey::Note {
                    // Typed here, the note is typed here too.
                    shared.open_note();
                } else {
                    shared.keys.push(*key);
                }
            }
            shared.closed |= close;
            shared.info.clone()
        };
        if !keys.is_empty() || close {
            ui.ctx().request_repaint_of(ViewportId::ROOT);
        }
        // The presentation's colours, as on the projector: this window
        // shares the editor's context, so they are set on its panel only.
        let theme = crate::theme::PresentTheme::new();
        egui::CentralPanel::default()
            .frame(egui::Frame::new().fill(theme.panel).inner_margin(16))
            .show(ui, |ui| {
                let visuals = ui.visuals_mut();
                // Dark widgets under the dark panel: a note's field and
                // buttons read light on dark like the rest.
                *visuals = egui::Visuals::dark();
                visuals.extreme_bg_color = egui::Color32::from_gray(8);
                visuals.override_text_color = Some(theme.panel_text);
                visuals.weak_text_color = Some(theme.panel_muted);
                visuals.widgets.noninteractive.bg_stroke.color = theme.panel_muted;
                // Strong text (the stage's name) takes the active widgets'.
                visuals.widgets.active.fg_stroke.color = theme.panel_text;
                if let Some(draft) = &mut note {
                    let choice = presenter_note_ui(ui, draft, fresh);
                    if let Ok(mut shared) = shared.lock() {
                        match choice {
                            Some(NoteChoice::Add) => {
                                shared.notes_done.push(draft.clone());
                                shared.note = None;
                            }
                            Some(NoteChoice::Cancel) => shared.note = None,
                            // The text typed so far lives in the shared draft.
                            None => shared.note = Some(draft.clone()),
                        }
                    }
                    if choice.is_some() {
                        ui.ctx().request_repaint_of(ViewportId::ROOT);
                        ui.ctx().request_repaint();
                    }
                }
                presenter_ui(ui, &info, now);
            });
        // The clock: one frame a second, in this window only.
        ui.ctx().request_repaint_after(Duration::from_secs(1));
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::interchange::sample::sample_map;
    use crate::layout::{Style, layout};

    #[test]
    fn elapsed_time_reads_as_minutes_and_seconds() {
        assert_eq!(elapsed_text(0.0), "0:00");
        assert_eq!(elapsed_text(65.4), "1:05");
        assert_eq!(elapsed_text(3600.0), "60:00");
        assert_eq!(elapsed_text(-3.0), "0:00");
    }

    #[test]
    fn the_presenter_sees_the_current_and_next_stage() {
        let map = sample_map();
        let layout = layout(&map, &Style::default());
        let analysis = crate::analysis::analyze(&map);
        let mut state = PresentState::new(1, 10.0);
        let info = presenter_info(&map, &layout, &analysis, &state);
        assert_eq!(info.current.as_ref().unwrap().name, map.stages[1].name);
        assert_eq!(info.next.as_deref(), Some(map.stages[2].name.as_str()));
        assert_eq!(info.started, 10.0);
        state.stage = map.stages.len() - 1;
        let info = presenter_info(&map, &layout, &analysis, &state);
        assert_eq!(info.next, None);
    }
}
