//! `waymark check` as a script sees it: output, JSON, exit codes.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use waymark::interchange::sample::sample_map;
use waymark::model::Map;

fn check(map: &Path, extra: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_waymark"))
        .arg("check")
        .arg(map)
        .args(extra)
        .output()
        .expect("the binary runs")
}

fn saved(dir: &tempfile::TempDir, name: &str, map: &Map) -> PathBuf {
    let path = dir.path().join(name);
    waymark::format::save(map, &path).expect("save");
    path
}

fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn sample_passes_by_default_with_errors_first_and_a_summary() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = saved(&dir, "sample.ron", &sample_map());
    let out = check(&path, &[]);
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let text = stdout(&out);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(
        lines,
        [
            "warning assumed-low-point map: The lowest point of 1 stage rests only on an \
             assumption: \"Are my old boots the reason my feet hurt?\" (Awareness).",
            "info missing-owner map: 1 touchpoint has no owner: \"Friend's recommendation\" \
             (Awareness).",
            "2 findings: 1 warning, 1 info",
        ],
        "{text}"
    );
}

#[test]
fn a_clean_map_says_so_in_one_line() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut clean = Map::new("Nothing");
    let lane = clean.new_lane_id();
    clean.lanes.push(waymark::model::Lane::new(
        lane,
        waymark::model::LaneKind::Touchpoints,
    ));
    let path = saved(&dir, "map.ron", &clean);
    let out = check(&path, &[]);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(stdout(&out), "no findings in map.ron\n");
}

#[test]
fn the_summary_counts_each_severity_with_plurals() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut map = sample_map();
    // Names with no funnel role, so stage-order stays out of it.
    for name in ["Team offsite", "Backlog"] {
        let id = map.new_stage_id();
        map.stages.push(waymark::model::Stage::new(id, name));
    }
    let path = saved(&dir, "gaps.ron", &map);
    let out = check(&path, &[]);
    assert_eq!(out.status.code(), Some(1));
    let text = stdout(&out);
    let lines: Vec<&str> = text.lines().collect();
    // Errors first.
    assert!(
        lines[0].starts_with("error empty-stage Team offsite: "),
        "{text}"
    );
    assert!(
        lines[1].starts_with("error empty-stage Backlog: "),
        "{text}"
    );
    assert_eq!(
        lines.last(),
        Some(&"4 findings: 2 errors, 1 warning, 1 info")
    );
}

#[test]
fn explain_prints_reason_condition_and_example() {
    let out = Command::new(env!("CARGO_BIN_EXE_waymark"))
        .args(["check", "--explain", "channel-dropped"])
        .output()
        .expect("the binary runs");
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let text = stdout(&out);
    assert!(text.starts_with("channel-dropped (info)\n"), "{text}");
    for heading in ["\nWhy:\n", "\nWhen:\n", "\nExample:\n"] {
        assert!(text.contains(heading), "{heading} in {text}");
    }
    assert!(text.contains("hands the customer over"), "{text}");

    let out = Command::new(env!("CARGO_BIN_EXE_waymark"))
        .args(["check", "--explain", "no-such-rule"])
        .output()
        .expect("the binary runs");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("assumed-low-point"));
}

#[test]
fn fail_on_sets_the_threshold() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = saved(&dir, "sample.ron", &sample_map());
    // The sample's worst finding is a warning.
    assert_eq!(check(&path, &["--fail-on", "error"]).status.code(), Some(0));
    assert_eq!(
        check(&path, &["--fail-on", "warning"]).status.code(),
        Some(1)
    );

    // An empty stage is an error: fails at the default level.
    let mut map = sample_map();
    let id = map.new_stage_id();
    map.stages.push(waymark::model::Stage::new(id, "Renewal"));
    let path = saved(&dir, "gap.ron", &map);
    let out = check(&path, &[]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stdout(&out).contains("error empty-stage Renewal: "),
        "{}",
        stdout(&out)
    );

    // A clean map passes even at info.
    let mut clean = Map::new("Nothing");
    let lane = clean.new_lane_id();
    clean.lanes.push(waymark::model::Lane::new(
        lane,
        waymark::model::LaneKind::Touchpoints,
    ));
    let path = saved(&dir, "clean.ron", &clean);
    let out = check(&path, &["--fail-on", "info"]);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(stdout(&out), "no findings in clean.ron\n");
}

