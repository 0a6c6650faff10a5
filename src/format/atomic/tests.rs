use std::fs;
use std::path::Path;

use super::*;

fn names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

const BACKUP: WriteOptions = WriteOptions {
    follow_symlinks: true,
    backup: true,
};

#[test]
fn replaces_the_file_and_leaves_no_temp_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("map.ron");
    write(&path, b"one").unwrap();
    write(&path, b"two").unwrap();
    assert_eq!(fs::read(&path).unwrap(), b"two");
    assert_eq!(names(dir.path()), ["map.ron"]);
}

#[test]
fn keeps_the_previous_version_as_bak() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("map.ron");
    write_with(&path, b"first", BACKUP).unwrap();
    assert_eq!(
        names(dir.path()),
        ["map.ron"],
        "a new file has nothing to back up"
    );
    write_with(&path, b"second", BACKUP).unwrap();
    write_with(&path, b"third", BACKUP).unwrap();
    assert_eq!(fs::read(&path).unwrap(), b"third");
    assert_eq!(fs::read(dir.path().join("map.ron.bak")).unwrap(), b"second");
    assert_eq!(names(dir.path()), ["map.ron", "map.ron.bak"]);
}

#[cfg(unix)]
#[test]
fn keeps_the_permissions_of_the_file() {
    use std::os::unix::fs::PermissionsExt as _;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("private.ron");
    fs::write(&path, "old").unwrap();
    fs::set_permissions(&path, fs::Permissions::from_mode(0o600)).unwrap();
    write_with(&path, b"new", BACKUP).unwrap();
    let mode = fs::metadata(&path).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600);
    let bak = fs::metadata(dir.path().join("private.ron.bak")).unwrap();
    assert_eq!(
        bak.permissions().mode() & 0o777,
        0o600,
        "the backup stays private too"
    );
}

#[cfg(unix)]
#[test]
fn a_new_file_gets_the_same_mode_as_file_create() {
    use std::os::unix::fs::PermissionsExt as _;
    let dir = tempfile::tempdir().unwrap();
    let reference = dir.path().join("reference");
    File::create(&reference).unwrap();
    let path = dir.path().join("new.ron");
    write(&path, b"x").unwrap();
    let mode = |p: &Path| fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(&path), mode(&reference));
}

#[cfg(unix)]
#[test]
fn saves_through_a_symlink_to_its_target() {
    let dir = tempfile::tempdir().unwrap();
    let real_dir = dir.path().join("real");
    fs::create_dir(&real_dir).unwrap();
    let target = real_dir.join("map.ron");
    fs::write(&target, "old").unwrap();
    let link = dir.path().join("link.ron");
    std::os::unix::fs::symlink("real/map.ron", &link).unwrap();

    let written = write_with(&link, b"new", BACKUP).unwrap();
    assert_eq!(written.path, dir.path().join("real/map.ron"));
    assert!(
        fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert_eq!(fs::read(&target).unwrap(), b"new");
    assert_eq!(fs::read(real_dir.join("map.ron.bak")).unwrap(), b"old");
}

#[cfg(unix)]
#[test]
fn a_symlink_loop_is_an_error_not_a_hang() {
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("a.ron");
    let b = dir.path().join("b.ron");
    std::os::unix::fs::symlink(&b, &a).unwrap();
    std::os::unix::fs::symlink(&a, &b).unwrap();
    let err = write(&a, b"x").unwrap_err();
    assert!(err.to_string().contains("symbolic links"), "{err}");
}

#[test]
fn a_missing_folder_is_named_in_the_error() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("gone").join("map.ron");
    let err = write(&path, b"x").unwrap_err();
    assert!(err.to_string().contains("does not exist"), "{err}");
    assert!(err.to_string().contains("gone"), "{err}");
}

#[test]
fn a_folder_in_place_of_the_file_is_refused_and_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("map.ron");
    fs::create_dir(&path).unwrap();
    let err = write(&path, b"x").unwrap_err();
    assert!(err.to_string().contains("is a folder"), "{err}");
    assert!(path.is_dir());
}

#[test]
fn stale_temp_files_go_and_young_ones_stay() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("map.ron");
    let stale = dir.path().join(".map.ron.ab12cd.waymark-tmp");
    let young = dir.path().join(".map.ron.ef34gh.waymark-tmp");
    let other = dir.path().join(".other.ron.ij56kl.waymark-tmp");
    for p in [&stale, &young, &other] {
        fs::write(p, "partial").unwrap();
    }
    let two_days_ago = SystemTime::now() - Duration::from_secs(2 * 24 * 3600);
    for p in [&stale, &other] {
        File::options()
            .write(true)
            .open(p)
            .unwrap()
            .set_modified(two_days_ago)
            .unwrap();
    }
    write(&path, b"x").unwrap();
    assert!(!stale.exists(), "a day-old temp of this file is removed");
    assert!(
        young.exists(),
        "a young temp may be another save in progress"
    );
    assert!(
        other.exists(),
        "temps of other files are not ours to remove"
    );
}

#[test]
fn simultaneous_saves_never_fail_and_leave_one_whole_version() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("map.ron");
    let a = vec![b'a'; 64 * 1024];
    let b = vec![b'b'; 32 * 1024];
    std::thread::scope(|s| {
        for bytes in [&a, &b] {
            let path = &path;
            s.spawn(move || {
                for _ in 0..50 {
                    write_with(path, bytes, BACKUP).expect("no save fails");
                }
            });
        }
    });
    let end = fs::read(&path).unwrap();
    assert!(end == a || end == b);
    let bak = fs::read(dir.path().join("map.ron.bak")).unwrap();
    assert!(bak == a || bak == b);
    assert_eq!(names(dir.path()), ["map.ron", "map.ron.bak"]);
}

#[test]
fn the_backup_path_is_beside_the_file() {
    assert_eq!(
        backup_path(Path::new("/x/map.ron")),
        PathBuf::from("/x/map.ron.bak")
    );
}
