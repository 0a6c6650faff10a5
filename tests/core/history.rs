//! Undo and redo through the document, the one place edits go through.

use waymark::edit::{Command, Document, MergeKey};
use waymark::interchange::sample::sample_map;
use waymark::model::{Card, Emotion, Lane, LaneKind, Stage};

fn edits(doc: &Document) -> Vec<Command> {
    let map = doc.map();
    let mut m = map.clone();
    let stage = m.new_stage_id();
    let lane = m.new_lane_id();
    let card = m.new_card_id();
    let first_stage = map.stages[0].id;
    let first_lane = map.lanes[0].id;
    vec![
        Command::AddStage {
            index: 1,
            stage: Stage::new(stage, "Onboarding"),
        },
        Command::AddLane {
            index: 9,
            lane: Lane::new(lane, LaneKind::Custom("Backstage".into())),
        },
        Command::AddCard {
            card: Card::new(card, stage, first_lane, "Welcome call"),
            position: None,
        },
        Command::SetEmotion {
            ids: vec![card],
            emotion: Some(Emotion::new(2, "welcomed")),
        },
        Command::MoveCards {
            ids: vec![card, map.cards[0].id],
            stage: first_stage,
            lane,
            position: Some(0),
        },
        Command::MoveStage { id: stage, to: 5 },
        Command::DeleteCards(vec![map.cards[3].id]),
        Command::DeleteStage(map.stages[2].id),
        Command::SetTitle("Renamed".into()),
    ]
}

#[test]
fn undo_all_returns_the_original_and_redo_all_the_final() {
    let original = sample_map();
    let mut doc = Document::new(original.clone());
    for cmd in edits(&doc) {
        doc.apply(cmd).expect("edit applies");
    }
    let last = doc.map().clone();
    assert_ne!(last, original);
    while doc.undo() {}
    assert_eq!(doc.map(), &original);
    assert!(!doc.is_dirty());
    while doc.redo() {}
    assert_eq!(doc.map(), &last);
}

#[test]
fn undo_at_the_start_does_nothing() {
    let mut doc = Document::new(sample_map());
    assert!(!doc.undo());
    assert_eq!(doc.map(), &sample_map());
    assert!(!doc.redo());
}

#[test]
fn typing_in_one_field_is_one_step() {
    let mut doc = Document::new(sample_map());
    let mut card = doc.map().cards[0].as_ref().clone();
    let key = MergeKey(format!("card-{}-title", card.id));
    for len in 1..=5 {
        card.title = "Hello".chars().take(len).collect();
        doc.apply_merging(Command::UpdateCard(card.clone()), Some(key.clone()))
            .unwrap();
    }
    doc.close_step();
    card.notes = "n".into();
    doc.apply(Command::UpdateCard(card.clone())).unwrap();
    assert_eq!(doc.map().cards[0].title, "Hello");
    assert!(doc.undo());
    assert_eq!(doc.map().cards[0].title, "Hello");
    assert!(doc.undo());
    assert_eq!(doc.map(), &sample_map());
    assert!(!doc.undo());
}

#[test]
fn failed_command_changes_nothing_and_records_nothing() {
    let mut doc = Document::new(sample_map());
    let bad = Command::Batch(vec![
        Command::SetTitle("x".into()),
        Command::DeleteCards(vec![waymark::model::CardId(999_999)]),
    ]);
    assert!(doc.apply(bad).is_err());
    assert_eq!(doc.map(), &sample_map());
    assert!(!doc.history().can_undo());
}

#[test]
fn a_new_edit_clears_redo_and_saving_marks_clean() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("m.ron");
    let mut doc = Document::new(sample_map());
    doc.apply(Command::SetTitle("A".into())).unwrap();
    doc.save_as(&path).unwrap();
    assert!(!doc.is_dirty());
    doc.apply(Command::SetTitle("B".into())).unwrap();
    assert!(doc.is_dirty());
    doc.undo();
    assert!(!doc.is_dirty(), "undo back to the saved state is clean");
    doc.apply(Command::SetTitle("C".into())).unwrap();
    assert!(!doc.history().can_redo());
}

#[test]
fn moving_cards_keeps_their_order_and_position() {
    let mut doc = Document::new(sample_map());
    let map = doc.map().clone();
    let stage = map.stages[5].id;
    let lane = map.lanes[0].id;
    let target: Vec<_> = map.cell_cards(stage, lane).map(|c| c.id).collect();
    let moving = vec![map.cards[0].id, map.cards[1].id];
    doc.apply(Command::MoveCards {
        ids: moving.clone(),
        stage,
        lane,
        position: Some(1),
    })
    .unwrap();
    let after: Vec<_> = doc.map().cell_cards(stage, lane).map(|c| c.id).collect();
    assert_eq!(after, [target[0], moving[0], moving[1], target[1]]);
}
