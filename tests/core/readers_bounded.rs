//! Hostile inputs to the Mermaid and CSV readers (issue 10): inputs that
//! used to cost time quadratic in their size read in linear time now, and
//! inputs past the limits are refused with a message that says the limit.
//!
//! The sizes are chosen so that the old quadratic readers took from one to
//! many seconds even in a release build (`benches/readers.rs` on a busy
//! 2-core machine; numbers in each test), where the linear ones take a few
//! milliseconds. Each test checks what was read; `benches/readers.rs`
//! measures the speed.

use std::time::{Duration, Instant};

use waymark::interchange::limits::{
    MAX_CARDS, MAX_INPUT_BYTES, MAX_LANES, MAX_PERSONAS, MAX_STAGES,
};
use waymark::interchange::{csv, mermaid};

/// Far above what the linear readers need for these inputs in a debug
/// build on a busy machine, far below what the quadratic ones took.
const GENEROUS: Duration = Duration::from_secs(5);

fn timed<T>(what: &str, run: impl FnOnce() -> T) -> T {
    let start = Instant::now();
    let out = run();
    let took = start.elapsed();
    assert!(took < GENEROUS, "{what} took {took:?}");
    out
}

fn names(prefix: &str, n: usize, separator: &str) -> String {
    let names: Vec<String> = (0..n).map(|i| format!("{prefix}{i}")).collect();
    names.join(separator)
}

#[test]
fn many_actors_on_one_task_read_in_linear_time() {
    // 10,000 actors: 1.0 s in a release build with the old `Vec::contains`
    // (100,000: 224 s), 52 ms now.
    let text = format!(
        "journey\nsection S\nTask: 3: {}\n",
        names("a", MAX_PERSONAS, ", ")
    );
    let map = timed("10,000 actors", || mermaid::from_str(&text)).expect("reads");
    assert_eq!(map.personas.len(), MAX_PERSONAS);
    assert_eq!(map.cards[0].personas.len(), MAX_PERSONAS);
    // Written back, the personas are looked up by id in a map, not a scan.
    let written = timed("writing 10,000 actors", || mermaid::to_string(&map));
    assert!(written.ends_with(&format!("a{}\n", MAX_PERSONAS - 1)));
}

#[test]
fn many_acc_descr_on_one_line_read_in_linear_time() {
    // 50,000 `accDescr{}` on one line (500 KB): 58 s in a release build when
    // each one searched the rest of the line for a comment.
    let text = format!("journey\n{}title Last\n", "accDescr{x}".repeat(50_000));
    let map = timed("50,000 accDescr", || mermaid::from_str(&text)).expect("reads");
    assert_eq!(map.description, "x");
    assert_eq!(map.title, "Last");
    // A comment right after a block's brace is still a comment.
    let map = mermaid::from_str("journey\naccDescr{x}%% note\ntitle T\n").expect("reads");
    assert_eq!((map.description.as_str(), map.title.as_str()), ("x", "T"));
}

#[test]
fn many_sections_and_lanes_read_and_write_in_linear_time() {
    // 10,000 sections with an actor each; writing asked every stage x lane
    // cell for its cards (10,000 stages: 8.9 s to write in a release build,
    // 78 ms now).
    let mut text = String::from("journey\n");
    for i in 0..MAX_STAGES {
        text.push_str(&format!(
            "section S{i}\n%% lane: L{}\nT: 3: A{i}\n",
            i % 900
        ));
    }
    let map = timed("10,000 sections", || mermaid::from_str(&text)).expect("reads");
    assert_eq!(map.stages.len(), MAX_STAGES);
    assert_eq!(map.lanes.len(), 5 + 900);
    let written = timed("writing 10,000 sections", || mermaid::to_string(&map));
    let back = timed("reading it back", || mermaid::from_str(&written)).expect("reads");
    assert_eq!(back.cards.len(), map.cards.len());
    let csv_text = timed("writing CSV", || csv::to_string(&map));
    let back = timed("reading CSV", || csv::from_str(&csv_text, "x")).expect("reads");
    assert_eq!(back.stages.len(), MAX_STAGES);
}

#[test]
fn many_personas_in_one_cell_read_in_linear_time() {
    // 10,000 personas in one cell: 9.4 s in a release build when each name
    // was looked for among all personas made so far.
    let text = format!(
        "stage,title,personas\r\nS,T,{}\r\n",
        names("p", MAX_PERSONAS, "; ")
    );
    let map = timed("10,000 personas", || csv::from_str(&text, "x")).expect("reads");
    assert_eq!(map.personas.len(), MAX_PERSONAS);
    assert_eq!(map.cards[0].personas.len(), MAX_PERSONAS);
    // The same names again, many times over: one persona each.
    let text = format!(
        "stage,title,personas\r\nS,T,{}\r\n",
        ["p1; P1; p2"; 20_000].join("; ")
    );
    let map = timed("60,000 repeated names", || csv::from_str(&text, "x")).expect("reads");
    assert_eq!(map.personas.len(), 2);
    assert_eq!(map.cards[0].personas.len(), 2);
}

