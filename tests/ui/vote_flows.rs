//! Dot votes driven as a facilitator would, through egui_kittest: Edit →
//! Start Vote, dots by clicking cards (right-click takes one back), the
//! counts hidden until Reveal, undo, save and reopen; and the same vote
//! with V on the projector.

use crate::common;

use egui::{Key, Modifiers, vec2};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;

use common::app::{app_harness, files, map, press, press_with, shows};
use waymark::app::WaymarkApp;
use waymark::app::dialogs::ScriptedDialogs;
use waymark::edit::Document;
use waymark::model::{CardId, LaneKind, Map};
use waymark::ui::view::Selection;

const PAIN: &str = "Forced account creation";
const OTHER_PAIN: &str = "Shipping cost appears only at checkout";

fn votes(h: &Harness<'_, WaymarkApp>, title: &str) -> u32 {
    let m = map(h);
    m.cards.iter().find(|c| c.title == title).unwrap().votes
}

fn card_id(m: &Map, title: &str) -> CardId {
    m.cards.iter().find(|c| c.title == title).unwrap().id
}

fn edit_menu(h: &mut Harness<'_, WaymarkApp>, item: &str) {
    h.get_by_label("Edit").click();
    h.run();
    h.get_by_label(item).click();
    h.run();
}

#[test]
fn a_vote_starts_counts_hidden_reveals_undoes_saves_and_reopens() {
    let files = files();
    let doc = Document::open(&files.map).unwrap();
    let mut h = app_harness(doc, &ScriptedDialogs::default(), vec2(1600.0, 1000.0));
    edit_menu(&mut h, "Start Vote…");
    assert!(shows(&h, "Start a dot vote"), "the dialog asks");
    // Pain points are ticked by default; Enter starts with 3 dots each.
    press(&mut h, Key::Enter);
    let vote = h.state().vote().expect("a vote runs");
    assert_eq!(vote.settings().dots, 3);
    let m = map(&h);
    let pain_lane = m
        .lanes
        .iter()
        .find(|l| l.kind == LaneKind::PainPoints)
        .unwrap()
        .id;
    assert_eq!(vote.settings().lanes, vec![pain_lane]);
    assert!(shows(&h, "Next Voter"), "the vote bar is shown");

    // One click, one dot; a click does not select the card.
    h.get_by_label(PAIN).click();
    h.run();
    h.get_by_label(PAIN).click();
    h.run();
    h.get_by_label(OTHER_PAIN).click();
    h.run();
    assert_eq!((votes(&h, PAIN), votes(&h, OTHER_PAIN)), (2, 1));
    assert!(h.state().view_state().selection.is_empty());
    // Every dot is placed: the fourth is refused and says so.
    h.get_by_label(PAIN).click();
    h.run();
    assert_eq!(votes(&h, PAIN), 2);
    assert!(
        h.state()
            .status()
            .unwrap()
            .text
            .contains("all 3 dots are placed")
    );
    // A right-click takes one back.
    h.get_by_label(OTHER_PAIN).click_secondary();
    h.run();
    assert_eq!(votes(&h, OTHER_PAIN), 0);
    // The next person at the machine has their own three.
    h.get_by_label("Next Voter").click();
    h.run();
    h.get_by_label(OTHER_PAIN).click();
    h.run();
    assert_eq!(votes(&h, OTHER_PAIN), 1);
    // Only pain points take dots: a touchpoint click selects as usual.
    let touch = "Instagram trail video ad";
    h.get_by_label(touch).click();
    h.run();
    assert_eq!(votes(&h, touch), 0);
    assert!(
        h.state()
            .view_state()
            .selection
            .cards
            .contains(&card_id(&map(&h), touch))
    );

    // Hidden until revealed: the bar says nothing of the counts.
    assert!(h.query_by_label_contains("#1").is_none());
    h.get_by_label("Reveal Votes").click();
    h.run();
    assert!(h.state().vote().unwrap().revealed());
    assert!(
        shows(&h, &format!("#1 {PAIN} (2)")),
        "the top card is ranked"
    );
    // Voting is over once revealed.
    h.get_by_label(PAIN).click();
    h.run();
    assert_eq!(votes(&h, PAIN), 2);

    // Undo takes back the last dot (one step per dot); redo puts it back.
    press_with(&mut h, Modifiers::COMMAND, Key::Z);
    assert_eq!(votes(&h, OTHER_PAIN), 0);
    press_with(&mut h, Modifiers::COMMAND, Key::Y);
    assert_eq!(votes(&h, OTHER_PAIN), 1);

    // Save, reopen: the counts are in the file.
    press_with(&mut h, Modifiers::COMMAND, Key::S);
    assert!(!h.state().document().is_dirty());
    let reopened = Document::open(&files.map).unwrap();
    assert_eq!(
        reopened
            .map()
            .card(card_id(reopened.map(), PAIN))
            .unwrap()
            .votes,
        2
    );
    assert_eq!(
        reopened
            .map()
            .card(card_id(reopened.map(), OTHER_PAIN))
            .unwrap()
            .votes,
        1
    );

    // End the vote, then clear: one undo step brings every dot back.
    h.get_by_label("End Vote").click();
    h.run();
    assert!(h.state().vote().is_none());
    edit_menu(&mut h, "Clear Votes");
    assert_eq!(votes(&h, PAIN), 0);
    press_with(&mut h, Modifiers::COMMAND, Key::Z);
    assert_eq!((votes(&h, PAIN), votes(&h, OTHER_PAIN)), (2, 1));
}

