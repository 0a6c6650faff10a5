//! Issue 10 in the editor, driven through egui_kittest on the real app:
//! autosave then a crash then restore, failed saves, files changed on
//! disk, unknown fields, newer files opened read-only, and files too large
//! to open.

use crate::common;

use std::path::PathBuf;

use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable as _;

use common::app::{
    add_stage, colleague_map, editor, editor_recovering, files, map, recovery_files, shows,
};
use waymark::app::dialogs::{Picked, ScriptedDialogs};
use waymark::edit::Document;
use waymark::format::{self, FORMAT_VERSION};
use waymark::interchange::sample::sample_map;
use waymark::model::Map;

#[test]
fn an_autosave_survives_a_crash_and_enter_restores_it_dirty_on_its_file() {
    let f = files();
    let on_disk = std::fs::read(&f.map).unwrap();
    let dialogs = ScriptedDialogs::default();
    let mut h = editor_recovering(Document::open(&f.map).unwrap(), &dialogs, &f.recovery);
    assert!(
        !shows(&h, "Restore unsaved changes?"),
        "nothing to restore yet"
    );
    let edited = add_stage(&mut h);
    h.state().flush_autosave();
    let status = h.state().autosave_status().expect("autosave runs");
    assert_eq!(status.last_error, None);
    assert_eq!(recovery_files(&f.recovery).len(), 1, "one recovery file");
    assert_eq!(
        std::fs::read(&f.map).unwrap(),
        on_disk,
        "the autosave never writes the user's file"
    );

    // A crash: the app goes away without saving or asking.
    drop(h);

    let mut h = editor_recovering(Document::open(&f.map).unwrap(), &dialogs, &f.recovery);
    assert!(shows(&h, "Restore unsaved changes?"));
    assert_eq!(map(&h), sample_map(), "nothing restored before the answer");
    h.key_press(Key::Enter);
    h.run();
    assert!(!shows(&h, "Restore unsaved changes?"));
    let doc = h.state().document();
    assert_eq!(doc.map(), &edited, "the map as autosaved");
    assert!(doc.is_dirty(), "restored work is unsaved");
    assert_eq!(doc.path(), Some(f.map.as_path()), "tied to its own file");

    // A clean save deletes the recovery file.
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run();
    h.state().flush_autosave();
    assert!(!h.state().document().is_dirty());
    assert_eq!(format::load(&f.map).unwrap(), edited);
    assert_eq!(recovery_files(&f.recovery), Vec::<PathBuf>::new());
}

#[test]
fn esc_on_the_restore_dialog_discards_the_recovery_file() {
    let f = files();
    let dialogs = ScriptedDialogs::default();
    let mut h = editor_recovering(Document::open(&f.map).unwrap(), &dialogs, &f.recovery);
    add_stage(&mut h);
    h.state().flush_autosave();
    drop(h);

    let mut h = editor_recovering(Document::open(&f.map).unwrap(), &dialogs, &f.recovery);
    assert!(shows(&h, "Restore unsaved changes?"));
    // The dialog owns the keyboard: nothing reaches the map behind it.
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.run();
    h.key_press(Key::Delete);
    h.run();
    assert_eq!(map(&h), sample_map());
    assert!(shows(&h, "Restore unsaved changes?"));
    h.key_press(Key::Escape);
    h.run();
    assert_eq!(map(&h), sample_map(), "the file's map stays open");
    assert!(!h.state().document().is_dirty());
    assert_eq!(recovery_files(&f.recovery), Vec::<PathBuf>::new());
}

#[test]
fn closing_with_dont_save_leaves_nothing_to_restore() {
    let f = files();
    let dialogs = ScriptedDialogs::default();
    let mut h = editor_recovering(Document::open(&f.map).unwrap(), &dialogs, &f.recovery);
    add_stage(&mut h);
    h.state().flush_autosave();
    assert_eq!(recovery_files(&f.recovery).len(), 1);
    // Open the same file again, dropping the changes.
    h.state_mut()
        .queue(waymark::ui::Action::OpenFile(f.map.clone()));
    h.run();
    h.get_by_label("Don't Save").click();
    h.run();
    h.state().flush_autosave();
    assert!(
        !shows(&h, "Restore unsaved changes?"),
        "changes the user dropped are not offered back"
    );
    assert_eq!(map(&h), sample_map());
    assert_eq!(recovery_files(&f.recovery), Vec::<PathBuf>::new());
}

