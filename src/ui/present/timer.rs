//! The workshop time-box: T starts it (5 minutes unless changed) or stops
//! it, + and − change it by a minute, and the projector and the presenter
//! window show what is left. At the end it turns amber and says so, without
//! a sound or a flash. While it runs it asks for a frame once a second.

use std::time::Duration;

use egui::{Color32, FontId, Rect, Stroke, StrokeKind, Ui, pos2, vec2};

/// The length of a new time-box.
pub const DEFAULT_MINUTES: u32 = 5;
/// The longest time-box.
pub const MAX_MINUTES: u32 = 120;

/// A time-box, running or not.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TimeBox {
    /// Its length.
    pub minutes: u32,
    /// When it started (egui's input time, seconds), while it runs.
    pub started: Option<f64>,
}

impl Default for TimeBox {
    fn default() -> Self {
        Self {
            minutes: DEFAULT_MINUTES,
            started: None,
        }
    }
}

impl TimeBox {
    /// Starts it at `now`, or stops it if it runs.
    pub fn toggle(&mut self, now: f64) {
        self.started = match self.started {
            Some(_) => None,
            None => Some(now),
        };
    }

    /// A minute more (`more`) or less; never under one or over the most.
    pub fn change(&mut self, more: bool) {
        self.minutes = if more {
            (self.minutes + 1).min(MAX_MINUTES)
        } else {
            self.minutes.saturating_sub(1).max(1)
        };
    }

    /// The whole seconds left at `now`, while it runs (0 once it is over).
    pub fn left(&self, now: f64) -> Option<u64> {
        let started = self.started?;
        let total = f64::from(self.minutes) * 60.0;
        Some((total - (now - started)).max(0.0).ceil() as u64)
    }

    /// What it shows: "4:59", or "Time" once over.
    pub fn text(&self, now: f64) -> Option<String> {
        self.left(now).map(|left| match left {
            0 => "Time".to_owned(),
            s => format!("{}:{:02}", s / 60, s % 60),
        })
    }

    /// How long until what it shows changes: the next whole second, while
    /// it runs and is not over.
    pub fn next_change(&self, now: f64) -> Option<Duration> {
        let started = self.started?;
        let total = f64::from(self.minutes) * 60.0;
        let left = total - (now - started);
        if left <= 0.0 {
            return None;
        }
        let to_next = left - left.floor();
        let wait = if to_next < 1e-3 { 1.0 } else { to_next };
        Some(Duration::from_secs_f64(wait))
    }
}

/// Draws the time-box in the top-right corner of the projected screen, as
/// large as a stage name, and asks for the frame of its next second.
pub fn timer_ui(ui: &Ui, rect: Rect, timer: &TimeBox, text_color: Color32, panel: Color32) {
    let now = ui.input(|i| i.time);
    let Some(text) = timer.text(now) else {
        return;
    };
    let over = timer.left(now) == Some(0);
    let size = (rect.height() / 18.0).clamp(20.0, 96.0);
    let font = FontId::monospace(size);
    let galley = ui.fonts_mut(|f| f.layout_no_wrap(text, font, text_color));
    let pad = size * 0.35;
    let chip = Rect::from_min_size(
        pos2(rect.right() - galley.size().x - 3.0 * pad, rect.top() + pad),
        galley.size() + vec2(2.0 * pad, pad),
    );
    let (fill, stroke) = if over {
        (
            Color32::from_rgb(255, 196, 0),
            Color32::from_rgb(120, 80, 0),
        )
    } else {
        (panel, text_color.gamma_multiply(0.3))
    };
    let painter = ui.painter_at(rect);
    painter.rect(
        chip,
        pad,
        fill,
        Stroke::new(2.0, stroke),
        StrokeKind::Inside,
    );
    let color = if over { Color32::BLACK } else { text_color };
    painter.galley_with_override_text_color(chip.center() - galley.size() / 2.0, galley, color);
    if let Some(wait) = timer.next_change(now) {
        ui.ctx().request_repaint_after(wait);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_time_box_counts_down_by_the_second_and_says_when_it_is_over() {
        let mut t = TimeBox::default();
        assert_eq!(t.text(0.0), None, "not running");
        t.toggle(10.0);
        assert_eq!(t.text(10.0).as_deref(), Some("5:00"));
        assert_eq!(t.text(10.5).as_deref(), Some("5:00"));
        assert_eq!(t.text(11.0).as_deref(), Some("4:59"));
        assert_eq!(t.text(10.0 + 299.5).as_deref(), Some("0:01"));
        assert_eq!(t.text(10.0 + 300.0).as_deref(), Some("Time"));
        assert_eq!(t.next_change(10.0 + 301.0), None, "no frames once over");
        t.toggle(400.0);
        assert_eq!(t.text(400.0), None, "T again stops it");
    }

    #[test]
    fn it_asks_for_a_frame_once_a_second_at_most() {
        let mut t = TimeBox::default();
        t.toggle(0.0);
        for now in [0.0, 0.25, 0.999, 1.0, 42.3] {
            let wait = t.next_change(now).unwrap().as_secs_f64();
            assert!(wait > 0.0 && wait <= 1.0, "{now}: {wait}");
        }
        let wait = t.next_change(0.25).unwrap().as_secs_f64();
        assert!(
            (wait - 0.75).abs() < 1e-9,
            "the next whole second, not sooner"
        );
    }

    #[test]
    fn plus_and_minus_change_it_by_a_minute_within_bounds() {
        let mut t = TimeBox::default();
        t.change(true);
        assert_eq!(t.minutes, 6);
        for _ in 0..10 {
            t.change(false);
        }
        assert_eq!(t.minutes, 1);
        for _ in 0..500 {
            t.change(true);
        }
        assert_eq!(t.minutes, MAX_MINUTES);
    }
}
