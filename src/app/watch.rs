//! Noticing that the open map's file changed on disk (a colleague, a
//! `git pull`) while the editor sits idle.
//!
//! A small thread looks at the file's length and time every few seconds
//! and wakes the UI only when they change, so an idle editor still
//! repaints nothing. The UI then decides with the document's own stamp,
//! which also compares the content.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, RecvTimeoutError};
use std::thread::JoinHandle;
use std::time::{Duration, SystemTime};

/// How often the thread looks at the file.
const POLL: Duration = Duration::from_secs(2);

/// A file's length and time, or `None` when it is missing.
type Look = Option<(u64, Option<SystemTime>)>;

/// Watches one file by polling its metadata on a thread.
pub(super) struct DiskWatch {
    sender: Option<mpsc::Sender<Option<PathBuf>>>,
    changed: Arc<AtomicBool>,
    worker: Option<JoinHandle<()>>,
}

impl DiskWatch {
    /// Starts the thread; `wake` asks for a frame when the file changed.
    pub fn start(wake: impl Fn() + Send + 'static) -> Self {
        Self::with_poll(POLL, wake)
    }

    /// [`DiskWatch::start`], looking every `poll` (tests use a short one).
    fn with_poll(poll: Duration, wake: impl Fn() + Send + 'static) -> Self {
        let (sender, receiver) = mpsc::channel();
        let changed = Arc::new(AtomicBool::new(false));
        let flag = Arc::clone(&changed);
        let worker = std::thread::Builder::new()
            .name("waymark-disk-watch".to_owned())
            .spawn(move || run(poll, &receiver, &flag, &wake))
            .ok();
        Self {
            sender: Some(sender),
            changed,
            worker,
        }
    }

    /// Watches `path` from now on (its current state is the baseline), or
    /// nothing.
    pub fn watch(&self, path: Option<&Path>) {
        if let Some(sender) = &self.sender {
            let _ = sender.send(path.map(Path::to_path_buf));
        }
    }

    /// Whether the file changed since the last call.
    pub fn take_changed(&self) -> bool {
        self.changed.swap(false, Ordering::Relaxed)
    }
}

impl Drop for DiskWatch {
    fn drop(&mut self) {
        self.sender.take();
        if let Some(worker) = self.worker.take() {
            let _ = worker.join();
        }
    }
}

fn look(path: &Path) -> Look {
    std::fs::metadata(path)
        .ok()
        .map(|m| (m.len(), m.modified().ok()))
}

fn run(
    poll: Duration,
    receiver: &mpsc::Receiver<Option<PathBuf>>,
    changed: &AtomicBool,
    wake: &dyn Fn(),
) {
    let mut watched: Option<(PathBuf, Look)> = None;
    loop {
        match receiver.recv_timeout(poll) {
            Ok(path) => {
                watched = path.map(|p| {
                    let seen = look(&p);
                    (p, seen)
                });
            }
            Err(RecvTimeoutError::Timeout) => {
                if let Some((path, seen)) = &mut watched {
                    let now = look(path);
                    if now != *seen {
                        *seen = now;
                        changed.store(true, Ordering::Relaxed);
                        wake();
                    }
                }
            }
            Err(RecvTimeoutError::Disconnected) => return,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::AtomicUsize;

    #[test]
    fn a_change_wakes_the_ui_once_and_a_quiet_file_never() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("map.ron");
        std::fs::write(&path, "one").unwrap();
        let wakes = Arc::new(AtomicUsize::new(0));
        let counter = Arc::clone(&wakes);
        let watch = DiskWatch::with_poll(Duration::from_millis(5), move || {
            counter.fetch_add(1, Ordering::Relaxed);
        });
        watch.watch(Some(&path));
        std::thread::sleep(Duration::from_millis(60));
        assert_eq!(wakes.load(Ordering::Relaxed), 0, "a quiet file");
        assert!(!watch.take_changed());

        std::fs::write(&path, "three").unwrap();
        for _ in 0..400 {
            if wakes.load(Ordering::Relaxed) > 0 {
                break;
            }
            std::thread::sleep(Duration::from_millis(5));
        }
        std::thread::sleep(Duration::from_millis(30));
        assert_eq!(wakes.load(Ordering::Relaxed), 1, "one wake per change");
        assert!(watch.take_changed());
        assert!(!watch.take_changed(), "taken");
    }
}
