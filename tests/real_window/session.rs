//! The fixture: an Xvfb server of its own, the app in it, and the tools
//! that drive it (xdotool for keys, mouse and the title, xclip for the
//! clipboard). Dropping a [`Session`] kills the app, the clipboard servers
//! and the server, and removes the temporary home. A failing test leaves
//! a screenshot of the screen (its path is printed) and prints the app's
//! output.

use std::io::{BufRead as _, BufReader, Read as _, Write as _};
use std::os::unix::fs::MetadataExt as _;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::sync::{Mutex, MutexGuard, Once, mpsc};
use std::thread;
use std::time::{Duration, Instant};

/// How long one wait may take before the test fails. Waits poll, so a
/// passing test takes only as long as the app does.
pub const TIMEOUT: Duration = Duration::from_secs(20);

/// How often a wait looks again.
const POLL: Duration = Duration::from_millis(40);

/// The screen, as the brief for these tests fixes it. The window opens at
/// the app's own default size (1600×1000) at 0,0, filling it.
const SCREEN: &str = "1600x1000x24";

/// The programs the tests need, with the apt package of each.
const TOOLS: [(&str, &str); 3] = [("Xvfb", "xvfb"), ("xdotool", "xdotool"), ("xclip", "xclip")];

/// Display numbers tried, from a start that depends on the process id, so
/// that two runs at once and other X servers on the machine do not meet.
const DISPLAYS: std::ops::Range<u32> = 300..400;

/// One window at a time: a software-rendered window per test in parallel
/// made the timings of a shared two-core machine the tests' timings.
static ONE_AT_A_TIME: Mutex<()> = Mutex::new(());

static SKIP_NOTICE: Once = Once::new();

/// Whether `program` is on the PATH.
fn installed(program: &str) -> bool {
    std::env::var_os("PATH")
        .is_some_and(|paths| std::env::split_paths(&paths).any(|dir| dir.join(program).is_file()))
}

fn under_ci() -> bool {
    std::env::var("CI").is_ok_and(|v| v == "true" || v == "1")
}

/// True when every tool is installed. Otherwise says which are missing
/// (once per run, on the terminal even though tests capture their output)
/// and returns false; under CI, fails instead.
fn tools_present() -> bool {
    let missing: Vec<(&str, &str)> = TOOLS
        .into_iter()
        .filter(|(program, _)| !installed(program))
        .collect();
    if missing.is_empty() {
        return true;
    }
    let programs: Vec<&str> = missing.iter().map(|(p, _)| *p).collect();
    let packages: Vec<&str> = missing.iter().map(|(_, p)| *p).collect();
    let missing = format!(
        "{} not installed (apt-get install {})",
        programs.join(", "),
        packages.join(" ")
    );
    assert!(
        !under_ci(),
        "the real-window tests cannot run: {missing}; under CI (CI=true) they must"
    );
    let message = format!("real_window tests skipped: {missing}");
    SKIP_NOTICE.call_once(|| {
        // Straight to the terminal: the test harness captures `eprintln!`
        // of passing tests.
        let _ = writeln!(std::io::stderr(), "{message}");
    });
    false
}

/// Runs a short command to its end, failing after [`TIMEOUT`] (a
/// clipboard owner that never answers must not hang the suite).
fn run(command: &mut Command) -> Output {
    try_run(command).unwrap_or_else(|e| panic!("{e}"))
}

/// [`run`], with the failure as a value (for use while a test unwinds).
fn try_run(command: &mut Command) -> Result<Output, String> {
    let what = format!("{command:?}");
    let mut child = command
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("cannot start {what}: {e}"))?;
    let mut stdout = child.stdout.take().expect("piped");
    let mut stderr = child.stderr.take().expect("piped");
    let out = thread::spawn(move || {
        let mut buf = Vec::new();
        let _ = stdout.read_to_end(&mut buf);
        buf
    });
    let err = thread::spawn(move || {
        let mut buf = Vec::new();
        let _ = stderr.read_to_end(&mut buf);
        buf
    });
    let deadline = Instant::now() + TIMEOUT;
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break status,
            Ok(None) if Instant::now() < deadline => thread::sleep(Duration::from_millis(5)),
            _ => {
                stop(&mut child);
                return Err(format!("{what} did not finish within {TIMEOUT:?}"));
            }
        }
    };
    Ok(Output {
        status,
        stdout: out.join().unwrap_or_default(),
        stderr: err.join().unwrap_or_default(),
    })
}

