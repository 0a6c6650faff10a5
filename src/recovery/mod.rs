//! Crash recovery: unsaved work kept in the user's data folder.
//!
//! The [`Autosaver`] writes the open map about two seconds after the last
//! change to `$XDG_DATA_HOME/waymark/recovery/NAME.ron`, where NAME is a
//! hash of the map file's canonical path, or `untitled-PID` for a map with
//! no file yet. A few comment lines at the top name the original file, so
//! a recovery file is also a plain map file that Waymark opens as is.
//!
//! On start, [`RecoveryDir::find_for`] finds the recovery file of the map
//! being opened, and [`RecoveryDir::find_orphans`] the untitled ones whose
//! program is gone. A clean save or a discard deletes the file.
//!
//! Recovery files never touch the user's own file: they live in their own
//! folder, are written atomically without following links, and a write
//! whose target would be the original is refused.

mod autosaver;
mod header;

use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use crate::edit::Document;
use crate::format::{self, DiskStamp, LoadError, atomic};
use crate::model::Map;

pub use autosaver::{AutosaveStatus, Autosaver};
use header::Header;

/// What an autosave writes: the map, its file and that file's stamp.
#[derive(Clone, Debug)]
pub struct Snapshot {
    /// The map as it is now.
    pub map: Map,
    /// The map's own file, or `None` for an untitled map.
    pub original: Option<PathBuf>,
    /// The original's stamp when it was last read or saved, so a restored
    /// map still notices that the file changed meanwhile.
    pub stamp: Option<DiskStamp>,
}

impl Snapshot {
    /// The current state of a document.
    pub fn of(doc: &Document) -> Self {
        Self {
            map: doc.map().clone(),
            original: doc.path().map(Path::to_path_buf),
            stamp: doc.disk_stamp(),
        }
    }
}

/// The folder that holds recovery files.
#[derive(Clone, Debug)]
pub struct RecoveryDir {
    dir: PathBuf,
}

/// A recovery file found on disk.
#[derive(Clone, Debug, PartialEq)]
pub struct Recovery {
    /// The recovery file itself.
    pub file: PathBuf,
    /// The map's own file, as named in the header; `None` when untitled.
    pub original: Option<PathBuf>,
    /// The original's stamp from before the crash, if it had one.
    pub stamp: Option<DiskStamp>,
    /// When the autosave wrote it.
    pub written: Option<SystemTime>,
}

impl RecoveryDir {
    /// Recovery files in `dir` (created on the first write). Tests use a
    /// temp folder; the app uses [`RecoveryDir::user_default`].
    pub fn new(dir: impl Into<PathBuf>) -> Self {
        Self { dir: dir.into() }
    }

    /// `$XDG_DATA_HOME/waymark/recovery`, or `~/.local/share/waymark/recovery`
    /// when that is unset (the XDG rule: only an absolute path counts).
    pub fn user_default() -> Option<Self> {
        Self::from_env(std::env::var_os("XDG_DATA_HOME"), std::env::var_os("HOME"))
    }

    /// [`RecoveryDir::user_default`] from given values of `XDG_DATA_HOME`
    /// and `HOME`.
    pub fn from_env(
        xdg_data_home: Option<std::ffi::OsString>,
        home: Option<std::ffi::OsString>,
    ) -> Option<Self> {
        let data = xdg_data_home
            .map(PathBuf::from)
            .filter(|p| p.is_absolute())
            .or_else(|| {
                home.map(PathBuf::from)
                    .filter(|p| p.is_absolute())
                    .map(|home| home.join(".local").join("share"))
            })?;
        Some(Self::new(data.join("waymark").join("recovery")))
    }

    /// The folder.
    pub fn path(&self) -> &Path {
        &self.dir
    }

    /// The recovery file for a map's file, or for an untitled map of this
    /// process.
    pub fn file_for(&self, original: Option<&Path>) -> PathBuf {
        let name = match original {
            Some(path) => {
                let canonical = canonical(path);
                format!(
                    "{:016x}.ron",
                    format::content_hash(canonical.as_os_str().as_encoded_bytes())
                )
            }
            None => format!("untitled-{}.ron", std::process::id()),
        };
        self.dir.join(name)
    }

