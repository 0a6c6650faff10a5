//! Writing a map file: atomic, keeping `NAME.ron.bak`, and never over a
//! file that a newer Waymark wrote.

use std::path::Path;

use serde::Deserialize;

use super::atomic::{self, WriteOptions};
use super::{DiskStamp, FORMAT_VERSION, content_hash, to_string};
use crate::model::Map;

/// Why a save failed. The file on disk is untouched in every case.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SaveError {
    /// The target was written by a newer Waymark; overwriting it would lose data.
    NewerFile {
        /// The file.
        path: String,
        /// The version found in it.
        version: u32,
    },
    /// The file changed on disk since it was opened or last saved (a
    /// colleague, a `git pull`): saving would overwrite their version.
    ChangedOnDisk {
        /// The file.
        path: String,
    },
    /// The file system refused: a missing or read-only folder, a full disk.
    Io {
        /// The file.
        path: String,
        /// What went wrong, in plain words.
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
            SaveError::ChangedOnDisk { path } => write!(
                f,
                "{path} changed on disk since it was opened or saved; reload it, or save \
                 this map under another name"
            ),
            SaveError::Io { path, message } => write!(f, "could not save {path}: {message}"),
        }
    }
}

impl std::error::Error for SaveError {}

/// Saves a map atomically, keeping the file it replaces as `NAME.ron.bak`.
/// Refuses to overwrite a file of a newer format.
pub fn save(map: &Map, path: &Path) -> Result<(), SaveError> {
    save_stamped(map, path).map(|_| ())
}

/// [`save`], returning the stamp of the file written, to tell later
/// whether someone else changed it.
pub fn save_stamped(map: &Map, path: &Path) -> Result<DiskStamp, SaveError> {
    if let Some(version) = probe_version(path)
        && version > FORMAT_VERSION
    {
        return Err(SaveError::NewerFile {
            path: path.display().to_string(),
            version,
        });
    }
    let text = to_string(map);
    let options = WriteOptions {
        follow_symlinks: true,
        backup: true,
    };
    let written =
        atomic::write_with(path, text.as_bytes(), options).map_err(|err| SaveError::Io {
            path: path.display().to_string(),
            message: err.to_string(),
        })?;
    Ok(DiskStamp {
        len: written.len,
        modified: written.modified,
        hash: content_hash(text.as_bytes()),
    })
}

#[derive(Deserialize)]
struct Probe {
    #[serde(default)]
    version: u32,
}

/// Reads only the format version of a file, if it has one. Also finds it
/// in a file whose rest this build cannot parse, so that a newer file is
/// never overwritten because its new syntax hid its version.
pub fn probe_version(path: &Path) -> Option<u32> {
    let text = std::fs::read_to_string(path).ok()?;
    match ron::Options::default().from_str::<Probe>(&text) {
        Ok(Probe { version }) => Some(version).filter(|&v| v > 0),
        Err(_) => scan_version(&text),
    }
}

/// `version: N` near the top of the text, read without parsing the rest.
pub(super) fn scan_version(text: &str) -> Option<u32> {
    let head = text.get(..4096).unwrap_or(text);
    let at = head.find("version")?;
    let rest = head[at + "version".len()..].trim_start();
    let rest = rest.strip_prefix(':')?.trim_start();
    let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
    digits.parse().ok().filter(|&v| v > 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_version_is_found_even_where_the_rest_does_not_parse() {
        assert_eq!(
            scan_version("(format: \"waymark\", version: 7, map: {{{"),
            Some(7)
        );
        assert_eq!(scan_version("no version here"), None);
    }
}