#[test]
fn a_failed_save_says_so_and_keeps_the_map_dirty_and_the_file_untouched() {
    let f = files();
    let on_disk = std::fs::read(&f.map).unwrap();
    // The backup cannot be kept where a folder stands in its way, so the
    // save fails before the file is replaced (root ignores read-only
    // folders, this does not).
    let blocker = f.map.with_extension("ron.bak");
    std::fs::create_dir(&blocker).unwrap();
    std::fs::write(blocker.join("keep"), "x").unwrap();
    let dialogs = ScriptedDialogs::default();
    let mut h = editor_recovering(Document::open(&f.map).unwrap(), &dialogs, &f.recovery);
    let edited = add_stage(&mut h);
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run();
    assert!(shows(&h, "Could not save"));
    assert!(
        h.query_by_label_contains("journey.ron.bak").is_some(),
        "the message says what stood in the way"
    );
    assert!(h.state().document().is_dirty());
    assert_eq!(map(&h), edited);
    assert_eq!(std::fs::read(&f.map).unwrap(), on_disk, "file untouched");
    h.state().flush_autosave();
    assert_eq!(
        recovery_files(&f.recovery).len(),
        1,
        "the unsaved work stays in its recovery file"
    );

    // Enter is Save As; into a folder that does not exist it fails too.
    let missing = f.map.parent().unwrap().join("no-such-folder/copy.ron");
    dialogs.push(Picked::Path(missing.clone()));
    h.key_press(Key::Enter);
    h.run();
    assert!(shows(&h, "Could not save"));
    assert!(!missing.exists());
    let doc = h.state().document();
    assert!(doc.is_dirty());
    assert_eq!(doc.path(), Some(f.map.as_path()), "still tied to its file");
    h.key_press(Key::Escape);
    h.run();
    assert!(h.state().dialogs_open().is_empty());
    assert_eq!(map(&h), edited);
}

#[test]
fn save_after_a_change_on_disk_warns_and_reload_loads_the_disk_version() {
    let f = files();
    let dialogs = ScriptedDialogs::default();
    let mut h = editor(Document::open(&f.map).unwrap(), &dialogs);
    add_stage(&mut h);
    // A colleague saves their version meanwhile.
    let theirs = colleague_map();
    std::fs::write(&f.map, format::to_string(&theirs)).unwrap();
    let their_bytes = std::fs::read(&f.map).unwrap();

    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run();
    assert!(shows(&h, "The file changed on disk"));
    assert_eq!(
        std::fs::read(&f.map).unwrap(),
        their_bytes,
        "not overwritten"
    );
    assert!(h.state().document().is_dirty());

    h.get_by_label("Reload from disk").click();
    h.run();
    assert_eq!(map(&h), theirs);
    assert!(!h.state().document().is_dirty());
    assert_eq!(std::fs::read(&f.map).unwrap(), their_bytes);
}

#[test]
fn enter_on_the_changed_on_disk_warning_saves_a_copy_and_keeps_their_file() {
    let f = files();
    let copy = f.map.with_file_name("mine.ron");
    let dialogs = ScriptedDialogs::default();
    let mut h = editor(Document::open(&f.map).unwrap(), &dialogs);
    let mine = add_stage(&mut h);
    let theirs = colleague_map();
    std::fs::write(&f.map, format::to_string(&theirs)).unwrap();

    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run();
    dialogs.push(Picked::Path(copy.clone()));
    h.key_press(Key::Enter);
    h.run();
    assert_eq!(format::load(&copy).unwrap(), mine);
    assert_eq!(format::load(&f.map).unwrap(), theirs);
    assert_eq!(h.state().document().path(), Some(copy.as_path()));
}

