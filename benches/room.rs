//! The editor's frame while 50 phones vote at once over HTTP on 127.0.0.1
//! (issue 21): every frame takes the dots that arrived, applies each as an
//! edit, and draws the map; compared with the same editor's frames with no
//! room. Also counts that no dot was lost.
//!
//! Run with `cargo bench --bench room`. Prints medians; not a test.

// Benches and examples may unwrap: a panic is how they fail.
#![allow(clippy::unwrap_used)]

#[path = "harness/mod.rs"]
mod harness;

#[path = "../tests/common/http.rs"]
#[allow(dead_code)]
mod http;

use std::net::{IpAddr, Ipv4Addr};
use std::sync::{Arc, Barrier};
use std::time::{Duration, Instant};

use waymark::app::WaymarkApp;
use waymark::app::dialogs::ScriptedDialogs;
use waymark::edit::Document;
use waymark::interchange::sample::sample_map;
use waymark::model::LaneKind;
use waymark::room::VoteSettings;

const PHONES: usize = 50;
const DOTS: u32 = 3;

fn frame(ctx: &egui::Context, app: &mut WaymarkApp, i: usize) -> Duration {
    let pos = egui::pos2(300.0 + (i % 20) as f32 * 20.0, 500.0);
    let raw = harness::input(1600.0, 1000.0, vec![egui::Event::PointerMoved(pos)]);
    let t0 = Instant::now();
    let mut output = ctx.run_ui(raw, |ui| app.frame_ui(ui));
    let _ = ctx.tessellate(output.shapes, output.pixels_per_point);
    let took = t0.elapsed();
    // No GPU takes the font atlas here.
    output.textures_delta.clear();
    took
}

fn main() {
    let ctx = egui::Context::default();
    let mut app = WaymarkApp::with_context(
        &ctx,
        None,
        Document::new(sample_map()),
        Box::new(ScriptedDialogs::default()),
    );
    for i in 0..10 {
        frame(&ctx, &mut app, i);
    }
    let idle: Vec<Duration> = (0..100).map(|i| frame(&ctx, &mut app, i)).collect();

    let map = app.document().map().clone();
    app.begin_vote(VoteSettings {
        dots: DOTS,
        ..VoteSettings::for_map(&map)
    });
    app.invite_room(IpAddr::V4(Ipv4Addr::LOCALHOST)).unwrap();
    // The room panel and vote bar appear, as they do before anyone votes:
    // their first frames lay out new text, once.
    for i in 0..10 {
        frame(&ctx, &mut app, i);
    }
    let invited: Vec<Duration> = (0..50).map(|i| frame(&ctx, &mut app, i)).collect();
    let (addr, code) = {
        let server = app.room_server().unwrap();
        (server.addr(), server.code().to_owned())
    };
    let pain = map
        .lanes
        .iter()
        .find(|l| l.kind == LaneKind::PainPoints)
        .unwrap()
        .id;
    let cards: Vec<u64> = map
        .cards
        .iter()
        .filter(|c| c.lane == pain)
        .map(|c| c.id.0)
        .collect();
    let cookies: Vec<String> = (0..PHONES)
        .map(|_| {
            http::post(addr, "/join", "", &format!("code={code}"))
                .cookie()
                .unwrap()
        })
        .collect();
    let start = Arc::new(Barrier::new(PHONES));
    let phones: Vec<_> = cookies
        .into_iter()
        .enumerate()
        .map(|(i, cookie)| {
            let (cards, start) = (cards.clone(), start.clone());
            std::thread::spawn(move || {
                start.wait();
                (0..DOTS as usize)
                    .filter(|k| {
                        let card = cards[(i + k) % cards.len()];
                        let form = format!("card={card}&op=add");
                        http::post(addr, "/vote", &cookie, &form).status == 303
                    })
                    .count()
            })
        })
        .collect();
    // The editor's frames while the dots arrive, as fast as a window asks.
    let mut voting = Vec::new();
    let started = Instant::now();
    let mut i = 0;
    while phones.iter().any(|p| !p.is_finished()) {
        let before: u32 = app.document().map().cards.iter().map(|c| c.votes).sum();
        let took = frame(&ctx, &mut app, i);
        if std::env::var_os("WAYMARK_BENCH_DEBUG").is_some() {
            let after: u32 = app.document().map().cards.iter().map(|c| c.votes).sum();
            eprintln!(
                "frame {i}: {:.2} ms, {} dots",
                harness::ms(took),
                after - before
            );
        }
        voting.push(took);
        i += 1;
    }
    let wall = started.elapsed();
    let accepted: usize = phones.into_iter().map(|p| p.join().unwrap()).sum();
    frame(&ctx, &mut app, i);
    let landed: u32 = app.document().map().cards.iter().map(|c| c.votes).sum();

    let max = |v: &[Duration]| v.iter().max().copied().unwrap_or_default();
    let p95 = |v: &[Duration]| {
        let mut s = v.to_vec();
        s.sort();
        s.get(s.len() * 95 / 100).copied().unwrap_or_default()
    };
    println!("editor frame (UI pass + tessellation), sample map, 1600×1000");
    println!(
        "  idle:            median {:.2} ms, p95 {:.2} ms, max {:.2} ms ({} frames)",
        harness::median_ms(idle.clone()),
        harness::ms(p95(&idle)),
        harness::ms(max(&idle)),
        idle.len()
    );
    println!(
        "  room invited:    median {:.2} ms, p95 {:.2} ms, max {:.2} ms ({} frames)",
        harness::median_ms(invited.clone()),
        harness::ms(p95(&invited)),
        harness::ms(max(&invited)),
        invited.len()
    );
    println!(
        "  {PHONES} phones voting: median {:.2} ms, p95 {:.2} ms, max {:.2} ms ({} frames in {:.0} ms)",
        harness::median_ms(voting.clone()),
        harness::ms(p95(&voting)),
        harness::ms(max(&voting)),
        voting.len(),
        harness::ms(wall)
    );
    println!(
        "  dots: {} sent, {accepted} accepted, {landed} on the map",
        PHONES * DOTS as usize
    );
    assert_eq!(landed as usize, PHONES * DOTS as usize, "a dot was lost");
}
