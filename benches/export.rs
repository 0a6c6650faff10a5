//! Export benchmark: where the time of a PNG export goes (layout, tessellate,
//! raster, encode) for the sample map, a 2,000-card map and a 4K image, and
//! what each PNG compression level costs and saves.
//!
//! `cargo bench --bench export` (add `--features zlib-rs` to compare zlib-rs
//! behind the Balanced/High levels).

// Benches and examples may unwrap: a panic is how they fail.
#![allow(clippy::unwrap_used)]

#[path = "harness/mod.rs"]
mod harness;

use std::time::{Duration, Instant};

use waymark::export::{self, ExportOptions, PngCompression, Timings};
use waymark::interchange::sample::sample_map;
use waymark::model::Map;
use waymark::model::generated::{Shape, generated_map};

use harness::ms;

/// The best of `runs` runs, phase by phase (the minimum is the least noisy
/// estimate on a shared machine).
fn best(map: &Map, opts: &ExportOptions, runs: usize) -> (Timings, Duration, usize) {
    let mut best: Option<(Timings, Duration, usize)> = None;
    for _ in 0..runs {
        let start = Instant::now();
        let (bytes, t) = export::render_png_timed(map, opts, None).expect("exports");
        let total = start.elapsed();
        if best.as_ref().is_none_or(|(_, b, _)| total < *b) {
            best = Some((t, total, bytes.len()));
        }
    }
    best.expect("at least one run")
}

fn case(name: &str, map: &Map, scale: f32, runs: usize) {
    let opts = ExportOptions {
        scale,
        ..Default::default()
    };
    let bounds = waymark::layout::layout(map, &Default::default()).bounds;
    let [w, h] = match export::image_size(bounds, scale) {
        Ok(size) => size,
        Err(err) => {
            println!("{name:<28} {err}");
            return;
        }
    };
    let (t, total, bytes) = best(map, &opts, runs);
    println!(
        "{name:<28} {w:>5}×{h:<5} {:>4} cards  layout {:>7.1}  tess {:>7.1}  raster {:>7.1}  encode {:>7.1}  total {:>7.1} ms  raster/encode {:>4.2}  {:>6} KiB",
        map.cards.len(),
        ms(t.layout),
        ms(t.tessellate),
        ms(t.raster),
        ms(t.encode),
        ms(total),
        t.raster.as_secs_f64() / t.encode.as_secs_f64().max(1e-9),
        bytes / 1024,
    );
}

fn compression(name: &str, map: &Map, scale: f32) {
    let opts = ExportOptions {
        scale,
        ..Default::default()
    };
    let image = export::render_image(map, &opts).expect("renders");
    for level in [
        PngCompression::Fast,
        PngCompression::Balanced,
        PngCompression::High,
    ] {
        let mut best = Duration::MAX;
        let mut size = 0;
        for _ in 0..3 {
            let start = Instant::now();
            let bytes = export::png::encode_image(&image, level).expect("encodes");
            best = best.min(start.elapsed());
            size = bytes.len();
        }
        println!(
            "{name:<28} {}×{}  {level:<9?} encode {:>7.1} ms  {:>6} KiB",
            image.width(),
            image.height(),
            ms(best),
            size / 1024
        );
    }
}

fn main() {
    // `cargo test --benches` runs this too: keep that quick.
    let quick = std::env::args().any(|a| a == "--test");
    let runs = if quick { 1 } else { 5 };
    let sample = sample_map();
    // 25 stages × 8 lanes × 10 cards: 2,000 cards, 6,300 × 7,700 map units.
    let big = generated_map(Shape {
        stages: 25,
        lanes: 8,
        cards: 2000,
        personas: 0,
    });
    // 7 stages × 5 lanes, one card per cell: about 1,920 × 1,080 map units,
    // so 2× is a 4K (3840 × 2160-class) image.
    let hd = generated_map(Shape {
        stages: 7,
        lanes: 5,
        cards: 35,
        personas: 0,
    });

    println!("zlib-rs feature: {}", cfg!(feature = "zlib-rs"));
    println!("-- phases (best of {runs}), compression Fast --");
    case("sample 1×", &sample, 1.0, runs);
    case("sample 2×", &sample, 2.0, runs);
    let hd_bounds = waymark::layout::layout(&hd, &Default::default()).bounds;
    let scale_4k = 3840.0 / hd_bounds.width();
    case("4K (7×5 map)", &hd, scale_4k, runs);
    if quick {
        return;
    }
    case("2,000 cards 1×", &big, 1.0, 3);
    case("2,000 cards 2×", &big, 2.0, 1);
    case("2,000 cards 3× (too large)", &big, 3.0, 1);

    println!("-- compression levels, same pixels --");
    compression("sample 2×", &sample, 2.0);
    compression("4K (7×5 map)", &hd, scale_4k);
}
