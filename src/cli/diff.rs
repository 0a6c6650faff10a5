//! `waymark diff`: what changed between two maps, in plain words or JSON.
//!
//! Exit codes as diff(1): 0 when the maps are the same, 1 when they differ,
//! 2 when a file cannot be used. Git's external diff calls the command with
//! seven arguments (`path old-file old-hex old-mode new-file new-hex
//! new-mode`); in that form it names the path and exits 0, as git expects.

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use crate::compare::{self, Diff};
use crate::model::Map;

/// Arguments of `waymark diff`.
#[derive(clap::Args, Debug)]
pub struct DiffArgs {
    /// OLD and NEW maps, in any format Waymark reads. (Git's external-diff
    /// form, seven arguments, works too.)
    #[arg(num_args = 2..=7, required = true, value_name = "OLD NEW")]
    pub files: Vec<PathBuf>,
    /// How to print the changes.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
}

/// Output formats of `waymark diff`.
#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// One change per line, in plain words.
    Text,
    /// A JSON array of changes.
    Json,
}

/// Whether a file carries no Waymark ids, so items must be matched by names.
pub(crate) fn without_ids(path: &Path) -> bool {
    matches!(
        crate::io::extension(path).as_str(),
        "mmd" | "mermaid" | "csv"
    )
}

/// A map from a file; git's `/dev/null` (a file added or deleted) is an
/// empty map.
fn load(path: &Path) -> Result<Map, String> {
    if path == Path::new("/dev/null") {
        let mut map = Map::new("");
        map.next_id = 1;
        return Ok(map);
    }
    crate::io::load_any(path).map_err(|err| err.to_string())
}

/// The diff of two files: by ids when both carry them, by names otherwise.
pub fn diff_files(old: &Path, new: &Path, by_names: bool) -> Result<Diff, String> {
    let (a, b) = (load(old)?, load(new)?);
    Ok(if by_names {
        compare::diff(&a, &compare::align_by_names(&a, &b))
    } else {
        compare::diff(&a, &b)
    })
}

/// Runs the diff; returns the exit code.
pub fn run(args: &DiffArgs) -> ExitCode {
    let (old, new, git_path) = match args.files.as_slice() {
        [old, new] => (old, new, None),
        [path, old, _, _, new, _, _] => (old, new, Some(path)),
        _ => {
            eprintln!(
                "waymark diff: give two maps, OLD and NEW (got {} files)",
                args.files.len()
            );
            return ExitCode::from(2);
        }
    };
    let by_names = match git_path {
        Some(path) => without_ids(path),
        None => without_ids(old) || without_ids(new),
    };
    let diff = match diff_files(old, new, by_names) {
        Ok(diff) => diff,
        Err(err) => {
            eprintln!("waymark diff: {err}");
            return ExitCode::from(2);
        }
    };
    let mut text = match args.format {
        Format::Text => compare::text::to_text(&diff),
        Format::Json => {
            let mut json = diff.to_json();
            json.push('\n');
            json
        }
    };
    // Git shows a command's output as is: name the file, unless that would
    // spoil the JSON.
    if let Some(path) = git_path
        && args.format == Format::Text
        && !diff.is_empty()
    {
        text = format!("waymark diff {}\n{text}", path.display());
    }
    // A closed pipe is not a failure of the comparison.
    let _ = std::io::stdout().lock().write_all(text.as_bytes());
    if git_path.is_some() || diff.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}
