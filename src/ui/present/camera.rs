//! Where the presentation camera looks, and how it glides there.
//!
//! A stage is framed whole when its titles are then readable from the
//! back of the room: card titles at least [`TITLE_SHARE`] of the screen
//! height. A stage too tall for that is shown in stops, top to bottom,
//! each a step of the clicker, so the text never shrinks below it.

use egui::{Pos2, Rect, vec2};

use crate::layout::Layout;
use crate::paint::{View, sizes};

/// Card titles are at least this share of the screen's height.
pub const TITLE_SHARE: f32 = 1.0 / 40.0;

/// Slack over [`TITLE_SHARE`]: on screen, text is laid out at a size of a
/// ladder within 3 % of the zoomed size (see [`crate::paint::ladder_size`]).
const LADDER_SLACK: f32 = 1.04;

/// How long a glide from one shot to the next takes, in seconds.
pub const GLIDE_SECONDS: f64 = 0.6;

/// Space kept beside a framed stage, in map units.
pub(super) const FRAME_MARGIN: f32 = 16.0;

/// Space kept above and below a framed stage, in map units: little, as
/// the screen's height is what decides whether a stage fits.
const FRAME_MARGIN_Y: f32 = 4.0;

/// The consecutive stops of a tall stage overlap by this share of the
/// screen, so the eye keeps its place.
const STOP_OVERLAP: f32 = 0.2;

/// What the camera shows: a map point at the canvas centre, and a zoom.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Shot {
    /// The map point in the middle of the canvas.
    pub center: Pos2,
    /// Screen points per map unit.
    pub zoom: f32,
}

impl Shot {
    /// The map-to-screen transform of this shot on a canvas.
    pub fn view(&self, canvas: Rect) -> View {
        View {
            origin: canvas.center() - self.center.to_vec2() * self.zoom,
            zoom: self.zoom,
        }
    }
}

/// The zoom at which card titles are [`TITLE_SHARE`] of a screen this
/// tall (in points), with slack for the text size ladder.
pub fn readable_zoom(screen_height: f32) -> f32 {
    screen_height * TITLE_SHARE / sizes::CARD_TITLE * LADDER_SLACK
}

/// Room left of a framed stage for the lane names pinned there, in map
/// units: "Opportunities" whole, in bold, on one row.
pub const LANE_ROOM: f32 = 150.0;

/// The map rectangle a stage is framed by: its column, with a margin.
pub(super) fn stage_frame(layout: &Layout, stage: usize) -> Option<Rect> {
    let sb = layout.stages.get(stage)?;
    let mut frame = sb
        .column
        .expand2(vec2(layout.style.stage_gap + FRAME_MARGIN, FRAME_MARGIN_Y));
    frame.min.x -= LANE_ROOM;
    Some(frame)
}

/// The zoom a stage is shown at: the whole stage if that is readable,
/// else readable.
fn stage_zoom(frame: Rect, canvas: Rect) -> f32 {
    let fit = (canvas.width() / frame.width()).min(canvas.height() / frame.height());
    let readable = readable_zoom(canvas.height());
    // A small map is not blown up past three times readable.
    fit.min(readable * 3.0).max(readable)
}

