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
fn sample_passes_by_default_and_prints_one_line_per_finding() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = saved(&dir, "sample.ron", &sample_map());
    let out = check(&path, &[]);
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let text = stdout(&out);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 8, "{text}");
    assert_eq!(
        lines[0],
        "info missing-owner Awareness: Touchpoint \"Friend's recommendation\" in \"Awareness\" has no owner."
    );
    assert!(
        lines[1].starts_with("info channel-dropped Awareness > Consideration: Social is used"),
        "{}",
        lines[1]
    );
}

#[test]
fn fail_on_sets_the_threshold() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = saved(&dir, "sample.ron", &sample_map());
    // The sample's findings are all info.
    assert_eq!(
        check(&path, &["--fail-on", "warning"]).status.code(),
        Some(0)
    );
    assert_eq!(check(&path, &["--fail-on", "info"]).status.code(), Some(1));

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
    assert_eq!(stdout(&out), "");
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
    assert_eq!(findings.len(), 8);
    let first = &findings[0];
    assert_eq!(first["rule"], "missing-owner");
    assert_eq!(first["severity"], "info");
    assert!(
        first["message"]
            .as_str()
            .is_some_and(|m| m.contains("no owner"))
    );
    assert_eq!(first["stages"][0]["name"], "Awareness");
    assert_eq!(first["stages"][0]["id"], map.stages[0].id.0);
    assert_eq!(first["card"]["title"], "Friend's recommendation");
    let pair = &findings[1];
    assert_eq!(pair["rule"], "channel-dropped");
    assert_eq!(pair["stages"].as_array().map(Vec::len), Some(2));
    assert_eq!(pair["stages"][1]["name"], "Consideration");
    assert_eq!(pair["channel"], "Social");
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
