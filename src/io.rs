//! Reading and writing maps by file extension. `.ron` is the native
//! format; Mermaid journeys (`.mmd`, `.mermaid`) and CSV card lists
//! (`.csv`) plug in here, so the editor, `export` and `check` all accept
//! them.

use std::path::Path;

use crate::format::{self, LoadError, LoadErrorKind, Loaded};
use crate::interchange::limits::MAX_INPUT_BYTES;
use crate::interchange::{csv, mermaid};
use crate::model::Map;

/// The extensions [`load_any`] and [`save_any`] understand, for file
/// dialogs and messages.
pub const EXTENSIONS: [&str; 4] = ["ron", "mmd", "mermaid", "csv"];

/// Loads a map from any supported file, chosen by extension. Anything that
/// is not Mermaid or CSV is read as a `.ron` map, whose errors explain
/// themselves.
pub fn load_any(path: &Path) -> Result<Map, LoadError> {
    let name = path.display().to_string();
    match extension(path).as_str() {
        "mmd" | "mermaid" => {
            let text = read_text(path)?;
            mermaid::from_str(&text).map_err(|err| err.to_load_error(&name))
        }
        "csv" => {
            let text = read_text(path)?;
            let title = path
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_else(|| "Imported cards".to_owned());
            csv::from_str(&text, &title).map_err(|err| err.to_load_error(&name))
        }
        _ => format::load(path),
    }
}

/// [`load_any`] with the load's warnings (unknown fields of a `.ron`
/// file). A newer `.ron` file is refused, as by [`load_any`].
pub fn load_any_with_warnings(path: &Path) -> Result<Loaded, LoadError> {
    if !matches!(extension(path).as_str(), "mmd" | "mermaid" | "csv") {
        let loaded = format::load_with_warnings(path)?;
        if let Some(version) = loaded.newer_version {
            return Err(LoadError::new(
                &path.display().to_string(),
                LoadErrorKind::NewerVersion { version },
            ));
        }
        return Ok(loaded);
    }
    Ok(Loaded {
        map: load_any(path)?,
        warnings: Vec::new(),
        newer_version: None,
        stamp: None,
    })
}

/// Saves a map to any supported file, chosen by extension. Every write is
/// atomic. Refuses formats it does not know, with a message naming them.
pub fn save_any(map: &Map, path: &Path) -> Result<(), String> {
    let text = match extension(path).as_str() {
        "ron" => return format::save(map, path).map_err(|e| e.to_string()),
        "mmd" | "mermaid" => mermaid::to_string(map),
        "csv" => csv::to_string(map),
        other => {
            return Err(format!(
                "{}: cannot write .{other} files; use .ron, .mmd or .csv",
                path.display()
            ));
        }
    };
    format::atomic::write(path, text.as_bytes())
        .map_err(|err| format!("could not save {}: {err}", path.display()))
}

/// Refuses a file larger than the readers accept, from its metadata alone:
/// a huge file is never read into memory. A file whose size cannot be
/// told passes; its read reports the real problem.
pub fn check_size(path: &Path) -> Result<(), LoadError> {
    let Ok(meta) = std::fs::metadata(path) else {
        return Ok(());
    };
    let mib = |n: f64| n / (1024.0 * 1024.0);
    if meta.is_file() && meta.len() > MAX_INPUT_BYTES as u64 {
        return Err(LoadError::new(
            &path.display().to_string(),
            LoadErrorKind::Io(format!(
                "it is {:.1} MB, and Waymark opens files of at most {:.0} MB",
                mib(meta.len() as f64),
                mib(MAX_INPUT_BYTES as f64)
            )),
        ));
    }
    Ok(())
}

/// The lower-case extension of a path, or "" without one.
pub fn extension(path: &Path) -> String {
    path.extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default()
}

/// A file's text, or a load error that says why it could not be read.
pub fn read_text(path: &Path) -> Result<String, LoadError> {
    let name = path.display().to_string();
    let bytes = std::fs::read(path)
        .map_err(|err| LoadError::new(&name, LoadErrorKind::Io(err.to_string())))?;
    format::utf8(bytes, &name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_over_the_limit_is_refused_from_its_size_alone() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("huge.ron");
        // Sparse: no data is written, and none must be read.
        let file = std::fs::File::create(&path).unwrap();
        file.set_len(MAX_INPUT_BYTES as u64 + 1).unwrap();
        let err = check_size(&path).unwrap_err();
        assert!(err.to_string().contains("at most 32 MB"), "{err}");

        file.set_len(MAX_INPUT_BYTES as u64).unwrap();
        assert_eq!(check_size(&path), Ok(()), "the limit itself is allowed");
    }
}
