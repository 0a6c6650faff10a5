//! `waymark export` as a script runs it: exit codes, messages, files.

use std::path::Path;
use std::process::{Command, Output};

use waymark::format;
use waymark::interchange::sample::sample_map;

fn waymark(args: &[&str], dir: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_waymark"))
        .args(args)
        .current_dir(dir)
        // No display: the export must not need one.
        .env_remove("DISPLAY")
        .env_remove("WAYLAND_DISPLAY")
        .output()
        .expect("the binary runs")
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn code(out: &Output) -> i32 {
    out.status.code().expect("exited, not killed")
}

fn sample_file(dir: &Path) -> std::path::PathBuf {
    let path = dir.join("boots.ron");
    format::save(&sample_map(), &path).expect("saved");
    path
}

#[test]
fn png_and_svg_exports_succeed_with_exit_code_0() {
    let dir = tempfile::tempdir().expect("temp dir");
    sample_file(dir.path());
    let out = waymark(&["export", "boots.ron", "-o", "boots.png"], dir.path());
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let png = std::fs::read(dir.path().join("boots.png")).expect("png written");
    assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
    assert!(String::from_utf8_lossy(&out.stdout).contains("boots.png"));

    let out = waymark(
        &[
            "export",
            "boots.ron",
            "-o",
            "big.png",
            "--scale",
            "2x",
            "--theme",
            "dark",
            "--transparent",
        ],
        dir.path(),
    );
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let big = std::fs::read(dir.path().join("big.png")).expect("written");
    let size = |b: &[u8]| {
        let w = u32::from_be_bytes([b[16], b[17], b[18], b[19]]);
        let h = u32::from_be_bytes([b[20], b[21], b[22], b[23]]);
        (w, h)
    };
    assert_eq!(size(&big).0, size(&png).0 * 2);

    let out = waymark(&["export", "boots.ron", "-o", "boots.svg"], dir.path());
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let svg = std::fs::read_to_string(dir.path().join("boots.svg")).expect("svg written");
    assert!(svg.contains("<svg") && svg.contains("Instagram trail video"));
}

#[test]
fn other_extensions_go_to_save_any() {
    let dir = tempfile::tempdir().expect("temp dir");
    sample_file(dir.path());
    let out = waymark(&["export", "boots.ron", "-o", "copy.ron"], dir.path());
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let copy = format::load(&dir.path().join("copy.ron")).expect("a valid map");
    assert_eq!(copy, sample_map());

    let out = waymark(&["export", "boots.ron", "-o", "boots.docx"], dir.path());
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    assert!(stderr(&out).contains(".docx"), "{}", stderr(&out));
    // The formats it can write, the diagrams included.
    for ext in [".png", ".svg", ".pdf", ".ron", ".mmd", ".csv"] {
        assert!(stderr(&out).contains(ext), "{ext}: {}", stderr(&out));
    }
    let out = waymark(&["export", "boots.ron", "-o", "noext"], dir.path());
    assert_eq!(code(&out), 2, "{}", stderr(&out));
}

#[test]
fn a_missing_input_exits_2_naming_the_file() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = waymark(&["export", "nope.ron", "-o", "out.png"], dir.path());
    assert_eq!(code(&out), 2);
    assert!(stderr(&out).contains("nope.ron"), "{}", stderr(&out));
    assert!(!dir.path().join("out.png").exists());
}

#[test]
fn a_malformed_input_exits_2_with_line_and_column() {
    let dir = tempfile::tempdir().expect("temp dir");
    let text = format::to_string(&sample_map()).replacen("stages: [", "stages: [[[", 1);
    std::fs::write(dir.path().join("bad.ron"), text).expect("write");
    let out = waymark(&["export", "bad.ron", "-o", "out.png"], dir.path());
    assert_eq!(code(&out), 2);
    let err = stderr(&out);
    // "bad.ron:LINE:COL: reason"
    let pos = err.split("bad.ron:").nth(1).expect("names the file");
    let mut parts = pos.split(':');
    let line: usize = parts.next().and_then(|l| l.parse().ok()).expect("a line");
    let col: usize = parts
        .next()
        .and_then(|c| c.trim().parse().ok())
        .expect("a col");
    assert!(line > 1 && col > 0, "{err}");
    assert!(!dir.path().join("out.png").exists());
}

#[test]
fn a_newer_version_exits_2_and_says_so() {
    let dir = tempfile::tempdir().expect("temp dir");
    let text = format::to_string(&sample_map()).replacen(
        &format!("version: {}", format::FORMAT_VERSION),
        "version: 99",
        1,
    );
    assert!(text.contains("version: 99"));
    std::fs::write(dir.path().join("new.ron"), text).expect("write");
    let out = waymark(&["export", "new.ron", "-o", "out.svg"], dir.path());
    assert_eq!(code(&out), 2);
    let err = stderr(&out);
    assert!(err.contains("newer") && err.contains("99"), "{err}");
}

