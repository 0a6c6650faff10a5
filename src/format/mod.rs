//! The `.ron` map file: a versioned envelope around a [`Map`].
//!
//! ```ron
//! (
//!     format: "waymark",
//!     version: 2,
//!     map: ( title: "...", ... ),
//! )
//! ```
//!
//! The version comes first so that a newer file can be recognised before
//! its map is read. Loading ([`read`]) explains every failure with a
//! line:column and reports the fields it skipped; saving ([`save`]) is
//! atomic and keeps the previous version as `NAME.ron.bak` (see [`atomic`]).

pub mod atomic;
mod error;
pub mod locate;
mod read;
mod save;
mod stamp;

use serde::{Deserialize, Serialize};

use crate::model::Map;

pub use error::{LoadError, LoadErrorKind};
pub use locate::{FieldPath, Step};
pub use read::{LoadWarning, Loaded, from_str, load, load_with_warnings, read_str, utf8};
pub use save::{SaveError, probe_version, save, save_stamped};
pub use stamp::{DiskStamp, content_hash};

/// The format version this build writes and reads.
pub const FORMAT_VERSION: u32 = 2;

/// The marker in the `format` field.
pub const FORMAT_NAME: &str = "waymark";

#[derive(Serialize)]
struct EnvelopeOut<'a> {
    format: &'a str,
    version: u32,
    map: &'a Map,
}

/// The file as read. Its Rust name never reaches a message: errors say
/// "map file" (see `error::friendly`).
#[derive(Deserialize)]
struct EnvelopeIn {
    #[serde(default)]
    format: String,
    version: u32,
    map: Map,
}

/// Serialises a map to the file's text. Saving the same map twice gives
/// the same bytes: fields come in a fixed order and line ends are `\n`.
pub fn to_string(map: &Map) -> String {
    let config = ron::ser::PrettyConfig::new()
        .escape_strings(false)
        .new_line("\n")
        .indentor("    ")
        .struct_names(false);
    let mut text = ron::ser::to_string_pretty(
        &EnvelopeOut {
            format: FORMAT_NAME,
            version: FORMAT_VERSION,
            map,
        },
        config,
    )
    .expect("a map always serialises: it holds only strings, numbers and enums");
    text.push('\n');
    text
}

/// One step that brings a map from format version `N` to `N + 1`, at index
/// `N - 1`. A new version adds its step here and a fixture
/// `tests/fixtures/vN.ron` (the test
/// `every_format_version_has_a_fixture_that_loads` insists on it).
const MIGRATIONS: [fn(Map) -> Map; FORMAT_VERSION as usize - 1] = [v1_to_v2];

/// Version 2 adds service blueprints and funnel numbers: the blueprint's
/// lane kinds, links between cards, fail points, and stage volumes with
/// their period. Every new field has a default that means "none", so a
/// version 1 map is already a valid version 2 map.
fn v1_to_v2(map: Map) -> Map {
    map
}

/// Brings a map read from version `version` (1..=[`FORMAT_VERSION`]) up to
/// the current version, one step at a time. A map from a newer version is
/// left as it is: it is only ever opened read-only.
pub fn migrate(version: u32, mut map: Map) -> Map {
    let from = (version.max(1) - 1) as usize;
    for step in MIGRATIONS.iter().skip(from) {
        map = step(map);
    }
    map
}
