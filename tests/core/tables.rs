//! Tables that must not drift: every command is in the command list, and
//! the README's shortcut table says exactly what the keys do.

use std::collections::BTreeSet;

use waymark::ui::UiCommand;

/// How the README writes a shortcut: the help window's own text.
fn written(shortcut: &egui::KeyboardShortcut) -> String {
    waymark::ui::help::shortcut_text(shortcut)
}

/// The README's shortcut table: the text of its rows' first cells.
fn readme_keys() -> Vec<String> {
    let readme = include_str!("../../README.md");
    let start = readme
        .find("### Keyboard shortcuts")
        .expect("README has a shortcut table");
    readme[start..]
        .lines()
        .skip_while(|l| !l.starts_with('|'))
        .take_while(|l| l.starts_with('|'))
        .skip(2)
        .filter_map(|row| row.split('|').nth(1).map(|c| c.trim().to_owned()))
        .collect()
}

/// Every "Ctrl+…" key written in a cell, split at " / " and ", ".
fn ctrl_keys(cell: &str) -> Vec<String> {
    cell.split(" / ")
        .flat_map(|part| part.split(", "))
        .flat_map(|part| part.split(" or "))
        .map(|part| part.trim().to_owned())
        .filter(|part| part.starts_with("Ctrl+"))
        .collect()
}

#[test]
fn every_shortcut_of_every_command_is_in_the_readme() {
    let cells = readme_keys().join(" / ");
    let missing: Vec<String> = UiCommand::all()
        .flat_map(|cmd| cmd.shortcuts().into_iter().map(move |s| (cmd, s)))
        .map(|(cmd, s)| (cmd, written(&s)))
        .filter(|(_, text)| {
            !cells
                .split(" / ")
                .flat_map(|c| c.split(", "))
                .flat_map(|c| c.split(" or "))
                .any(|c| c.trim() == text)
        })
        .map(|(cmd, text)| format!("{cmd:?}: {text}"))
        .collect();
    assert!(missing.is_empty(), "not in the README table: {missing:?}");
}

#[test]
fn every_ctrl_shortcut_in_the_readme_is_bound() {
    let bound: BTreeSet<String> = UiCommand::all()
        .flat_map(UiCommand::shortcuts)
        .map(|s| written(&s))
        .collect();
    let stray: Vec<String> = readme_keys()
        .iter()
        .flat_map(|cell| ctrl_keys(cell))
        .filter(|key| !bound.contains(key))
        .collect();
    assert!(
        stray.is_empty(),
        "README names unbound shortcuts: {stray:?}"
    );
}

#[test]
fn no_two_commands_share_a_shortcut() {
    let mut seen = BTreeSet::new();
    for cmd in UiCommand::all() {
        for s in cmd.shortcuts() {
            assert!(seen.insert(written(&s)), "{} is bound twice", written(&s));
        }
    }
}

#[test]
fn every_command_has_menu_text() {
    for cmd in UiCommand::all() {
        assert!(!cmd.text().is_empty(), "{cmd:?}");
    }
    // The list comes from the enum itself (strum), so it cannot miss one.
    assert!(UiCommand::all().any(|c| c == UiCommand::ExportCsv));
}
