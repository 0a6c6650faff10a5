//! Dot votes in the core: the `votes` field in the file (absent while
//! zero, so old maps keep their bytes), the vote commands and their undo,
//! the CSV column, the Inbox lane, and the vote session's tallies.

use std::sync::Arc;

use waymark::edit::{Command, Document};
use waymark::format;
use waymark::interchange::csv;
use waymark::interchange::sample::sample_map;
use waymark::model::{CardId, LaneKind, Map};
use waymark::room::vote::{places, ranking};
use waymark::room::{Inbox, Refusal, VoteSession, VoteSettings, Voter, accept_note, cast};

/// The sample's first pain point.
fn pain(map: &Map) -> CardId {
    let lane = map
        .lanes
        .iter()
        .find(|l| l.kind == LaneKind::PainPoints)
        .unwrap()
        .id;
    map.cards.iter().find(|c| c.lane == lane).unwrap().id
}

#[test]
fn a_map_without_votes_saves_without_the_field_and_old_files_load_with_none() {
    let map = sample_map();
    let text = format::to_string(&map);
    assert!(!text.contains("votes"), "no votes, no field");
    let v1 = std::fs::read_to_string("tests/fixtures/v1.ron").unwrap();
    let old = format::from_str(&v1, "v1.ron").unwrap();
    assert!(old.cards.iter().all(|c| c.votes == 0));
    // Byte-identical round trip of a map that never had a vote.
    let again = format::from_str(&text, "m.ron").unwrap();
    assert_eq!(format::to_string(&again), text);
}

#[test]
fn votes_round_trip_through_the_file() {
    let mut map = sample_map();
    let id = pain(&map);
    let i = map.card_index(id).unwrap();
    Arc::make_mut(&mut map.cards[i]).votes = 7;
    let text = format::to_string(&map);
    assert!(text.contains("votes: 7"), "{text}");
    let back = format::from_str(&text, "m.ron").unwrap();
    assert_eq!(back.card(id).unwrap().votes, 7);
    assert_eq!(back, map);
}

#[test]
fn each_dot_is_one_undo_step_and_clear_is_one_more() {
    let mut doc = Document::new(sample_map());
    let id = pain(doc.map());
    for _ in 0..3 {
        doc.apply(Command::AddVote(id)).unwrap();
    }
    assert_eq!(doc.map().card(id).unwrap().votes, 3);
    doc.apply(Command::RemoveVote(id)).unwrap();
    assert_eq!(doc.map().card(id).unwrap().votes, 2);
    doc.apply(Command::ClearVotes).unwrap();
    assert_eq!(doc.map().card(id).unwrap().votes, 0);
    // Taking a dot off a card with none is no change and no undo step.
    let before = doc.revision();
    doc.apply(Command::RemoveVote(id)).unwrap();
    assert_eq!(doc.revision(), before);
    assert_eq!(doc.history().undo_label(), Some("clear votes"));
    assert!(doc.undo());
    assert_eq!(doc.map().card(id).unwrap().votes, 2);
    assert!(doc.undo());
    assert_eq!(doc.map().card(id).unwrap().votes, 3);
    assert!(doc.undo() && doc.undo() && doc.undo());
    assert_eq!(doc.map().card(id).unwrap().votes, 0);
    assert!(!doc.is_dirty(), "undone to the start");
    assert!(
        Command::AddVote(CardId(999_999))
            .apply(&mut sample_map())
            .is_err()
    );
}

#[test]
fn a_duplicate_starts_without_the_originals_dots() {
    let mut doc = Document::new(sample_map());
    let id = pain(doc.map());
    doc.apply(Command::AddVote(id)).unwrap();
    let created = doc.apply(Command::DuplicateCards(vec![id])).unwrap();
    assert_eq!(doc.map().card(CardId(created[0])).unwrap().votes, 0);
    assert_eq!(doc.map().card(id).unwrap().votes, 1);
}

