//! The comment lines at the top of a recovery file, and telling whether the
//! program that wrote it still runs.

use std::io::{self, BufRead as _};
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use crate::format::DiskStamp;

use super::Recovery;

const TITLE: &str = "// Waymark recovery file: unsaved work kept by the autosave.";

/// What a recovery file says about itself.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct Header {
    /// The map's own file (canonical), `None` when untitled.
    pub original: Option<PathBuf>,
    /// The process that wrote it.
    pub pid: u32,
    /// That process's start time (Linux clock ticks), to tell it from a
    /// later process that got the same pid.
    pub started: Option<u64>,
    /// The original's stamp from before the crash.
    pub stamp: Option<DiskStamp>,
    /// When it was written.
    pub written: Option<SystemTime>,
}

impl Header {
    /// The header as comment lines, ending with a newline.
    pub fn render(&self) -> String {
        let mut out = format!("{TITLE}\n");
        match &self.original {
            Some(path) => out += &format!("// original: {}\n", encode_path(path)),
            None => out += "// original: (untitled)\n",
        }
        out += &format!("// pid: {}\n", self.pid);
        if let Some(started) = self.started {
            out += &format!("// started: {started}\n");
        }
        if let Some(stamp) = &self.stamp {
            let modified = match stamp
                .modified
                .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
            {
                Some(d) => format!("{}.{:09}", d.as_secs(), d.subsec_nanos()),
                None => "-".to_owned(),
            };
            out += &format!("// stamp: {} {modified} {:016x}\n", stamp.len, stamp.hash);
        }
        if let Some(d) = self.written.and_then(|t| t.duration_since(UNIX_EPOCH).ok()) {
            out += &format!("// written: {}\n", d.as_secs());
        }
        out
    }

    /// Reads the header of a recovery file (only its first lines).
    pub fn read(file: &Path) -> io::Result<Self> {
        let reader = io::BufReader::new(std::fs::File::open(file)?);
        let mut lines = reader.lines();
        if lines.next().transpose()?.as_deref() != Some(TITLE) {
            return Err(io::Error::new(
                io::ErrorKind::InvalidData,
                "not a Waymark recovery file",
            ));
        }
        let mut header = Header {
            original: None,
            pid: 0,
            started: None,
            stamp: None,
            written: None,
        };
        let mut saw_original = false;
        for line in lines.take(16) {
            let line = line?;
            let Some((key, value)) = line
                .strip_prefix("// ")
                .and_then(|rest| rest.split_once(": "))
            else {
                break;
            };
            match key {
                "original" => {
                    saw_original = true;
                    if value != "(untitled)" {
                        header.original = Some(decode_path(value));
                    }
                }
                "pid" => header.pid = value.parse().unwrap_or(0),
                "started" => header.started = value.parse().ok(),
                "stamp" => header.stamp = parse_stamp(value),
                "written" => {
                    header.written = value
                        .parse()
                        .ok()
                        .map(|s| UNIX_EPOCH + Duration::from_secs(s));
                }
                _ => {}
            }
        }
        if !saw_original || header.pid == 0 {
            return Err(io::Error::new(
                io::ErrorKind::InvalidData,
                "the recovery file's header is incomplete",
            ));
        }
        Ok(header)
    }

    pub fn into_recovery(self, file: PathBuf) -> Recovery {
        Recovery {
            file,
            original: self.original,
            stamp: self.stamp,
            written: self.written,
        }
    }
}

fn parse_stamp(value: &str) -> Option<DiskStamp> {
    let mut parts = value.split(' ');
    let len = parts.next()?.parse().ok()?;
    let modified = match parts.next()? {
        "-" => None,
        time => {
            let (secs, nanos) = time.split_once('.')?;
            Some(UNIX_EPOCH + Duration::new(secs.parse().ok()?, nanos.parse().ok()?))
        }
    };
    let hash = u64::from_str_radix(parts.next()?, 16).ok()?;
    Some(DiskStamp {
        len,
        modified,
        hash,
    })
}

/// A path on one comment line: `%`, control characters and (in a path that
/// is not UTF-8) every non-ASCII byte become `%XX`.
fn encode_path(path: &Path) -> String {
    let bytes = path.as_os_str().as_encoded_bytes();
    let utf8 = std::str::from_utf8(bytes).is_ok();
    let mut out = String::new();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b == b'%' || b < 0x20 || b == 0x7f || (!utf8 && b >= 0x80) {
            out += &format!("%{b:02X}");
            i += 1;
        } else if b < 0x80 {
            out.push(b as char);
            i += 1;
        } else {
            // A whole UTF-8 character (the path is valid UTF-8 here).
            let len = match b {
                0xF0.. => 4,
                0xE0.. => 3,
                _ => 2,
            };
            out += std::str::from_utf8(&bytes[i..i + len]).unwrap_or("?");
            i += len;
        }
    }
    out
}