#[test]
fn a_clean_map_offers_a_reload_when_its_file_changed_and_the_window_regains_focus() {
    let f = files();
    let dialogs = ScriptedDialogs::default();
    let mut h = editor(Document::open(&f.map).unwrap(), &dialogs);
    let theirs = colleague_map();
    std::fs::write(&f.map, format::to_string(&theirs)).unwrap();
    h.event(egui::Event::WindowFocused(true));
    h.run();
    assert!(shows(&h, "The file changed on disk"));
    h.key_press(Key::Enter);
    h.run();
    assert_eq!(map(&h), theirs);
    assert!(!h.state().document().is_dirty());

    // Kept once, not asked again until the file changes once more.
    std::fs::write(&f.map, format::to_string(&sample_map())).unwrap();
    h.event(egui::Event::WindowFocused(true));
    h.run();
    h.key_press(Key::Escape);
    h.run();
    assert_eq!(map(&h), theirs, "Esc keeps the map as it is");
    h.event(egui::Event::WindowFocused(true));
    h.run();
    assert!(h.state().dialogs_open().is_empty());
}

#[test]
fn a_newer_version_file_opens_read_only_and_save_never_touches_it() {
    let f = files();
    let newer = format::to_string(&sample_map()).replacen(
        "version: 2",
        &format!("version: {}", FORMAT_VERSION + 1),
        1,
    );
    std::fs::write(&f.map, &newer).unwrap();
    let dialogs = ScriptedDialogs::default();
    let mut h = editor(Document::open_any(&f.map).unwrap(), &dialogs);
    assert!(
        h.query_by_label_contains("Read-only: journey.ron was written by a newer Waymark")
            .is_some(),
        "a banner says it is read-only"
    );
    add_stage(&mut h);
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run();
    assert!(shows(&h, "This map is read-only"));
    assert_eq!(std::fs::read_to_string(&f.map).unwrap(), newer);
    assert!(
        !f.map.with_extension("ron.bak").exists(),
        "no backup either"
    );
    assert!(h.state().document().is_dirty());

    // Save As to another file works; the newer file stays as it was.
    let copy = f.map.with_file_name("copy.ron");
    dialogs.push(Picked::Path(copy.clone()));
    h.key_press(Key::Enter);
    h.run();
    assert!(copy.exists());
    assert_eq!(std::fs::read_to_string(&f.map).unwrap(), newer);
}

#[test]
fn unknown_fields_are_named_on_opening_and_a_save_asks_before_dropping_them() {
    let f = files();
    let text = format::to_string(&sample_map());
    let text = text.replacen("map: (", "map: (\n        theme: Dark,", 1);
    std::fs::write(&f.map, &text).unwrap();
    let line = text
        .lines()
        .position(|l| l.contains("theme: Dark"))
        .unwrap()
        + 1;
    let dialogs = ScriptedDialogs::default();
    let mut h = editor(Document::open(&f.map).unwrap(), &dialogs);
    assert!(shows(&h, "Fields this version does not know"));
    assert!(
        h.query_by_label_contains(&format!("{line}:9  theme"))
            .is_some(),
        "the field with its line:col"
    );
    h.key_press(Key::Enter);
    h.run();
    assert!(h.state().dialogs_open().is_empty());

    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run();
    assert!(shows(&h, "Drop the unknown fields?"));
    assert_eq!(std::fs::read_to_string(&f.map).unwrap(), text);
    h.key_press(Key::Escape);
    h.run();
    assert_eq!(
        std::fs::read_to_string(&f.map).unwrap(),
        text,
        "Esc saves nothing"
    );

    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run();
    h.get_by_label("Save without them").click();
    h.run();
    let saved = std::fs::read_to_string(&f.map).unwrap();
    assert!(!saved.contains("theme: Dark"));
    assert_eq!(format::load(&f.map).unwrap(), sample_map());
}

