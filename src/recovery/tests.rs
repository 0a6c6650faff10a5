use std::sync::Arc;
use std::time::Duration;

use super::*;
use crate::interchange::sample::sample_map;
use crate::model::Card;

/// A map file on disk and a recovery folder beside it.
fn setup() -> (tempfile::TempDir, PathBuf, RecoveryDir) {
    let dir = tempfile::tempdir().unwrap();
    let original = dir.path().join("journey.ron");
    format::save(&sample_map(), &original).unwrap();
    let recovery = RecoveryDir::new(dir.path().join("data/waymark/recovery"));
    (dir, original, recovery)
}

/// The sample with an edit the file does not have.
fn edited() -> Map {
    let mut map = sample_map();
    map.title = "Edited after the last save".to_owned();
    let (stage, lane) = (map.stages[0].id, map.lanes[0].id);
    let id = map.new_card_id();
    map.cards
        .push(Arc::new(Card::new(id, stage, lane, "Unsaved card")));
    map
}

#[test]
fn write_find_restore_and_delete() {
    let (_dir, original, recovery) = setup();
    let stamp = DiskStamp::read(&original).unwrap();
    let snapshot = Snapshot {
        map: edited(),
        original: Some(original.clone()),
        stamp: Some(stamp),
    };
    let file = recovery.write(&snapshot).unwrap();
    assert!(file.starts_with(recovery.path()));
    assert_eq!(file, recovery.file_for(Some(&original)));

    let found = recovery
        .find_for(&original)
        .expect("found for its original");
    assert_eq!(found.file, file);
    assert_eq!(found.original, Some(original.canonicalize().unwrap()));
    assert_eq!(found.stamp, Some(stamp));
    assert_eq!(found.load().unwrap(), edited(), "identical map");

    let doc = found.restore().unwrap();
    assert!(doc.is_dirty(), "restored work is unsaved");
    assert_eq!(doc.map(), &edited());
    assert_eq!(doc.path(), found.original.as_deref());
    assert!(!doc.disk_changed().unwrap(), "the original did not change");

    // Another file has no recovery.
    let other = original.with_file_name("other.ron");
    assert!(recovery.find_for(&other).is_none());

    recovery.remove(Some(&original)).unwrap();
    assert!(!file.exists());
    assert!(recovery.find_for(&original).is_none());
    recovery.remove(Some(&original)).unwrap();
}

#[test]
fn a_restored_map_notices_a_file_changed_after_the_crash() {
    let (_dir, original, recovery) = setup();
    let snapshot = Snapshot {
        map: edited(),
        original: Some(original.clone()),
        stamp: Some(DiskStamp::read(&original).unwrap()),
    };
    recovery.write(&snapshot).unwrap();
    let mut colleague = sample_map();
    colleague.title = "A colleague's version".to_owned();
    std::fs::write(&original, format::to_string(&colleague)).unwrap();

    let doc = recovery.find_for(&original).unwrap().restore().unwrap();
    assert!(doc.disk_changed().unwrap());
}

#[test]
fn the_user_file_is_never_written() {
    let (_dir, original, recovery) = setup();
    let before = std::fs::read(&original).unwrap();
    // A link in the recovery folder, where the map's recovery file goes,
    // pointing at the user's own file.
    std::fs::create_dir_all(recovery.path()).unwrap();
    let slot = recovery.file_for(Some(&original));
    #[cfg(unix)]
    std::os::unix::fs::symlink(&original, &slot).unwrap();

    let snapshot = Snapshot {
        map: edited(),
        original: Some(original.clone()),
        stamp: None,
    };
    recovery.write(&snapshot).unwrap();
    assert_eq!(std::fs::read(&original).unwrap(), before);
    assert!(!std::fs::symlink_metadata(&slot).unwrap().is_symlink());
    assert_eq!(format::load(&slot).unwrap(), edited());
}

#[test]
fn untitled_work_of_a_dead_process_is_found_and_of_this_one_is_not() {
    let (_dir, _original, recovery) = setup();
    let mine = Snapshot {
        map: edited(),
        original: None,
        stamp: None,
    };
    let my_file = recovery.write(&mine).unwrap();
    assert!(my_file.ends_with(format!("untitled-{}.ron", std::process::id())));

    // Fake the file of a process that has ended.
    let mut child = std::process::Command::new("true").spawn().unwrap();
    let dead = child.id();
    child.wait().unwrap();
    let text = std::fs::read_to_string(&my_file).unwrap().replace(
        &format!("// pid: {}\n", std::process::id()),
        &format!("// pid: {dead}\n"),
    );
    let dead_file = recovery.path().join(format!("untitled-{dead}.ron"));
    std::fs::write(&dead_file, text).unwrap();

    let orphans = recovery.find_orphans();
    assert_eq!(orphans.len(), 1, "{orphans:?}");
    assert_eq!(orphans[0].file, dead_file);
    assert_eq!(orphans[0].original, None);
    assert_eq!(orphans[0].load().unwrap(), edited());
    let doc = orphans[0].restore().unwrap();
    assert!(doc.is_dirty());
    assert_eq!(doc.path(), None);

    orphans[0].discard().unwrap();
    assert!(recovery.find_orphans().is_empty());
    assert!(my_file.exists());
}