#[test]
fn json_is_an_array_of_findings_with_stage_ids_and_names() {
    let dir = tempfile::tempdir().expect("tempdir");
    let map = sample_map();
    let path = saved(&dir, "sample.ron", &map);
    let out = check(&path, &["--format", "json"]);
    assert_eq!(out.status.code(), Some(0));
    let value: serde_json::Value = serde_json::from_slice(&out.stdout).expect("valid JSON");
    let findings = value.as_array().expect("an array");
    assert_eq!(findings.len(), 2);
    let first = &findings[0];
    assert_eq!(first["rule"], "assumed-low-point");
    assert_eq!(first["severity"], "warning");
    assert_eq!(first["key"], "map");
    let owner = &findings[1];
    assert_eq!(owner["rule"], "missing-owner");
    assert!(
        owner["message"]
            .as_str()
            .is_some_and(|m| m.contains("no owner"))
    );
    // An aggregated finding lists its cards, each by key and name.
    let friend = map
        .cards
        .iter()
        .find(|c| c.title == "Friend's recommendation")
        .expect("the sample has it");
    assert_eq!(owner["parts"][0]["key"], format!("card:{}", friend.id));
    assert_eq!(
        owner["parts"][0]["name"],
        "\"Friend's recommendation\" (Awareness)"
    );

    // A stage pair names both stages, with ids.
    let mut map = map;
    let stages = [map.stages[0].id, map.stages[1].id];
    for card in &mut map.cards {
        if card.stage == stages[1] {
            std::sync::Arc::make_mut(card).emotion = Some(waymark::model::Emotion::new(-2, ""));
        }
    }
    let touch = map.lanes[0].id;
    assert_eq!(map.lanes[0].kind, waymark::model::LaneKind::Touchpoints);
    map.cards
        .retain(|c| c.stage != stages[1] || c.lane == touch);
    let path = saved(&dir, "drop.ron", &map);
    let value: serde_json::Value =
        serde_json::from_slice(&check(&path, &["--format", "json"]).stdout).expect("valid JSON");
    let pair = value
        .as_array()
        .and_then(|a| a.iter().find(|f| f["rule"] == "emotion-drop"))
        .expect("a drop");
    assert_eq!(pair["stages"].as_array().map(Vec::len), Some(2));
    assert_eq!(pair["stages"][0]["id"], stages[0].0);
    assert_eq!(pair["stages"][1]["name"], "Consideration");
}

#[test]
fn unusable_input_exits_2_with_the_position() {
    let dir = tempfile::tempdir().expect("tempdir");
    let missing = dir.path().join("nope.ron");
    let out = check(&missing, &[]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("nope.ron"));
    assert!(out.stdout.is_empty());

    let bad = dir.path().join("bad.ron");
    std::fs::write(
        &bad,
        "(\n    format: \"waymark\",\n    version: 1,\n    map: ( title: 5 ),\n)\n",
    )
    .expect("write");
    let out = check(&bad, &["--format", "json"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    let prefix = format!("{}:4:", bad.display());
    assert!(err.starts_with(&prefix), "{err}");
}

/// The funnel's numbers reach scripts: the biggest-drop-off finding's
/// stages carry their volume and period in the JSON, and the text names
/// the stage and the counts.
#[test]
fn json_stages_carry_their_volumes() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut map = waymark::interchange::templates::load(
        waymark::interchange::templates::by_id("service-blueprint").unwrap(),
    );
    for (stage, v) in map
        .stages
        .iter_mut()
        .zip([12_000, 11_000, 3_000, 2_900, 2_800])
    {
        stage.volume = Some(v);
        stage.period = "March 2026".into();
    }
    let path = saved(&dir, "blueprint.ron", &map);
    let out = check(&path, &["--format", "json"]);
    assert_eq!(out.status.code(), Some(0), "a warning passes by default");
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let finding = json
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["rule"] == "biggest-drop-off")
        .expect("the drop-off is found");
    // Checking in is where guests leave, and where the emotion falls.
    assert_eq!(finding["stages"][0]["name"], "Book a room");
    assert_eq!(finding["stages"][0]["volume"], 11_000);
    assert_eq!(finding["stages"][0]["period"], "March 2026");
    assert_eq!(finding["stages"][1]["volume"], 3_000);
    let text = stdout(&check(&path, &[]));
    assert!(
        text.contains(
            "warning biggest-drop-off Book a room > Arrive and check in: \"Arrive and check in\" \
             loses 73 % of the customers who reached \"Book a room\" (11,000 → 3,000)"
        ),
        "{text}"
    );
    assert_eq!(
        check(&path, &["--fail-on", "warning"]).status.code(),
        Some(1)
    );
}

#[test]
fn json_cards_carry_their_dot_votes() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut map = sample_map();
    let friend = map
        .cards
        .iter_mut()
        .find(|c| c.title == "Friend's recommendation")
        .expect("the sample has it");
    std::sync::Arc::make_mut(friend).votes = 4;
    let path = saved(&dir, "voted.ron", &map);
    let value: serde_json::Value =
        serde_json::from_slice(&check(&path, &["--format", "json"]).stdout).expect("valid JSON");
    let owner = value
        .as_array()
        .and_then(|f| f.iter().find(|f| f["rule"] == "missing-owner"))
        .expect("the missing-owner finding");
    assert_eq!(
        owner["parts"][0]["name"],
        "\"Friend's recommendation\" (Awareness)"
    );
    assert_eq!(owner["parts"][0]["votes"], 4);
    // A card without dots says 0: the field is always there for cards.
    map.cards
        .iter_mut()
        .for_each(|c| std::sync::Arc::make_mut(c).votes = 0);
    let path = saved(&dir, "plain.ron", &map);
    let value: serde_json::Value =
        serde_json::from_slice(&check(&path, &["--format", "json"]).stdout).expect("valid JSON");
    let owner = value
        .as_array()
        .and_then(|f| f.iter().find(|f| f["rule"] == "missing-owner"))
        .expect("the missing-owner finding");
    assert_eq!(owner["parts"][0]["votes"], 0);
}