#[test]
fn csv_carries_the_votes_and_names_a_bad_count() {
    let mut map = sample_map();
    let id = pain(&map);
    let i = map.card_index(id).unwrap();
    Arc::make_mut(&mut map.cards[i]).votes = 4;
    let text = csv::to_string(&map);
    assert!(text.lines().next().unwrap().ends_with(",votes"));
    let back = csv::from_str(&text, "m").unwrap();
    let title = &map.card(id).unwrap().title;
    let card = back.cards.iter().find(|c| &c.title == title).unwrap();
    assert_eq!(card.votes, 4);
    assert_eq!(back.cards.iter().map(|c| c.votes).sum::<u32>(), 4);
    let err = csv::from_str("stage,title,votes\nBuy,Queue,many\n", "m").unwrap_err();
    assert_eq!((err.row, err.column.as_deref()), (2, Some("votes")));
    assert!(
        err.message.contains("`many` is not a number of dots"),
        "{err}"
    );
    // A sheet with no votes column reads as no dots.
    let plain = csv::from_str("stage,title\nBuy,Queue\n", "m").unwrap();
    assert_eq!(plain.cards[0].votes, 0);
}

#[test]
fn the_inbox_lane_saves_by_name_and_an_accepted_note_lands_there_in_one_step() {
    let mut doc = Document::new(sample_map());
    let stage = doc.map().stages[1].id;
    let mut inbox = Inbox::default();
    assert!(inbox.push(3, stage, "The queue at the till".to_owned()));
    let note = inbox.take(inbox.notes()[0].id).unwrap();
    let before = doc.map().clone();
    let card = accept_note(&mut doc, &note).unwrap();
    let map = doc.map();
    let card = map.card(card).unwrap();
    assert_eq!(card.title, "The queue at the till");
    assert_eq!(card.stage, stage);
    assert_eq!(map.lane(card.lane).unwrap().kind, LaneKind::Inbox);
    assert!(format::to_string(map).contains("kind: Inbox"));
    assert!(doc.undo(), "lane and card are one step");
    assert_eq!(doc.map(), &before);
    assert!(inbox.notes().is_empty());
}

fn session(map: &Map, dots: u32) -> VoteSession {
    VoteSession::new(VoteSettings {
        dots,
        ..VoteSettings::for_map(map)
    })
}

#[test]
fn a_voter_has_their_dots_only_on_the_voting_lanes_and_none_after_the_reveal() {
    let mut doc = Document::new(sample_map());
    let id = pain(doc.map());
    let touchpoint = doc
        .map()
        .cards
        .iter()
        .find(|c| doc.map().lane(c.lane).unwrap().kind == LaneKind::Touchpoints)
        .unwrap()
        .id;
    let mut vote = session(doc.map(), 2);
    let phone = Voter::Phone(1);
    assert_eq!(cast(&mut doc, &mut vote, phone, id, true), Ok(1));
    assert_eq!(cast(&mut doc, &mut vote, phone, id, true), Ok(0));
    assert_eq!(
        vote.check_add(doc.map(), phone, id),
        Err(Refusal::NoDotsLeft(2))
    );
    assert!(cast(&mut doc, &mut vote, phone, id, true).is_err());
    assert_eq!(
        vote.check_add(doc.map(), Voter::Phone(2), touchpoint),
        Err(Refusal::NotVotable)
    );
    // Someone else cannot take back the phone's dot.
    assert_eq!(
        vote.check_remove(doc.map(), Voter::Local(1), id),
        Err(Refusal::NoDotHere)
    );
    assert_eq!(cast(&mut doc, &mut vote, phone, id, false), Ok(1));
    assert_eq!(doc.map().card(id).unwrap().votes, 1);
    vote.reveal();
    assert_eq!(
        vote.check_add(doc.map(), Voter::Phone(2), id),
        Err(Refusal::Closed)
    );
}

