//! Memory of the editor over a long session: 1,000 zoom steps at distinct
//! zoom levels, 1,000 pans and 1,000 edits, driven headlessly with the
//! same `ctx.run` loop as the frame benchmark. After each phase it prints
//! the font atlas size and the process's resident memory.
//!
//! Run with `cargo bench --bench memory` (or build it with
//! `cargo build --bench memory` and run the binary: the figures are about
//! memory, not time). Pass `sample` or `large` to run one map only; each
//! map runs best in a process of its own, since freed memory is not always
//! given back to the system.
//!
//! The frames go through `eframe::App::raw_input_hook`, as eframe does, and
//! the first frame says the GPU takes 16,384-pixel textures, as a desktop
//! GPU does (a bare context assumes 2,048). The font texture deltas are
//! applied to a CPU copy of the texture, standing in for the GPU's copy
//! (with Mesa's software GL it lives in the process, as it does here).

// Benches and examples may unwrap: a panic is how they fail.
#![allow(clippy::unwrap_used)]

use std::time::Instant;

use eframe::App as _;
use egui::{Event, Key, Modifiers, MouseWheelSource, MouseWheelUnit, PointerButton, TouchPhase};
use egui::{Pos2, RawInput, Rect, pos2, vec2};
use waymark::app::WaymarkApp;
use waymark::app::dialogs::ScriptedDialogs;
use waymark::edit::Document;
use waymark::export::Textures;
use waymark::interchange::sample::sample_map;
use waymark::layout::{Style, layout};
use waymark::model::Map;
use waymark::model::generated::large_map;

/// What a desktop GPU reports as its largest texture side.
const GPU_MAX_TEXTURE_SIDE: usize = 16_384;

/// Resident memory in MB, from `/proc/self/statm` (pages of 4 KiB).
fn resident_mb() -> f64 {
    let statm = std::fs::read_to_string("/proc/self/statm").unwrap_or_default();
    let pages: f64 = statm
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0.0);
    pages * 4096.0 / 1_000_000.0
}

/// The editor with a frame loop around it.
struct Session {
    ctx: egui::Context,
    app: WaymarkApp,
    /// The CPU stand-in for the GPU's textures.
    textures: Textures,
    frames: u64,
}

impl Session {
    fn new(map: Map) -> Self {
        let ctx = egui::Context::default();
        let app = WaymarkApp::with_context(
            &ctx,
            None,
            Document::new(map),
            Box::new(ScriptedDialogs::default()),
        );
        Self {
            ctx,
            app,
            textures: Textures::new(),
            frames: 0,
        }
    }

    /// One frame with these events, as eframe runs it.
    fn frame(&mut self, events: Vec<Event>) {
        let mut raw = RawInput {
            screen_rect: Some(Rect::from_min_size(Pos2::ZERO, vec2(1600.0, 1000.0))),
            max_texture_side: (self.frames == 0).then_some(GPU_MAX_TEXTURE_SIDE),
            time: Some(self.frames as f64 / 60.0),
            events,
            ..Default::default()
        };
        self.app.raw_input_hook(&self.ctx, &mut raw);
        let app = &mut self.app;
        let mut output = self.ctx.run_ui(raw, |ui| app.frame_ui(ui));
        let primitives = self
            .ctx
            .tessellate(std::mem::take(&mut output.shapes), output.pixels_per_point);
        std::hint::black_box(primitives);
        self.textures.apply(&mut output.textures_delta);
        self.frames += 1;
    }

    fn canvas_center(&self) -> Pos2 {
        let canvas = self.app.view_state().canvas;
        if canvas.is_positive() {
            canvas.center()
        } else {
            pos2(800.0, 500.0)
        }
    }

    fn key(&mut self, key: Key, modifiers: Modifiers) {
        let event = |pressed| Event::Key {
            key,
            physical_key: None,
            pressed,
            repeat: false,
            modifiers,
        };
        self.frame(vec![event(true), event(false)]);
    }

    fn atlas(&self) -> [usize; 2] {
        self.ctx.fonts(|f| f.font_image_size())
    }