/// The map y of the top of each stop of a stage: one stop if the stage
/// fits. A later stop starts at the first lane the one before it cut off,
/// with room above for the stage name pinned to the top of the screen, so
/// cards are not cut in half; a lane taller than the screen is shown in
/// overlapping slides.
fn stop_tops(layout: &Layout, stage: usize, canvas: Rect) -> Vec<f32> {
    let Some(frame) = stage_frame(layout, stage) else {
        return vec![0.0];
    };
    if canvas.height() <= 1.0 {
        return vec![frame.top()];
    }
    let visible = canvas.height() / stage_zoom(frame, canvas);
    let mut tops = vec![frame.top()];
    let last_top = frame.bottom() - visible;
    let mut top = frame.top();
    // The frame's bottom margin alone is no reason for another stop.
    while top + visible < frame.bottom() - FRAME_MARGIN_Y - 0.5 {
        let cut = layout
            .lanes
            .iter()
            .find(|l| l.row.bottom() > top + visible)
            .map_or(last_top, |l| l.row.top() - PINNED_ROOM);
        top = if cut > top + 1.0 {
            cut
        } else {
            (top + visible * (1.0 - STOP_OVERLAP)).min(last_top)
        };
        tops.push(top);
    }
    // A stop that shows no card whole that an earlier stop did not (the
    // empty lanes under a one-card stage) is a press for nothing: skip it.
    let cards: Vec<Rect> = layout
        .cards
        .iter()
        .filter(|c| c.stage == stage)
        .map(|c| c.rect)
        .collect();
    let mut shown = vec![false; cards.len()];
    let mut kept = Vec::with_capacity(tops.len());
    for (i, top) in tops.into_iter().enumerate() {
        let room = if i == 0 { 0.0 } else { PINNED_ROOM };
        let mut new = false;
        for (seen, card) in shown.iter_mut().zip(&cards) {
            if !*seen && card.top() >= top + room - 0.5 && card.bottom() <= top + visible + 0.5 {
                *seen = true;
                new = true;
            }
        }
        if i == 0 || new {
            kept.push(top);
        }
    }
    kept
}

/// Room above a lower stop's first lane for the pinned stage name, in map
/// units (see `overlay::pinned_header`: two stage-name heights).
const PINNED_ROOM: f32 = 2.0 * sizes::STAGE_NAME + 8.0;

/// How many stops the stage takes on this canvas: 1 if it fits.
pub fn stage_stops(layout: &Layout, stage: usize, canvas: Rect) -> usize {
    stop_tops(layout, stage, canvas).len()
}

/// The shot of one stop of a stage: its column centred across; down the
/// screen the whole column, or the stop's part of it.
pub fn stage_shot(layout: &Layout, stage: usize, stop: usize, canvas: Rect) -> Shot {
    let Some(frame) = stage_frame(layout, stage) else {
        return overview_shot(layout, canvas);
    };
    let zoom = stage_zoom(frame, canvas);
    let visible = canvas.height() / zoom;
    let tops = stop_tops(layout, stage, canvas);
    let y = if tops.len() <= 1 {
        frame.center().y
    } else {
        tops[stop.min(tops.len() - 1)] + visible / 2.0
    };
    Shot {
        center: Pos2::new(frame.center().x, y),
        zoom,
    }
}

/// The whole map fitted to the canvas.
pub fn overview_shot(layout: &Layout, canvas: Rect) -> Shot {
    let b = layout.bounds;
    let zoom = if b.width() > 0.0 && b.height() > 0.0 {
        (canvas.width() / b.width()).min(canvas.height() / b.height())
    } else {
        1.0
    };
    Shot {
        center: b.center(),
        zoom: zoom.max(0.01),
    }
}

/// A camera that glides to its target and then stops: while it moves it
/// asks for frames, and once it arrives it asks for none.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Camera {
    /// What it shows now, once it has shown anything.
    now: Option<Shot>,
    /// Where the glide started.
    from: Option<Shot>,
    /// Where it is going.
    to: Option<Shot>,
    /// When the glide started (egui's input time, seconds).
    start: f64,
    /// The canvas it was framed for: a new one (a resize, full screen)
    /// cuts to the new shot rather than gliding.
    canvas: Option<Rect>,
}

impl Camera {
    /// Moves toward `target` at `time`: returns the shot to draw and
    /// whether the camera is still moving.
    pub fn follow(&mut self, target: Shot, canvas: Rect, time: f64) -> (Shot, bool) {
        let cut = self.now.is_none() || self.canvas != Some(canvas);
        self.canvas = Some(canvas);
        if cut {
            self.now = Some(target);
            self.from = Some(target);
            self.to = Some(target);
            return (target, false);
        }
        if self.to != Some(target) {
            self.from = self.now;
            self.to = Some(target);
            self.start = time;
        }
        let (Some(from), Some(to)) = (self.from, self.to) else {
            return (target, false);
        };
        let t = ((time - self.start) / GLIDE_SECONDS).clamp(0.0, 1.0) as f32;
        if t >= 1.0 || from == to {
            self.now = Some(to);
            self.from = Some(to);
            return (to, false);
        }
        // Smoothstep: starts and stops gently.
        let e = t * t * (3.0 - 2.0 * t);
        let shot = Shot {
            center: from.center + (to.center - from.center) * e,
            // Zoom glides geometrically, so zooming in and out feel alike.
            zoom: from.zoom * (to.zoom / from.zoom).powf(e),
        };
        self.now = Some(shot);
        (shot, true)
    }

