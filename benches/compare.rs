//! How long diff and merge take on two 10,000-card maps that differ in 1 %
//! of their cards (edits, moves, additions, deletions). The target is under
//! 100 ms each; loading the files is timed on its own.
//!
//! Run with `cargo bench --bench compare`. Plain `Instant` timing, printing
//! the median of many runs, as the other benches do.

// Benches and examples may unwrap: a panic is how they fail.
#![allow(clippy::unwrap_used)]

#[path = "harness/mod.rs"]
mod harness;

use std::sync::Arc;
use std::time::Duration;

use waymark::compare;
use waymark::edit::Command;
use waymark::model::{Card, Emotion, Map, generated::large_map};

/// A copy of `base` with `n` cards changed, starting at card `offset` and
/// every 97th card after it: most get a new title or emotion, one in ten
/// moves to another cell, one in ten is deleted and one in ten is added.
fn vary(base: &Map, offset: usize, n: usize) -> Map {
    let mut map = base.clone();
    let len = base.cards.len();
    let picked: Vec<_> = (0..n)
        .map(|i| base.cards[(offset + i * 97) % len].id)
        .collect();
    for (i, id) in picked.into_iter().enumerate() {
        let Some(card) = map.card(id).cloned() else {
            continue;
        };
        let command = match i % 10 {
            0 => Command::DeleteCards(vec![id]),
            1 => {
                let stage = map.stages[(i / 10) % map.stages.len()].id;
                Command::MoveCards {
                    ids: vec![id],
                    stage,
                    lane: card.lane,
                    position: Some(0),
                }
            }
            2 => {
                let new = map.new_card_id();
                Command::AddCard {
                    card: Card::new(new, card.stage, card.lane, &format!("Added {offset}-{i}")),
                    position: Some(1),
                }
            }
            3..=6 => {
                let mut card = card;
                card.title = format!("{} (revised)", card.title);
                Command::UpdateCard(card)
            }
            _ => Command::SetEmotion {
                ids: vec![id],
                emotion: Some(Emotion::new(2, "delighted")),
            },
        };
        command.apply(&mut map).expect("edit applies");
    }
    map
}

/// The median of `runs` timings of `f`, after a few warm-up runs.
fn median<T>(runs: usize, f: impl FnMut() -> T) -> Duration {
    harness::median_of(3, runs, f)
}

fn ms(d: Duration) -> String {
    format!("{:>8.2} ms", harness::ms(d))
}

fn main() {
    let base = large_map(10_000);
    // Both sides touch 100 cards (1 %), different ones.
    let ours = vary(&base, 0, 100);
    let theirs = vary(&base, 48, 100);
    let changes = compare::diff(&base, &ours).len();
    let merged = compare::merge(&base, &ours, &theirs);
    println!(
        "{} cards; ours differs from base in {} changes; the merge has {} conflicts",
        base.cards.len(),
        changes,
        merged.conflicts.len()
    );

    // Loading, reported separately: a fresh parse of each file.
    let dir = tempfile::tempdir().expect("temp dir");
    let paths: Vec<_> = [("base", &base), ("ours", &ours), ("theirs", &theirs)]
        .iter()
        .map(|(name, map)| {
            let path = dir.path().join(format!("{name}.ron"));
            waymark::format::save(map, &path).expect("save");
            path
        })
        .collect();
    let bytes = std::fs::metadata(&paths[0]).map(|m| m.len()).unwrap_or(0);
    let load = median(11, || waymark::format::load(&paths[0]).expect("load"));
    println!(
        "load one map ({:.1} MB)          {}",
        bytes as f64 / 1e6,
        ms(load)
    );

    // Maps as loaded from files share nothing, so no comparison is a
    // pointer comparison.
    let loaded: Vec<Map> = paths
        .iter()
        .map(|p| waymark::format::load(p).unwrap())
        .collect();
    let (b, o, t) = (&loaded[0], &loaded[1], &loaded[2]);
    let diff = median(31, || compare::diff(b, o));
    println!("diff base → ours                  {}", ms(diff));
    let text = median(31, || compare::text::to_text(&compare::diff(b, o)));
    println!("diff + text view                  {}", ms(text));
    let json = median(31, || compare::diff(b, o).to_json());
    println!("diff + JSON view                  {}", ms(json));
    let merge = median(31, || compare::merge(b, o, t));
    println!("merge base, ours, theirs          {}", ms(merge));
    let same = median(31, || compare::diff(b, &b.clone()));
    println!("diff of a map with itself (Arcs)  {}", ms(same));
    println!(
        "as the CLI runs: diff = 2 loads + diff ≈ {}, merge = 3 loads + merge + save",
        ms(load * 2 + diff)
    );
    let _ = Arc::strong_count(&b.cards[0]);
}