#[test]
fn esc_in_the_start_vote_dialog_starts_nothing_and_keys_do_not_reach_the_map() {
    let mut h = app_harness(
        Document::new(waymark::interchange::sample::sample_map()),
        &ScriptedDialogs::default(),
        vec2(1600.0, 1000.0),
    );
    let before = map(&h);
    edit_menu(&mut h, "Start Vote…");
    press(&mut h, Key::N);
    press(&mut h, Key::Escape);
    assert!(h.state().vote().is_none());
    assert!(h.state().dialogs_open().is_empty());
    assert_eq!(map(&h), before, "N added no card behind the dialog");
}

#[test]
fn v_runs_a_vote_on_the_projector_clicks_cast_dots_and_v_reveals_the_top() {
    let mut h = app_harness(
        Document::new(waymark::interchange::sample::sample_map()),
        &ScriptedDialogs::default(),
        vec2(1600.0, 1000.0),
    );
    // Present from the stage of the card voted on.
    let id = card_id(&map(&h), PAIN);
    h.state_mut().view_state_mut().selection = Selection::card(id);
    press(&mut h, Key::F5);
    assert!(h.state().presentation().is_some());
    press(&mut h, Key::V);
    assert!(shows(&h, "Start a dot vote"));
    press(&mut h, Key::Enter);
    assert!(h.state().vote().is_some());
    assert!(
        h.query_by_label_contains("Dot vote: 3 dots each").is_some(),
        "the projector says a vote is open"
    );
    // The stage is shown in stops, top to bottom: step down to the pain
    // points (the card is a ballot only once it is on the screen).
    for _ in 0..4 {
        if h.query_by_label(PAIN).is_some() {
            break;
        }
        press(&mut h, Key::ArrowRight);
    }
    h.get_by_label(PAIN).click();
    h.run();
    h.get_by_label(PAIN).click();
    h.run();
    assert_eq!(votes(&h, PAIN), 2);
    assert!(
        h.query_by_label_contains("Top of the vote").is_none(),
        "no counts before the reveal"
    );
    h.get_by_label(PAIN).click_secondary();
    h.run();
    assert_eq!(votes(&h, PAIN), 1);
    press(&mut h, Key::V);
    assert!(h.state().vote().unwrap().revealed());
    h.get_by_label(&format!("Top of the vote: #1 {PAIN} (1 dots)"));
    // Undo while presenting undoes the take-back, and the ranking follows.
    press_with(&mut h, Modifiers::COMMAND, Key::Z);
    assert_eq!(votes(&h, PAIN), 2);
    h.get_by_label(&format!("Top of the vote: #1 {PAIN} (2 dots)"));
    press(&mut h, Key::V);
    assert!(h.state().vote().is_none(), "a third V ends the vote");
    press(&mut h, Key::Escape);
    assert!(h.state().presentation().is_none());
}

#[test]
fn the_analysis_panel_sorts_pain_points_by_votes_and_hides_counts_during_a_vote() {
    let mut m = waymark::interchange::sample::sample_map();
    let last = "Exchange needs a printed label";
    let i = m.cards.iter().position(|c| c.title == last).unwrap();
    std::sync::Arc::make_mut(&mut m.cards[i]).votes = 5;
    let mut h = app_harness(
        Document::new(m),
        &ScriptedDialogs::default(),
        vec2(1600.0, 1000.0),
    );
    h.get_by_label_contains("Pain points (4)").click();
    h.run();
    let y = |h: &Harness<'_, WaymarkApp>, text: &str| {
        h.get_by_label_contains(&format!("{text} · "))
            .rect()
            .center()
            .y
    };
    let first = "Size guide is hard to read on mobile";
    assert!(shows(&h, &format!("{last} · Retention · 5 dots")));
    assert!(y(&h, first) < y(&h, last), "map order first");
    h.get_by_label("Most votes first").click();
    h.run();
    assert!(h.state().analysis_panel().sorts_by_votes());
    assert!(y(&h, last) < y(&h, first), "the most dots on top");
    // An open vote hides the counts and the order that would give them away.
    h.state_mut().queue(waymark::ui::Action::Command(
        waymark::ui::UiCommand::StartVote,
    ));
    h.run();
    press(&mut h, Key::Enter);
    h.get_by_label(last).click();
    h.run();
    h.get_by_label(last).click();
    h.run();
    assert_eq!(votes(&h, last), 2);
    assert!(shows(&h, &format!("{last} · Retention")), "no count");
    assert!(shows(&h, &format!("{first} · Consideration")));
    assert!(y(&h, first) < y(&h, last), "map order while hidden");
    h.get_by_label("Reveal Votes").click();
    h.run();
    assert!(shows(&h, &format!("{last} · Retention · 2 dots")));
    assert!(y(&h, last) < y(&h, first));
}

