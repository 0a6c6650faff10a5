//! What autosave costs. On the UI thread, one edit only hands a snapshot
//! of the map to the autosaver (the map's cards are shared, so this copies
//! pointers, not cards); the writing happens on the autosaver's thread,
//! two seconds after the last edit.
//!
//! Run with `cargo bench --bench autosave`. Plain `Instant` timing: each
//! case runs until it has taken half a second (at least five times) and
//! prints the median.

// Benches and examples may unwrap: a panic is how they fail.
#![allow(clippy::unwrap_used)]

#[path = "harness/mod.rs"]
mod harness;

use std::time::Duration;

use waymark::edit::Document;
use waymark::interchange::sample::sample_map;
use waymark::model::Map;
use waymark::model::generated::large_map;
use waymark::recovery::{Autosaver, RecoveryDir, Snapshot};

/// The median of at least 5 runs of `f` and half a second of them.
fn median_of(f: impl FnMut()) -> Duration {
    harness::median_for(5, Duration::from_millis(500), f)
}

fn main() {
    let dir = tempfile::tempdir().expect("a temp folder");
    let maps: [(&str, Map); 3] = [
        ("sample (35 cards)", sample_map()),
        ("2,000 cards", large_map(2_000)),
        ("10,000 cards", large_map(10_000)),
    ];
    println!("autosave: UI thread per edit (schedule), worker per write");
    for (name, map) in maps {
        let doc = Document::new(map);
        // A delay longer than the run: nothing is written while timing.
        let saver = Autosaver::with_delay(
            RecoveryDir::new(dir.path().join("scheduled")),
            Duration::from_secs(3600),
        );
        let schedule = median_of(|| saver.schedule_document(&doc));
        drop(saver);
        let recovery = RecoveryDir::new(dir.path().join("written"));
        let snapshot = Snapshot::of(&doc);
        let write = median_of(|| {
            recovery.write(&snapshot).expect("written");
        });
        println!(
            "  {name:>18}: schedule {:>8.1} µs   write {:>7.1} ms",
            schedule.as_secs_f64() * 1e6,
            write.as_secs_f64() * 1e3
        );
    }
}