/// Polls `probe` until it gives a value, failing with `what` after
/// [`TIMEOUT`].
pub fn wait_for<T>(what: &str, mut probe: impl FnMut() -> Option<T>) -> T {
    let deadline = Instant::now() + TIMEOUT;
    loop {
        if let Some(value) = probe() {
            return value;
        }
        assert!(
            Instant::now() < deadline,
            "timed out after {TIMEOUT:?} waiting for {what}"
        );
        thread::sleep(POLL);
    }
}

/// Where two screens differ: the bounding box (x0, y0, x1, y1) of the
/// pixels that differ, and how many do. None when they are equal.
pub fn difference(a: &image::RgbImage, b: &image::RgbImage) -> Option<([u32; 4], usize)> {
    let mut found: Option<([u32; 4], usize)> = None;
    for (x, y, pa) in a.enumerate_pixels() {
        if b.get_pixel_checked(x, y) == Some(pa) {
            continue;
        }
        let (bbox, n) = found.get_or_insert(([x, y, x, y], 0));
        *bbox = [
            bbox[0].min(x),
            bbox[1].min(y),
            bbox[2].max(x),
            bbox[3].max(y),
        ];
        *n += 1;
    }
    found
}

/// The screen with the pointer at (x, y) blanked out: Xvfb draws the
/// pointer into its screen, and which cursor shows (none until the app
/// sets one, then an arrow) is X's business, not the app's.
pub fn without_pointer(mut screen: image::RgbImage, (x, y): (u32, u32)) -> image::RgbImage {
    let (w, h) = screen.dimensions();
    for py in y.saturating_sub(32)..(y + 32).min(h) {
        for px in x.saturating_sub(32)..(x + 32).min(w) {
            screen.put_pixel(px, py, image::Rgb([255, 0, 255]));
        }
    }
    screen
}

/// Kills a child we started and reaps it.
fn stop(child: &mut Child) {
    let _ = child.kill();
    let _ = child.wait();
}

/// An Xvfb server on a display of its own, writing its screen to a file
/// (`-fbdir`), so screenshots need no other tool.
struct Xvfb {
    child: Child,
    display: u32,
    screen_file: PathBuf,
}

impl Xvfb {
    /// Starts a server on the first free display of [`DISPLAYS`]. Xvfb
    /// writes the display number to `-displayfd` once it accepts
    /// connections, so there is nothing to poll; a display taken meanwhile
    /// makes it exit, and the next number is tried.
    fn start(dir: &Path) -> Self {
        let span = DISPLAYS.end - DISPLAYS.start;
        let first = std::process::id() % span;
        for i in 0..span {
            let display = DISPLAYS.start + (first + i) % span;
            let taken = Path::new(&format!("/tmp/.X{display}-lock")).exists()
                || Path::new(&format!("/tmp/.X11-unix/X{display}")).exists();
            if taken {
                continue;
            }
            let log = std::fs::File::create(dir.join("xvfb.log")).expect("create xvfb.log");
            // -noreset: by default the server resets whenever its last
            // client leaves; with that, about one app start in ten failed
            // with "Failed to open connection to X server" while the server
            // ran on and answered xdotool.
            let mut child = Command::new("Xvfb")
                .arg(format!(":{display}"))
                .args([
                    "-screen",
                    "0",
                    SCREEN,
                    "-nolisten",
                    "tcp",
                    "-noreset",
                    "-fbdir",
                ])
                .arg(dir)
                .args(["-displayfd", "1"])
                .stdin(Stdio::null())
                .stdout(Stdio::piped())
                .stderr(log)
                .spawn()
                .expect("start Xvfb");
            let stdout = child.stdout.take().expect("piped");
            let (tx, rx) = mpsc::channel();
            thread::spawn(move || {
                let mut line = String::new();
                let _ = BufReader::new(stdout).read_line(&mut line);
                let _ = tx.send(line);
            });
            match rx.recv_timeout(TIMEOUT) {
                Ok(line) if line.trim() == display.to_string() => {
                    return Self {
                        child,
                        display,
                        screen_file: dir.join("Xvfb_screen0"),
                    };
                }
                _ => stop(&mut child),
            }
        }
        panic!(
            "no free X display in :{}..:{}",
            DISPLAYS.start, DISPLAYS.end
        );
    }
}