#[test]
fn the_projector_shows_the_join_code_while_the_room_is_invited_and_j_hides_it() {
    let mut h = app_harness(
        Document::new(waymark::interchange::sample::sample_map()),
        &ScriptedDialogs::default(),
        vec2(1280.0, 720.0),
    );
    press(&mut h, Key::F5);
    assert!(
        h.query_by_label_contains("Join: http://").is_none(),
        "nothing served"
    );
    h.state_mut()
        .invite_room(std::net::IpAddr::V4(std::net::Ipv4Addr::LOCALHOST))
        .unwrap();
    h.run();
    let code = h.state().room_server().unwrap().code().to_owned();
    let label = h
        .get_by_label_contains("Join: http://127.0.0.1:")
        .value()
        .unwrap_or_default();
    assert!(label.ends_with(&format!("Code {code}")), "{label}");
    press(&mut h, Key::J);
    assert!(h.query_by_label_contains("Join: http://").is_none());
    press(&mut h, Key::J);
    assert!(h.query_by_label_contains("Join: http://").is_some());
    // Leaving and stopping: the server goes with Stop Inviting.
    press(&mut h, Key::Escape);
    h.state_mut().queue(waymark::ui::Action::Command(
        waymark::ui::UiCommand::CloseRoom,
    ));
    h.run();
    assert!(h.state().room_server().is_none());
}

#[test]
fn a_note_from_a_phone_waits_in_the_inbox_even_after_the_room_closes() {
    use crate::common::http::post;
    let mut h = app_harness(
        Document::new(waymark::interchange::sample::sample_map()),
        &ScriptedDialogs::default(),
        vec2(1600.0, 1000.0),
    );
    h.state_mut()
        .invite_room(std::net::IpAddr::V4(std::net::Ipv4Addr::LOCALHOST))
        .unwrap();
    h.run();
    let (addr, code) = {
        let server = h.state().room_server().unwrap();
        (server.addr(), server.code().to_owned())
    };
    // The phone on its own thread; this one gives the editor its frames.
    let phone = std::thread::spawn(move || {
        let cookie = post(addr, "/join", "", &format!("code={code}"))
            .cookie()
            .unwrap();
        post(addr, "/note", &cookie, "text=Nobody+told+us+about+the+fee").status
    });
    while !phone.is_finished() {
        h.step();
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    assert_eq!(phone.join().unwrap(), 303);
    h.run();
    let before = map(&h);
    assert!(shows(&h, "Nobody told us about the fee"));
    assert!(shows(&h, "1 phone joined"));
    h.state_mut().queue(waymark::ui::Action::Command(
        waymark::ui::UiCommand::CloseRoom,
    ));
    h.run();
    assert!(h.state().room_server().is_none());
    assert!(shows(&h, "Nobody told us about the fee"), "the note stays");
    assert_eq!(map(&h), before, "nothing reached the map");
    // The pointer comes to the button first, as in a window (the panel
    // just changed under it).
    h.get_by_label("Reject").hover();
    h.run();
    h.get_by_label("Reject").click();
    h.run();
    assert!(h.state().inbox().notes().is_empty());
    assert!(!shows(&h, "Nobody told us about the fee"));
    assert_eq!(map(&h), before);
}

#[test]
fn at_720p_the_vote_banner_lies_under_the_framed_stage_not_over_its_cards() {
    let mut h = app_harness(
        Document::new(waymark::interchange::sample::sample_map()),
        &ScriptedDialogs::default(),
        vec2(1280.0, 720.0),
    );
    press(&mut h, Key::F5);
    let before = h.state().presentation().unwrap().canvas;
    assert!(
        before.bottom() >= 719.0,
        "no band without a banner: {before:?}"
    );
    press(&mut h, Key::V);
    press(&mut h, Key::Enter);
    for _ in 0..6 {
        let banner = h.get_by_label_contains("Dot vote: 3 dots each").rect();
        let framed = h.state().presentation().unwrap().canvas;
        // The stage is framed (and every stage of the sample fits) above
        // the banner.
        assert!(
            framed.bottom() <= banner.top() + 0.5,
            "{framed:?} runs under the banner {banner:?}"
        );
        press(&mut h, Key::ArrowRight);
    }
}
