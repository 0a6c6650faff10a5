//! The `.ron` map file: a versioned envelope around a [`Map`].
//!
//! ```ron
//! (
//!     format: "waymark",
//!     version: 1,
//!     map: ( title: "...", ... ),
//! )
//! ```
//!
//! The version comes first so that a newer file can be recognised and
//! refused before its map is read. Saving is atomic (see [`atomic`]).

pub mod atomic;
mod error;

use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::model::Map;

pub use error::{LoadError, LoadErrorKind};

/// The format version this build writes and reads.
pub const FORMAT_VERSION: u32 = 1;

/// The marker in the `format` field.
pub const FORMAT_NAME: &str = "waymark";

#[derive(Serialize)]
struct EnvelopeOut<'a> {
    format: &'a str,
    version: u32,
    map: &'a Map,
}

#[derive(Deserialize)]
struct EnvelopeIn {
    #[serde(default)]
    format: String,
    version: u32,
    map: Map,
}

/// Only the version, so a newer file is recognised even when its map
/// would not parse with this build's types.
#[derive(Deserialize)]
struct Probe {
    /// Zero when the file has no version at all.
    #[serde(default)]
    version: u32,
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

/// Parses a map file's text. `name` is used in error messages (usually the
/// file's path).
pub fn from_str(text: &str, name: &str) -> Result<Map, LoadError> {
    let options = ron::Options::default();
    // One typed parse in the common case. Only when it fails do we look at
    // the version alone: a newer file must get a clear refusal, not a
    // confusing complaint about a field this build does not know.
    let envelope: EnvelopeIn = match options.from_str(text) {
        Ok(envelope) => envelope,
        Err(err) => {
            return Err(match options.from_str::<Probe>(text) {
                Ok(Probe { version }) if version > FORMAT_VERSION => {
                    LoadError::new(name, LoadErrorKind::NewerVersion { version })
                }
                Ok(Probe { version: 0 }) => LoadError::new(
                    name,
                    LoadErrorKind::NotAMap(
                        "it has no `version` field, so it is not a Waymark map file".to_owned(),
                    ),
                ),
                _ => LoadError::from_ron(name, text, &err),
            });
        }
    };
    if envelope.version > FORMAT_VERSION {
        return Err(LoadError::new(
            name,
            LoadErrorKind::NewerVersion {
                version: envelope.version,
            },
        ));
    }
    let format = &envelope.format;
    if !format.is_empty() && format != FORMAT_NAME {
        return Err(LoadError::new(
            name,
            LoadErrorKind::NotAMap(format!("its format is \"{format}\", not \"{FORMAT_NAME}\"")),
        ));
    }
    let mut map = migrate(envelope.version, envelope.map);
    map.validate()
        .map_err(|msg| LoadError::new(name, LoadErrorKind::Invalid(msg)))?;
    map.repair_next_id();
    Ok(map)
}

/// Brings a map read from an older version up to [`FORMAT_VERSION`].
/// Version 1 is the first; later versions add their steps here.
fn migrate(_version: u32, map: Map) -> Map {
    map
}

/// Reads a map file.
pub fn load(path: &Path) -> Result<Map, LoadError> {
    let name = path.display().to_string();
    let bytes = std::fs::read(path)
        .map_err(|err| LoadError::new(&name, LoadErrorKind::Io(err.to_string())))?;
    let text = String::from_utf8(bytes).map_err(|err| {
        LoadError::new(
            &name,
            LoadErrorKind::NotAMap(format!(
                "it is not UTF-8 text (invalid byte at offset {})",
                err.utf8_error().valid_up_to()
            )),
        )
    })?;
    from_str(&text, &name)
}

/// Reads only the format version of a file, if it has one.
pub fn probe_version(path: &Path) -> Option<u32> {
    let text = std::fs::read_to_string(path).ok()?;
    ron::Options::default()
        .from_str::<Probe>(&text)
        .ok()
        .map(|p| p.version)
        .filter(|&v| v > 0)
}

/// Why a save failed.
#[derive(Debug)]
pub enum SaveError {
    /// The target was written by a newer Waymark; overwriting it would lose data.
    NewerFile {
        /// The file.
        path: String,
        /// The version found in it.
        version: u32,
    },
    /// The file system refused.
    Io {
        /// The file.
        path: String,
        /// What went wrong.
        message: String,
    },
}

impl std::fmt::Display for SaveError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SaveError::NewerFile { path, version } => write!(
                f,
                "{path} was written by a newer Waymark (format version {version}); \
                 this version ({FORMAT_VERSION}) will not overwrite it. Save under another name."
            ),
            SaveError::Io { path, message } => write!(f, "could not save {path}: {message}"),
        }
    }
}

impl std::error::Error for SaveError {}

/// Saves a map atomically. Refuses to overwrite a file of a newer format.
pub fn save(map: &Map, path: &Path) -> Result<(), SaveError> {
    if let Some(version) = probe_version(path)
        && version > FORMAT_VERSION
    {
        return Err(SaveError::NewerFile {
            path: path.display().to_string(),
            version,
        });
    }
    atomic::write(path, to_string(map).as_bytes()).map_err(|err| SaveError::Io {
        path: path.display().to_string(),
        message: err.to_string(),
    })
}
