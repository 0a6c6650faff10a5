//! A real browser joins the room: headless Chromium, driven over WebDriver
//! by chromedriver (Debian's `chromium` and `chromium-driver`), opens the
//! join address of the editor running in kittest, adds a note and casts
//! two dots. The note must reach the inbox (and, accepted, the Inbox lane)
//! and the dots must count. Skipped with a message when Chromium is not
//! installed, except under CI=true, where `.ci/run` installs it.

use std::net::{SocketAddr, TcpListener};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use egui::{Key, vec2};
use egui_kittest::kittest::Queryable as _;
use serde_json::{Value, json};

use crate::common::app::{app_harness, map, press};
use crate::common::http::request;
use waymark::app::dialogs::ScriptedDialogs;
use waymark::edit::Document;
use waymark::interchange::sample::sample_map;
use waymark::model::LaneKind;
use waymark::ui::{Action, UiCommand};

const CHROMIUM: &str = "/usr/bin/chromium";
const DRIVER: &str = "chromedriver";
const ELEMENT: &str = "element-6066-11e4-a52e-4f735466cecf";

fn installed(program: &str) -> bool {
    std::env::var_os("PATH")
        .is_some_and(|paths| std::env::split_paths(&paths).any(|dir| dir.join(program).is_file()))
}

/// Whether the browser is there; under CI its absence fails the test.
fn browser_present() -> bool {
    if std::path::Path::new(CHROMIUM).is_file() && installed(DRIVER) {
        return true;
    }
    let under_ci = std::env::var("CI").is_ok_and(|v| v == "true" || v == "1");
    assert!(
        !under_ci,
        "the browser test cannot run: chromium or chromedriver is not installed \
         (apt-get install chromium chromium-driver); under CI (CI=true) it must"
    );
    use std::io::Write as _;
    let _ = writeln!(
        std::io::stderr(),
        "room_browser skipped: chromium or chromedriver not installed \
         (apt-get install chromium chromium-driver)"
    );
    false
}

/// chromedriver on a free port, killed when dropped.
struct Driver {
    child: Child,
    addr: SocketAddr,
}

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn driver() -> Driver {
    let port = TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("a free port")
        .port();
    let child = Command::new(DRIVER)
        .arg(format!("--port={port}"))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("chromedriver starts");
    let addr: SocketAddr = format!("127.0.0.1:{port}").parse().unwrap();
    let driver = Driver { child, addr };
    let deadline = Instant::now() + Duration::from_secs(20);
    while request(addr, "GET", "/status", &[], "").is_err() {
        assert!(Instant::now() < deadline, "chromedriver never answered");
        std::thread::sleep(Duration::from_millis(100));
    }
    driver
}

/// One WebDriver command; its `value`.
fn wd(addr: SocketAddr, method: &str, path: &str, body: Value) -> Value {
    let text = if method == "GET" || method == "DELETE" {
        String::new()
    } else {
        body.to_string()
    };
    let reply = request(
        addr,
        method,
        path,
        &[("Content-Type", "application/json")],
        &text,
    )
    .expect("chromedriver answers");
    let value: Value = serde_json::from_str(&reply.body).unwrap_or(Value::Null);
    value["value"].clone()
}

/// A browser session in headless Chromium, with a profile of its own.
struct Browser {
    addr: SocketAddr,
    session: String,
    _profile: tempfile::TempDir,
}

impl Browser {
    fn new(addr: SocketAddr) -> Self {
        let profile = tempfile::tempdir().unwrap();
        let args = [
            "--headless=new".to_owned(),
            "--no-sandbox".to_owned(),
            "--disable-gpu".to_owned(),
            "--disable-quic".to_owned(),
            "--no-first-run".to_owned(),
            "--disable-background-networking".to_owned(),
            "--disable-component-update".to_owned(),
            "--disable-sync".to_owned(),
            format!("--user-data-dir={}", profile.path().display()),
        ];
        let caps = json!({"capabilities": {"alwaysMatch": {
            "browserName": "chrome",
            "goog:chromeOptions": {"binary": CHROMIUM, "args": args}
        }}});
        let value = wd(addr, "POST", "/session", caps);
        let session = value["sessionId"]
            .as_str()
            .unwrap_or_else(|| panic!("no browser session: {value}"))
            .to_owned();
        Self {
            addr,
            session,
            _profile: profile,
        }
    }

    fn cmd(&self, method: &str, path: &str, body: Value) -> Value {
        wd(
            self.addr,
            method,
            &format!("/session/{}{path}", self.session),
            body,
        )
    }

