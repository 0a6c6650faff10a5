use std::fs;

use super::*;
use crate::interchange::sample::sample_map;

fn saved_doc(dir: &Path) -> (Document, PathBuf) {
    let path = dir.join("map.ron");
    format::save(&sample_map(), &path).unwrap();
    (Document::open(&path).unwrap(), path)
}

fn edit(doc: &mut Document, title: &str) {
    doc.apply(Command::SetTitle(title.to_owned())).unwrap();
}

#[test]
fn a_failed_save_keeps_the_map_dirty_and_the_file_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let (mut doc, path) = saved_doc(dir.path());
    let before = fs::read(&path).unwrap();
    edit(&mut doc, "Changed");

    // The folder disappears (an unplugged drive, a deleted share).
    let moved = dir.path().join("moved");
    fs::create_dir(&moved).unwrap();
    let elsewhere = dir.path().join("gone").join("map.ron");
    let err = doc.save_as(&elsewhere).unwrap_err();
    assert!(err.to_string().contains("does not exist"), "{err}");
    assert!(doc.is_dirty());
    assert_eq!(doc.path(), Some(path.as_path()), "still tied to its file");
    assert_eq!(fs::read(&path).unwrap(), before);

    // A folder stands where the file should be.
    let blocked = moved.join("map.ron");
    fs::create_dir(&blocked).unwrap();
    assert!(doc.save_as(&blocked).is_err());
    assert!(doc.is_dirty());
}

#[test]
fn a_change_on_disk_blocks_save_until_the_user_overwrites() {
    let dir = tempfile::tempdir().unwrap();
    let (mut doc, path) = saved_doc(dir.path());
    assert!(!doc.disk_changed().unwrap());
    edit(&mut doc, "Mine");

    let mut theirs = sample_map();
    theirs.title = "Theirs".to_owned();
    fs::write(&path, format::to_string(&theirs)).unwrap();
    assert!(doc.disk_changed().unwrap());

    let err = doc.save().unwrap_err();
    assert!(matches!(err, SaveError::ChangedOnDisk { .. }), "{err}");
    assert!(doc.is_dirty());
    assert_eq!(format::load(&path).unwrap().title, "Theirs");

    doc.save_overwriting().unwrap();
    assert!(!doc.is_dirty());
    assert!(!doc.disk_changed().unwrap(), "our own save is no change");
    assert_eq!(format::load(&path).unwrap().title, "Mine");
    let bak = path.with_file_name("map.ron.bak");
    assert_eq!(
        format::load(&bak).unwrap().title,
        "Theirs",
        "their version is kept"
    );
}

#[test]
fn saving_twice_is_no_change_on_disk() {
    let dir = tempfile::tempdir().unwrap();
    let (mut doc, _path) = saved_doc(dir.path());
    edit(&mut doc, "One");
    doc.save().unwrap();
    edit(&mut doc, "Two");
    doc.save().unwrap();
    assert!(!doc.is_dirty());
}

#[test]
fn a_newer_file_opens_read_only_and_is_never_overwritten() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("future.ron");
    let text = format::to_string(&sample_map())
        .replacen("version: 2", "version: 9", 1)
        .replacen("title:", "mood: \"new\",\n    title:", 1);
    fs::write(&path, &text).unwrap();

    let mut doc = Document::open(&path).unwrap();
    assert_eq!(doc.newer_version(), Some(9));
    assert_eq!(doc.load_warnings().len(), 1);
    edit(&mut doc, "Changed");
    assert!(matches!(
        doc.save(),
        Err(SaveError::NewerFile { version: 9, .. })
    ));
    assert!(matches!(
        doc.save_overwriting(),
        Err(SaveError::NewerFile { .. })
    ));
    assert!(doc.save_as(&path).is_err());
    assert_eq!(fs::read_to_string(&path).unwrap(), text);
    assert!(doc.is_dirty());

    let copy = dir.path().join("copy.ron");
    doc.save_as(&copy).unwrap();
    assert_eq!(doc.newer_version(), None, "the copy is ours");
    assert_eq!(fs::read_to_string(&path).unwrap(), text);
}

#[test]
fn unknown_fields_are_reported_on_open_and_gone_after_a_save() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("extra.ron");
    let text = format::to_string(&sample_map()).replacen(
        "title:",
        // Not `evidence`: cards have had that field since issue 11.
        "interviews: [\"interview 3\"],\n        title:",
        2,
    );
    fs::write(&path, &text).unwrap();
    let mut doc = Document::open(&path).unwrap();
    let warnings = doc.load_warnings();
    assert!(!warnings.is_empty());
    assert!(
        warnings[0]
            .to_string()
            .contains("unknown field `interviews`")
    );
    doc.save().unwrap();
    assert!(doc.load_warnings().is_empty());
}

#[test]
fn a_restored_document_is_dirty_and_tied_to_its_file() {
    let doc = Document::restored(sample_map(), Some(PathBuf::from("/x/map.ron")), None);
    assert!(doc.is_dirty());
    assert_eq!(doc.path(), Some(Path::new("/x/map.ron")));
    assert!(!doc.disk_changed().unwrap(), "no stamp, no claim");
}
