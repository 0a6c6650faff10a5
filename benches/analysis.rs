//! How long `analyze` takes: on the sample, and on generated maps of
//! 2,000 and 10,000 cards. The panel runs it after every edit, so the
//! target is at most 1 ms for 2,000 cards. And on what a Mermaid journey
//! of 2,000 and 20,000 sections with an actor each imports as: the time
//! and the findings must grow linearly (10x sections, about 10x both).
//!
//! Run with `cargo bench --bench analysis`. Plain `Instant` timing, printing
//! the median of many runs, keeps this free of a benchmark framework.

// Benches and examples may unwrap: a panic is how they fail.
#![allow(clippy::unwrap_used)]

#[path = "harness/mod.rs"]
mod harness;

use std::hint::black_box;
use std::time::Duration;

use waymark::analysis::analyze;
use waymark::interchange::sample::sample_map;
use waymark::model::Map;
use waymark::model::generated::one_actor_per_section;
use waymark::model::generated::{Shape, generated_map};

/// A map of `stages` stages and `cards` cards over the five usual lanes,
/// from the shared generator.
fn generated(stages: usize, cards: usize) -> Map {
    generated_map(Shape {
        stages,
        lanes: 5,
        cards,
        personas: 3,
    })
}

/// The median time of `analyze` on a map over enough runs to be stable,
/// after a few runs that warm up caches and the allocator; and how many
/// findings it gives.
fn median(map: &Map, runs: usize) -> (Duration, usize) {
    let findings = analyze(map).findings.len();
    let time = harness::median_of(5.min(runs), runs, || analyze(black_box(map)));
    (time, findings)
}

fn main() {
    let cases = [
        ("sample", sample_map()),
        ("2,000 cards, 10 stages", generated(10, 2_000)),
        ("10,000 cards, 20 stages", generated(20, 10_000)),
        ("Mermaid 2,000 sections", one_actor_per_section(2_000)),
        ("Mermaid 20,000 sections", one_actor_per_section(20_000)),
    ];
    for (name, map) in &cases {
        let runs = if map.stages.len() > 5_000 { 11 } else { 101 };
        let (time, findings) = median(map, runs);
        println!(
            "analyze {name:<26} {:>5} cards {:>5} findings   median {:>8.1} µs",
            map.cards.len(),
            findings,
            time.as_secs_f64() * 1e6
        );
    }
}
