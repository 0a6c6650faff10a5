//! Frame time (UI pass + tessellation) of the whole editor at 1600×1000,
//! and load/save of a 10,000-card map compared with ron's own typed parse.
//!
//! Run with `cargo bench --bench frame`. Prints medians; not a test.

// Benches and examples may unwrap: a panic is how they fail.
#![allow(clippy::unwrap_used)]

#[path = "harness/mod.rs"]
mod harness;

use std::time::Instant;

use serde::Deserialize;
use waymark::app::WaymarkApp;
use waymark::app::dialogs::ScriptedDialogs;
use waymark::edit::Document;
use waymark::format;
use waymark::interchange::sample::sample_map;
use waymark::model::Map;
use waymark::model::generated::{large_map, linked_map};

fn input(events: Vec<egui::Event>) -> egui::RawInput {
    harness::input(1600.0, 1000.0, events)
}

/// Median frame time in ms: (UI pass, tessellation), with the pointer
/// moving over the canvas so every frame does real work.
fn frame(map: Map, fit: bool) -> (f64, f64, usize) {
    frame_at(map, fit, None)
}

/// [`frame`], scrolled by `pan` (screen points) when given: zoomed in and
/// scrolled down and right, the stage headers and lane labels are pinned.
fn frame_at(map: Map, fit: bool, pan: Option<egui::Vec2>) -> (f64, f64, usize) {
    let ctx = egui::Context::default();
    let mut app = WaymarkApp::with_context(
        &ctx,
        None,
        Document::new(map),
        Box::new(ScriptedDialogs::default()),
    );
    if !fit {
        app.view_state_mut().fit_pending = false;
    }
    if let Some(pan) = pan {
        app.view_state_mut().pan = pan;
    }
    let mut ui_times = Vec::new();
    let mut tess_times = Vec::new();
    let mut primitives = 0;
    for i in 0..60 {
        let pos = egui::pos2(300.0 + (i % 20) as f32 * 20.0, 500.0);
        let raw = input(vec![egui::Event::PointerMoved(pos)]);
        let t0 = Instant::now();
        let output = ctx.run_ui(raw, |ui| app.frame_ui(ui));
        let t1 = Instant::now();
        let clipped = ctx.tessellate(output.shapes, output.pixels_per_point);
        let t2 = Instant::now();
        primitives = clipped.len();
        if std::env::var_os("WAYMARK_BENCH_DEBUG").is_some() {
            eprintln!(
                "frame {i}: zoom {} canvas {:?} ui {:?}",
                app.view_state().zoom,
                app.view_state().canvas,
                t1 - t0
            );
        }
        if i >= 10 {
            ui_times.push(t1 - t0);
            tess_times.push(t2 - t1);
        }
    }
    (
        harness::median_ms(ui_times),
        harness::median_ms(tess_times),
        primitives,
    )
}

#[derive(Deserialize)]
#[allow(dead_code)]
struct RawEnvelope {
    format: String,
    version: u32,
    map: Map,
}

fn main() {
    println!("frame at 1600x1000 (median of 50 frames; UI pass + tessellation)");
    let cases = [
        ("sample (35 cards), fitted", sample_map(), true),
        ("100 cards, fitted", large_map(100), true),
        ("2,000 cards, all visible (fitted)", large_map(2_000), true),
        ("2,000 cards at 100%", large_map(2_000), false),
        (
            "10,000 cards at 100%, most off screen",
            large_map(10_000),
            false,
        ),
        (
            "10,000 cards, all visible (fitted)",
            large_map(10_000),
            true,
        ),
        (
            "2,000 cards + 2,000 links, fitted",
            linked_map(2_000, 2_000),
            true,
        ),
        (
            "2,000 cards + 2,000 links at 100%",
            linked_map(2_000, 2_000),
            false,
        ),
    ];
    for (name, map, fit) in cases {
        let (ui, tess, prims) = frame(map, fit);
        println!(
            "  {name:<40} ui {ui:6.2} ms  tessellate {tess:6.2} ms  total {:6.2} ms  ({prims} primitives)",
            ui + tess
        );
    }
    // Scrolled past the headers and the lane labels: both are pinned.
    let (ui, tess, prims) = frame_at(large_map(2_000), false, Some(egui::vec2(-900.0, -700.0)));
    println!(
        "  {:<40} ui {ui:6.2} ms  tessellate {tess:6.2} ms  total {:6.2} ms  ({prims} primitives)",
        "2,000 cards at 100%, headers pinned",
        ui + tess
    );

    // Layout stays linear with links: ten times the cards and links, about
    // ten times the time.
    let layout_ms = |cards: usize, links: usize| {
        let map = linked_map(cards, links);
        let style = waymark::layout::Style::default();
        harness::ms(harness::median_of(1, 15, || {
            waymark::layout::layout(&map, &style)
        }))
    };
    let (small, big) = (layout_ms(2_000, 2_000), layout_ms(20_000, 20_000));
    let (plain_small, plain_big) = (layout_ms(2_000, 0), layout_ms(20_000, 0));
    println!(
        "  layout, 2,000 cards + 2,000 links   {small:7.3} ms\n  layout, 20,000 cards + 20,000 links {big:7.3} ms   ratio {:.1}x for 10x",
        big / small
    );
    println!(
        "  layout, 2,000 cards, no links       {plain_small:7.3} ms\n  layout, 20,000 cards, no links      {plain_big:7.3} ms   ratio {:.1}x for 10x",
        plain_big / plain_small
    );

    let map = large_map(10_000);
    let text = format::to_string(&map);
    println!(
        "10,000-card file: {:.1} MB",
        text.len() as f64 / 1_000_000.0
    );
    let time = |f: &dyn Fn()| harness::ms(harness::median_of(0, 9, f));
    let ours = time(&|| {
        format::from_str(&text, "bench.ron").expect("loads");
    });
    let ron_only = time(&|| {
        ron::from_str::<RawEnvelope>(&text).expect("parses");
    });
    let serialise = time(&|| {
        format::to_string(&map);
    });
    let dir = std::env::temp_dir().join(format!("waymark-bench-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join("large.ron");
    let save = time(&|| {
        format::save(&map, &path).expect("saves");
    });
    let _ = std::fs::remove_dir_all(&dir);
    println!("  load (parse + validate)   {ours:7.1} ms");
    println!(
        "  ron typed parse alone     {ron_only:7.1} ms   ratio {:.2}x",
        ours / ron_only
    );
    println!("  serialise                 {serialise:7.1} ms");
    println!("  save (atomic, fsync)      {save:7.1} ms");
}
