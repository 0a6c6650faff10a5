//! `waymark merge BASE OURS THEIRS -o OUT`: a three-way merge by ids, and
//! git's merge driver (`waymark merge %O %A %B -o %A`).
//!
//! Exit codes: 0 clean, 1 with conflicts (OUT is written all the same: a
//! valid map keeping ours, with each conflict recorded in it), 2 when a
//! file cannot be used or OUT cannot be written.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use crate::compare;
use crate::model::Map;

/// Arguments of `waymark merge`.
#[derive(clap::Args, Debug)]
pub struct MergeArgs {
    /// The common ancestor (git's %O).
    pub base: PathBuf,
    /// Our version (git's %A).
    pub ours: PathBuf,
    /// Their version (git's %B).
    pub theirs: PathBuf,
    /// Where to write the result; may be OURS itself, as git's driver needs.
    #[arg(short, long)]
    pub output: PathBuf,
}

fn load(path: &Path) -> Result<Map, String> {
    crate::io::load_any(path).map_err(|err| err.to_string())
}

/// Writes a map: Mermaid and CSV by extension, anything else as a `.ron`
/// map (git's temporary files have no extension).
fn save(map: &Map, path: &Path) -> Result<(), String> {
    if super::diff::without_ids(path) {
        crate::io::save_any(map, path)
    } else {
        crate::format::save(map, path).map_err(|err| err.to_string())
    }
}

/// Runs the merge; returns the exit code.
pub fn run(args: &MergeArgs) -> ExitCode {
    let loaded = (load(&args.base), load(&args.ours), load(&args.theirs));
    let (base, ours, theirs) = match loaded {
        (Ok(b), Ok(o), Ok(t)) => (b, o, t),
        (b, o, t) => {
            for err in [b.err(), o.err(), t.err()].into_iter().flatten() {
                eprintln!("waymark merge: {err}");
            }
            return ExitCode::from(2);
        }
    };
    let by_names = [&args.base, &args.ours, &args.theirs]
        .iter()
        .any(|p| super::diff::without_ids(p));
    let merged = if by_names {
        let ours = compare::align_by_names(&base, &ours);
        let theirs = compare::align_by_names(&base, &theirs);
        compare::merge(&base, &ours, &theirs)
    } else {
        compare::merge(&base, &ours, &theirs)
    };
    if let Err(err) = save(&merged.map, &args.output) {
        eprintln!("waymark merge: {err}");
        return ExitCode::from(2);
    }
    for (kind, from, to) in &merged.renumbered {
        eprintln!(
            "waymark merge: their new {} {from} is now {to} (ours added another with that id)",
            kind.word()
        );
    }
    if merged.is_clean() {
        return ExitCode::SUCCESS;
    }
    let names = compare::Names::of(&merged.map);
    for conflict in &merged.conflicts {
        eprintln!(
            "CONFLICT (waymark): {}",
            compare::describe_with(&names, conflict)
        );
    }
    eprintln!(
        "waymark merge: {} conflict(s) recorded in {}; it opens as ours. Resolve them in the \
         editor's findings panel; `waymark check` fails until then.",
        merged.conflicts.len(),
        args.output.display()
    );
    ExitCode::from(1)
}
