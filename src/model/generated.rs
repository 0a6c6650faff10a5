//! Generated maps of any size, for benchmarks and stress tests: one
//! generator, shared by the tests and the benches.

use std::sync::Arc;

use super::{Card, Channel, Emotion, Lane, LaneKind, Map, Persona, Stage};

/// The shape of a generated map.
#[derive(Clone, Copy, Debug)]
pub struct Shape {
    /// Stages (columns).
    pub stages: usize,
    /// Lanes (rows); kinds cycle through the five usual ones.
    pub lanes: usize,
    /// Cards, spread evenly over the cells and grouped by cell.
    pub cards: usize,
    /// Personas; every fourth card is tagged with one.
    pub personas: usize,
}

/// A map with a realistic mix: titles of varied length, several channels
/// per stage, most cards complete but some owners and metrics missing,
/// emotions that rise and fall. Deterministic, so runs compare.
pub fn generated_map(shape: Shape) -> Map {
    const NAMES: [&str; 10] = [
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
    const WORDS: [&str; 8] = [
        "Check", "delivery", "options", "before", "paying", "online", "for", "boots",
    ];
    let stages = shape.stages.max(1);
    let lanes = shape.lanes.max(1);
    let mut map = Map::new("Generated journey");
    map.description = format!("{} generated cards", shape.cards);
    let personas: Vec<_> = (0..shape.personas)
        .map(|i| {
            let id = map.new_persona_id();
            map.personas.push(Persona {
                id,
                name: format!("Persona {}", i + 1),
                description: String::new(),
            });
            id
        })
        .collect();
    for i in 0..stages {
        let id = map.new_stage_id();
        let round = i / NAMES.len();
        let name = if round == 0 {
            NAMES[i].to_owned()
        } else {
            format!("{} {}", NAMES[i % NAMES.len()], round + 1)
        };
        map.stages.push(Stage::new(id, &name));
    }
    for l in 0..lanes {
        let id = map.new_lane_id();
        let kind = LaneKind::BUILT_IN[l % LaneKind::BUILT_IN.len()].clone();
        map.lanes.push(Lane::new(id, kind));
    }
    let cells = stages * lanes;
    for n in 0..shape.cards {
        // Cards fill the cells in order, so the map is grouped by cell.
        let cell = n * cells / shape.cards.max(1);
        let (stage, lane) = (map.stages[cell / lanes].id, map.lanes[cell % lanes].id);
        let words = 2 + n % 6;
        let title: Vec<&str> = (0..words).map(|w| WORDS[(n + w) % WORDS.len()]).collect();
        let id = map.new_card_id();
        let mut card = Card::new(id, stage, lane, &format!("{} {n}", title.join(" ")));
        card.channel = Channel::BUILT_IN[(n * 7 + n / stages) % Channel::BUILT_IN.len()].clone();
        if n % 11 != 0 {
            card.owner = format!("Team {}", n % 7);
        }
        if n % 13 != 0 {
            card.metric = "Conversion rate".into();
        }
        if n % 3 != 0 {
            card.emotion = Some(Emotion::new((n % 5) as i32 - 2, "mixed"));
        }
        if n % 4 == 0 && !personas.is_empty() {
            card.personas = vec![personas[n % personas.len()]];
        }
        map.cards.push(Arc::new(card));
    }
    map
}

/// A generated map with `cards` cards over ten stages, the five usual
/// lanes and three personas.
pub fn large_map(cards: usize) -> Map {
    generated_map(Shape {
        stages: 10,
        lanes: 5,
        cards,
        personas: 3,
    })
}

/// What a Mermaid journey of `sections` sections, one task and one actor
/// each, imports as: a stage, a touchpoint with no channel and a persona
/// per section, so every persona misses every stage but one. The hostile
/// case that once gave one persona-gap finding per (persona, stage): N²
/// findings, 15 GB in `waymark check` at 20,000 sections.
pub fn one_actor_per_section(sections: usize) -> Map {
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

/// [`large_map`] with `links` arrows between its cards: card `i` to the
/// card a lane further down in the same stage where there is one, else to
/// the next card, as a blueprint's frontstage links to its backstage.
/// Every pair once, none to itself.
pub fn linked_map(cards: usize, links: usize) -> Map {
    let mut map = large_map(cards);
    let n = map.cards.len();
    if n < 2 {
        return map;
    }
    let mut seen = std::collections::HashSet::new();
    let mut k = 0;
    while map.links.len() < links && k < 4 * links.max(1) {
        let i = k % n;
        let step = 1 + k / n;
        let j = (i + step) % n;
        k += 1;
        let link = super::Link::new(map.cards[i].id, map.cards[j].id);
        if i != j && seen.insert(link) {
            map.links.push(link);
        }
    }
    map
}