#[test]
fn the_input_is_never_overwritten() {
    let dir = tempfile::tempdir().expect("temp dir");
    let input = sample_file(dir.path());
    let before = std::fs::read(&input).expect("read");
    for output in [
        "boots.ron",
        "./boots.ron",
        input.to_str().expect("utf-8 path"),
    ] {
        let out = waymark(&["export", "boots.ron", "-o", output], dir.path());
        assert_eq!(code(&out), 2, "{output}: {}", stderr(&out));
        assert!(stderr(&out).contains("input"), "{}", stderr(&out));
    }
    assert_eq!(std::fs::read(&input).expect("read"), before);
}

#[test]
fn a_map_too_large_exits_1_and_proposes_a_scale() {
    let dir = tempfile::tempdir().expect("temp dir");
    format::save(
        &waymark::model::generated::generated_map(waymark::model::generated::Shape {
            stages: 80,
            lanes: 2,
            cards: 160,
            personas: 0,
        }),
        &dir.path().join("wide.ron"),
    )
    .expect("saved");
    let out = waymark(
        &["export", "wide.ron", "-o", "wide.png", "--scale", "3"],
        dir.path(),
    );
    assert_eq!(code(&out), 1);
    let err = stderr(&out);
    assert!(err.contains("largest scale that fits"), "{err}");
    assert!(err.contains("try --scale 0."), "{err}");
    assert!(!dir.path().join("wide.png").exists());
}

#[test]
fn bad_arguments_exit_2() {
    let dir = tempfile::tempdir().expect("temp dir");
    sample_file(dir.path());
    for args in [
        &["export", "boots.ron", "-o", "x.png", "--scale", "huge"][..],
        &["export", "boots.ron", "-o", "x.png", "--scale", "0"],
        &["export", "boots.ron", "-o", "x.png", "--theme", "purple"],
        &["export", "boots.ron"],
    ] {
        let out = waymark(args, dir.path());
        assert_eq!(code(&out), 2, "{args:?}: {}", stderr(&out));
    }
    assert!(!dir.path().join("x.png").exists());
}

#[test]
fn a_write_failure_exits_1() {
    let dir = tempfile::tempdir().expect("temp dir");
    sample_file(dir.path());
    let out = waymark(
        &["export", "boots.ron", "-o", "no/such/dir/x.png"],
        dir.path(),
    );
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    assert!(stderr(&out).contains("could not write"), "{}", stderr(&out));
}

/// `waymark export` with only the given font files as fallbacks, none of
/// the system's: what a machine without CJK fonts sees.
fn waymark_with_fonts(args: &[&str], dir: &Path, fonts: &str) -> Output {
    Command::new(env!("CARGO_BIN_EXE_waymark"))
        .args(args)
        .current_dir(dir)
        .env_remove("DISPLAY")
        .env_remove("WAYLAND_DISPLAY")
        .env("WAYMARK_SYSTEM_FONTS", "0")
        .env("WAYMARK_FONTS", fonts)
        .output()
        .expect("the binary runs")
}

#[test]
fn export_warns_once_about_a_script_no_font_covers_and_still_writes() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut map = sample_map();
    map.title = "インスタ広告 — 登山靴の動画".into();
    let mut card = (*map.cards[0]).clone();
    card.title = "決済".into();
    map.cards[0] = std::sync::Arc::new(card);
    format::save(&map, &dir.path().join("jp.ron")).expect("saved");

    let out = waymark_with_fonts(&["export", "jp.ron", "-o", "jp.png"], dir.path(), "");
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert!(dir.path().join("jp.png").exists());
    let err = stderr(&out);
    assert_eq!(err.matches("warning").count(), 1, "{err}");
    assert!(err.contains("Japanese"), "{err}");
    assert!(err.contains("fonts-noto-cjk"), "{err}");

    // The near miss: with a font that has these letters, no warning.
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/fonts");
    let out = waymark_with_fonts(
        &["export", "jp.ron", "-o", "jp2.png"],
        dir.path(),
        &fixture.display().to_string(),
    );
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert_eq!(stderr(&out), "");
}

#[test]
fn persona_curves_are_drawn_only_when_named() {
    let dir = tempfile::tempdir().expect("temp dir");
    sample_file(dir.path());
    let out = waymark(&["export", "boots.ron", "-o", "plain.svg"], dir.path());
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let out = waymark(
        &[
            "export",
            "boots.ron",
            "-o",
            "tom.svg",
            "--persona",
            "tom, GIFT buyer",
        ],
        dir.path(),
    );
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let plain = std::fs::read(dir.path().join("plain.svg")).expect("written");
    let tom = std::fs::read(dir.path().join("tom.svg")).expect("written");
    assert_ne!(plain, tom, "Tom's curve adds shapes");

    let out = waymark(
        &["export", "boots.ron", "-o", "x.svg", "--persona", "Nobody"],
        dir.path(),
    );
    assert_eq!(code(&out), 2);
    assert!(
        stderr(&out).contains("Maya, weekend hiker"),
        "{}",
        stderr(&out)
    );
}
