//! The module layering, checked over the `use` lines rather than promised:
//! the core knows nothing of egui, and dependencies run one way only,
//! app → ui → {layout, paint, edit, model}.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Top-level modules, lowest first. A module may use only modules ranked
/// strictly below it (and itself).
const RANKS: &[(&str, u32)] = &[
    ("model", 0),
    ("format", 1),
    // Diff and merge know only the model; analysis reports merge conflicts
    // and edit resolves them, so both sit above compare.
    ("compare", 1),
    ("analysis", 2),
    ("theme", 1),
    ("interchange", 2),
    ("io", 3),
    ("edit", 4),
    ("recovery", 5),
    ("layout", 5),
    ("paint", 6),
    ("export", 7),
    ("ui", 8),
    ("app", 9),
    ("cli", 9),
];

/// Modules that must not touch egui, eframe or epaint at all.
const PURE: &[&str] = &[
    "model",
    "format",
    "edit",
    "analysis",
    "interchange",
    "recovery",
    "compare",
];

/// Within `ui`, the same rule between its own files.
const UI_RANKS: &[(&str, u32)] = &[
    ("view", 0),
    ("panels", 0),
    ("appearance", 0),
    ("edits", 1),
    ("commands", 1),
    ("emotion_picker", 1),
    ("actions", 2),
    ("mod", 2),
    ("find", 2),
    ("help", 2),
    ("inline_edit", 3),
    ("headers", 4),
    ("canvas", 5),
    ("inspector", 3),
    ("finding_actions", 3),
    ("analysis_panel", 4),
    ("compare_panel", 3),
    ("menu", 3),
    ("present", 3),
];

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("readable src") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The top-level module a file under `src/` belongs to.
fn top_module(src: &Path, file: &Path) -> String {
    let rel = file.strip_prefix(src).expect("under src");
    let first = rel.components().next().expect("a component");
    first
        .as_os_str()
        .to_string_lossy()
        .trim_end_matches(".rs")
        .to_owned()
}

/// `crate::x` paths named in a file's code (comments skipped), with the
/// names inside `use crate::{a, b::c}` groups.
fn crate_imports(text: &str) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    let code: String = text
        .lines()
        .filter(|l| !l.trim_start().starts_with("//"))
        .collect::<Vec<_>>()
        .join("\n");
    let mut rest = code.as_str();
    while let Some(at) = rest.find("crate::") {
        rest = &rest[at + "crate::".len()..];
        if let Some(group) = rest.strip_prefix('{') {
            let end = group.find('}').unwrap_or(group.len());
            for part in group[..end].split(',') {
                let name: String = part
                    .trim()
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_')
                    .collect();
                if !name.is_empty() {
                    found.insert(name);
                }
            }
        } else {
            let name: String = rest
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            if !name.is_empty() {
                found.insert(name);
            }
        }
    }
    found
}

/// `super::x` and sibling paths named by a file inside `ui/`.
fn ui_imports(text: &str) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    for line in text.lines().filter(|l| !l.trim_start().starts_with("//")) {
        let mut rest = line;
        while let Some(at) = rest.find("crate::ui::") {
            rest = &rest[at + "crate::ui::".len()..];
            let name: String = rest
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            found.insert(name);
        }
        let mut rest = line;
        while let Some(at) = rest.find("super::") {
            rest = &rest[at + "super::".len()..];
            let name: String = rest
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            found.insert(name);
        }
    }
    found
}

#[test]
fn lower_modules_never_import_higher_ones() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let ranks: BTreeMap<&str, u32> = RANKS.iter().copied().collect();
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let mut wrong = Vec::new();
    for file in &files {
        let module = top_module(&src, file);
        let Some(&rank) = ranks.get(module.as_str()) else {
            continue;
        };
        let text = std::fs::read_to_string(file).expect("readable");
        for import in crate_imports(&text) {
            if import == module {
                continue;
            }
            match ranks.get(import.as_str()) {
                Some(&r) if r < rank => {}
                Some(_) => wrong.push(format!("{} uses crate::{import}", file.display())),
                None => {}
            }
        }
        if PURE.contains(&module.as_str()) {
            for gui in ["egui", "eframe", "epaint", "emath", "ecolor"] {
                let used = text.lines().any(|l| {
                    let l = l.trim_start();
                    !l.starts_with("//") && (l.contains(&format!("{gui}::")))
                });
                if used {
                    wrong.push(format!("{} (pure core) uses {gui}", file.display()));
                }
            }
        }
    }
    assert!(wrong.is_empty(), "layering broken:\n{}", wrong.join("\n"));
}

#[test]
fn every_top_module_has_a_rank() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let ranks: BTreeSet<&str> = RANKS.iter().map(|(m, _)| *m).collect();
    let lib = std::fs::read_to_string(src.join("lib.rs")).expect("lib.rs");
    let missing: Vec<String> = lib
        .lines()
        .filter_map(|l| l.trim().strip_prefix("pub mod "))
        .map(|m| m.trim_end_matches(';').to_owned())
        .filter(|m| !ranks.contains(m.as_str()))
        .collect();
    assert!(missing.is_empty(), "modules with no rank: {missing:?}");
}

#[test]
fn ui_files_form_no_cycle() {
    let ui = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/ui");
    let ranks: BTreeMap<&str, u32> = UI_RANKS.iter().copied().collect();
    let mut files = Vec::new();
    rust_files(&ui, &mut files);
    let mut wrong = Vec::new();
    for file in &files {
        let rel = file.strip_prefix(&ui).expect("under ui");
        let name = rel
            .components()
            .next()
            .expect("component")
            .as_os_str()
            .to_string_lossy()
            .trim_end_matches(".rs")
            .to_owned();
        let Some(&rank) = ranks.get(name.as_str()) else {
            wrong.push(format!("{} has no rank in UI_RANKS", file.display()));
            continue;
        };
        // Files inside a folder (ui/canvas/*.rs) use `super::` for their
        // own folder; only files directly in ui/ name siblings that way.
        let nested = rel.components().count() > 1;
        let text = std::fs::read_to_string(file).expect("readable");
        let imports = if nested {
            let mut found = BTreeSet::new();
            for line in text.lines().filter(|l| !l.trim_start().starts_with("//")) {
                for (at, _) in line.match_indices("crate::ui::") {
                    let name: String = line[at + "crate::ui::".len()..]
                        .chars()
                        .take_while(|c| c.is_alphanumeric() || *c == '_')
                        .collect();
                    found.insert(name);
                }
                for (at, _) in line.match_indices("super::super::") {
                    let name: String = line[at + "super::super::".len()..]
                        .chars()
                        .take_while(|c| c.is_alphanumeric() || *c == '_')
                        .collect();
                    found.insert(name);
                }
            }
            found
        } else {
            ui_imports(&text)
        };
        for import in imports {
            if import == name || import.is_empty() {
                continue;
            }
            match ranks.get(import.as_str()) {
                Some(&r) if r < rank => {}
                Some(_) => wrong.push(format!("{} uses ui::{import}", file.display())),
                None => {}
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "ui layering broken:\n{}",
        wrong.join("\n")
    );
}
