//! Help → Keyboard Shortcuts (F1): one table from the command table, in
//! the app and in the README alike.

use egui::Key;
use egui_kittest::kittest::Queryable as _;

use crate::common::app::{editor, press};
use waymark::app::dialogs::ScriptedDialogs;
use waymark::edit::Document;
use waymark::interchange::sample::sample_map;
use waymark::ui::help::{editor_rows, markdown, present_rows};

#[test]
fn f1_lists_every_shortcut_and_esc_closes_it_without_touching_the_map() {
    let mut h = editor(Document::new(sample_map()), &ScriptedDialogs::default());
    press(&mut h, Key::F1);
    assert!(
        h.query_by_label("Keyboard shortcuts").is_some(),
        "F1 opens the list"
    );
    for (keys, what) in editor_rows() {
        assert!(
            h.query_all_by_label(&keys).next().is_some(),
            "{keys} is listed"
        );
        assert!(
            h.query_all_by_label(&what).next().is_some(),
            "{what} is listed"
        );
    }
    // The list owns the keyboard: N adds no card behind it.
    press(&mut h, Key::N);
    assert_eq!(h.state().document().map(), &sample_map());
    press(&mut h, Key::Escape);
    assert!(
        h.query_by_label("Keyboard shortcuts").is_none(),
        "Esc closes it"
    );
}

#[test]
fn the_help_menu_opens_the_shortcuts() {
    let mut h = editor(Document::new(sample_map()), &ScriptedDialogs::default());
    h.get_by_label("Help").click();
    h.run();
    h.get_by_label_contains("Keyboard Shortcuts").click();
    h.run();
    assert!(h.query_by_label("Keyboard shortcuts").is_some());
}

/// The README's tables are the app's, row for row. On a change, paste the
/// printed tables into README.md.
#[test]
fn the_readme_shortcut_tables_are_the_help_windows() {
    let readme = include_str!("../../README.md");
    let editor = markdown("Command", &editor_rows());
    let present = markdown("While presenting", &present_rows());
    assert!(
        readme.contains(&editor),
        "README.md's shortcut table differs from the app's; it should read:\n{editor}"
    );
    assert!(
        readme.contains(&present),
        "README.md's presenting table differs from the app's; it should read:\n{present}"
    );
}
