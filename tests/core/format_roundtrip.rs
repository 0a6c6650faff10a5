//! The RON file is a contract: round trips, byte-identical saves, and
//! errors that name the file and line:column.

use std::sync::Arc;

use waymark::format::{self, LoadErrorKind};
use waymark::interchange::sample::sample_map;
use waymark::model::{Card, Emotion, Map};

#[test]
fn sample_round_trips_to_an_equal_map_and_identical_bytes() {
    let map = sample_map();
    let text = format::to_string(&map);
    let back = format::from_str(&text, "sample.ron").expect("sample loads");
    assert_eq!(back, map);
    assert_eq!(format::to_string(&back), text);
}

#[test]
fn file_starts_with_format_and_version() {
    let text = format::to_string(&Map::blank());
    let first: Vec<&str> = text.lines().take(3).collect();
    assert_eq!(first, ["(", "    format: \"waymark\",", "    version: 2,"]);
}

#[test]
fn editing_one_card_changes_few_lines() {
    let mut map = sample_map();
    let before = format::to_string(&map);
    let card = Arc::make_mut(&mut map.cards[5]);
    card.title = "A new title".into();
    card.emotion = Some(Emotion::new(-2, "angry"));
    let after = format::to_string(&map);
    let changed = before
        .lines()
        .zip(after.lines())
        .filter(|(a, b)| a != b)
        .count();
    assert_eq!(before.lines().count(), after.lines().count());
    assert!(changed <= 3, "{changed} lines changed");
}

#[test]
fn saved_file_is_byte_identical_when_saved_again() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("map.ron");
    format::save(&sample_map(), &path).unwrap();
    let first = std::fs::read(&path).unwrap();
    let loaded = format::load(&path).unwrap();
    format::save(&loaded, &path).unwrap();
    assert_eq!(std::fs::read(&path).unwrap(), first);
    // No temp files are left behind; the previous version is kept.
    let mut names: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names, ["map.ron", "map.ron.bak"]);
}

fn error_of(text: &str) -> waymark::format::LoadError {
    format::from_str(text, "bad.ron").expect_err("must not load")
}

#[test]
fn syntax_error_reports_line_and_column() {
    let mut text = format::to_string(&sample_map());
    // Break line 5: drop the colon after a field name.
    let mut lines: Vec<String> = text.lines().map(str::to_owned).collect();
    assert!(lines[4].contains("title:"), "{}", lines[4]);
    lines[4] = lines[4].replacen("title:", "title", 1);
    text = lines.join("\n");
    let err = error_of(&text);
    assert_eq!(err.position.map(|p| p.0), Some(5), "{err}");
    assert!(err.to_string().starts_with("bad.ron:5:"), "{err}");
}

#[test]
fn out_of_range_emotion_is_reported_where_it_stands() {
    let text = format::to_string(&sample_map());
    let line = text
        .lines()
        .position(|l| l.contains("score: 2,"))
        .expect("sample has a +2 score")
        + 1;
    let broken = text.replacen("score: 2,", "score: 7,", 1);
    let err = error_of(&broken);
    assert_eq!(err.position.map(|p| p.0), Some(line), "{err}");
    assert!(
        err.to_string().contains("outside the range -2 to +2"),
        "{err}"
    );
}

#[test]
fn unknown_channel_names_the_choices() {
    let text = format::to_string(&sample_map()).replacen("channel: Email", "channel: Pigeon", 1);
    let err = error_of(&text);
    let msg = err.to_string();
    assert!(msg.contains("`Pigeon` is not a known value"), "{msg}");
    assert!(msg.contains("`Email`"), "{msg}");
}

#[test]
fn newer_version_is_refused_and_never_overwritten() {
    let text = format::to_string(&Map::blank()).replacen("version: 2", "version: 9", 1);
    let err = error_of(&text.replace("title:", "headline:"));
    assert_eq!(err.kind, LoadErrorKind::NewerVersion { version: 9 });
    assert!(err.to_string().contains("newer Waymark"));

    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("future.ron");
    std::fs::write(&path, &text).unwrap();
    let save = format::save(&Map::blank(), &path);
    assert!(save.is_err());
    assert_eq!(std::fs::read_to_string(&path).unwrap(), text);
}

#[test]
fn garbage_never_panics() {
    let inputs = [
        String::new(),
        "(".into(),
        "[".repeat(100_000),
        "\u{0}\u{1}binary".into(),
        "(version: 1)".into(),
        "(format: \"other\", version: 1, map: (title: \"x\"))".into(),
        "(version: 1, map: (title: \"x\", cards: [(id: 1, stage: 2, lane: 3, title: \"c\")]))"
            .into(),
        "(version: -1, map: ())".into(),
    ];
    for input in &inputs {
        let err = format::from_str(input, "x.ron").expect_err("must be refused");
        assert!(!err.to_string().is_empty());
    }
}

#[test]
fn dangling_card_reference_is_explained() {
    let mut map = Map::blank();
    let stage = map.stages[0].id;
    let lane = map.lanes[0].id;
    let id = map.new_card_id();
    map.cards.push(Arc::new(Card::new(id, stage, lane, "Ad")));
    map.stages.remove(0);
    let err = error_of(&format::to_string(&map));
    assert!(err.to_string().contains("which does not exist"), "{err}");
}

#[test]
fn missing_file_is_an_error_not_a_panic() {
    let err = format::load(std::path::Path::new("/nonexistent/map.ron")).unwrap_err();
    assert!(err.to_string().contains("/nonexistent/map.ron"));
}

#[test]
fn bundled_sample_file_matches_the_built_in_sample() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/sample.ron");
    let expected = format::to_string(&sample_map());
    if std::env::var_os("WAYMARK_UPDATE_ASSETS").is_some() {
        std::fs::write(&path, &expected).unwrap();
    }
    let on_disk = std::fs::read_to_string(&path).expect("assets/sample.ron exists");
    assert_eq!(
        on_disk, expected,
        "run with WAYMARK_UPDATE_ASSETS=1 to refresh"
    );
    assert_eq!(format::load(&path).unwrap(), sample_map());
}

#[test]
fn awkward_text_round_trips() {
    let mut map = sample_map();
    let card = Arc::make_mut(&mut map.cards[0]);
    card.title = "Quote \" back\\slash r#\"raw\"# and 💬 émotion".into();
    card.notes = "line one\nline two\ttabbed\r\nend".into();
    map.title = "\"#\"##".into();
    let text = format::to_string(&map);
    let back = format::from_str(&text, "x.ron").expect("loads");
    assert_eq!(back, map);
    assert_eq!(format::to_string(&back), text);
}
