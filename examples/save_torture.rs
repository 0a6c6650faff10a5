//! Save torture: kills `waymark export -o X.ron` at random moments and runs
//! pairs of simultaneous saves to one file. After every round the file must
//! be exactly the old or the new version, and no unkilled save may fail.
//!
//! ```text
//! cargo build --bin waymark
//! cargo run --example save_torture -- target/debug/waymark [kills] [pairs] [cards]
//! ```
//!
//! Defaults: 1,000 kills, 200 pairs, maps of 6,000 cards (about 3 MB). Run as root, it also fills a small
//! tmpfs (a full disk) and remounts it read-only, and checks that the saves
//! there fail clearly and leave the file alone. `tests/save_torture.rs` runs
//! a short version of the same rounds in `cargo test`.

// Benches and examples may unwrap: a panic is how they fail.
#![allow(clippy::unwrap_used)]
#![allow(dead_code)] // `tests/save_torture.rs` includes this file by path.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::Arc;
use std::time::{Duration, Instant};

use waymark::format;
use waymark::interchange::sample::sample_map;
use waymark::model::{Card, Map};

/// What the rounds found.
#[derive(Debug, Default)]
pub struct Report {
    /// Saves killed.
    pub kills: usize,
    /// Killed saves after which the file held the old version.
    pub old_kept: usize,
    /// Killed saves after which the file held the new version.
    pub new_written: usize,
    /// Files that were neither version (must be 0).
    pub corrupt: usize,
    /// Backups that were neither version (must be 0).
    pub corrupt_backups: usize,
    /// Temp files left by killed saves: each is a save killed inside its
    /// write, after creating its temp file and before renaming it (a later
    /// save removes them once they are a day old).
    pub temps_left: usize,
    /// Pairs of simultaneous saves.
    pub pairs: usize,
    /// Saves of those pairs that failed (must be 0).
    pub pair_failures: usize,
    /// Pairs after which the file was neither version (must be 0).
    pub pair_corrupt: usize,
    /// How long one save took in the calibration (median of 3).
    pub save_time: Duration,
    /// When its temp file appeared: the write phase starts there.
    pub write_start: Duration,
}

impl Report {
    /// Whether every round kept the file whole and every save succeeded.
    pub fn clean(&self) -> bool {
        self.corrupt == 0
            && self.corrupt_backups == 0
            && self.pair_failures == 0
            && self.pair_corrupt == 0
    }
}

/// A map big enough that writing it takes a while, so kills land inside
/// the write, not only before or after it.
fn big_map(title: &str, cards: usize) -> Map {
    let mut map = sample_map();
    map.title = title.to_owned();
    let (stage, lane) = (map.stages[0].id, map.lanes[0].id);
    for i in 0..cards {
        let id = map.new_card_id();
        let mut card = Card::new(id, stage, lane, &format!("{title} card {i}"));
        card.notes = "Notes that make the file long enough to be cut mid-write. ".repeat(3);
        map.cards.push(Arc::new(card));
    }
    map
}

/// A tiny xorshift generator: no dependency for a test tool.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
}

/// Times three plain saves: when the temp file appears and when the
/// process ends (medians).
fn calibrate(
    bin: &Path,
    source: &Path,
    target: &Path,
    old: &[u8],
    work: &Path,
) -> (Duration, Duration) {
    let mut starts = Vec::new();
    let mut ends = Vec::new();
    for _ in 0..3 {
        fs::write(target, old).unwrap();
        let start = Instant::now();
        let mut child = export(bin, source, target).spawn().expect("run waymark");
        let mut seen = None;
        loop {
            if seen.is_none() && has_temp(work) {
                seen = Some(start.elapsed());
            }
            if let Ok(Some(status)) = child.try_wait() {
                assert!(status.success(), "a plain save must work");
                break;
            }
            std::thread::sleep(Duration::from_micros(100));
        }
        let end = start.elapsed();
        ends.push(end);
        starts.push(seen.unwrap_or(end * 9 / 10));
    }
    starts.sort();
    ends.sort();
    (starts[1], ends[1])
}

fn has_temp(dir: &Path) -> bool {
    fs::read_dir(dir).is_ok_and(|entries| {
        entries
            .flatten()
            .any(|e| e.file_name().to_string_lossy().ends_with(".waymark-tmp"))
    })
}

fn export(bin: &Path, source: &Path, target: &Path) -> Command {
    let mut cmd = Command::new(bin);
    cmd.arg("export")
        .arg(source)
        .arg("-o")
        .arg(target)
        .stdout(Stdio::null())
        .stderr(Stdio::piped());
    cmd
}

