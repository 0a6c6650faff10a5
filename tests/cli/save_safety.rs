//! Saves through `waymark export -o NAME.ron`, as a script or a second
//! program would make them: backups, permissions, links, failures.

use std::fs;
use std::path::Path;
use std::process::{Command, Output};

use waymark::format;
use waymark::interchange::sample::sample_map;

fn waymark(args: &[&Path]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_waymark"))
        .args(args)
        .output()
        .unwrap()
}

/// A source map and an existing target holding an older map.
fn setup() -> (
    tempfile::TempDir,
    std::path::PathBuf,
    std::path::PathBuf,
    String,
) {
    let dir = tempfile::tempdir().unwrap();
    let source = dir.path().join("source.ron");
    format::save(&sample_map(), &source).unwrap();
    let target = dir.path().join("shared.ron");
    let mut old = sample_map();
    old.title = "The old version".to_owned();
    let old_text = format::to_string(&old);
    fs::write(&target, &old_text).unwrap();
    (dir, source, target, old_text)
}

fn export(source: &Path, target: &Path) -> Output {
    waymark(&[Path::new("export"), source, Path::new("-o"), target])
}

#[test]
fn export_over_a_map_keeps_the_previous_version_as_bak() {
    let (_dir, source, target, old_text) = setup();
    let out = export(&source, &target);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(format::load(&target).unwrap(), sample_map());
    let bak = target.with_file_name("shared.ron.bak");
    assert_eq!(fs::read_to_string(bak).unwrap(), old_text);
}

#[cfg(unix)]
#[test]
fn export_keeps_a_private_file_private_and_a_link_a_link() {
    use std::os::unix::fs::PermissionsExt as _;
    let (dir, source, target, _) = setup();
    fs::set_permissions(&target, fs::Permissions::from_mode(0o600)).unwrap();
    let link = dir.path().join("link.ron");
    std::os::unix::fs::symlink("shared.ron", &link).unwrap();

    let out = export(&source, &link);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(fs::symlink_metadata(&link).unwrap().is_symlink());
    assert_eq!(format::load(&target).unwrap(), sample_map());
    let mode = fs::metadata(&target).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600);
}

#[test]
fn export_into_a_missing_folder_fails_clearly() {
    let (dir, source, _, _) = setup();
    let target = dir.path().join("no-such-folder").join("map.ron");
    let out = export(&source, &target);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("does not exist"), "{stderr}");
}

/// A write that the system refuses halfway (here a file-size limit, the
/// same path in the code as a full disk) leaves the old file whole and no
/// temp file behind.
#[cfg(unix)]
#[test]
fn a_write_refused_halfway_leaves_the_old_file_untouched() {
    let (dir, source, target, old_text) = setup();
    let script = format!(
        "trap '' XFSZ; ulimit -f 4; exec '{}' export '{}' -o '{}'",
        env!("CARGO_BIN_EXE_waymark"),
        source.display(),
        target.display()
    );
    let out = Command::new("sh").arg("-c").arg(script).output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("could not write"), "{stderr}");
    assert!(
        stderr.contains("larger than this system allows"),
        "{stderr}"
    );
    assert_eq!(fs::read_to_string(&target).unwrap(), old_text);
    let names: Vec<_> = fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains("waymark-tmp"))
        .collect();
    assert!(names.is_empty(), "{names:?}");
}

#[test]
fn export_refuses_to_overwrite_a_newer_map() {
    let (_dir, source, target, _) = setup();
    let newer = format::to_string(&sample_map()).replacen("version: 2", "version: 99", 1);
    fs::write(&target, &newer).unwrap();
    let out = export(&source, &target);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("newer Waymark"));
    assert_eq!(fs::read_to_string(&target).unwrap(), newer);
}

#[test]
fn check_warns_about_unknown_fields_with_line_and_column() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("extra.ron");
    let text = format::to_string(&sample_map()).replacen(
        "        title:",
        "        mood: \"sunny\",\n        title:",
        1,
    );
    let line = text.lines().position(|l| l.contains("mood:")).unwrap() + 1;
    fs::write(&path, text).unwrap();
    let out = waymark(&[Path::new("check"), &path]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_ne!(out.status.code(), Some(2), "{stderr}");
    let expected = format!(
        "{}:{line}:9: warning: unknown field `mood` (at map.mood)",
        path.display()
    );
    assert!(stderr.contains(&expected), "{stderr}\nwanted {expected}");
}
