//! The autosave worker: a thread that writes recovery files a moment after
//! the last change, so the UI thread never waits for a disk.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, RecvTimeoutError};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use crate::edit::Document;
use crate::model::Map;

use super::{RecoveryDir, Snapshot};

/// How long after the last change the autosave writes.
pub const DEFAULT_DELAY: Duration = Duration::from_secs(2);

/// Steady typing would push a pure debounce back forever: after this many
/// delays of continuous changes, the autosave writes anyway.
const MAX_WAIT_IN_DELAYS: u32 = 10;

enum Message {
    Schedule(Box<Snapshot>),
    Discard(Option<PathBuf>),
    Flush(mpsc::Sender<()>),
}

/// What the worker has done, for the UI and for tests.
#[derive(Clone, Debug, Default)]
pub struct AutosaveStatus {
    /// Recovery files written so far.
    pub writes: u64,
    /// The last write's error, cleared by the next good write.
    pub last_error: Option<String>,
    /// The recovery file last written, until it is discarded.
    pub file: Option<PathBuf>,
}

/// Writes recovery files on a worker thread, debounced.
///
/// Every call only sends a message: nothing here blocks on the disk.
/// Dropping the autosaver stops the worker without writing what is pending
/// (a normal exit either saved or chose to discard).
pub struct Autosaver {
    sender: Option<mpsc::Sender<Message>>,
    worker: Option<JoinHandle<()>>,
    status: Arc<Mutex<AutosaveStatus>>,
}

impl Autosaver {
    /// An autosaver writing to `dir`, [`DEFAULT_DELAY`] after the last change.
    pub fn new(dir: RecoveryDir) -> Self {
        Self::with_delay(dir, DEFAULT_DELAY)
    }

    /// An autosaver with another delay (tests use a short one).
    pub fn with_delay(dir: RecoveryDir, delay: Duration) -> Self {
        let (sender, receiver) = mpsc::channel();
        let status = Arc::new(Mutex::new(AutosaveStatus::default()));
        let worker_status = Arc::clone(&status);
        let worker = std::thread::Builder::new()
            .name("waymark-autosave".to_owned())
            .spawn(move || run(&dir, delay, &receiver, &worker_status))
            .ok();
        Self {
            sender: Some(sender),
            worker,
            status,
        }
    }

    /// Writes `map` as the recovery of `original` (`None`: untitled) once
    /// no further change came for the delay. A newer call replaces an
    /// older pending one.
    pub fn schedule(&self, map: Map, original: Option<PathBuf>) {
        self.schedule_snapshot(Snapshot {
            map,
            original,
            stamp: None,
        });
    }

    /// [`Autosaver::schedule`] for a document, with its file's stamp, so a
    /// restored map still notices that its file changed meanwhile.
    pub fn schedule_document(&self, doc: &Document) {
        self.schedule_snapshot(Snapshot::of(doc));
    }

    /// Schedules a prepared snapshot.
    pub fn schedule_snapshot(&self, snapshot: Snapshot) {
        self.send(Message::Schedule(Box::new(snapshot)));
    }

    /// Drops what is pending and deletes the recovery file: after a clean
    /// save of `original`, or when the user discards the changes.
    pub fn discard(&self, original: Option<&Path>) {
        self.send(Message::Discard(original.map(Path::to_path_buf)));
    }

    /// Writes anything pending now and waits until done. For tests and for
    /// a controlled shutdown; the UI thread has no need to call it.
    pub fn flush(&self) {
        let (done, wait) = mpsc::channel();
        self.send(Message::Flush(done));
        let _ = wait.recv();
    }

    /// What the worker has done so far.
    pub fn status(&self) -> AutosaveStatus {
        self.status.lock().map(|s| s.clone()).unwrap_or_default()
    }

    fn send(&self, message: Message) {
        if let Some(sender) = &self.sender {
            // The worker only stops when we drop the sender, so this cannot
            // fail unless the worker panicked; then there is nothing to do.
            let _ = sender.send(message);
        }
    }
}

impl Drop for Autosaver {
    fn drop(&mut self) {
        self.sender.take();
        if let Some(worker) = self.worker.take() {
            let _ = worker.join();
        }
    }
}

struct Pending {
    snapshot: Box<Snapshot>,
    first: Instant,
    due: Instant,
}

fn run(
    dir: &RecoveryDir,
    delay: Duration,
    receiver: &mpsc::Receiver<Message>,
    status: &Mutex<AutosaveStatus>,
) {
    let mut pending: Option<Pending> = None;
    loop {
        let message = match &pending {
            None => match receiver.recv() {
                Ok(m) => m,
                Err(_) => return,
            },
            Some(p) => {
                let wait = p.due.saturating_duration_since(Instant::now());
                match receiver.recv_timeout(wait) {
                    Ok(m) => m,
                    Err(RecvTimeoutError::Timeout) => {
                        if let Some(p) = pending.take() {
                            write(dir, &p.snapshot, status);
                        }
                        continue;
                    }
                    Err(RecvTimeoutError::Disconnected) => return,
                }
            }
        };
        match message {
            Message::Schedule(snapshot) => {
                let now = Instant::now();
                let first = pending.as_ref().map_or(now, |p| p.first);
                let due = (now + delay).min(first + delay * MAX_WAIT_IN_DELAYS);
                pending = Some(Pending {
                    snapshot,
                    first,
                    due,
                });
            }
            Message::Discard(original) => {
                pending = None;
                let mut status = status.lock().unwrap_or_else(|e| e.into_inner());
                // Also the file written under another name, such as the
                // untitled one of a map that was just saved for the first time.
                if let Some(file) = status.file.take() {
                    let _ = std::fs::remove_file(file);
                }
                let _ = dir.remove(original.as_deref());
            }
            Message::Flush(done) => {
                if let Some(p) = pending.take() {
                    write(dir, &p.snapshot, status);
                }
                let _ = done.send(());
            }
        }
    }
}

fn write(dir: &RecoveryDir, snapshot: &Snapshot, status: &Mutex<AutosaveStatus>) {
    let result = dir.write(snapshot);
    let mut status = status.lock().unwrap_or_else(|e| e.into_inner());
    match result {
        Ok(file) => {
            // The map got a file (or another one): its old recovery file
            // is stale now.
            if let Some(old) = status.file.replace(file.clone())
                && old != file
            {
                let _ = std::fs::remove_file(old);
            }
            status.writes += 1;
            status.last_error = None;
        }
        Err(err) => status.last_error = Some(err.to_string()),
    }
}