/// Runs the kill rounds and the pairs in a fresh folder under `work`, with
/// maps of about `cards` cards (6,000 make a 2 MB file).
pub fn run(bin: &Path, work: &Path, kills: usize, pairs: usize, cards: usize) -> Report {
    let mut report = Report::default();
    let a_path = work.join("a.ron");
    let b_path = work.join("b.ron");
    format::save(&big_map("Version A", cards), &a_path).expect("write version A");
    format::save(&big_map("Version B", cards * 5 / 6), &b_path).expect("write version B");
    let a = fs::read(&a_path).unwrap();
    let b = fs::read(&b_path).unwrap();
    let target = work.join("shared.ron");
    let backup = work.join("shared.ron.bak");

    // When a save starts writing (its temp file appears) and when it ends,
    // so half the kills aim at the write itself, not at the parsing before.
    let (write_start, save_time) = calibrate(bin, &b_path, &target, &a, work);
    report.save_time = save_time;
    report.write_start = write_start;
    let whole = save_time.as_micros() as u64 * 12 / 10;
    let aim_from = write_start.as_micros() as u64 * 9 / 10;
    let aim_to = (save_time.as_micros() as u64 * 21 / 20).max(aim_from + 1);

    let mut rng = Rng(0x9E37_79B9_7F4A_7C15 ^ u64::from(std::process::id()));
    for round in 0..kills {
        // Alternate the direction so both "old" and "new" are each version.
        let (old, new, source) = if round % 2 == 0 {
            (&a, &b, &b_path)
        } else {
            (&b, &a, &a_path)
        };
        fs::write(&target, old).unwrap();
        let mut child = export(bin, source, &target).spawn().expect("run waymark");
        let delay = if round % 4 < 2 {
            rng.below(whole)
        } else {
            aim_from + rng.below(aim_to - aim_from)
        };
        std::thread::sleep(Duration::from_micros(delay));
        let _ = child.kill();
        let _ = child.wait();
        report.kills += 1;
        let now = fs::read(&target).unwrap_or_default();
        if &now == old {
            report.old_kept += 1;
        } else if &now == new {
            report.new_written += 1;
        } else {
            report.corrupt += 1;
        }
        if let Ok(bak) = fs::read(&backup)
            && bak != a
            && bak != b
        {
            report.corrupt_backups += 1;
        }
    }
    report.temps_left = fs::read_dir(work)
        .unwrap()
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().ends_with(".waymark-tmp"))
        .count();

    for _ in 0..pairs {
        fs::write(&target, &a).unwrap();
        let first = export(bin, &b_path, &target).spawn().expect("run waymark");
        let second = export(bin, &a_path, &target).spawn().expect("run waymark");
        for child in [first, second] {
            let out = child.wait_with_output().unwrap();
            if !out.status.success() {
                report.pair_failures += 1;
                eprintln!("failed save: {}", String::from_utf8_lossy(&out.stderr));
            }
        }
        report.pairs += 1;
        let now = fs::read(&target).unwrap_or_default();
        if now != a && now != b {
            report.pair_corrupt += 1;
        }
    }
    report
}

/// Full disk and read-only folder on a small tmpfs (needs root and
/// `mount`). Returns a line per check, or why it was skipped.
fn disk_checks(bin: &Path, work: &Path) -> Vec<String> {
    let mnt = work.join("small-disk");
    fs::create_dir_all(&mnt).unwrap();
    let mounted = Command::new("mount")
        .args(["-t", "tmpfs", "-o", "size=256k", "tmpfs"])
        .arg(&mnt)
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    if !mounted {
        return vec!["disk checks skipped: cannot mount a tmpfs (needs root)".to_owned()];
    }
    let mut lines = Vec::new();
    let small = format::to_string(&big_map("Small", 10));
    let target = mnt.join("map.ron");
    fs::write(&target, &small).unwrap();
    let big_source = work.join("big.ron");
    format::save(&big_map("Too big", 2000), &big_source).unwrap();

    let out = export(bin, &big_source, &target).output().unwrap();
    let untouched = fs::read_to_string(&target).unwrap() == small;
    lines.push(format!(
        "full disk: exit {:?}, file untouched: {untouched}, message: {}",
        out.status.code(),
        String::from_utf8_lossy(&out.stderr).trim()
    ));

    let remounted = Command::new("mount")
        .args(["-o", "remount,ro"])
        .arg(&mnt)
        .status()
        .is_ok_and(|s| s.success());
    if remounted {
        let small_source = work.join("small.ron");
        format::save(&big_map("Small 2", 5), &small_source).unwrap();
        let out = export(bin, &small_source, &target).output().unwrap();
        let untouched = fs::read_to_string(&target).unwrap() == small;
        lines.push(format!(
            "read-only folder: exit {:?}, file untouched: {untouched}, message: {}",
            out.status.code(),
            String::from_utf8_lossy(&out.stderr).trim()
        ));
    }
    let _ = Command::new("umount").arg(&mnt).status();
    lines
}

fn main() {
    let mut args = std::env::args().skip(1);
    let bin = PathBuf::from(
        args.next()
            .unwrap_or_else(|| "target/debug/waymark".to_owned()),
    );
    let kills = args.next().and_then(|a| a.parse().ok()).unwrap_or(1000);
    let pairs = args.next().and_then(|a| a.parse().ok()).unwrap_or(200);
    let cards = args.next().and_then(|a| a.parse().ok()).unwrap_or(6000);
    let work = tempfile::tempdir().expect("temp folder");
    let started = Instant::now();
    let report = run(&bin, work.path(), kills, pairs, cards);
    println!("{report:#?}");
    for line in disk_checks(&bin, work.path()) {
        println!("{line}");
    }
    println!("took {:.1} s", started.elapsed().as_secs_f64());
    if !report.clean() {
        eprintln!("FAILED: a file was neither version, or a save failed");
        std::process::exit(1);
    }
}
