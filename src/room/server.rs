//! The room server: a small HTTP server on the address the facilitator
//! picked, started only by *Invite the room* and stopped when the session
//! ends (or the app exits: dropping it stops it).
//!
//! It runs on threads of its own and never touches the document. Page
//! views are answered from the [`RoomView`] the editor last published;
//! notes and dots travel to the editor as [`RoomRequest`]s through a
//! bounded channel, and the worker waits (up to a deadline) for the
//! editor's answer, so a phone is told the truth about its dot. The editor
//! never waits on the server.
//!
//! Bounds: 4 KB a request body, a URL of 1 KB, [`MAX_PARTICIPANTS`]
//! phones, [`MAX_NOTE`](super::page::MAX_NOTE) characters a note, and
//! per-client rates (wrong join codes per address, requests per phone).

use std::collections::HashMap;
use std::io::Read as _;
use std::net::{IpAddr, SocketAddr};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::mpsc::{self, Receiver, SyncSender};
use std::sync::{Arc, Mutex, MutexGuard};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use crate::model::CardId;

use super::form;
use super::guard::{Limits, join_code, token};
use super::page::{self, MAX_NOTE};
use super::view::RoomView;

/// The most phones in one session.
pub const MAX_PARTICIPANTS: usize = 100;
/// The most characters of a note a phone sends.
pub const MAX_NOTE_CHARS: usize = MAX_NOTE;
/// The largest request body read.
pub const MAX_BODY: usize = 4096;
/// The longest URL answered.
const MAX_URL: usize = 1024;
/// Wrong join codes one address may try a minute.
const MAX_WRONG_CODES: u32 = 10;
/// Requests one phone may make in ten seconds.
const MAX_PHONE_REQUESTS: u32 = 60;
/// Requests without a phone's cookie one address may make in ten seconds.
const MAX_ANONYMOUS_REQUESTS: u32 = 300;
/// How long a worker waits for the editor to take a note or a dot.
const ANSWER_WAIT: Duration = Duration::from_secs(3);
/// Requests waiting for the editor at most.
const QUEUE: usize = 512;
/// Threads answering requests.
const WORKERS: usize = 8;
/// The cookie that names a phone.
const COOKIE: &str = "waymark_room";

/// What a phone asks of the editor.
#[derive(Debug)]
pub enum RoomRequest {
    /// A note for the facilitator's inbox.
    Note {
        /// The phone.
        phone: u32,
        /// What they typed (at most [`MAX_NOTE`] characters, trimmed).
        text: String,
        /// Where the answer goes.
        reply: Reply,
    },
    /// A dot on a card, or one taken back.
    Vote {
        /// The phone.
        phone: u32,
        /// The card.
        card: CardId,
        /// True to add a dot, false to take one back.
        add: bool,
        /// Where the answer goes.
        reply: Reply,
    },
}

/// The way back to the phone that asked: answered at most once, and only
/// while the phone still waits.
#[derive(Debug)]
pub struct Reply {
    deadline: Instant,
    sender: mpsc::Sender<Result<String, String>>,
}

impl Reply {
    /// Whether the phone still waits; past its deadline a request must be
    /// dropped unapplied (the phone was told to try again).
    pub fn waiting(&self) -> bool {
        Instant::now() < self.deadline
    }

    /// Answers: `Ok` with what to tell them, or `Err` with why not.
    pub fn send(self, answer: Result<String, String>) {
        let _ = self.sender.send(answer);
    }
}

/// The running server, its join code and its address.
pub struct RoomServer {
    server: Arc<tiny_http::Server>,
    stop: Arc<AtomicBool>,
    workers: Vec<JoinHandle<()>>,
    /// Behind a lock only so the server can be shared (tests, benches);
    /// the editor alone takes from it.
    requests: Mutex<Receiver<RoomRequest>>,
    shared: Arc<Shared>,
    addr: SocketAddr,
}

impl std::fmt::Debug for RoomServer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("RoomServer")
            .field("addr", &self.addr)
            .finish_non_exhaustive()
    }
}

/// What the workers share: the page content, the phones, the limits.
struct Shared {
    code: String,
    view: Mutex<(RoomView, u64)>,
    phones: Mutex<Phones>,
    limits: Mutex<Limits>,
    queue: SyncSender<RoomRequest>,
    wake: Box<dyn Fn() + Send + Sync>,
    version: AtomicU64,
    /// The server is stopping: workers stop waiting for answers.
    stopping: AtomicBool,
}

#[derive(Default)]
struct Phones {
    by_token: HashMap<String, u32>,
    flash: HashMap<u32, String>,
}

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    // A worker that panicked leaves plain data behind: keep serving.
    m.lock().unwrap_or_else(|e| e.into_inner())
}

