//! Atomic file replacement: a unique temp file, fsync, rename, fsync the
//! folder.
//!
//! A crash at any point leaves either the old file or the new one, never a
//! mix. Measured with `kill -9` during saves: plain `fs::write` corrupted
//! nearly every file, this sequence none. Each save gets its own temp file
//! (`tempfile` picks a fresh random name), so two programs saving the same
//! file at once cannot delete or rename each other's work: the last rename
//! wins, whole.

use std::fs::{self, File};
use std::io::{self, Write as _};
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

/// The suffix of temp files, so stale ones from killed saves can be found.
const TEMP_SUFFIX: &str = ".waymark-tmp";

/// Temp files older than this were left by a save that died; younger ones
/// may belong to a save in progress in another program.
const STALE_AFTER: Duration = Duration::from_secs(24 * 60 * 60);

/// How many symbolic links a save follows before giving up (as Linux does).
const MAX_LINKS: usize = 40;

/// How a save treats the file it replaces.
#[derive(Clone, Copy, Debug)]
pub struct WriteOptions {
    /// Save through a symbolic link to its target, so the link stays a link.
    pub follow_symlinks: bool,
    /// Keep the replaced file as `NAME.bak` beside it.
    pub backup: bool,
}

impl Default for WriteOptions {
    fn default() -> Self {
        Self {
            follow_symlinks: true,
            backup: false,
        }
    }
}

/// What a save wrote.
#[derive(Clone, Debug)]
pub struct Written {
    /// The file actually written: the link's target when the path was a
    /// symbolic link that was followed.
    pub path: PathBuf,
    /// Its length.
    pub len: u64,
    /// Its modification time, read from the written file before the
    /// rename, so a later save by someone else cannot slip in between.
    pub modified: Option<SystemTime>,
}

/// Writes `bytes` to `path` atomically, through a symbolic link, keeping the
/// old file's permissions. No backup: for exports and other derived files.
pub fn write(path: &Path, bytes: &[u8]) -> io::Result<()> {
    write_with(path, bytes, WriteOptions::default()).map(|_| ())
}

/// Writes `bytes` to `path` atomically.
///
/// On any error the file at `path` is untouched and no temp file is left.
pub fn write_with(path: &Path, bytes: &[u8], options: WriteOptions) -> io::Result<Written> {
    let target = if options.follow_symlinks {
        resolve_symlinks(path)?
    } else {
        path.to_path_buf()
    };
    let dir = parent_dir(&target);
    let name = target
        .file_name()
        .ok_or_else(|| io::Error::new(io::ErrorKind::InvalidInput, "the path names no file"))?
        .to_string_lossy()
        .into_owned();
    let existing = match fs::metadata(&target) {
        Ok(meta) if meta.is_dir() => {
            return Err(io::Error::new(
                io::ErrorKind::IsADirectory,
                format!("{} is a folder", target.display()),
            ));
        }
        Ok(meta) => Some(meta),
        Err(_) => None,
    };
    check_folder(&dir)?;
    remove_stale_temps(&dir, &name);

    let prefix = format!(".{name}.");
    let mut builder = tempfile::Builder::new();
    builder.prefix(&prefix).suffix(TEMP_SUFFIX);
    #[cfg(unix)]
    if existing.is_none() {
        // tempfile creates 0600 files; a new map gets the usual 0666 less
        // the umask, as `File::create` would give it.
        use std::os::unix::fs::PermissionsExt as _;
        builder.permissions(fs::Permissions::from_mode(0o666));
    }
    let mut temp = builder
        .tempfile_in(&dir)
        .map_err(|err| explain(err, "could not create a file in", &dir))?;
    temp.write_all(bytes)
        .map_err(|err| explain(err, "could not write in", &dir))?;
    #[cfg(unix)]
    if let Some(meta) = &existing {
        // Keep the file's identity: a private (0600) map stays private.
        temp.as_file().set_permissions(meta.permissions())?;
    }
    temp.as_file()
        .sync_all()
        .map_err(|err| explain(err, "could not write in", &dir))?;
    let meta = temp.as_file().metadata()?;
    if options.backup && existing.is_some() {
        keep_backup(&target, &dir, &name, &prefix)?;
    }
    // On failure the temp file is dropped, which deletes it.
    temp.persist(&target)
        .map_err(|err| explain(err.error, "could not replace the file in", &dir))?;
    sync_dir(&dir)?;
    Ok(Written {
        path: target,
        len: meta.len(),
        modified: meta.modified().ok(),
    })
}

/// The path of the backup kept for `target`: `NAME.bak` beside it.
pub fn backup_path(target: &Path) -> PathBuf {
    let mut name = target.file_name().unwrap_or_default().to_os_string();
    name.push(".bak");
    target.with_file_name(name)
}