fn decode_path(text: &str) -> PathBuf {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%'
            && let Some(b) = text
                .get(i + 1..i + 3)
                .and_then(|h| u8::from_str_radix(h, 16).ok())
        {
            out.push(b);
            i += 3;
            continue;
        }
        out.push(bytes[i]);
        i += 1;
    }
    path_from_bytes(out)
}

#[cfg(unix)]
fn path_from_bytes(bytes: Vec<u8>) -> PathBuf {
    use std::os::unix::ffi::OsStringExt as _;
    PathBuf::from(std::ffi::OsString::from_vec(bytes))
}

#[cfg(not(unix))]
fn path_from_bytes(bytes: Vec<u8>) -> PathBuf {
    PathBuf::from(String::from_utf8_lossy(&bytes).into_owned())
}

/// A process's start time in clock ticks since boot (Linux only).
pub(super) fn process_start(pid: u32) -> Option<u64> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    // The command name (field 2) may hold spaces and parentheses: count
    // fields after its closing parenthesis. Start time is field 22.
    let after = &stat[stat.rfind(')')? + 1..];
    after.split_whitespace().nth(19)?.parse().ok()
}

/// A process's state letter (`R`, `S`, `Z` for a zombie...), Linux only.
fn process_state(pid: u32) -> Option<char> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    stat[stat.rfind(')')? + 1..]
        .split_whitespace()
        .next()?
        .chars()
        .next()
}

/// Whether the process that wrote a recovery file still runs. Without
/// `/proc` (not Linux) this cannot be told, and the answer is "gone", so
/// work is offered back rather than hidden.
pub(super) fn process_alive(pid: u32, started: Option<u64>) -> bool {
    if !Path::new("/proc/self").exists() {
        return false;
    }
    // A killed program stays a zombie until its parent reaps it, which
    // can take a while (or forever, under a careless parent): it runs no
    // more, so its work is offered back.
    if matches!(process_state(pid), Some('Z' | 'X')) {
        return false;
    }
    match (process_start(pid), started) {
        (None, _) => false,
        (Some(now), Some(then)) => now == then,
        (Some(_), None) => true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(target_os = "linux")]
    #[test]
    fn a_killed_program_not_yet_reaped_is_gone() {
        let mut child = std::process::Command::new("sleep")
            .arg("30")
            .spawn()
            .expect("sleep runs");
        let pid = child.id();
        let started = process_start(pid);
        assert!(process_alive(pid, started), "running");
        child.kill().expect("killed");
        // Not waited for yet: a zombie, until `wait` below reaps it.
        for _ in 0..200 {
            if process_state(pid) == Some('Z') {
                break;
            }
            std::thread::sleep(std::time::Duration::from_millis(5));
        }
        assert_eq!(process_state(pid), Some('Z'));
        assert!(!process_alive(pid, started), "a zombie runs no more");
        child.wait().expect("reaped");
    }

    #[test]
    fn paths_with_odd_characters_survive_the_header() {
        for path in [
            "/home/ann/maps/café 100%.ron",
            "/tmp/a\nb.ron",
            "relative.ron",
        ] {
            let path = PathBuf::from(path);
            let line = encode_path(&path);
            assert!(!line.contains('\n'));
            assert_eq!(decode_path(&line), path);
        }
    }

    #[cfg(unix)]
    #[test]
    fn a_path_that_is_not_utf8_survives_the_header() {
        let path = path_from_bytes(b"/tmp/\xff\xfe.ron".to_vec());
        assert_eq!(decode_path(&encode_path(&path)), path);
    }

    #[test]
    fn the_header_reads_back() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("x.ron");
        let header = Header {
            original: Some(PathBuf::from("/maps/a.ron")),
            pid: 42,
            started: Some(123),
            stamp: Some(DiskStamp {
                len: 9,
                modified: Some(UNIX_EPOCH + Duration::new(1_700_000_000, 5)),
                hash: 0xdead_beef,
            }),
            written: Some(UNIX_EPOCH + Duration::from_secs(1_700_000_100)),
        };
        std::fs::write(&file, header.render() + "(version: 1)\n").unwrap();
        assert_eq!(Header::read(&file).unwrap(), header);
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn this_process_is_alive_and_a_finished_one_is_not() {
        let me = std::process::id();
        assert!(process_alive(me, process_start(me)));
        assert!(
            !process_alive(me, process_start(me).map(|t| t + 1)),
            "same pid, other start"
        );
        let mut child = std::process::Command::new("true").spawn().unwrap();
        let pid = child.id();
        child.wait().unwrap();
        assert!(!process_alive(pid, None));
    }
}