impl Xvfb {
    /// The server's own messages, and whether it still runs.
    fn report(&mut self) -> String {
        let state = match self.child.try_wait() {
            Ok(None) => "running".to_owned(),
            Ok(Some(status)) => format!("exited ({status})"),
            Err(e) => e.to_string(),
        };
        let log = self.screen_file.with_file_name("xvfb.log");
        let log = std::fs::read_to_string(log).unwrap_or_default();
        let probe = try_run(
            Command::new("xdotool")
                .arg("getdisplaygeometry")
                .env("DISPLAY", format!(":{}", self.display)),
        );
        let probe = match probe {
            Ok(out) => format!(
                "{} {}{}",
                out.status,
                String::from_utf8_lossy(&out.stdout).trim(),
                String::from_utf8_lossy(&out.stderr).trim()
            ),
            Err(e) => e,
        };
        format!(
            "Xvfb :{} {state}; xdotool getdisplaygeometry: {probe}; its output:\n{log}",
            self.display
        )
    }
}

impl Drop for Xvfb {
    /// SIGTERM first, so the server removes its lock file and socket.
    fn drop(&mut self) {
        let terminated = Command::new("kill")
            .args(["-TERM", &self.child.id().to_string()])
            .status()
            .is_ok_and(|s| s.success());
        let deadline = Instant::now() + Duration::from_secs(3);
        while terminated && Instant::now() < deadline {
            if let Ok(Some(_)) = self.child.try_wait() {
                return;
            }
            thread::sleep(Duration::from_millis(10));
        }
        stop(&mut self.child);
    }
}

/// The app, killed when dropped (it would ask about unsaved work).
struct App {
    child: Child,
    log: PathBuf,
}

impl App {
    /// The app's output so far.
    fn log(&self) -> String {
        std::fs::read_to_string(&self.log).unwrap_or_default()
    }
}

impl Drop for App {
    fn drop(&mut self) {
        stop(&mut self.child);
    }
}

/// A running app in its own X server, with a temporary home.
///
/// Fields drop in order: the app first, then the clipboard servers and
/// the X server, then the folder, and last the turn.
pub struct Session {
    test: &'static str,
    app: App,
    clipboard_servers: Vec<Child>,
    xvfb: Xvfb,
    window: String,
    map: Option<PathBuf>,
    _dir: tempfile::TempDir,
    _turn: MutexGuard<'static, ()>,
}

impl Session {
    /// The app on its bundled sample map (no file). None when the tools
    /// are missing (see [`tools_present`]).
    pub fn sample(test: &'static str) -> Option<Self> {
        Self::start(test, None)
    }

    /// The app on a map file `name` holding `text`, in the session's
    /// temporary folder. None when the tools are missing.
    pub fn with_map(test: &'static str, name: &str, text: &str) -> Option<Self> {
        Self::start(test, Some((name, text)))
    }