#[test]
fn a_file_over_the_size_limit_is_refused_with_the_limit() {
    let f = files();
    let huge = f.map.with_file_name("huge.ron");
    // Sparse: nothing is written, and the editor must read nothing.
    let file = std::fs::File::create(&huge).unwrap();
    file.set_len(33 * 1024 * 1024).unwrap();
    let dialogs = ScriptedDialogs::default();
    let mut h = editor(Document::open(&f.map).unwrap(), &dialogs);
    h.state_mut()
        .queue(waymark::ui::Action::OpenFile(huge.clone()));
    h.run();
    assert!(
        h.query_by_label_contains("Waymark opens files of at most 32 MB")
            .is_some()
    );
    assert_eq!(map(&h), sample_map());
}

#[test]
fn an_untitled_map_of_a_crashed_program_is_offered_on_an_untitled_start() {
    let f = files();
    // What a killed program left: its pid is above any Linux pid_max, so
    // it is surely gone.
    std::fs::create_dir_all(&f.recovery).unwrap();
    let theirs = colleague_map();
    let orphan = f.recovery.join("untitled-4999999.ron");
    let header = "// Waymark recovery file: unsaved work kept by the autosave.\n\
                  // original: (untitled)\n// pid: 4999999\n";
    std::fs::write(&orphan, header.to_owned() + &format::to_string(&theirs)).unwrap();

    let dialogs = ScriptedDialogs::default();
    let mut h = editor_recovering(Document::new(sample_map()), &dialogs, &f.recovery);
    assert!(shows(&h, "Restore unsaved changes?"));
    assert!(h.query_by_label_contains("an untitled map").is_some());
    h.key_press(Key::Enter);
    h.run();
    let doc = h.state().document();
    assert_eq!(doc.map(), &theirs);
    assert!(doc.is_dirty());
    assert_eq!(doc.path(), None);

    // Once this program's own autosave holds the map, the orphan goes.
    h.state().flush_autosave();
    h.run_steps(1);
    let left = recovery_files(&f.recovery);
    assert_eq!(left.len(), 1, "{left:?}");
    assert!(!orphan.exists());
    assert_eq!(
        format::load(&left[0]).unwrap(),
        theirs,
        "this program's untitled recovery file"
    );
}

#[test]
fn save_changes_then_overwrite_a_changed_file_goes_on_to_the_new_map() {
    let f = files();
    let dialogs = ScriptedDialogs::default();
    let mut h = editor(Document::open(&f.map).unwrap(), &dialogs);
    let mine = add_stage(&mut h);
    std::fs::write(&f.map, format::to_string(&colleague_map())).unwrap();
    h.key_press_modifiers(Modifiers::COMMAND, Key::N);
    h.run();
    h.key_press(Key::Enter); // "Save changes?": Save
    h.run();
    assert!(shows(&h, "The file changed on disk"));
    h.get_by_label("Overwrite").click();
    h.run();
    assert_eq!(
        format::load(&f.map).unwrap(),
        mine,
        "overwritten on request"
    );
    assert_eq!(map(&h), Map::blank(), "and on to the new map");
    assert!(h.state().dialogs_open().is_empty());
}

#[test]
fn a_failing_autosave_is_shown_in_the_status_bar() {
    let f = files();
    // A file where the recovery folder should be: no autosave can land.
    std::fs::write(&f.recovery, "in the way").unwrap();
    let dialogs = ScriptedDialogs::default();
    let mut h = editor_recovering(Document::open(&f.map).unwrap(), &dialogs, &f.recovery);
    add_stage(&mut h);
    h.state().flush_autosave();
    h.run_steps(1);
    assert!(h.query_by_label_contains("Autosave failed:").is_some());
}

#[test]
fn an_idle_editor_with_autosave_and_a_watched_file_requests_no_repaint() {
    let f = files();
    let dialogs = ScriptedDialogs::default();
    let mut h = editor_recovering(Document::open(&f.map).unwrap(), &dialogs, &f.recovery);
    add_stage(&mut h);
    h.state().flush_autosave();
    assert!(h.try_run().is_ok());
    let steps = h.try_run().unwrap();
    assert!(steps <= 1, "idle app ran {steps} frames");
}