    /// Writes a snapshot to its recovery file, atomically. Returns the file.
    pub fn write(&self, snapshot: &Snapshot) -> io::Result<PathBuf> {
        let file = self.file_for(snapshot.original.as_deref());
        fs::create_dir_all(&self.dir)?;
        // The file itself is replaced, never followed (see below), so
        // compare its folder's real path plus its name with the original.
        if let Some(original) = &snapshot.original
            && let (Ok(dir), Some(name)) = (fs::canonicalize(&self.dir), file.file_name())
            && dir.join(name) == canonical(original)
        {
            return Err(io::Error::other(format!(
                "will not autosave over the map's own file {}",
                original.display()
            )));
        }
        let header = Header {
            original: snapshot.original.as_deref().map(canonical),
            pid: std::process::id(),
            started: header::process_start(std::process::id()),
            stamp: snapshot.stamp,
            written: Some(SystemTime::now()),
        };
        let text = header.render() + &format::to_string(&snapshot.map);
        // Not through links: a link planted in the recovery folder must not
        // lead the autosave onto some other file.
        let options = atomic::WriteOptions {
            follow_symlinks: false,
            backup: false,
        };
        atomic::write_with(&file, text.as_bytes(), options)?;
        Ok(file)
    }

    /// Deletes the recovery file of a map (after a clean save or a discard).
    /// A file that is already gone is fine.
    pub fn remove(&self, original: Option<&Path>) -> io::Result<()> {
        remove_if_present(&self.file_for(original))
    }

    /// The recovery file left for `original` by a program that is gone.
    /// One whose program still runs (the same map open in another window)
    /// is not offered.
    pub fn find_for(&self, original: &Path) -> Option<Recovery> {
        let file = self.file_for(Some(original));
        let header = Header::read(&file).ok()?;
        if header.original.as_deref() != Some(canonical(original).as_path()) {
            return None; // a hash collision, or a hand-made file
        }
        if header.pid != std::process::id() && header::process_alive(header.pid, header.started) {
            return None;
        }
        Some(header.into_recovery(file))
    }

    /// Every map, titled or not, whose program is gone and left unsaved
    /// work here, newest first: what a start on another file mentions.
    pub fn find_waiting(&self) -> Vec<Recovery> {
        let Ok(entries) = fs::read_dir(&self.dir) else {
            return Vec::new();
        };
        let mut found: Vec<Recovery> = entries
            .flatten()
            .filter(|e| e.path().extension().is_some_and(|x| x == "ron"))
            .filter_map(|entry| {
                let header = Header::read(&entry.path()).ok()?;
                // As for `find_for`: this program's own files are the
                // caller's to tell apart.
                if header.pid != std::process::id()
                    && header::process_alive(header.pid, header.started)
                {
                    return None;
                }
                Some(header.into_recovery(entry.path()))
            })
            .collect();
        found.sort_by(|a, b| b.written.cmp(&a.written).then(a.file.cmp(&b.file)));
        found
    }

    /// Untitled maps whose program is gone (crashed or killed).
    pub fn find_orphans(&self) -> Vec<Recovery> {
        let Ok(entries) = fs::read_dir(&self.dir) else {
            return Vec::new();
        };
        let mut found: Vec<Recovery> = entries
            .flatten()
            .filter_map(|entry| {
                let name = entry.file_name().to_string_lossy().into_owned();
                let pid: u32 = name
                    .strip_prefix("untitled-")?
                    .strip_suffix(".ron")?
                    .parse()
                    .ok()?;
                if pid == std::process::id() {
                    return None;
                }
                let header = Header::read(&entry.path()).ok()?;
                if header::process_alive(header.pid, header.started) {
                    return None;
                }
                Some(header.into_recovery(entry.path()))
            })
            .collect();
        found.sort_by(|a, b| b.written.cmp(&a.written).then(a.file.cmp(&b.file)));
        found
    }
}

impl Recovery {
    /// The map as autosaved. The header is made of comments, so the file
    /// loads as a plain map file.
    pub fn load(&self) -> Result<Map, LoadError> {
        format::load(&self.file)
    }

    /// The restored document: the autosaved map, tied to its original file,
    /// and dirty. The recovery file stays until a save or a discard.
    pub fn restore(&self) -> Result<Document, LoadError> {
        Ok(Document::restored(
            self.load()?,
            self.original.clone(),
            self.stamp,
        ))
    }

    /// Deletes the recovery file (the user chose Discard).
    pub fn discard(&self) -> io::Result<()> {
        remove_if_present(&self.file)
    }
}

/// A path made absolute and free of links, as far as it exists.
fn canonical(path: &Path) -> PathBuf {
    if let Ok(p) = fs::canonicalize(path) {
        return p;
    }
    // A file that does not exist (yet, or any more): resolve its folder.
    let dir = atomic::parent_dir(path);
    match (fs::canonicalize(&dir), path.file_name()) {
        (Ok(dir), Some(name)) => dir.join(name),
        _ => std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf()),
    }
}

fn remove_if_present(file: &Path) -> io::Result<()> {
    match fs::remove_file(file) {
        Err(err) if err.kind() != io::ErrorKind::NotFound => Err(err),
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests;
