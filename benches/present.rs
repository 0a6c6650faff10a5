//! Presentation mode at 1920×1080: the cost of one frame (UI pass and
//! tessellation) while the camera glides and once it rests, how many
//! frames a glide takes at 60 Hz, and how many frames are asked for after
//! it arrives (the target is none).
//!
//! Run with `cargo bench --bench present`. Prints medians; not a test.

// Benches and examples may unwrap: a panic is how they fail.
#![allow(clippy::unwrap_used)]

#[path = "harness/mod.rs"]
mod harness;

use std::time::{Duration, Instant};

use waymark::app::WaymarkApp;
use waymark::app::dialogs::ScriptedDialogs;
use waymark::edit::Document;
use waymark::interchange::sample::sample_map;
use waymark::model::Map;
use waymark::model::generated::large_map;
use waymark::ui::{Action, UiCommand};

fn median(samples: Vec<Duration>) -> f64 {
    harness::median_ms(samples)
}

fn input(time: f64, events: Vec<egui::Event>) -> egui::RawInput {
    egui::RawInput {
        time: Some(time),
        predicted_dt: 1.0 / 60.0,
        ..harness::input(1920.0, 1080.0, events)
    }
}

fn key(key: egui::Key) -> Vec<egui::Event> {
    [true, false]
        .into_iter()
        .map(|pressed| egui::Event::Key {
            key,
            physical_key: None,
            pressed,
            repeat: false,
            modifiers: egui::Modifiers::NONE,
        })
        .collect()
}

struct Run {
    ctx: egui::Context,
    app: WaymarkApp,
    time: f64,
}

impl Run {
    /// One frame at 60 Hz: (UI pass, tessellation, whether it asked for
    /// another frame at once).
    fn frame(&mut self, events: Vec<egui::Event>) -> (Duration, Duration, bool) {
        self.time += 1.0 / 60.0;
        let t0 = Instant::now();
        let output = self
            .ctx
            .run_ui(input(self.time, events), |ui| self.app.frame_ui(ui));
        let t1 = Instant::now();
        let again = output
            .viewport_output
            .get(&egui::ViewportId::ROOT)
            .is_some_and(|v| v.repaint_delay.is_zero());
        let _ = self.ctx.tessellate(output.shapes, output.pixels_per_point);
        (t1 - t0, Instant::now() - t1, again)
    }
}

fn bench(name: &str, map: Map) {
    let ctx = egui::Context::default();
    let app = WaymarkApp::with_context(
        &ctx,
        None,
        Document::new(map),
        Box::new(ScriptedDialogs::default()),
    );
    let mut run = Run {
        ctx,
        app,
        time: 0.0,
    };
    run.app.queue(Action::Command(UiCommand::Present));
    for _ in 0..5 {
        run.frame(Vec::new());
    }
    let (mut glide_ui, mut glide_tess, mut rest_ui, mut rest_tess) =
        (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    let mut glide_frames = Vec::new();
    let mut idle_frames = 0;
    for _ in 0..8 {
        let (ui, tess, mut again) = run.frame(key(egui::Key::ArrowRight));
        glide_ui.push(ui);
        glide_tess.push(tess);
        let mut frames = 1;
        while again && frames < 600 {
            let (ui, tess, more) = run.frame(Vec::new());
            glide_ui.push(ui);
            glide_tess.push(tess);
            again = more;
            frames += 1;
        }
        glide_frames.push(frames);
        // At rest: frames only if something asks (here: the bench does).
        for _ in 0..5 {
            let (ui, tess, more) = run.frame(Vec::new());
            rest_ui.push(ui);
            rest_tess.push(tess);
            idle_frames += usize::from(more);
        }
    }
    println!(
        "{name}: glide {:?} frames; frame while gliding {:.2} ms UI + {:.2} ms tessellation; \
         at rest {:.2} + {:.2} ms; frames asked for at rest: {idle_frames}",
        glide_frames,
        median(glide_ui),
        median(glide_tess),
        median(rest_ui),
        median(rest_tess),
    );
}

/// The presentation's layout of a map (made again on each edit while
/// presenting) against the editor's.
fn layouts(name: &str, map: &Map) {
    let canvas = egui::Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(1920.0, 1080.0));
    let time = |f: &dyn Fn()| {
        let samples = (0..15)
            .map(|_| {
                let t = Instant::now();
                f();
                t.elapsed()
            })
            .collect();
        median(samples)
    };
    let present = time(&|| {
        std::hint::black_box(waymark::ui::present::screen_layout::present_layout(
            map, canvas,
        ));
    });
    let editor = time(&|| {
        std::hint::black_box(waymark::layout::layout(
            map,
            &waymark::layout::Style::default(),
        ));
    });
    println!(
        "{name}: presentation layout {present:.2} ms, editor layout {editor:.2} ms ({:.2}×)",
        present / editor.max(1e-9)
    );
}

fn main() {
    for (name, map) in [
        ("sample (35 cards)", sample_map()),
        ("10,000 cards", large_map(10_000)),
    ] {
        layouts(name, &map);
    }
    bench("sample (35 cards)", sample_map());
    bench("2,000 cards", large_map(2_000));
    bench("10,000 cards", large_map(10_000));
}