impl RoomServer {
    /// Starts serving on `ip` (port 0 picks a free one), with a fresh join
    /// code. `wake` asks the editor for a frame when a request waits.
    pub fn start(ip: IpAddr, port: u16, wake: Box<dyn Fn() + Send + Sync>) -> Result<Self, String> {
        let server = tiny_http::Server::http(SocketAddr::new(ip, port))
            .map_err(|e| format!("could not listen on {ip}: {e}"))?;
        let addr = server
            .server_addr()
            .to_ip()
            .ok_or_else(|| format!("could not listen on {ip}"))?;
        let server = Arc::new(server);
        let (queue, requests) = mpsc::sync_channel(QUEUE);
        let shared = Arc::new(Shared {
            code: join_code(),
            view: Mutex::new((RoomView::default(), 0)),
            phones: Mutex::new(Phones::default()),
            limits: Mutex::new(Limits::default()),
            queue,
            wake,
            version: AtomicU64::new(0),
            stopping: AtomicBool::new(false),
        });
        let stop = Arc::new(AtomicBool::new(false));
        let workers = (0..WORKERS)
            .map(|_| {
                let (server, shared, stop) = (server.clone(), shared.clone(), stop.clone());
                std::thread::spawn(move || {
                    while !stop.load(Ordering::Relaxed) {
                        match server.recv_timeout(Duration::from_millis(200)) {
                            Ok(Some(request)) => shared.answer(request),
                            Ok(None) => {}
                            Err(_) => break,
                        }
                    }
                })
            })
            .collect();
        Ok(Self {
            server,
            stop,
            workers,
            requests: Mutex::new(requests),
            shared,
            addr,
        })
    }

    /// The address it listens on.
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// The join code of this session.
    pub fn code(&self) -> &str {
        &self.shared.code
    }

    /// The address phones open (the QR code holds it, with the code).
    pub fn join_url(&self) -> String {
        format!("http://{}/?code={}", self.addr, self.shared.code)
    }

    /// How many phones have joined.
    pub fn participants(&self) -> usize {
        lock(&self.shared.phones).by_token.len()
    }

    /// Publishes what the pages show; phones reload when it changes.
    pub fn publish(&self, view: RoomView) {
        let mut current = lock(&self.shared.view);
        if current.0 != view {
            current.0 = view;
            current.1 = self.shared.version.fetch_add(1, Ordering::Relaxed) + 1;
        }
    }

    /// The requests waiting for the editor, oldest first; never blocks.
    pub fn pending(&self) -> Vec<RoomRequest> {
        lock(&self.requests).try_iter().take(QUEUE).collect()
    }

    /// Stops serving: the listening socket closes and the threads end.
    pub fn stop(self) {
        drop(self);
    }
}

impl Drop for RoomServer {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
        self.shared.stopping.store(true, Ordering::Relaxed);
        // Requests no one will answer: their workers stop waiting at once.
        while lock(&self.requests).try_recv().is_ok() {}
        for _ in 0..self.workers.len() {
            self.server.unblock();
        }
        for worker in self.workers.drain(..) {
            let _ = worker.join();
        }
    }
}

/// A response with a body and a content type.
fn respond(
    request: tiny_http::Request,
    status: u16,
    kind: &str,
    body: String,
    extra: Vec<(&str, String)>,
) {
    let mut response = tiny_http::Response::from_string(body).with_status_code(status);
    let mut headers = vec![
        ("Content-Type", kind.to_owned()),
        ("Cache-Control", "no-store".to_owned()),
        ("X-Content-Type-Options", "nosniff".to_owned()),
        ("X-Frame-Options", "DENY".to_owned()),
    ];
    headers.extend(extra);
    for (name, value) in headers {
        if let Ok(header) = tiny_http::Header::from_bytes(name.as_bytes(), value.as_bytes()) {
            response.add_header(header);
        }
    }
    let _ = request.respond(response);
}

fn html(request: tiny_http::Request, status: u16, body: String) {
    respond(
        request,
        status,
        "text/html; charset=utf-8",
        body,
        Vec::new(),
    );
}

fn redirect(request: tiny_http::Request, extra: Vec<(&str, String)>) {
    let mut extra = extra;
    extra.push(("Location", "/".to_owned()));
    respond(request, 303, "text/plain", String::new(), extra);
}