    fn report(&self, phase: &str, start: Instant) {
        let [w, h] = self.atlas();
        println!(
            "  {phase:<22} atlas {w:>5}×{h:<5} ({:>6.1} MB)  resident {:>7.1} MB  zoom {:.3}  {:>6.1} s",
            (w * h * 4) as f64 / 1_000_000.0,
            resident_mb(),
            self.app.view_state().zoom,
            start.elapsed().as_secs_f64(),
        );
    }
}

/// A zoom level for step `i` of `n`: a triangle wave in log space between
/// 6 % and 390 %, nudged so that no two steps share a level.
fn zoom_level(i: usize, n: usize) -> f32 {
    let (lo, hi) = (0.06_f64.ln(), 3.9_f64.ln());
    let period = (n / 3).max(2) as f64;
    let t = (i as f64 % period) / period;
    let tri = if t < 0.5 { 2.0 * t } else { 2.0 - 2.0 * t };
    ((lo + (hi - lo) * tri).exp() * (1.0 + 1e-4 * i as f64)) as f32
}

fn run(name: &str, map: Map) {
    println!("{name}: {} cards", map.cards.len());
    let start = Instant::now();
    let first_card = layout(&map, &Style::default())
        .cards
        .first()
        .map(|c| c.rect);
    let mut s = Session::new(map);
    for _ in 0..30 {
        s.frame(Vec::new());
    }
    s.report("start-up", start);

    let steps = 1_000;
    for i in 0..steps {
        let center = s.canvas_center();
        let factor = zoom_level(i, steps) / s.app.view_state().zoom;
        s.frame(vec![Event::PointerMoved(center), Event::Zoom(factor)]);
    }
    s.report("after 1,000 zooms", start);

    s.key(Key::Num1, Modifiers::COMMAND);
    for i in 0..steps {
        let center = s.canvas_center();
        let angle = i as f32 * 0.1;
        let delta = vec2(angle.cos(), angle.sin()) * 60.0;
        s.frame(vec![
            Event::PointerMoved(center),
            Event::MouseWheel {
                unit: MouseWheelUnit::Point,
                delta,
                phase: TouchPhase::Move,
                source: MouseWheelSource::Wheel,
                modifiers: Modifiers::NONE,
            },
        ]);
    }
    s.report("after 1,000 pans", start);

    // Edits: bring the first card to the middle of the canvas at 100 %,
    // select it by clicking it, then set its emotion with the number
    // keys, 1 to 5 in turn: one undo step each.
    s.key(Key::Num1, Modifiers::COMMAND);
    if let Some(card) = first_card {
        for _ in 0..30 {
            let canvas = s.app.view_state().canvas;
            let pos = s.app.view_state().view(canvas).rect(card).center();
            let delta = s.canvas_center() - pos;
            s.frame(vec![
                Event::PointerMoved(s.canvas_center()),
                Event::MouseWheel {
                    unit: MouseWheelUnit::Point,
                    delta,
                    phase: TouchPhase::Move,
                    source: MouseWheelSource::Wheel,
                    modifiers: Modifiers::NONE,
                },
            ]);
        }
        let canvas = s.app.view_state().canvas;
        let pos = s.app.view_state().view(canvas).rect(card).center();
        let button = |pressed| Event::PointerButton {
            pos,
            button: PointerButton::Primary,
            pressed,
            modifiers: Modifiers::NONE,
        };
        s.frame(vec![Event::PointerMoved(pos), button(true)]);
        s.frame(vec![button(false)]);
        s.frame(Vec::new());
    }
    let keys = [Key::Num1, Key::Num2, Key::Num3, Key::Num4, Key::Num5];
    let revision = s.app.document().revision();
    for i in 0..steps {
        s.key(keys[i % keys.len()], Modifiers::NONE);
    }
    println!(
        "  edits applied: {} (revision {} → {})",
        s.app.document().revision() - revision,
        revision,
        s.app.document().revision()
    );
    s.report("after 1,000 edits", start);
}

fn main() {
    // `cargo bench` passes `--bench`: only a bare word picks a map.
    let which = std::env::args()
        .skip(1)
        .find(|a| !a.starts_with("--"))
        .unwrap_or_default();
    println!("memory over a session at 1600×1000 (atlas = font texture, CPU copy)");
    if which.is_empty() || which == "sample" {
        run("sample", sample_map());
    }
    if which.is_empty() || which == "large" {
        run("2,000-card map", large_map(2_000));
    }
}