    fn go(&self, url: &str) {
        self.cmd("POST", "/url", json!({ "url": url }));
    }

    /// The element with this CSS selector, waiting for it a while (a form
    /// just sent loads the next page).
    fn find(&self, css: &str) -> String {
        let deadline = Instant::now() + Duration::from_secs(15);
        loop {
            let value = self.cmd(
                "POST",
                "/element",
                json!({"using": "css selector", "value": css}),
            );
            if let Some(id) = value[ELEMENT].as_str() {
                return id.to_owned();
            }
            assert!(Instant::now() < deadline, "no {css} on the page: {value}");
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    fn text(&self, css: &str) -> String {
        let id = self.find(css);
        self.cmd("GET", &format!("/element/{id}/text"), Value::Null)
            .as_str()
            .unwrap_or_default()
            .to_owned()
    }

    fn click(&self, css: &str) {
        let id = self.find(css);
        self.cmd("POST", &format!("/element/{id}/click"), json!({}));
    }

    fn type_into(&self, css: &str, text: &str) {
        let id = self.find(css);
        self.cmd(
            "POST",
            &format!("/element/{id}/value"),
            json!({ "text": text }),
        );
    }

    /// Waits until the flash message says `what`; returns it.
    fn flash(&self, what: &str) -> String {
        let deadline = Instant::now() + Duration::from_secs(15);
        loop {
            let text = self.text("body");
            if text.contains(what) {
                return text;
            }
            assert!(
                Instant::now() < deadline,
                "the page never said {what:?}: {text}"
            );
            std::thread::sleep(Duration::from_millis(100));
        }
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        self.cmd("DELETE", "", Value::Null);
    }
}

#[test]
fn chromium_joins_adds_a_note_that_reaches_the_inbox_and_casts_dots_that_count() {
    if !browser_present() {
        return;
    }
    let mut h = app_harness(
        Document::new(sample_map()),
        &ScriptedDialogs::default(),
        vec2(1600.0, 1000.0),
    );
    let card = map(&h)
        .cards
        .iter()
        .find(|c| c.title == "Forced account creation")
        .unwrap()
        .id;
    h.state_mut().queue(Action::Command(UiCommand::StartVote));
    h.run();
    press(&mut h, Key::Enter);
    h.state_mut().queue(Action::Command(UiCommand::InviteRoom));
    h.run();
    h.get_by_label("127.0.0.1 (this computer only)").click();
    h.run();
    press(&mut h, Key::Enter);
    let url = h
        .state()
        .room_server()
        .expect("the room is invited")
        .join_url();
    let driver = driver();
    let addr = driver.addr;
    // The browser runs on its own thread; this one keeps the editor's
    // frames coming, as a real window's event loop would.
    let browser = std::thread::spawn(move || {
        let b = Browser::new(addr);
        b.go(&url);
        let stage = b.text("#stage");
        b.type_into("#note", "The till queue is too long");
        b.click("#send");
        b.flash("Your note is with the facilitator.");
        b.click(&format!("#add-{}", card.0));
        b.flash("Dot placed: 2 left.");
        b.click(&format!("#add-{}", card.0));
        b.flash("Dot placed: 1 left.");
        let left = b.text("#left");
        (stage, left)
    });
    let deadline = Instant::now() + Duration::from_secs(120);
    while !browser.is_finished() {
        assert!(Instant::now() < deadline, "the browser took too long");
        h.step();
        std::thread::sleep(Duration::from_millis(5));
    }
    let (stage, left) = browser.join().expect("the browser's steps");
    h.run();
    assert_eq!(stage, "Awareness", "the page shows the stage on the screen");
    assert_eq!(left, "1");
    assert_eq!(map(&h).card(card).unwrap().votes, 2, "both dots counted");
    let notes = h.state().inbox().notes();
    assert_eq!(notes.len(), 1);
    assert_eq!(notes[0].text, "The till queue is too long");
    assert!(
        map(&h)
            .cards
            .iter()
            .all(|c| c.title != "The till queue is too long"),
        "nothing reaches the map before the facilitator accepts"
    );
    h.get_by_label("Accept").click();
    h.run();
    let m = map(&h);
    let note = m
        .cards
        .iter()
        .find(|c| c.title == "The till queue is too long")
        .expect("accepted into the map");
    assert_eq!(m.lane(note.lane).unwrap().kind, LaneKind::Inbox);
    assert_eq!(note.stage, m.stages[0].id);
    drop(driver);
}