    /// Whether the camera is on its way somewhere.
    pub fn is_moving(&self) -> bool {
        self.from != self.to
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::interchange::sample::sample_map;
    use crate::layout::{Style, layout};
    use crate::ui::present::screen_layout::present_layout;

    fn screen(w: f32, h: f32) -> Rect {
        Rect::from_min_size(Pos2::ZERO, vec2(w, h))
    }

    #[test]
    fn every_stop_of_every_stage_keeps_titles_readable_and_the_column_in_view() {
        let map = sample_map();
        let layout = layout(&map, &Style::default());
        for (w, h) in [(1280.0, 720.0), (1920.0, 1080.0), (3840.0, 2160.0)] {
            let canvas = screen(w, h);
            for stage in 0..layout.stages.len() {
                let stops = stage_stops(&layout, stage, canvas);
                let column = layout.stages[stage].column;
                let mut covered_top = f32::INFINITY;
                let mut covered_bottom = f32::NEG_INFINITY;
                for stop in 0..stops {
                    let shot = stage_shot(&layout, stage, stop, canvas);
                    assert!(shot.zoom * sizes::CARD_TITLE >= h / 40.0);
                    let seen = shot.view(canvas);
                    let col = seen.rect(column);
                    assert!(col.left() >= 0.0 && col.right() <= w, "{w}: {col:?}");
                    let visible =
                        Rect::from_min_max(seen.to_map(canvas.min), seen.to_map(canvas.max));
                    covered_top = covered_top.min(visible.top());
                    covered_bottom = covered_bottom.max(visible.bottom());
                }
                // Together the stops show the column's top and every card.
                assert!(covered_top <= column.top());
                for c in layout.cards.iter().filter(|c| c.stage == stage) {
                    assert!(
                        c.rect.bottom() <= covered_bottom,
                        "{w}: a card is never shown"
                    );
                }
            }
        }
    }

    #[test]
    fn a_lower_stop_starts_at_a_lane_so_no_card_is_cut_under_the_pinned_name() {
        let map = sample_map();
        let layout = layout(&map, &Style::default());
        let canvas = screen(1920.0, 1080.0);
        let tops = stop_tops(&layout, 0, canvas);
        assert!(
            tops.len() > 1,
            "the sample's stages are taller than readable"
        );
        for top in &tops[1..] {
            // The pinned name covers the top of the screen: a card may hide
            // under it, but none may show half of itself below it.
            let edge = top + 2.0 * sizes::STAGE_NAME;
            let cut: Vec<&str> = layout
                .cards
                .iter()
                .filter(|c| c.stage == 0 && c.rect.top() < edge && c.rect.bottom() > edge)
                .map(|c| map.cards[c.index].title.as_str())
                .collect();
            assert!(cut.is_empty(), "cut at {top}: {cut:?}");
        }
    }

    #[test]
    fn a_one_card_stage_takes_one_press_and_no_stop_is_blank() {
        let mut map = sample_map();
        let stage = map.stages[0].id;
        let first = map.cards.iter().position(|c| c.stage == stage).unwrap();
        let keep = map.cards[first].id;
        map.cards.retain(|c| c.stage != stage || c.id == keep);
        let layout = layout(&map, &Style::default());
        assert_eq!(stage_stops(&layout, 0, screen(1920.0, 1080.0)), 1);
        for (w, h) in [(1280.0, 720.0), (1920.0, 1080.0)] {
            let canvas = screen(w, h);
            for s in 0..layout.stages.len() {
                let tops = stop_tops(&layout, s, canvas);
                let zoom = stage_zoom(stage_frame(&layout, s).unwrap(), canvas);
                let visible = canvas.height() / zoom;
                let whole = |top: f32, room: f32, c: &Rect| {
                    c.top() >= top + room - 0.5 && c.bottom() <= top + visible + 0.5
                };
                let cards: Vec<Rect> = layout
                    .cards
                    .iter()
                    .filter(|c| c.stage == s)
                    .map(|c| c.rect)
                    .collect();
                for (i, top) in tops.iter().enumerate().skip(1) {
                    let new = cards.iter().any(|c| {
                        whole(*top, PINNED_ROOM, c)
                            && !tops[..i]
                                .iter()
                                .enumerate()
                                .any(|(j, t)| whole(*t, if j == 0 { 0.0 } else { PINNED_ROOM }, c))
                    });
                    assert!(
                        new,
                        "{w}×{h}, stage {s}: the stop at {top} shows no new card"
                    );
                }
            }
        }
    }

    #[test]
    fn a_short_stage_is_one_stop_framed_whole() {
        let mut map = sample_map();
        map.cards.clear();
        map.lanes.truncate(1);
        let layout = layout(&map, &Style::default());
        let canvas = screen(1920.0, 1080.0);
        assert_eq!(stage_stops(&layout, 0, canvas), 1);
        let shot = stage_shot(&layout, 0, 0, canvas);
        let col = shot.view(canvas).rect(layout.stages[0].column);
        assert!(canvas.contains_rect(col), "{col:?}");
    }

    #[test]
    fn every_card_of_a_tall_stage_is_shown_whole_at_720p_the_last_too() {
        // Twelve touchpoints more in the first stage: too tall for a screen.
        let mut map = sample_map();
        let (stage, lane) = (map.stages[0].id, map.lanes[0].id);
        for i in 0..12 {
            let id = map.new_card_id();
            let card = crate::model::Card::new(id, stage, lane, &format!("Extra {i}"));
            map.cards.push(std::sync::Arc::new(card));
        }
        for (w, h) in [(1280.0, 720.0), (1920.0, 1080.0)] {
            let canvas = screen(w, h);
            let layout = present_layout(&map, canvas);
            let stops = stage_stops(&layout, 0, canvas);
            assert!(stops > 1, "{w}×{h}: the stage is tall");
            for c in layout.cards.iter().filter(|c| c.stage == 0) {
                let whole = (0..stops).any(|stop| {
                    let view = stage_shot(&layout, 0, stop, canvas).view(canvas);
                    let r = view.rect(c.rect);
                    // Below the stage name pinned over a lower stop.
                    let top = if stop == 0 {
                        0.0
                    } else {
                        view.zoom * PINNED_ROOM
                    };
                    r.top() >= top - 0.5 && r.bottom() <= h + 0.5
                });
                assert!(whole, "{w}×{h}: {:?} is never shown whole", c.rect);
            }
        }
    }

    #[test]
    fn the_camera_glides_then_stops_asking_for_frames() {
        let canvas = screen(1280.0, 720.0);
        let a = Shot {
            center: Pos2::new(100.0, 100.0),
            zoom: 1.0,
        };
        let b = Shot {
            center: Pos2::new(900.0, 300.0),
            zoom: 2.0,
        };
        let mut camera = Camera::default();
        assert_eq!(camera.follow(a, canvas, 0.0), (a, false));
        let (mid, moving) = camera.follow(b, canvas, 1.0);
        assert!(moving && mid == a, "starts where it was");
        let (mid, moving) = camera.follow(b, canvas, 1.0 + GLIDE_SECONDS / 2.0);
        assert!(moving);
        assert!(mid.center.x > a.center.x && mid.center.x < b.center.x);
        assert!(mid.zoom > 1.0 && mid.zoom < 2.0);
        assert_eq!(camera.follow(b, canvas, 1.0 + GLIDE_SECONDS), (b, false));
        assert!(!camera.is_moving());
        assert_eq!(camera.follow(b, canvas, 5.0), (b, false));
        // A new canvas cuts rather than glides.
        let other = screen(1920.0, 1080.0);
        assert_eq!(camera.follow(a, other, 6.0), (a, false));
    }
}