#[test]
fn a_restored_map_still_asks_before_a_save_drops_its_files_unknown_fields() {
    let f = files();
    let text =
        format::to_string(&sample_map()).replacen("map: (", "map: (\n        theme: Dark,", 1);
    std::fs::write(&f.map, &text).unwrap();
    let dialogs = ScriptedDialogs::default();
    let mut h = editor_recovering(Document::open(&f.map).unwrap(), &dialogs, &f.recovery);
    h.key_press(Key::Enter); // the unknown-fields notice
    h.run();
    add_stage(&mut h);
    h.state().flush_autosave();
    drop(h);

    let mut h = editor_recovering(Document::open(&f.map).unwrap(), &dialogs, &f.recovery);
    h.key_press(Key::Enter); // Restore
    h.run();
    h.key_press(Key::Enter); // the unknown-fields notice below it
    h.run();
    assert!(h.state().document().is_dirty());
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run();
    assert!(shows(&h, "Drop the unknown fields?"));
    assert_eq!(std::fs::read_to_string(&f.map).unwrap(), text);
}

#[test]
fn saving_a_map_whose_file_was_deleted_asks_and_enter_saves_it_again() {
    let f = files();
    let dialogs = ScriptedDialogs::default();
    let mut h = editor(Document::open(&f.map).unwrap(), &dialogs);
    let mine = add_stage(&mut h);
    std::fs::remove_file(&f.map).unwrap();
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run();
    assert!(shows(&h, "The file is gone"));
    assert!(!f.map.exists());
    h.key_press(Key::Enter);
    h.run();
    assert_eq!(format::load(&f.map).unwrap(), mine);
    assert!(!h.state().document().is_dirty());
}

#[test]
fn a_change_on_disk_seen_behind_a_dialog_is_offered_once_it_closes() {
    let f = files();
    let dialogs = ScriptedDialogs::default();
    let mut h = editor(Document::open(&f.map).unwrap(), &dialogs);
    // A dialog is open (Open by path) when the file changes.
    h.state_mut().queue(waymark::ui::Action::Command(
        waymark::ui::UiCommand::OpenPath,
    ));
    h.run();
    assert!(shows(&h, "Open a map"));
    let theirs = colleague_map();
    std::fs::write(&f.map, format::to_string(&theirs)).unwrap();
    h.event(egui::Event::WindowFocused(true));
    h.run();
    assert!(
        !shows(&h, "The file changed on disk"),
        "not over another dialog"
    );
    h.key_press(Key::Escape);
    h.run();
    h.run();
    assert!(shows(&h, "The file changed on disk"));
}

#[test]
fn starting_on_another_file_mentions_a_crashed_maps_unsaved_work_and_opens_it() {
    let f = files();
    // Unsaved work of journey.ron, left by a crash.
    let dialogs = ScriptedDialogs::default();
    let mut h = editor_recovering(Document::open(&f.map).unwrap(), &dialogs, &f.recovery);
    let edited = add_stage(&mut h);
    h.state().flush_autosave();
    drop(h);

    // The next start opens a different map.
    let other = f.map.with_file_name("other.ron");
    format::save(&colleague_map(), &other).unwrap();
    let mut h = editor_recovering(Document::open(&other).unwrap(), &dialogs, &f.recovery);
    assert!(
        !shows(&h, "Restore unsaved changes?"),
        "nothing of other.ron to restore"
    );
    assert!(
        h.query_by_label_contains("journey.ron has unsaved work")
            .is_some(),
        "the status bar says another map has unsaved work waiting"
    );
    h.get_by_label("Open it").click();
    h.run();
    assert_eq!(h.state().document().path(), Some(f.map.as_path()));
    assert!(shows(&h, "Restore unsaved changes?"), "and offers it back");
    h.key_press(Key::Enter);
    h.run();
    assert_eq!(map(&h), edited);
}
