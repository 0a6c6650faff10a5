//! Reading and writing maps by file extension. `.ron` is the native
//! format; other formats plug in here so the editor, `export` and `check`
//! all accept them.

use std::path::Path;

use crate::format::{self, LoadError};
use crate::model::Map;

/// Loads a map from any supported file, chosen by extension.
pub fn load_any(path: &Path) -> Result<Map, LoadError> {
    format::load(path)
}

/// Saves a map to any supported file, chosen by extension. Refuses
/// formats it does not know, with a message naming them.
pub fn save_any(map: &Map, path: &Path) -> Result<(), String> {
    match extension(path).as_str() {
        "ron" => format::save(map, path).map_err(|e| e.to_string()),
        other => Err(format!(
            "{}: cannot write .{other} files; use .ron",
            path.display()
        )),
    }
}

/// The lower-case extension of a path, or "" without one.
pub fn extension(path: &Path) -> String {
    path.extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default()
}
