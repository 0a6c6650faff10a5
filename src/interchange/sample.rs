//! The bundled sample map, loaded from `assets/sample.ron` like the
//! templates: one source, which the app opens on a fresh start and the
//! tests read.

use crate::format;
use crate::model::Map;

/// The sample file's text.
pub const SAMPLE_RON: &str = include_str!("../../assets/sample.ron");

/// The bundled sample: an outdoor-gear shop's journey for buying hiking
/// boots. The text is bundled and loaded by the tests, so it always parses.
pub fn sample_map() -> Map {
    format::from_str(SAMPLE_RON, "sample.ron")
        .unwrap_or_else(|err| panic!("the bundled sample does not load: {err}"))
}