    fn start(test: &'static str, map: Option<(&str, &str)>) -> Option<Self> {
        if !tools_present() {
            return None;
        }
        // A test that failed while holding the turn poisons it; the next
        // one may still run.
        let turn = ONE_AT_A_TIME.lock().unwrap_or_else(|e| e.into_inner());
        let dir = tempfile::Builder::new()
            .prefix("waymark-e2e-")
            .tempdir()
            .expect("create a temporary folder");
        let sub = |name: &str| {
            let path = dir.path().join(name);
            std::fs::create_dir_all(&path).expect("create a folder");
            path
        };
        let (home, data, config, cache, maps, x) = (
            sub("home"),
            sub("data"),
            sub("config"),
            sub("cache"),
            sub("maps"),
            sub("x"),
        );
        let runtime = sub("run");
        std::fs::set_permissions(
            &runtime,
            std::os::unix::fs::PermissionsExt::from_mode(0o700),
        )
        .expect("chmod the runtime folder");
        let map = map.map(|(name, text)| {
            let path = maps.join(name);
            std::fs::write(&path, text).expect("write the map");
            path
        });
        let xvfb = Xvfb::start(&x);
        let log = dir.path().join("app.log");
        let out = std::fs::File::create(&log).expect("create app.log");
        let mut command = Command::new(env!("CARGO_BIN_EXE_waymark"));
        if let Some(path) = &map {
            command.arg(path);
        }
        // A clean environment: no Wayland socket to prefer, no desktop
        // portal or session bus, and no real home.
        command
            .env_clear()
            .env("PATH", std::env::var_os("PATH").unwrap_or_default())
            .env("DISPLAY", format!(":{}", xvfb.display))
            .env("HOME", &home)
            .env("XDG_DATA_HOME", &data)
            .env("XDG_CONFIG_HOME", &config)
            .env("XDG_CACHE_HOME", &cache)
            .env("XDG_RUNTIME_DIR", &runtime)
            .env("LANG", "C.UTF-8")
            .env("RUST_BACKTRACE", "1")
            .current_dir(dir.path())
            .stdin(Stdio::null())
            .stdout(out.try_clone().expect("clone a file handle"))
            .stderr(out);
        let child = command.spawn().expect("start the waymark binary");
        let mut session = Self {
            test,
            app: App { child, log },
            clipboard_servers: Vec::new(),
            xvfb,
            window: String::new(),
            map,
            _dir: dir,
            _turn: turn,
        };
        session.window = session.find_window();
        // The first frame sets the title from the document; before that
        // the window has the name it was created with.
        session.wait_until("the first frame (the title set by the app)", |s| {
            s.title() != "Waymark"
        });
        session.xdotool(&["windowfocus", "--sync", &session.window]);
        Some(session)
    }

    /// The app's window: Xvfb has no window manager, so it is found by its
    /// name, and focused by hand before keys are sent.
    fn find_window(&mut self) -> String {
        let deadline = Instant::now() + TIMEOUT;
        loop {
            self.assert_running();
            let out = self.try_xdotool(&["search", "--onlyvisible", "--name", "Waymark"]);
            if let Some(id) = out.lines().next().filter(|id| !id.is_empty()) {
                return id.to_owned();
            }
            assert!(
                Instant::now() < deadline,
                "no Waymark window after {TIMEOUT:?}; the app's output:\n{}",
                self.app.log()
            );
            thread::sleep(POLL);
        }
    }

    /// Fails the test if the app has exited, with its output and the X
    /// server's.
    fn assert_running(&mut self) {
        if let Ok(Some(status)) = self.app.child.try_wait() {
            panic!(
                "the app exited ({status}); its output:\n{}\n{}",
                self.app.log(),
                self.xvfb.report()
            );
        }
    }

    fn x_command(&self, program: &str) -> Command {
        let mut command = Command::new(program);
        command.env("DISPLAY", format!(":{}", self.xvfb.display));
        command
    }

    /// Runs xdotool; its standard output, or empty on a failure. Never
    /// panics, so a test that is unwinding may use it.
    fn try_xdotool(&self, args: &[&str]) -> String {
        match try_run(self.x_command("xdotool").args(args)) {
            Ok(out) if out.status.success() => {
                String::from_utf8_lossy(&out.stdout).trim_end().to_owned()
            }
            _ => String::new(),
        }
    }

