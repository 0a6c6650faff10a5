//! How long `analyze` takes: on the sample, and on generated maps of
//! 2,000 and 10,000 cards. The panel runs it after every edit, so the
//! target is at most 1 ms for 2,000 cards.
//!
//! Run with `cargo bench --bench analysis`. Plain `Instant` timing, printing
//! the median of many runs, keeps this free of a benchmark framework.

use std::hint::black_box;
use std::sync::Arc;
use std::time::{Duration, Instant};

use waymark::analysis::analyze;
use waymark::model::{
    Card, Channel, Emotion, Lane, LaneKind, Map, Persona, Stage, sample::sample_map,
};

/// A map of `stages` stages and about `cards` cards over the five usual
/// lanes, with a realistic mix: several channels per stage, most cards
/// complete, some owners and metrics missing, a few personas, emotions
/// that rise and fall. Deterministic, so runs compare.
fn generated(stages: usize, cards: usize) -> Map {
    let names = [
        "Awareness",
        "Consideration",
        "Decision",
        "Purchase",
        "Onboarding",
        "Use",
        "Support",
        "Renewal",
        "Loyalty",
        "Advocacy",
    ];
    let mut map = Map::new("Generated");
    let personas: Vec<_> = (0..3)
        .map(|i| {
            let id = map.new_persona_id();
            map.personas.push(Persona {
                id,
                name: format!("Persona {i}"),
                description: String::new(),
            });
            id
        })
        .collect();
    let lanes: Vec<_> = LaneKind::BUILT_IN
        .iter()
        .map(|kind| {
            let id = map.new_lane_id();
            map.lanes.push(Lane::new(id, kind.clone()));
            id
        })
        .collect();
    let stage_ids: Vec<_> = (0..stages)
        .map(|i| {
            let id = map.new_stage_id();
            let name = format!("{} {}", names[i % names.len()], i / names.len() + 1);
            map.stages.push(Stage::new(id, &name));
            id
        })
        .collect();
    let titles = [
        "Product page",
        "Follow-up email",
        "Live chat support",
        "Customer reviews",
        "Store visit",
        "Loyalty app",
    ];
    for i in 0..cards {
        let id = map.new_card_id();
        let stage = stage_ids[i % stages];
        let lane = lanes[(i / stages) % lanes.len()];
        let mut card = Card::new(id, stage, lane, titles[i % titles.len()]);
        card.channel = Channel::BUILT_IN[(i * 7 + i / stages) % Channel::BUILT_IN.len()].clone();
        if i % 11 != 0 {
            card.owner = "Team".into();
        }
        if i % 13 != 0 {
            card.metric = "Rate".into();
        }
        card.emotion = Some(Emotion::new((i % 5) as i32 - 2, "felt"));
        if i % 4 == 0 {
            card.personas = vec![personas[i % personas.len()]];
        }
        map.cards.push(Arc::new(card));
    }
    map
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
