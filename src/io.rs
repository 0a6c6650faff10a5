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
