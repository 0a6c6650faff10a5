//! Every file in `tests/bad_files/` must be refused with the message in its
//! `.expected` sibling (file:line:col and words), by the library and by
//! `waymark check` (exit code 2), and no message may show a Rust type name.

use std::path::{Path, PathBuf};
use std::process::Command;

use waymark::format;

fn bad_files() -> Vec<(PathBuf, String)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/bad_files");
    let mut files: Vec<(PathBuf, String)> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "ron"))
        .map(|p| {
            let expected = std::fs::read_to_string(p.with_extension("expected"))
                .unwrap_or_else(|_| panic!("{} has no .expected file", p.display()));
            (p, expected.trim_end_matches('\n').to_owned())
        })
        .collect();
    files.sort();
    assert!(files.len() >= 20, "only {} bad files", files.len());
    files
}

/// Words that must never reach a user.
const INTERNAL: [&str; 4] = ["EnvelopeIn", "Probe", "struct ", "SpannedError"];

#[test]
fn each_bad_file_gives_its_message_through_the_library() {
    let mut failures = Vec::new();
    for (path, expected) in bad_files() {
        let message = match format::load(&path) {
            Ok(_) => "(it loaded)".to_owned(),
            Err(err) => err.to_string(),
        };
        let wanted = format!("{}{expected}", path.display());
        let prefix_ok = if expected.starts_with(':') {
            message.starts_with(&wanted)
        } else {
            message.contains(&expected)
        };
        if !prefix_ok || INTERNAL.iter().any(|w| message.contains(w)) {
            failures.push(format!(
                "{}\n  got:  {message}\n  want: {expected}",
                path.display()
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn each_bad_file_fails_waymark_check_with_exit_code_2() {
    let mut failures = Vec::new();
    for (path, expected) in bad_files() {
        let out = Command::new(env!("CARGO_BIN_EXE_waymark"))
            .arg("check")
            .arg(&path)
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        if out.status.code() != Some(2) || !stderr.contains(&expected) {
            failures.push(format!(
                "{}: exit {:?}, stderr {stderr}",
                path.display(),
                out.status.code()
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn the_position_of_a_conflict_is_the_line_of_its_first_marker() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/bad_files/conflict_markers.ron");
    let text = std::fs::read_to_string(&path).unwrap();
    let marker_line = text.lines().position(|l| l.starts_with("<<<<<<<")).unwrap() + 1;
    let err = format::load(&path).unwrap_err();
    assert_eq!(err.position, Some((marker_line, 1)));
}
