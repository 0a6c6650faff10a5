//! The room server over real sockets on 127.0.0.1: joining with the code,
//! what a phone may see, notes and dots handed to the editor's side (here
//! a loop standing in for the frame), the bounds on requests, and a stop
//! that closes the port. The load test: 50 phones voting at once, no dot
//! lost.

use std::net::{IpAddr, Ipv4Addr, TcpStream};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use crate::common::http::{Reply, get, post};
use waymark::edit::Document;
use waymark::interchange::sample::sample_map;
use waymark::model::{CardId, LaneKind, Map};
use waymark::room::{
    Inbox, RoomRequest, RoomServer, RoomView, VoteSession, VoteSettings, Voter, cast,
};

const LOCAL: IpAddr = IpAddr::V4(Ipv4Addr::LOCALHOST);

fn server() -> RoomServer {
    RoomServer::start(LOCAL, 0, Box::new(|| {})).expect("the server starts")
}

/// Joins with the right code; returns the phone's cookie.
fn join(room: &RoomServer) -> String {
    let reply = post(room.addr(), "/join", "", &format!("code={}", room.code()));
    assert_eq!(reply.status, 303, "{reply:?}");
    reply.cookie().expect("a cookie")
}

fn pains(map: &Map) -> Vec<CardId> {
    let lane = map
        .lanes
        .iter()
        .find(|l| l.kind == LaneKind::PainPoints)
        .unwrap()
        .id;
    map.cards
        .iter()
        .filter(|c| c.lane == lane)
        .map(|c| c.id)
        .collect()
}

/// The editor's side: a document, a vote and an inbox, answering the
/// server's requests as the app's frame does, until `stop`.
struct Editor {
    doc: Mutex<Document>,
    vote: Mutex<VoteSession>,
    inbox: Mutex<Inbox>,
}

fn answer(room: &RoomServer, editor: &Editor) {
    for request in room.pending() {
        match request {
            RoomRequest::Note { phone, text, reply } => {
                let stage = editor.doc.lock().unwrap().map().stages[0].id;
                editor.inbox.lock().unwrap().push(phone, stage, text);
                reply.send(Ok("Your note is with the facilitator.".to_owned()));
            }
            RoomRequest::Vote {
                phone,
                card,
                add,
                reply,
            } => {
                let mut doc = editor.doc.lock().unwrap();
                let mut vote = editor.vote.lock().unwrap();
                let result = cast(&mut doc, &mut vote, Voter::Phone(phone), card, add);
                reply.send(result.map(|left| format!("Dot placed: {left} left.")));
            }
        }
    }
    let doc = editor.doc.lock().unwrap();
    room.publish(RoomView::of(
        doc.map(),
        0,
        Some(&editor.vote.lock().unwrap()),
    ));
}

fn editor(map: Map, dots: u32) -> Arc<Editor> {
    let vote = VoteSession::new(VoteSettings {
        dots,
        ..VoteSettings::for_map(&map)
    });
    Arc::new(Editor {
        doc: Mutex::new(Document::new(map)),
        vote: Mutex::new(vote),
        inbox: Mutex::new(Inbox::default()),
    })
}

/// Runs the editor's side on a thread until the returned flag is set.
fn run_editor(
    room: &Arc<RoomServer>,
    editor: &Arc<Editor>,
) -> (Arc<AtomicBool>, std::thread::JoinHandle<()>) {
    let stop = Arc::new(AtomicBool::new(false));
    let (r, e, s) = (room.clone(), editor.clone(), stop.clone());
    let handle = std::thread::spawn(move || {
        while !s.load(Ordering::Relaxed) {
            answer(&r, &e);
            std::thread::sleep(Duration::from_millis(2));
        }
    });
    (stop, handle)
}