#[test]
fn an_undone_dot_goes_back_to_its_voter_and_a_redo_takes_it_again() {
    let mut doc = Document::new(sample_map());
    let id = pain(doc.map());
    let mut vote = session(doc.map(), 1);
    let (a, b) = (Voter::Phone(1), Voter::Local(1));
    cast(&mut doc, &mut vote, a, id, true).unwrap();
    cast(&mut doc, &mut vote, b, id, true).unwrap();
    assert_eq!((vote.dots_left(a), vote.dots_left(b)), (0, 0));
    doc.undo();
    vote.reconcile(doc.map());
    assert_eq!(
        (vote.dots_left(a), vote.dots_left(b)),
        (0, 1),
        "the newest dot was b's"
    );
    doc.redo();
    vote.reconcile(doc.map());
    assert_eq!((vote.dots_left(a), vote.dots_left(b)), (0, 0), "b's again");
    assert_eq!(vote.total(), 2);
    // A reconcile with nothing changed changes nothing.
    let same = vote.clone();
    vote.reconcile(doc.map());
    assert_eq!(vote, same);
}

#[test]
fn the_ranking_puts_most_dots_first_and_ties_share_a_place() {
    let mut map = sample_map();
    let ids: Vec<CardId> = map.cards.iter().take(4).map(|c| c.id).collect();
    for (id, votes) in ids.iter().zip([2, 5, 2, 1]) {
        let i = map.card_index(*id).unwrap();
        Arc::make_mut(&mut map.cards[i]).votes = votes;
    }
    let ranked = ranking(&map, None);
    assert_eq!(
        ranked,
        vec![(ids[1], 5), (ids[0], 2), (ids[2], 2), (ids[3], 1)]
    );
    assert_eq!(
        places(&ranked, 3),
        vec![(ids[1], 1), (ids[0], 2), (ids[2], 2)],
        "the 1-dot card is fourth, past the top three"
    );
    assert!(ranking(&sample_map(), None).is_empty());
}

/// The texts the shared painter draws for `map` with `deco`'s vote marks.
fn painted_texts(map: &Map, marks: waymark::paint::VoteMarks<'_>) -> Vec<String> {
    use egui::epaint::Shape;
    use egui::epaint::text::{Fonts, TextOptions};
    use waymark::layout::{Style, layout};
    use waymark::paint::{Decorations, View, font_definitions, paint_map};
    let l = layout(map, &Style::default());
    let mut fonts = Fonts::new(TextOptions::default(), font_definitions());
    let mut view_fonts = fonts.with_pixels_per_point(1.0);
    let view = View {
        origin: egui::Pos2::ZERO,
        zoom: 1.0,
    };
    let deco = Decorations {
        votes: marks,
        ..Decorations::default()
    };
    let shapes = paint_map(
        &mut view_fonts,
        map,
        &l,
        &waymark::theme::Theme::light(),
        &view,
        view.rect(l.bounds),
        &deco,
    );
    shapes
        .iter()
        .filter_map(|s| match s {
            Shape::Text(t) => Some(t.galley.job.text.clone()),
            _ => None,
        })
        .collect()
}

#[test]
fn cards_show_their_dots_and_the_top_place_except_while_a_vote_is_open() {
    let mut map = sample_map();
    let id = pain(&map);
    let i = map.card_index(id).unwrap();
    Arc::make_mut(&mut map.cards[i]).votes = 17;
    let shown = painted_texts(&map, waymark::paint::VoteMarks::Shown);
    assert!(shown.iter().any(|t| t == "17"), "the count is drawn");
    assert!(shown.iter().any(|t| t == "#1"), "and its place");
    let lanes = vec![map.card(id).unwrap().lane];
    let hidden = painted_texts(&map, waymark::paint::VoteMarks::Hidden(&lanes));
    assert!(!hidden.iter().any(|t| t == "17" || t == "#1"), "{hidden:?}");
    // The export draws what the screen shows: the count is in it.
    let export = waymark::export::paint(&map, &waymark::export::ExportOptions::default());
    assert!(
        export
            .shapes
            .iter()
            .any(|s| matches!(s, egui::epaint::Shape::Text(t) if t.galley.job.text == "17"))
    );
    assert!(
        !painted_texts(&sample_map(), waymark::paint::VoteMarks::Shown)
            .iter()
            .any(|t| t == "#1")
    );
}