    /// Runs xdotool and fails the test if it fails.
    fn xdotool(&self, args: &[&str]) -> String {
        let out = run(self.x_command("xdotool").args(args));
        assert!(
            out.status.success(),
            "xdotool {args:?} failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).trim_end().to_owned()
    }

    /// Polls `probe` on this session, failing with `what` after [`TIMEOUT`]
    /// or at once if the app exits.
    pub fn wait_until(&mut self, what: &str, mut probe: impl FnMut(&Self) -> bool) {
        let deadline = Instant::now() + TIMEOUT;
        loop {
            self.assert_running();
            if probe(self) {
                return;
            }
            assert!(
                Instant::now() < deadline,
                "timed out after {TIMEOUT:?} waiting for {what}"
            );
            thread::sleep(POLL);
        }
    }

    /// Presses keys as the keyboard would (xdotool's XTEST events; the
    /// `--window` form sends synthetic events, which winit ignores), e.g.
    /// `"ctrl+a"`, `"Escape"`, `"F5"`.
    pub fn key(&self, keys: &str) {
        self.xdotool(&["key", "--delay", "30", keys]);
    }

    /// Types text into whatever has the keyboard focus.
    pub fn type_text(&self, text: &str) {
        self.xdotool(&["type", "--delay", "25", "--", text]);
    }

    /// Moves the pointer to (x, y) in the window.
    pub fn move_pointer(&self, x: u32, y: u32) {
        let (x, y) = (x.to_string(), y.to_string());
        self.xdotool(&["mousemove", "--window", &self.window, "--sync", &x, &y]);
    }

    /// Moves the pointer to (x, y) in the window, then clicks `count` times.
    pub fn click_at(&self, x: u32, y: u32, count: u32) {
        self.move_pointer(x, y);
        // A short pause, so the app sees the pointer arrive before it goes
        // down (egui takes the press where the pointer last was).
        thread::sleep(Duration::from_millis(60));
        let count = count.to_string();
        self.xdotool(&["click", "--repeat", &count, "--delay", "90", "1"]);
    }

    /// Clicks once at (x, y) in the window.
    pub fn click(&self, x: u32, y: u32) {
        self.click_at(x, y, 1);
    }

    /// The window's title as the X server has it.
    pub fn title(&self) -> String {
        self.xdotool(&["getwindowname", &self.window])
    }

    /// The system clipboard's text, or None when nothing owns it.
    pub fn clipboard(&self) -> Option<String> {
        let out = run(self
            .x_command("xclip")
            .args(["-o", "-selection", "clipboard"]));
        out.status
            .success()
            .then(|| String::from_utf8_lossy(&out.stdout).into_owned())
    }

    /// Puts text on the system clipboard, as another program would: an
    /// xclip kept in the foreground serves it until the session ends or
    /// something else takes the clipboard.
    pub fn set_clipboard(&mut self, text: &str) {
        let mut child = self
            .x_command("xclip")
            .args(["-quiet", "-selection", "clipboard", "-i"])
            .stdin(Stdio::piped())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("start xclip");
        child
            .stdin
            .take()
            .expect("piped")
            .write_all(text.as_bytes())
            .expect("write to xclip");
        self.clipboard_servers.push(child);
        self.wait_until("xclip to serve the clipboard", |s| {
            s.clipboard().as_deref() == Some(text)
        });
    }

    /// The map file the app was opened on.
    pub fn map_path(&self) -> &Path {
        self.map.as_deref().expect("this session opened a map file")
    }

    /// Presses Ctrl+S and waits until the map file is replaced (saves
    /// rename a new file into place), then returns its text.
    pub fn save(&mut self) -> String {
        let path = self.map_path().to_owned();
        let before = std::fs::metadata(&path)
            .ok()
            .map(|m| (m.ino(), m.mtime_nsec()));
        self.key("ctrl+s");
        self.wait_until("Ctrl+S to write the map file", |_| {
            let now = std::fs::metadata(&path)
                .ok()
                .map(|m| (m.ino(), m.mtime_nsec()));
            now.is_some() && now != before
        });
        std::fs::read_to_string(&path).expect("read the saved map")
    }

    /// The screen as the X server holds it.
    pub fn screen(&self) -> image::RgbImage {
        self.try_screen().expect("read Xvfb's screen file")
    }

    /// The screen from Xvfb's `-fbdir` file, an XWD image: a big-endian
    /// header, a colour map, then 32-bit pixels. None if it cannot be read.
    fn try_screen(&self) -> Option<image::RgbImage> {
        let bytes = std::fs::read(&self.xvfb.screen_file).ok()?;
        let field = |i: usize| -> Option<usize> {
            let word = bytes.get(i * 4..i * 4 + 4)?;
            Some(u32::from_be_bytes(word.try_into().ok()?) as usize)
        };
        let (header, width, height) = (field(0)?, field(4)?, field(5)?);
        let (lsb_first, bits_per_pixel, bytes_per_line, colours) =
            (field(7)? == 0, field(11)?, field(12)?, field(19)?);
        let pixels = bytes.get(header + colours * 12..)?;
        if bits_per_pixel != 32 || pixels.len() < bytes_per_line * height {
            return None;
        }
        Some(image::RgbImage::from_fn(
            width as u32,
            height as u32,
            |x, y| {
                let at = y as usize * bytes_per_line + x as usize * 4;
                let p = &pixels[at..at + 4];
                // Masks 0xff0000, 0xff00, 0xff: blue comes first in memory
                // when the least significant byte does.
                if lsb_first {
                    image::Rgb([p[2], p[1], p[0]])
                } else {
                    image::Rgb([p[1], p[2], p[3]])
                }
            },
        ))
    }

    /// The screen once it stops changing (two looks a little apart agree):
    /// after an animation, or the frames a change takes.
    pub fn settled_screen(&mut self, what: &str) -> image::RgbImage {
        let mut last = self.screen();
        let mut settled = None;
        self.wait_until(what, |s| {
            thread::sleep(Duration::from_millis(150));
            let now = s.screen();
            if now == last {
                settled = Some(now);
                return true;
            }
            last = now;
            false
        });
        settled.expect("set when the wait ends")
    }

    /// Does `act` (keys, a click) once the screen is still, then waits
    /// until the screen shows an effect and is still again, as a user
    /// looks before the next key (keys that land in one frame are taken
    /// in their order too: `ctrl_v_then_ctrl_s_at_once_saves_the_pasted_rows`).
    pub fn and_wait(&mut self, what: &str, act: impl FnOnce(&Self)) {
        let before = self.settled_screen(&format!("the screen to be still before {what}"));
        act(self);
        self.wait_until(what, |s| s.screen() != before);
        self.settled_screen(&format!("the screen to be still after {what}"));
    }

    /// Saves the screen as `target/tmp/real_window/TEST-NAME.png` and
    /// returns the path: for finding spots (see `spots.rs`) while writing
    /// a test. A failing test takes one by itself.
    #[allow(dead_code)]
    pub fn screenshot(&self, name: &str) -> PathBuf {
        self.try_screenshot(name)
            .unwrap_or_else(|e| panic!("no screenshot: {e}"))
    }

    fn try_screenshot(&self, name: &str) -> Result<PathBuf, String> {
        let screen = self.try_screen().ok_or("cannot read Xvfb's screen file")?;
        self.try_keep(&screen, name)
    }

    /// Saves an image taken earlier as `target/tmp/real_window/TEST-NAME.png`.
    pub fn keep(&self, image: &image::RgbImage, name: &str) -> PathBuf {
        self.try_keep(image, name)
            .unwrap_or_else(|e| panic!("cannot save {name}: {e}"))
    }

    fn try_keep(&self, image: &image::RgbImage, name: &str) -> Result<PathBuf, String> {
        let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("real_window");
        std::fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
        let path = dir.join(format!("{}-{name}.png", self.test));
        image.save(&path).map_err(|e| e.to_string())?;
        Ok(path)
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        if thread::panicking() {
            // Nothing here may panic: a second panic would abort the run.
            match self.try_screenshot("failure") {
                Ok(path) => eprintln!("screenshot at the failure: {}", path.display()),
                Err(e) => eprintln!("no screenshot: {e}"),
            }
            eprintln!(
                "window title: {:?}",
                self.try_xdotool(&["getwindowname", &self.window])
            );
            eprintln!("the app's output:\n{}", self.app.log());
            eprintln!("{}", self.xvfb.report());
        }
        for child in &mut self.clipboard_servers {
            stop(child);
        }
    }
}