#[test]
fn a_phone_joins_with_the_code_and_sees_only_the_title_and_the_stage() {
    let room = server();
    assert_eq!(room.code().len(), 6);
    let map = sample_map();
    room.publish(RoomView::of(&map, 1, None));
    let page = get(room.addr(), "/", "");
    assert_eq!(page.status, 200);
    assert!(page.body.contains("Join the workshop"));
    // Nothing but the join page without the code.
    assert_eq!(get(room.addr(), "/version", "").status, 403);
    assert_eq!(post(room.addr(), "/note", "", "text=hi").status, 403);
    let wrong = post(room.addr(), "/join", "", "code=WRONG1");
    assert_eq!(wrong.status, 403);
    assert!(wrong.cookie().is_none());
    let cookie = join(&room);
    let page = get(room.addr(), "/", &cookie);
    assert_eq!(page.status, 200);
    assert!(page.body.contains(&map.title), "the map's title");
    assert!(
        page.body.contains(&map.stages[1].name),
        "the stage on the screen"
    );
    assert!(
        !page.body.contains(&map.cards[0].title),
        "no card titles outside a vote"
    );
    // The QR code's address joins by itself.
    let path = room
        .join_url()
        .split_once(&room.addr().to_string())
        .unwrap()
        .1
        .to_owned();
    let joined = get(room.addr(), &path, "");
    assert_eq!(joined.status, 303);
    assert_ne!(joined.cookie(), Some(cookie.clone()), "a phone of its own");
    assert_eq!(room.participants(), 2);
    // Another session's code is another code.
    assert_ne!(server().code(), room.code());
}

#[test]
fn notes_and_dots_wait_for_the_editor_and_the_phone_hears_its_answer() {
    let map = sample_map();
    let card = pains(&map)[0];
    let room = Arc::new(server());
    let editor = editor(map, 2);
    let (stop, handle) = run_editor(&room, &editor);
    let cookie = join(&room);
    let sent = post(room.addr(), "/note", &cookie, "text=Long+queue+at+the+till");
    assert_eq!(sent.status, 303, "{sent:?}");
    let page = get(room.addr(), "/", &cookie);
    assert!(page.body.contains("Your note is with the facilitator."));
    assert_eq!(
        editor.inbox.lock().unwrap().notes()[0].text,
        "Long queue at the till"
    );
    assert_eq!(
        editor.doc.lock().unwrap().revision(),
        0,
        "a note never edits the map"
    );
    let form = format!("card={}&op=add", card.0);
    assert_eq!(post(room.addr(), "/vote", &cookie, &form).status, 303);
    assert_eq!(post(room.addr(), "/vote", &cookie, &form).status, 303);
    let refused = post(room.addr(), "/vote", &cookie, &form);
    assert_eq!(refused.status, 409);
    assert!(
        refused.body.contains("all 2 dots are placed"),
        "{}",
        refused.body
    );
    let page = get(room.addr(), "/", &cookie);
    assert!(
        page.body.contains("<b id=left>0</b>"),
        "the phone's own dots"
    );
    assert!(page.body.contains(&format!("id=mine-{}>●●</span>", card.0)));
    let back = format!("card={}&op=remove", card.0);
    assert_eq!(post(room.addr(), "/vote", &cookie, &back).status, 303);
    assert_eq!(
        editor.doc.lock().unwrap().map().card(card).unwrap().votes,
        1
    );
    stop.store(true, Ordering::Relaxed);
    handle.join().unwrap();
}

#[test]
fn requests_are_bounded_in_size_rate_and_code_guesses() {
    let room = server();
    let cookie = join(&room);
    let big = format!("text={}", "x".repeat(5000));
    assert_eq!(post(room.addr(), "/note", &cookie, &big).status, 413);
    let long_url = format!("/?{}", "a".repeat(2000));
    assert_eq!(get(room.addr(), &long_url, "").status, 414);
    let codes: Vec<u16> = (0..12)
        .map(|_| post(room.addr(), "/join", "", "code=NOPE00").status)
        .collect();
    assert_eq!(codes[..10], [403; 10]);
    assert_eq!(codes[10..], [429, 429], "a guesser is slowed down");
    let statuses: Vec<u16> = (0..70)
        .map(|_| get(room.addr(), "/version", &cookie).status)
        .collect();
    assert!(statuses[..60].iter().all(|s| *s == 200));
    assert_eq!(statuses[60..], [429; 10], "a phone is held to its rate");
}