/// Follows symbolic links to the file they name, even one that does not
/// exist yet.
pub fn resolve_symlinks(path: &Path) -> io::Result<PathBuf> {
    let mut current = path.to_path_buf();
    for _ in 0..MAX_LINKS {
        match fs::symlink_metadata(&current) {
            Ok(meta) if meta.file_type().is_symlink() => {
                let link = fs::read_link(&current)?;
                current = if link.is_absolute() {
                    link
                } else {
                    parent_dir(&current).join(link)
                };
            }
            _ => return Ok(current),
        }
    }
    Err(io::Error::other(format!(
        "{} goes through more than {MAX_LINKS} symbolic links",
        path.display()
    )))
}

/// The folder a file is in; `.` for a bare file name.
pub fn parent_dir(path: &Path) -> PathBuf {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// A missing folder gets a message that says so, not "No such file".
fn check_folder(dir: &Path) -> io::Result<()> {
    match fs::metadata(dir) {
        Ok(meta) if meta.is_dir() => Ok(()),
        Ok(_) => Err(io::Error::new(
            io::ErrorKind::NotADirectory,
            format!("{} is not a folder", dir.display()),
        )),
        Err(err) if err.kind() == io::ErrorKind::NotFound => Err(io::Error::new(
            io::ErrorKind::NotFound,
            format!("the folder {} does not exist", dir.display()),
        )),
        Err(err) => Err(explain(err, "cannot reach", dir)),
    }
}

/// Keeps the current `target` as `NAME.bak`: a hard link (or a copy where
/// the file system has none) under a unique temp name, renamed over the old
/// backup, so two saves at once cannot trip over each other's backup.
fn keep_backup(target: &Path, dir: &Path, name: &str, prefix: &str) -> io::Result<()> {
    let backup = backup_path(target);
    let mut builder = tempfile::Builder::new();
    builder.prefix(prefix).suffix(TEMP_SUFFIX);
    let linked = builder.make_in(dir, |temp| fs::hard_link(target, temp));
    let temp = match linked {
        Ok(temp) => temp.into_temp_path(),
        Err(_) => {
            let mut copy = builder.tempfile_in(dir)?;
            io::copy(&mut File::open(target)?, &mut copy)?;
            #[cfg(unix)]
            copy.as_file()
                .set_permissions(fs::metadata(target)?.permissions())?;
            copy.as_file().sync_all()?;
            copy.into_temp_path()
        }
    };
    let temp_name = temp.to_path_buf();
    temp.persist(&backup).map_err(|err| {
        io::Error::new(
            err.error.kind(),
            format!(
                "could not keep the previous version as {name}.bak: {}",
                err.error
            ),
        )
    })?;
    // Renaming a hard link onto another link of the same file does nothing
    // (POSIX), which happens when another save just made the same backup:
    // then our uniquely named link is still there. It is ours to remove.
    match fs::remove_file(&temp_name) {
        Err(err) if err.kind() != io::ErrorKind::NotFound => Err(err),
        _ => Ok(()),
    }
}

/// Removes temp files that saves of the same file left more than a day
/// ago. Younger ones may belong to a save still running elsewhere.
fn remove_stale_temps(dir: &Path, file_name: &str) {
    let prefix = format!(".{file_name}.");
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    let now = SystemTime::now();
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if !(name.starts_with(&prefix) && name.ends_with(TEMP_SUFFIX)) {
            continue;
        }
        let old = entry
            .metadata()
            .and_then(|m| m.modified())
            .ok()
            .and_then(|modified| now.duration_since(modified).ok())
            .is_some_and(|age| age > STALE_AFTER);
        if old {
            let _ = fs::remove_file(entry.path());
        }
    }
}

/// An io error with the step and folder in plain words, and the system's
/// reason after it.
fn explain(err: io::Error, doing: &str, dir: &Path) -> io::Error {
    let why = match err.kind() {
        io::ErrorKind::PermissionDenied => "no permission to write there".to_owned(),
        io::ErrorKind::ReadOnlyFilesystem => "the disk is read-only".to_owned(),
        io::ErrorKind::StorageFull => "the disk is full".to_owned(),
        io::ErrorKind::QuotaExceeded => "the disk quota is used up".to_owned(),
        io::ErrorKind::FileTooLarge => "the file is larger than this system allows".to_owned(),
        io::ErrorKind::NotFound => "the folder does not exist".to_owned(),
        _ => err.to_string(),
    };
    io::Error::new(err.kind(), format!("{doing} {}: {why}", dir.display()))
}

#[cfg(unix)]
fn sync_dir(dir: &Path) -> io::Result<()> {
    File::open(dir)?.sync_all()
}

#[cfg(not(unix))]
fn sync_dir(_dir: &Path) -> io::Result<()> {
    // Windows cannot open a directory as a file; rename is already durable
    // enough there for our purposes.
    Ok(())
}

#[cfg(test)]
mod tests;
