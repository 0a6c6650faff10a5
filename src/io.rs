//! Reading and writing maps by file extension. `.ron` is the native
//! format; Mermaid journeys (`.mmd`, `.mermaid`) and CSV card lists
//! (`.csv`) plug in here, so the editor, `export` and `check` all accept
//! them.

use std::path::Path;

use crate::format::{self, LoadError, LoadErrorKind, Loaded};
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

/// The lower-case extension of a path, or "" without one.
pub fn extension(path: &Path) -> String {
    path.extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default()
}

/// A file's text, or a load error that says why it could not be read.
fn read_text(path: &Path) -> Result<String, LoadError> {
    let name = path.display().to_string();
    let bytes = std::fs::read(path)
        .map_err(|err| LoadError::new(&name, LoadErrorKind::Io(err.to_string())))?;
    format::utf8(bytes, &name)
}
