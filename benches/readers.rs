//! How long the Mermaid and CSV readers and writers take on the hostile
//! inputs of issue 10 (inputs that used to cost time quadratic in their
//! size) and on a realistic 10,000-card map.
//!
//! Run with `cargo bench --bench readers`. Plain `Instant` timing: each
//! case runs until it has taken half a second (at least once) and prints
//! the median. Inputs over the readers' limits are refused early; their
//! time is the time to refuse.

// Benches and examples may unwrap: a panic is how they fail.
#![allow(clippy::unwrap_used)]

#[path = "harness/mod.rs"]
mod harness;

use std::hint::black_box;
use std::time::Duration;

use waymark::interchange::{csv, mermaid};
use waymark::model::Map;
use waymark::model::generated::{Shape, generated_map};

/// `n` different actors on one Mermaid task.
fn actors_on_one_task(n: usize) -> String {
    let actors: Vec<String> = (0..n).map(|i| format!("a{i}")).collect();
    format!("journey\nsection S\nTask: 3: {}\n", actors.join(", "))
}

/// `n` empty `accDescr{}` blocks on one Mermaid line.
fn acc_descr_on_one_line(n: usize) -> String {
    format!("journey\n{}\n", "accDescr{}".repeat(n))
}

/// `n` sections of one task with one actor each, all different.
fn sections(n: usize) -> String {
    let mut text = String::from("journey\n");
    for i in 0..n {
        text.push_str(&format!("section S{i}\nT: 3: A{i}\n"));
    }
    text
}

/// `n` tasks, each after a `%% lane:` comment naming a lane of its own
/// out of `lanes`.
fn lanes(n: usize, lanes: usize) -> String {
    let mut text = String::from("journey\nsection S\n");
    for i in 0..n {
        text.push_str(&format!("%% lane: L{}\nT: 3\n", i % lanes));
    }
    text
}

/// One CSV card naming `n` different personas.
fn personas_in_one_cell(n: usize) -> String {
    let names: Vec<String> = (0..n).map(|i| format!("p{i}")).collect();
    format!("stage,title,personas\r\nS,T,{}\r\n", names.join(";"))
}

/// `n` CSV rows, each in a stage of its own and naming a persona of its own.
fn csv_rows(n: usize) -> String {
    let mut text = String::from("stage,title,personas\r\n");
    for i in 0..n {
        text.push_str(&format!("S{i},T{i},P{i}\r\n"));
    }
    text
}

/// A map with one card that names `n` personas.
fn map_with_personas(n: usize) -> Map {
    let text = personas_in_one_cell(n);
    csv::from_str(&text, "x").expect("under the limit")
}

/// Times `run` and prints the median.
fn bench(name: &str, bytes: usize, run: impl FnMut()) {
    let times = harness::samples_within(50, Duration::from_millis(500), run);
    let runs = times.len();
    println!(
        "{name:<52} {:>8.1} KB  {:>10.2} ms  ({} runs)",
        bytes as f64 / 1024.0,
        harness::median_ms(times),
        runs
    );
}

fn read_mermaid(name: &str, text: &str) {
    bench(name, text.len(), || {
        let _ = black_box(mermaid::from_str(black_box(text)));
    });
}

fn read_csv(name: &str, text: &str) {
    bench(name, text.len(), || {
        let _ = black_box(csv::from_str(black_box(text), "x"));
    });
}

/// A named reader run.
type Case<'a> = (&'a str, Box<dyn Fn() + 'a>);

fn main() {
    let only: Option<String> = std::env::args().nth(1).filter(|a| !a.starts_with('-'));
    let wanted = |name: &str| only.as_deref().is_none_or(|o| name.contains(o));
    let big = generated_map(Shape {
        stages: 40,
        lanes: 5,
        cards: 40 * 5 * 50,
        personas: 0,
    });
    let cases: Vec<Case<'_>> = vec![
        (
            "mermaid: 10,000 actors on one task",
            Box::new(|| {
                read_mermaid(
                    "mermaid: 10,000 actors on one task",
                    &actors_on_one_task(10_000),
                )
            }),
        ),
        (
            "mermaid: 100,000 actors on one task",
            Box::new(|| {
                read_mermaid(
                    "mermaid: 100,000 actors on one task",
                    &actors_on_one_task(100_000),
                )
            }),
        ),
        (
            "mermaid: 50,000 accDescr{} on one line",
            Box::new(|| {
                read_mermaid(
                    "mermaid: 50,000 accDescr{} on one line",
                    &acc_descr_on_one_line(50_000),
                )
            }),
        ),
        (
            "mermaid: 200,000 accDescr{} on one line",
            Box::new(|| {
                read_mermaid(
                    "mermaid: 200,000 accDescr{} on one line",
                    &acc_descr_on_one_line(200_000),
                )
            }),
        ),
        (
            "mermaid: 10,000 sections, an actor each",
            Box::new(|| read_mermaid("mermaid: 10,000 sections, an actor each", &sections(10_000))),
        ),
        (
            "mermaid: 20,000 tasks over 990 lanes",
            Box::new(|| read_mermaid("mermaid: 20,000 tasks over 990 lanes", &lanes(20_000, 990))),
        ),
        (
            "csv: 10,000 personas in one cell",
            Box::new(|| {
                read_csv(
                    "csv: 10,000 personas in one cell",
                    &personas_in_one_cell(10_000),
                )
            }),
        ),
        (
            "csv: 100,000 personas in one cell",
            Box::new(|| {
                read_csv(
                    "csv: 100,000 personas in one cell",
                    &personas_in_one_cell(100_000),
                )
            }),
        ),
        (
            "csv: 10,000 rows, a stage and a persona each",
            Box::new(|| {
                read_csv(
                    "csv: 10,000 rows, a stage and a persona each",
                    &csv_rows(10_000),
                )
            }),
        ),
        (
            "write: a card with 10,000 personas",
            Box::new(|| {
                let map = map_with_personas(10_000);
                bench("write csv: a card with 10,000 personas", 0, || {
                    black_box(csv::to_string(black_box(&map)));
                });
                bench("write mermaid: a card with 10,000 personas", 0, || {
                    black_box(mermaid::to_string(black_box(&map)));
                });
            }),
        ),
        (
            "write: 10,000 stages",
            Box::new(|| {
                let map = mermaid::from_str(&sections(10_000)).expect("reads");
                bench("write csv: 10,000 stages", 0, || {
                    black_box(csv::to_string(black_box(&map)));
                });
                bench("write mermaid: 10,000 stages", 0, || {
                    black_box(mermaid::to_string(black_box(&map)));
                });
            }),
        ),
        (
            "10,000-card map",
            Box::new(move || {
                let text = csv::to_string(&big);
                bench("write csv: 10,000-card map", text.len(), || {
                    black_box(csv::to_string(black_box(&big)));
                });
                read_csv("read csv: 10,000-card map", &text);
                let text = mermaid::to_string(&big);
                bench("write mermaid: 10,000-card map", text.len(), || {
                    black_box(mermaid::to_string(black_box(&big)));
                });
                read_mermaid("read mermaid: 10,000-card map", &text);
            }),
        ),
    ];
    for (name, run) in &cases {
        if wanted(name) {
            run();
        }
    }
}
