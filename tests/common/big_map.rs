//! Large generated maps for tests and benchmarks (benches include this
//! file by path).

use std::sync::Arc;

use waymark::model::{Card, Channel, Emotion, Lane, LaneKind, Map, Stage};

/// A map of `stages` × `lanes` cells with `per_cell` cards each, titles
/// of varied length, channels and emotions cycling.
pub fn big_map(stages: usize, lanes: usize, per_cell: usize) -> Map {
    let mut map = Map::new("Generated journey");
    map.description = format!("{} cards for benchmarks", stages * lanes * per_cell);
    for s in 0..stages {
        let id = map.new_stage_id();
        map.stages.push(Stage::new(id, &format!("Stage {}", s + 1)));
    }
    for l in 0..lanes {
        let id = map.new_lane_id();
        let kind = LaneKind::BUILT_IN[l % LaneKind::BUILT_IN.len()].clone();
        map.lanes.push(Lane::new(id, kind));
    }
    const WORDS: [&str; 8] = [
        "Check", "delivery", "options", "before", "paying", "online", "for", "boots",
    ];
    let mut n = 0usize;
    for s in 0..stages {
        for l in 0..lanes {
            for _ in 0..per_cell {
                let words = 2 + n % 6;
                let title: Vec<&str> = (0..words).map(|w| WORDS[(n + w) % WORDS.len()]).collect();
                let id = map.new_card_id();
                let (stage, lane) = (map.stages[s].id, map.lanes[l].id);
                let mut card = Card::new(id, stage, lane, &format!("{} {n}", title.join(" ")));
                card.channel = Channel::BUILT_IN[n % Channel::BUILT_IN.len()].clone();
                if !n.is_multiple_of(3) {
                    card.emotion = Some(Emotion::new((n % 5) as i32 - 2, "mixed"));
                }
                map.cards.push(Arc::new(card));
                n += 1;
            }
        }
    }
    map
}
