//! What the safer loader costs: a 10,000-card map (about 3.7 MB) read with
//! ron alone versus through `format::read_str` (serde_ignored tracking,
//! id and reference checks), and the line:col scan that runs only when a
//! file has unknown fields. Also a save, with its temp file, fsync and
//! `.bak`.
//!
//! Run with `cargo bench --bench format`. Plain `Instant` timing, printing
//! the median of several runs.

// Benches and examples may unwrap: a panic is how they fail.
#![allow(clippy::unwrap_used)]

#[path = "harness/mod.rs"]
mod harness;

use std::hint::black_box;
use std::time::Duration;

use waymark::format;
use waymark::model::Map;
use waymark::model::generated::large_map;

#[derive(serde::Deserialize)]
#[allow(dead_code)]
struct Plain {
    format: String,
    version: u32,
    map: Map,
}

fn median(runs: usize, f: impl FnMut()) -> Duration {
    harness::median_of(0, runs, f)
}

fn main() {
    let map = large_map(10_000);
    let text = format::to_string(&map);
    println!(
        "map: {} cards, {:.1} MB",
        map.cards.len(),
        text.len() as f64 / 1e6
    );

    let plain = median(9, || {
        black_box(ron::from_str::<Plain>(black_box(&text)).unwrap());
    });
    let checked = median(9, || {
        black_box(format::read_str(black_box(&text), "big.ron").unwrap());
    });
    println!("ron alone:              {plain:>10.2?}");
    println!(
        "format::read_str:       {checked:>10.2?}  ({:.2}x)",
        checked.as_secs_f64() / plain.as_secs_f64()
    );

    // One unknown field at the very end: the scan covers the whole text.
    let extra = text.replacen("    next_id:", "    mood: \"late\",\n    next_id:", 1);
    let warned = median(9, || {
        let loaded = format::read_str(black_box(&extra), "big.ron").unwrap();
        assert_eq!(loaded.warnings.len(), 1);
        black_box(loaded);
    });
    println!(
        "with an unknown field:  {warned:>10.2?}  (+{:.2?} for its line:col)",
        warned.saturating_sub(checked)
    );

    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("big.ron");
    format::save(&map, &path).unwrap();
    let save = median(5, || format::save(black_box(&map), &path).unwrap());
    println!("format::save (+fsync, .bak): {save:>10.2?}");
}
