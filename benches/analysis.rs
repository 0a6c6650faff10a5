//! How long `analyze` takes: on the sample, and on generated maps of
//! 2,000 and 10,000 cards. The panel runs it after every edit, so the
//! target is at most 1 ms for 2,000 cards. And on what a Mermaid journey
//! of 2,000 and 20,000 sections with an actor each imports as: the time
//! and the findings must grow linearly (10x sections, about 10x both).
//!
//! Run with `cargo bench --bench analysis`. Plain `Instant` timing, printing
//! the median of many runs, keeps this free of a benchmark framework.

use std::hint::black_box;
use std::sync::Arc;
use std::time::{Duration, Instant};

use waymark::analysis::analyze;
use waymark::interchange::sample::sample_map;
use waymark::model::generated::{Shape, generated_map};
use waymark::model::{Card, Emotion, Lane, LaneKind, Map, Persona, Stage};

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

/// What a Mermaid journey of `sections` sections, one task and one actor
/// each, imports as: a stage, a touchpoint with no channel and a persona
/// per section. The hostile case that once gave one persona-gap finding
/// per (persona, stage): N² findings, 15 GB in `waymark check` at 20,000.
fn mermaid_like(sections: usize) -> Map {
    let mut map = Map::new("Mermaid");
    let lane = map.new_lane_id();
    map.lanes.push(Lane::new(lane, LaneKind::Touchpoints));
    for i in 0..sections {
        let stage = map.new_stage_id();
        map.stages.push(Stage::new(stage, &format!("Section {i}")));
        let persona = map.new_persona_id();
        map.personas.push(Persona {
            id: persona,
            name: format!("Actor {i}"),
            description: String::new(),
        });
        let id = map.new_card_id();
        let mut card = Card::new(id, stage, lane, &format!("Task {i}"));
        card.emotion = Some(Emotion::new((i % 5) as i32 - 2, ""));
        card.personas = vec![persona];
        map.cards.push(Arc::new(card));
    }
    map
}

/// The median time of `analyze` on a map over enough runs to be stable.
fn median(map: &Map, runs: usize) -> (Duration, usize) {
    let mut findings = 0;
    // Warm up caches and the allocator.
    for _ in 0..5.min(runs) {
        findings = black_box(analyze(black_box(map))).findings.len();
    }
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            black_box(analyze(black_box(map)));
            start.elapsed()
        })
        .collect();
    times.sort();
    (times[times.len() / 2], findings)
}

fn main() {
    let cases = [
        ("sample", sample_map()),
        ("2,000 cards, 10 stages", generated(10, 2_000)),
        ("10,000 cards, 20 stages", generated(20, 10_000)),
        ("Mermaid 2,000 sections", mermaid_like(2_000)),
        ("Mermaid 20,000 sections", mermaid_like(20_000)),
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