#[test]
fn many_rows_with_new_names_read_in_linear_time() {
    // 10,000 rows, each with a stage, a lane and a persona of its own.
    let mut text = String::from("stage,lane,title,personas\r\n");
    for i in 0..MAX_STAGES {
        text.push_str(&format!("S{i},L{},T{i},P{i}\r\n", i % 900));
    }
    let map = timed("10,000 rows", || csv::from_str(&text, "x")).expect("reads");
    assert_eq!(map.stages.len(), MAX_STAGES);
    assert_eq!(map.personas.len(), MAX_PERSONAS);
    assert_eq!(map.lanes.len(), 900);
}

#[test]
fn a_header_of_many_empty_columns_costs_once_not_per_row() {
    // Every row used to look its fields up among all header columns, and
    // the csv crate's `records()` cloned each row with room for them all
    // (6.6 s in a debug build).
    let text = format!(
        "stage,title{}\r\n{}",
        ",".repeat(100_000),
        "S,T\r\n".repeat(20_000)
    );
    let map = timed("100,000 columns x 20,000 rows", || {
        csv::from_str(&text, "x")
    })
    .expect("reads");
    assert_eq!(map.cards.len(), 20_000);
}

#[test]
fn mermaid_past_the_limits_is_refused_with_the_limit() {
    let cases = [
        (
            format!(
                "journey\nsection S\nT: 3: {}\n",
                names("a", MAX_PERSONAS + 1, ",")
            ),
            "at most 10,000 personas",
        ),
        (
            format!("journey\n{}", names("section S", MAX_STAGES + 1, "\n")),
            "at most 10,000 stages",
        ),
        (
            format!("journey\nsection S\n{}", "T: 3\n".repeat(MAX_CARDS + 1)),
            "at most 100,000 cards",
        ),
        (
            format!(
                "journey\nsection S\n{}",
                names("%% lane: L", MAX_LANES, "\nT: 3\n")
            ),
            "at most 1,000 lanes",
        ),
        (
            format!("journey\ntitle {}", "x".repeat(MAX_INPUT_BYTES)),
            "at most 32 MB",
        ),
    ];
    for (text, words) in cases {
        let err = timed(words, || mermaid::from_str(&text)).expect_err(words);
        assert!(err.message.contains(words), "{err}");
        assert!(err.line >= 1 && err.column >= 1);
    }
    // The personas error points at the first actor too many.
    let text = format!(
        "journey\nsection S\nT: 3: {}\n",
        names("a", MAX_PERSONAS + 1, ",")
    );
    let err = mermaid::from_str(&text).expect_err("too many");
    let last = format!("a{MAX_PERSONAS}");
    assert_eq!(
        (err.line, err.column),
        (3, text.lines().nth(2).unwrap().len() - last.len() + 1)
    );
}

#[test]
fn csv_past_the_limits_is_refused_with_the_limit() {
    let many = |n: usize, row: &dyn Fn(usize) -> String| -> String {
        let mut text = String::from("stage,lane,title,personas\r\n");
        for i in 0..n {
            text.push_str(&row(i));
        }
        text
    };
    let cases = [
        (
            format!(
                "stage,title,personas\r\nS,T,{}\r\n",
                names("p", MAX_PERSONAS + 1, ";")
            ),
            "at most 10,000 personas",
            2,
            Some("personas"),
        ),
        (
            many(MAX_STAGES + 1, &|i| format!("S{i},,T,\r\n")),
            "at most 10,000 stages",
            MAX_STAGES + 2,
            Some("stage"),
        ),
        (
            many(MAX_LANES + 1, &|i| format!("S,L{i},T,\r\n")),
            "at most 1,000 lanes",
            MAX_LANES + 2,
            Some("lane"),
        ),
        (
            many(MAX_CARDS + 1, &|_| "S,,T,\r\n".to_owned()),
            "at most 100,000 cards",
            MAX_CARDS + 2,
            Some("stage"),
        ),
        (
            format!("stage,title\r\nS,{}\r\n", "x".repeat(MAX_INPUT_BYTES)),
            "at most 32 MB",
            1,
            None,
        ),
    ];
    for (text, words, row, column) in cases {
        let err = timed(words, || csv::from_str(&text, "x")).expect_err(words);
        assert!(err.message.contains(words), "{err}");
        assert_eq!(err.row, row, "{err}");
        assert_eq!(err.column.as_deref(), column, "{err}");
    }
}
