//! What a file looked like when it was read or written, to tell later
//! whether someone else changed it.

use std::fs::Metadata;
use std::io;
use std::path::Path;
use std::time::SystemTime;

/// A file's length, modification time and content hash.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DiskStamp {
    /// Length in bytes.
    pub len: u64,
    /// Last modification time, where the file system keeps one.
    pub modified: Option<SystemTime>,
    /// [`content_hash`] of the bytes.
    pub hash: u64,
}

impl DiskStamp {
    /// The stamp of `bytes` read from a file with metadata `meta`.
    pub fn of(bytes: &[u8], meta: &Metadata) -> Self {
        Self {
            len: bytes.len() as u64,
            modified: meta.modified().ok(),
            hash: content_hash(bytes),
        }
    }

    /// Reads the file and stamps it.
    pub fn read(path: &Path) -> io::Result<Self> {
        use std::io::Read as _;
        let mut file = std::fs::File::open(path)?;
        let mut bytes = Vec::new();
        file.read_to_end(&mut bytes)?;
        Ok(Self::of(&bytes, &file.metadata()?))
    }

    /// Whether the file at `path` still has this content. Same length and
    /// time count as unchanged without reading (as git does); otherwise the
    /// content decides, so a `touch` or a checkout of the same bytes is no
    /// change. A missing file is a change.
    pub fn matches(&self, path: &Path) -> io::Result<bool> {
        let meta = match std::fs::metadata(path) {
            Ok(meta) => meta,
            Err(err) if err.kind() == io::ErrorKind::NotFound => return Ok(false),
            Err(err) => return Err(err),
        };
        if meta.len() != self.len {
            return Ok(false);
        }
        if self.modified.is_some() && meta.modified().ok() == self.modified {
            return Ok(true);
        }
        Ok(Self::read(path)?.hash == self.hash)
    }
}

/// A 64-bit FNV-1a hash: stable across builds and platforms (unlike std's
/// `DefaultHasher`), so it can also name files.
pub fn content_hash(bytes: &[u8]) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        hash ^= u64::from(b);
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
    }
    hash
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fnv_matches_the_published_vectors() {
        assert_eq!(content_hash(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(content_hash(b"a"), 0xaf63_dc4c_8601_ec8c);
    }

    #[test]
    fn a_rewrite_with_other_bytes_is_a_change_and_a_touch_is_not() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("map.ron");
        std::fs::write(&path, "same").unwrap();
        let stamp = DiskStamp::read(&path).unwrap();
        assert!(stamp.matches(&path).unwrap());

        // Same bytes, new time: not a change.
        let later = SystemTime::now() + std::time::Duration::from_secs(5);
        let file = std::fs::File::options().write(true).open(&path).unwrap();
        file.set_modified(later).unwrap();
        assert!(stamp.matches(&path).unwrap());

        // Same length, other bytes: a change.
        std::fs::write(&path, "diff").unwrap();
        assert!(!stamp.matches(&path).unwrap());

        std::fs::remove_file(&path).unwrap();
        assert!(!stamp.matches(&path).unwrap(), "a deleted file changed");
    }
}