#[test]
fn a_file_without_a_recovery_header_is_ignored() {
    let (_dir, original, recovery) = setup();
    std::fs::create_dir_all(recovery.path()).unwrap();
    std::fs::write(recovery.file_for(Some(&original)), "(version: 1)").unwrap();
    std::fs::write(recovery.path().join("untitled-1.ron"), "junk").unwrap();
    assert!(recovery.find_for(&original).is_none());
    assert!(recovery.find_orphans().is_empty());
}

#[test]
fn the_autosaver_writes_the_last_of_quick_changes_once() {
    let (_dir, original, recovery) = setup();
    // A long delay: only the flush writes, so the count is exact.
    let saver = Autosaver::with_delay(recovery.clone(), Duration::from_secs(3600));
    let mut map = sample_map();
    for i in 0..5 {
        map.title = format!("change {i}");
        saver.schedule(map.clone(), Some(original.clone()));
    }
    assert_eq!(saver.status().writes, 0, "nothing before the delay");
    saver.flush();
    assert_eq!(saver.status().writes, 1);
    let found = recovery.find_for(&original).unwrap();
    assert_eq!(found.load().unwrap().title, "change 4");

    saver.discard(Some(&original));
    saver.flush();
    assert!(recovery.find_for(&original).is_none());
}

#[test]
fn the_autosaver_writes_by_itself_after_the_delay() {
    let (_dir, original, recovery) = setup();
    let saver = Autosaver::with_delay(recovery.clone(), Duration::from_millis(20));
    saver.schedule(edited(), Some(original.clone()));
    let start = std::time::Instant::now();
    while saver.status().writes == 0 && start.elapsed() < Duration::from_secs(20) {
        std::thread::sleep(Duration::from_millis(10));
    }
    assert_eq!(saver.status().writes, 1);
    assert_eq!(
        recovery.find_for(&original).unwrap().load().unwrap(),
        edited()
    );
}

#[test]
fn a_first_save_moves_the_recovery_from_untitled_to_the_file() {
    let (_dir, original, recovery) = setup();
    let saver = Autosaver::with_delay(recovery.clone(), Duration::from_secs(3600));
    saver.schedule(edited(), None);
    saver.flush();
    let untitled = recovery.file_for(None);
    assert!(untitled.exists());

    saver.schedule(edited(), Some(original.clone()));
    saver.flush();
    assert!(
        !untitled.exists(),
        "the untitled file is stale once the map has a file"
    );
    assert!(recovery.find_for(&original).is_some());

    // A clean save: both are gone.
    saver.discard(Some(&original));
    saver.flush();
    assert!(recovery.find_for(&original).is_none());
    assert_eq!(saver.status().file, None);
}

#[test]
fn a_failing_autosave_reports_and_never_panics() {
    let dir = tempfile::tempdir().unwrap();
    let blocker = dir.path().join("file");
    std::fs::write(&blocker, "not a folder").unwrap();
    let saver = Autosaver::with_delay(RecoveryDir::new(blocker.join("sub")), Duration::ZERO);
    saver.schedule(sample_map(), None);
    saver.flush();
    let status = saver.status();
    assert_eq!(status.writes, 0);
    assert!(status.last_error.is_some());
}

#[test]
fn the_default_folder_follows_xdg_data_home_then_home() {
    let dir = |xdg: Option<&str>, home: Option<&str>| {
        RecoveryDir::from_env(xdg.map(Into::into), home.map(Into::into))
            .map(|d| d.path().to_path_buf())
    };
    assert_eq!(
        dir(Some("/data"), Some("/home/ann")),
        Some(PathBuf::from("/data/waymark/recovery"))
    );
    assert_eq!(
        dir(Some("relative"), Some("/home/ann")),
        Some(PathBuf::from("/home/ann/.local/share/waymark/recovery")),
        "a relative XDG_DATA_HOME is ignored, as the spec says"
    );
    assert_eq!(
        dir(None, Some("/home/ann")),
        Some(PathBuf::from("/home/ann/.local/share/waymark/recovery"))
    );
    assert_eq!(dir(None, None), None);
}