impl Shared {
    fn answer(&self, mut request: tiny_http::Request) {
        let ip = request
            .remote_addr()
            .map_or("?".to_owned(), |a| a.ip().to_string());
        let url = request.url().to_owned();
        if url.len() > MAX_URL {
            return html(
                request,
                414,
                page::message_page("That address is too long."),
            );
        }
        let (path, query) = url.split_once('?').unwrap_or((&url, ""));
        let post = *request.method() == tiny_http::Method::Post;
        let body = if post {
            if request.body_length().is_some_and(|n| n > MAX_BODY) {
                return html(request, 413, page::message_page("That is too much text."));
            }
            let mut bytes = Vec::new();
            let read = request
                .as_reader()
                .take(MAX_BODY as u64 + 1)
                .read_to_end(&mut bytes);
            if read.is_err() || bytes.len() > MAX_BODY {
                return html(request, 413, page::message_page("That is too much text."));
            }
            String::from_utf8_lossy(&bytes).into_owned()
        } else {
            String::new()
        };
        let cookie = request
            .headers()
            .iter()
            .find(|h| h.field.equiv("Cookie"))
            .and_then(|h| form::cookie(h.value.as_str(), COOKIE));
        let phone = cookie.and_then(|t| lock(&self.phones).by_token.get(&t).copied());
        let allowed = {
            let mut limits = lock(&self.limits);
            match phone {
                Some(p) => limits.allow(
                    format!("phone {p}"),
                    MAX_PHONE_REQUESTS,
                    Duration::from_secs(10),
                ),
                None => limits.allow(
                    format!("ip {ip}"),
                    MAX_ANONYMOUS_REQUESTS,
                    Duration::from_secs(10),
                ),
            }
        };
        if !allowed {
            return html(
                request,
                429,
                page::message_page("Too many requests: wait a few seconds."),
            );
        }
        match (post, path, phone) {
            (false, "/", None) => match form::field(query, "code") {
                Some(code) => self.join(request, &ip, &code),
                None => html(request, 200, page::join_page(None)),
            },
            (true, "/join", None) => {
                let code = form::field(&body, "code").unwrap_or_default();
                self.join(request, &ip, &code)
            }
            (_, "/" | "/join", Some(phone)) if !post || path == "/join" => {
                let (view, version) = lock(&self.view).clone();
                let flash = lock(&self.phones).flash.remove(&phone);
                html(
                    request,
                    200,
                    page::room_page(&view, phone, version, flash.as_deref()),
                )
            }
            (false, "/version", Some(_)) => {
                let version = lock(&self.view).1;
                respond(request, 200, "text/plain", version.to_string(), Vec::new())
            }
            (true, "/note", Some(phone)) => {
                let text: String = form::field(&body, "text")
                    .unwrap_or_default()
                    .trim()
                    .chars()
                    .take(MAX_NOTE)
                    .collect();
                if text.is_empty() {
                    return html(request, 400, page::message_page("The note is empty."));
                }
                self.ask(request, phone, |reply| RoomRequest::Note {
                    phone,
                    text,
                    reply,
                })
            }
            (true, "/vote", Some(phone)) => {
                let card = form::field(&body, "card").and_then(|c| c.parse::<u64>().ok());
                let add = form::field(&body, "op").as_deref() != Some("remove");
                let Some(card) = card else {
                    return html(request, 400, page::message_page("No card was named."));
                };
                self.ask(request, phone, |reply| RoomRequest::Vote {
                    phone,
                    card: CardId(card),
                    add,
                    reply,
                })
            }
            (_, _, None) => html(
                request,
                403,
                page::join_page(Some("Join with the code on the screen first.")),
            ),
            _ => html(request, 404, page::message_page("There is nothing here.")),
        }
    }

    /// Joins with a code: a new phone with a cookie of its own.
    fn join(&self, request: tiny_http::Request, ip: &str, code: &str) {
        let code = code.trim().to_uppercase();
        if code != self.code {
            let allowed = lock(&self.limits).allow(
                format!("code {ip}"),
                MAX_WRONG_CODES,
                Duration::from_secs(60),
            );
            let text = if allowed {
                "That is not the code on the screen."
            } else {
                "Too many wrong codes: wait a minute."
            };
            let status = if allowed { 403 } else { 429 };
            return html(request, status, page::join_page(Some(text)));
        }
        let token = token();
        {
            let mut phones = lock(&self.phones);
            if phones.by_token.len() >= MAX_PARTICIPANTS {
                drop(phones);
                return html(request, 503, page::message_page("The room is full."));
            }
            let number = phones.by_token.len() as u32 + 1;
            phones.by_token.insert(token.clone(), number);
        }
        (self.wake)();
        redirect(
            request,
            vec![(
                "Set-Cookie",
                format!("{COOKIE}={token}; HttpOnly; SameSite=Lax; Path=/"),
            )],
        );
    }

    /// Hands a request to the editor and waits for its answer.
    fn ask(
        &self,
        request: tiny_http::Request,
        phone: u32,
        make: impl FnOnce(Reply) -> RoomRequest,
    ) {
        let (sender, answer) = mpsc::channel();
        let deadline = Instant::now() + ANSWER_WAIT;
        let queued = self.queue.try_send(make(Reply { deadline, sender }));
        if queued.is_err() {
            return html(
                request,
                503,
                page::message_page("The facilitator's screen is busy: try again."),
            );
        }
        (self.wake)();
        // A little past the deadline: an answer sent just before it lands.
        // In slices, so a stopping server's workers end at once.
        let until = deadline + Duration::from_millis(500);
        let answer = loop {
            match answer.recv_timeout(Duration::from_millis(100)) {
                Err(mpsc::RecvTimeoutError::Timeout)
                    if Instant::now() < until && !self.stopping.load(Ordering::Relaxed) => {}
                other => break other,
            }
        };
        match answer {
            Ok(Ok(text)) => {
                lock(&self.phones).flash.insert(phone, text);
                redirect(request, Vec::new())
            }
            Ok(Err(why)) => html(
                request,
                409,
                page::message_page(&format!("Not done: {why}.")),
            ),
            Err(_) => html(
                request,
                503,
                page::message_page("The facilitator's screen did not answer: try again."),
            ),
        }
    }
}
