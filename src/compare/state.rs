//! Current and future state: where a map's future copy lives, and the copy.

use std::path::{Path, PathBuf};

use crate::model::{Map, MapState};

/// The file next to a map that holds its future state:
/// `journey.ron` → `journey.future.ron`. A future file maps to itself.
pub fn future_path(path: &Path) -> PathBuf {
    if current_path(path).is_some() {
        return path.to_path_buf();
    }
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "journey".to_owned());
    path.with_file_name(format!("{stem}.future.ron"))
}

/// The current-state map a future file was saved from:
/// `journey.future.ron` → `journey.ron`. `None` for any other name.
pub fn current_path(path: &Path) -> Option<PathBuf> {
    let name = path.file_name()?.to_str()?;
    let stem = name.strip_suffix(".future.ron")?;
    (!stem.is_empty()).then(|| path.with_file_name(format!("{stem}.ron")))
}

/// A copy of a map marked as the future state, ready to save with
/// [`future_path`]. Ids stay the same, so comparing the two by ids shows
/// exactly what the future changes.
pub fn future_copy(map: &Map) -> Map {
    let mut copy = map.clone();
    copy.state = MapState::Future;
    copy
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn future_and_current_paths_mirror_each_other() {
        let p = Path::new("/maps/journey.ron");
        assert_eq!(future_path(p), Path::new("/maps/journey.future.ron"));
        assert_eq!(current_path(&future_path(p)).as_deref(), Some(p));
        assert_eq!(future_path(&future_path(p)), future_path(p));
        assert_eq!(current_path(p), None);
        assert_eq!(current_path(Path::new(".future.ron")), None);
    }

    #[test]
    fn the_future_copy_differs_only_in_state() {
        let map = Map::blank();
        let d = crate::compare::diff(&map, &future_copy(&map));
        assert_eq!(d.len(), 1);
        assert_eq!(
            crate::compare::text::line(&d.changes[0]),
            "Map state: \"Current\" → \"Future\""
        );
    }
}
