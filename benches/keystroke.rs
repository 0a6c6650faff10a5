//! The cost of one keystroke in a card's title, end to end: the edit is
//! applied (history, dirty mark), the frame that drew it ends, and the next
//! frame lays the map out again, reruns the analysis, draws the whole
//! editor and is tessellated. Typing must never lag: the targets are 4 ms
//! at 2,000 cards and 8 ms at 10,000.
//!
//! Run with `cargo bench --bench keystroke`. Prints medians; not a test.

// Benches and examples may unwrap: a panic is how they fail.
#![allow(clippy::unwrap_used)]

#[path = "harness/mod.rs"]
mod harness;

use std::time::{Duration, Instant};

use waymark::app::WaymarkApp;
use waymark::app::dialogs::ScriptedDialogs;
use waymark::edit::{CardField, Command, Document, MergeKey};
use waymark::interchange::sample::sample_map;
use waymark::model::Map;
use waymark::model::generated::large_map;
use waymark::ui::Action;
use waymark::ui::view::Selection;

fn input() -> egui::RawInput {
    harness::input(1600.0, 1000.0, Vec::new())
}

fn median(samples: Vec<Duration>) -> f64 {
    harness::median_ms(samples)
}

/// Median ms per keystroke, and the parts: (total, frame with the edit,
/// next frame's UI pass, its tessellation). With `compared`, the editor is
/// comparing the map with that file (File → Compare with…) all along.
fn keystrokes(map: Map, compared: Option<&std::path::Path>) -> (f64, f64, f64, f64) {
    let ctx = egui::Context::default();
    let card = map.cards[map.cards.len() / 2].clone();
    let mut app = WaymarkApp::with_context(
        &ctx,
        None,
        Document::new(map),
        Box::new(ScriptedDialogs::default()),
    );
    app.view_state_mut().selection = Selection::card(card.id);
    if let Some(path) = compared {
        app.queue(Action::CompareWith(path.to_path_buf()));
    }
    for _ in 0..5 {
        let _ = ctx.run_ui(input(), |ui| app.frame_ui(ui));
    }
    let key = MergeKey(format!("card:{}:title", card.id));
    let mut title = card.title.clone();
    let (mut totals, mut edits, mut uis, mut tess) = (vec![], vec![], vec![], vec![]);
    for i in 0..60 {
        title.push(if i % 6 == 5 { ' ' } else { 'x' });
        app.queue(Action::Edit {
            command: Command::EditCard {
                id: card.id,
                field: CardField::Title(title.clone()),
            },
            merge: Some(key.clone()),
        });
        let t0 = Instant::now();
        let first = ctx.run_ui(input(), |ui| app.frame_ui(ui));
        let t1 = Instant::now();
        let second = ctx.run_ui(input(), |ui| app.frame_ui(ui));
        let t2 = Instant::now();
        let clipped = ctx.tessellate(second.shapes, second.pixels_per_point);
        let t3 = Instant::now();
        std::hint::black_box((first.shapes.len(), clipped.len()));
        if i >= 10 {
            totals.push(t3 - t0);
            edits.push(t1 - t0);
            uis.push(t2 - t1);
            tess.push(t3 - t2);
        }
    }
    (median(totals), median(edits), median(uis), median(tess))
}

fn main() {
    println!("One keystroke in a card title, whole editor at 1600×1000, fitted (median of 50)");
    println!(
        "{:<12} {:>9} {:>16} {:>14} {:>13}",
        "map", "total ms", "edit frame ms", "next UI ms", "tessellate ms"
    );
    for (name, map) in [
        ("35 cards", sample_map()),
        ("2,000", large_map(2_000)),
        ("10,000", large_map(10_000)),
    ] {
        let (total, edit, ui, tess) = keystrokes(map, None);
        println!("{name:<12} {total:>9.2} {edit:>16.2} {ui:>14.2} {tess:>13.2}");
    }
    // While comparing with a version that differs in 1 % of the cards,
    // each keystroke also rediffs and relays the map with its ghosts.
    println!();
    println!("The same while comparing with a map that differs in 1 % of its cards");
    let dir = tempfile::tempdir().expect("a temporary folder");
    for (name, map) in [
        ("35 cards", sample_map()),
        ("2,000", large_map(2_000)),
        ("10,000", large_map(10_000)),
    ] {
        let path = dir.path().join("other.ron");
        waymark::format::save(&one_percent_different(&map), &path).expect("saved");
        let (total, edit, ui, tess) = keystrokes(map, Some(&path));
        println!("{name:<12} {total:>9.2} {edit:>16.2} {ui:>14.2} {tess:>13.2}");
    }
}

/// The map as it was: every hundredth card titled differently, and for
/// every hundredth another card since removed, in the same cell. So 1 % of
/// the cards changed, 1 % are ghosts to lay out.
fn one_percent_different(map: &Map) -> Map {
    let mut other = map.clone();
    let mut removed = Vec::new();
    for (i, card) in other.cards.iter_mut().enumerate() {
        if i % 100 == 0 {
            std::sync::Arc::make_mut(card).title.push_str(" (old)");
        }
        if i % 100 == 50 {
            removed.push((card.stage, card.lane));
        }
    }
    for (stage, lane) in removed {
        let id = other.new_card_id();
        let card = waymark::model::Card::new(id, stage, lane, "Removed since");
        other.cards.push(std::sync::Arc::new(card));
    }
    other
}