#[test]
fn stopping_the_server_closes_the_port() {
    let room = server();
    let addr = room.addr();
    assert!(TcpStream::connect(addr).is_ok());
    room.stop();
    // tiny_http's accept thread lets go of the socket just after the stop.
    let closed = (0..100).any(|_| {
        std::thread::sleep(Duration::from_millis(20));
        TcpStream::connect_timeout(&addr, Duration::from_millis(200)).is_err()
    });
    assert!(closed, "nothing listens any more");
}

#[test]
fn fifty_phones_voting_at_once_lose_no_dot() {
    const PHONES: usize = 50;
    const DOTS: u32 = 3;
    let map = sample_map();
    let cards = pains(&map);
    let room = Arc::new(server());
    let editor = editor(map, DOTS);
    let (stop, handle) = run_editor(&room, &editor);
    let cookies: Vec<String> = (0..PHONES).map(|_| join(&room)).collect();
    let start = Arc::new(std::sync::Barrier::new(PHONES));
    let phones: Vec<_> = cookies
        .into_iter()
        .enumerate()
        .map(|(i, cookie)| {
            let (addr, cards, start) = (room.addr(), cards.clone(), start.clone());
            std::thread::spawn(move || {
                start.wait();
                (0..DOTS as usize)
                    .map(|k| {
                        let card = cards[(i + k) % cards.len()];
                        post(addr, "/vote", &cookie, &format!("card={}&op=add", card.0))
                    })
                    .collect::<Vec<Reply>>()
            })
        })
        .collect();
    let replies: Vec<Reply> = phones.into_iter().flat_map(|t| t.join().unwrap()).collect();
    stop.store(true, Ordering::Relaxed);
    handle.join().unwrap();
    let refused: Vec<&Reply> = replies.iter().filter(|r| r.status != 303).collect();
    assert!(
        refused.is_empty(),
        "{} refused, first: {:?}",
        refused.len(),
        refused.first()
    );
    let mut doc = editor.doc.lock().unwrap();
    let total: u32 = doc.map().cards.iter().map(|c| c.votes).sum();
    assert_eq!(total, PHONES as u32 * DOTS, "every dot landed");
    assert_eq!(editor.vote.lock().unwrap().total(), PHONES * DOTS as usize);
    let mut steps = 0;
    while doc.undo() {
        steps += 1;
    }
    assert_eq!(steps, PHONES * DOTS as usize, "one undo step a dot");
    assert!(doc.map().cards.iter().all(|c| c.votes == 0));
}

#[test]
fn a_note_is_cut_to_its_bound_and_the_room_holds_a_hundred_phones() {
    let room = Arc::new(server());
    let editor = editor(sample_map(), 3);
    let (stop, handle) = run_editor(&room, &editor);
    let cookie = join(&room);
    let long = "é".repeat(400);
    assert_eq!(
        post(room.addr(), "/note", &cookie, &format!("text={long}")).status,
        303
    );
    let kept = editor.inbox.lock().unwrap().notes()[0].text.clone();
    assert_eq!(kept.chars().count(), waymark::room::server::MAX_NOTE_CHARS);
    assert_eq!(
        post(room.addr(), "/note", &cookie, "text=+++").status,
        400,
        "an empty note"
    );
    for _ in 1..waymark::room::server::MAX_PARTICIPANTS {
        join(&room);
    }
    let full = post(room.addr(), "/join", "", &format!("code={}", room.code()));
    assert_eq!(full.status, 503);
    assert!(full.body.contains("The room is full."));
    stop.store(true, Ordering::Relaxed);
    handle.join().unwrap();
}
