//! What the fallback fonts cost at start-up and in memory: an editor's
//! first frame and a CJK export, with the system's fallback fonts and
//! without them, in fresh processes (the fallbacks are chosen once per
//! process, so this bench re-runs itself with `WAYMARK_SYSTEM_FONTS`).
//!
//! Run with `cargo bench --bench fonts`. Prints numbers; not a test.

// Benches and examples may unwrap: a panic is how they fail.
#![allow(clippy::unwrap_used)]

#[path = "harness/mod.rs"]
mod harness;

use std::process::Command;
use std::sync::Arc;
use std::time::Instant;

use waymark::app::WaymarkApp;
use waymark::app::dialogs::ScriptedDialogs;
use waymark::edit::Document;
use waymark::export::{self, ExportOptions};
use waymark::interchange::sample::sample_map;
use waymark::model::{Card, Map};

fn input() -> egui::RawInput {
    harness::input(1600.0, 1000.0, Vec::new())
}

/// Resident memory of this process, in MiB (Linux).
fn rss_mib() -> f64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<f64>().ok())
        .map_or(f64::NAN, |kb| kb / 1024.0)
}

/// The sample map with every card title in Japanese, Korean and Thai.
fn cjk_map() -> Map {
    let mut map = sample_map();
    for (i, card) in map.cards.iter_mut().enumerate() {
        let mut c: Card = (**card).clone();
        c.title = format!("インスタ広告 {i} 결제 ชำระเงิน 登山靴の動画");
        *card = Arc::new(c);
    }
    map
}

/// One measurement in this process: (first frame ms, RSS after MiB,
/// CJK export ms, RSS after MiB).
fn measure() {
    let rss0 = rss_mib();
    let t0 = Instant::now();
    let ctx = egui::Context::default();
    let mut app = WaymarkApp::with_context(
        &ctx,
        None,
        Document::new(sample_map()),
        Box::new(ScriptedDialogs::default()),
    );
    let out = ctx.run_ui(input(), |ui| app.frame_ui(ui));
    std::hint::black_box(out.shapes.len());
    let first_frame = t0.elapsed().as_secs_f64() * 1000.0;
    let rss1 = rss_mib();
    let t1 = Instant::now();
    let image = export::render_image(&cjk_map(), &ExportOptions::default()).expect("renders");
    std::hint::black_box(image.width());
    let cjk_export = t1.elapsed().as_secs_f64() * 1000.0;
    let rss2 = rss_mib();
    let missing = waymark::paint::missing_scripts(&cjk_map()).len();
    // Listing the fonts alone, as the first look-up does.
    let t2 = Instant::now();
    let faces = waymark::paint::fallback::Fallbacks::new(&waymark::paint::FontSources::default())
        .face_count();
    let listing = t2.elapsed().as_secs_f64() * 1000.0;
    println!(
        "{first_frame:.1} {rss0:.1} {rss1:.1} {cjk_export:.1} {rss2:.1} {missing} {listing:.1} {faces}"
    );
}

fn main() {
    if std::env::var_os("WAYMARK_FONTS_BENCH_CHILD").is_some() {
        measure();
        return;
    }
    let exe = std::env::current_exe().expect("own path");
    println!("median of 5 fresh processes each");
    println!(
        "{:<16} {:>14} {:>12} {:>14} {:>12} {:>8}",
        "system fonts", "editor start", "RSS after", "CJK export", "RSS after", "missing"
    );
    let mut listing = Vec::new();
    for system in ["0", "1"] {
        let mut rows: Vec<Vec<f64>> = Vec::new();
        for _ in 0..5 {
            let out = Command::new(&exe)
                .env("WAYMARK_FONTS_BENCH_CHILD", "1")
                .env("WAYMARK_SYSTEM_FONTS", system)
                .output()
                .expect("runs");
            let text = String::from_utf8_lossy(&out.stdout);
            let row: Vec<f64> = text
                .split_whitespace()
                .filter_map(|v| v.parse().ok())
                .collect();
            if row.len() == 8 {
                rows.push(row);
            }
        }
        if rows.is_empty() {
            println!("{system}: no result");
            continue;
        }
        let med = |i: usize| harness::median_f64(rows.iter().map(|r| r[i]).collect());
        listing.push((med(6), med(7)));
        println!(
            "{:<16} {:>11.1} ms {:>8.1} MiB {:>11.1} ms {:>8.1} MiB {:>8}",
            if system == "1" { "yes" } else { "no" },
            med(0),
            med(2),
            med(3),
            med(4),
            med(5)
        );
    }
    if let Some((ms, faces)) = listing.last() {
        println!("listing the system's fonts (done on first need): {ms:.1} ms for {faces} faces");
    }
}
