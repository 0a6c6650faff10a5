//! Export benchmark: where the time of a PNG export goes (layout, tessellate,
//! raster, encode) for the sample map, a 2,000-card map and a 4K image, and
//! what each PNG compression level costs and saves.
//!
//! Then the PDF export (poster and handout) of the same maps, against the
//! PNG export of the same map, and against Mermaid's own PDF of the same
//! journey (`mmdc -o x.pdf`) when `MMDC` names an mmdc binary (with
//! `MMDC_PUPPETEER` naming a puppeteer config, for a system Chromium).
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

use harness::{median_of, ms};
use waymark::export::pdf::{PageSize, PdfLayout, PdfOptions};

/// A PDF export's median time and size.
fn pdf_case(name: &str, map: &Map, layout: PdfLayout, runs: usize) -> Duration {
    let opts = ExportOptions {
        pdf: PdfOptions {
            layout,
            page: PageSize::A4,
            ..Default::default()
        },
        ..Default::default()
    };
    let mut size = 0;
    let t = median_of(1, runs, || {
        size = export::render_pdf(map, &opts).expect("exports").len();
    });
    println!(
        "{name:<28} {:>5} cards  PDF {layout:<8?} {:>8.1} ms  {:>6} KiB  {:>6.1} µs/card",
        map.cards.len(),
        ms(t),
        size / 1024,
        t.as_secs_f64() * 1e6 / map.cards.len().max(1) as f64
    );
    t
}

/// The median time of a PNG export at `scale`.
fn png_time(map: &Map, scale: f32, runs: usize) -> Duration {
    let opts = ExportOptions {
        scale,
        ..Default::default()
    };
    median_of(1, runs, || {
        export::render_png(map, &opts, None).expect("exports")
    })
}

/// `mmdc -o x.pdf` on the map's Mermaid journey, if `MMDC` names mmdc.
fn mmdc_time(map: &Map, runs: usize) -> Option<Duration> {
    let mmdc = std::env::var_os("MMDC")?;
    let dir = tempfile::tempdir().ok()?;
    let input = dir.path().join("journey.mmd");
    std::fs::write(&input, waymark::interchange::mermaid::to_string(map)).ok()?;
    let output = dir.path().join("journey.pdf");
    let run = || {
        let mut cmd = std::process::Command::new(&mmdc);
        if let Some(config) = std::env::var_os("MMDC_PUPPETEER") {
            cmd.arg("-p").arg(config);
        }
        cmd.arg("-q")
            .arg("-i")
            .arg(&input)
            .arg("-o")
            .arg(&output)
            .status()
            .is_ok_and(|s| s.success())
    };
    if !run() {
        println!("mmdc failed; no Mermaid comparison");
        return None;
    }
    Some(median_of(0, runs, run))
}

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

    println!("-- PDF (A4 landscape; median of {runs}) --");
    let poster = pdf_case("sample", &sample, PdfLayout::Poster, runs);
    let handout = pdf_case("sample", &sample, PdfLayout::Handout, runs);
    let png1 = png_time(&sample, 1.0, runs);
    let png2 = png_time(&sample, 2.0, runs);
    println!(
        "sample PNG 1× {:.1} ms, 2× {:.1} ms; PDF poster / PNG 1× {:.2}, / PNG 2× {:.2}; handout / PNG 1× {:.2}",
        ms(png1),
        ms(png2),
        poster.as_secs_f64() / png1.as_secs_f64(),
        poster.as_secs_f64() / png2.as_secs_f64(),
        handout.as_secs_f64() / png1.as_secs_f64(),
    );
    if let Some(mmdc) = mmdc_time(&sample, if quick { 1 } else { 3 }) {
        println!(
            "sample mmdc -o x.pdf {:.1} ms; Waymark PDF poster is {:.1}× faster, handout {:.1}×",
            ms(mmdc),
            mmdc.as_secs_f64() / poster.as_secs_f64(),
            mmdc.as_secs_f64() / handout.as_secs_f64(),
        );
    }
    if quick {
        return;
    }
    // Cost in proportion to size: 2,000 and 10,000 cards.
    let huge = generated_map(Shape {
        stages: 50,
        lanes: 8,
        cards: 10_000,
        personas: 0,
    });
    let p2 = pdf_case("2,000 cards", &big, PdfLayout::Poster, 3);
    let p10 = pdf_case("10,000 cards", &huge, PdfLayout::Poster, 3);
    let h2 = pdf_case("2,000 cards", &big, PdfLayout::Handout, 3);
    let h10 = pdf_case("10,000 cards", &huge, PdfLayout::Handout, 3);
    println!(
        "10,000 / 2,000 cards (5× the cards): poster {:.1}×, handout {:.1}×",
        p10.as_secs_f64() / p2.as_secs_f64(),
        h10.as_secs_f64() / h2.as_secs_f64(),
    );
    case("2,000 cards 1×", &big, 1.0, 3);
    case("2,000 cards 2×", &big, 2.0, 1);
    case("2,000 cards 3× (too large)", &big, 3.0, 1);

    println!("-- compression levels, same pixels --");
    compression("sample 2×", &sample, 2.0);
    compression("4K (7×5 map)", &hd, scale_4k);
}
