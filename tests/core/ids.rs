//! Ids stay unique and bounded: no wrap-around near `u64::MAX`, nothing
//! above 2^53, and no command can take an id already in use.

use std::sync::Arc;

use waymark::edit::{Command, Document};
use waymark::format;
use waymark::model::{Card, CardId, MAX_ID, Map, Stage, StageId};

#[test]
fn next_id_stays_above_every_id_after_load() {
    let mut map = Map::blank();
    map.next_id = 2; // a stale counter, as in a hand-edited file
    let text = format::to_string(&map);
    let loaded = format::from_str(&text, "stale.ron").unwrap();
    let max = loaded.ids().max().unwrap();
    assert!(loaded.next_id > max);
}

#[test]
fn a_huge_counter_in_a_file_is_clamped_and_new_ids_are_free_ones() {
    let map = Map::blank();
    let text = format::to_string(&map).replacen(
        &format!("next_id: {}", map.next_id),
        &format!("next_id: {}", u64::MAX),
        1,
    );
    assert!(text.contains(&u64::MAX.to_string()));
    let mut loaded = format::from_str(&text, "huge.ron").unwrap();
    assert_eq!(loaded.next_id, MAX_ID + 1);
    let mut used: Vec<u64> = loaded.ids().collect();
    for _ in 0..3 {
        let stage = Stage::new(StageId(0), "S");
        let ids = Command::AddStage { index: 0, stage }
            .apply(&mut loaded)
            .unwrap();
        let id = ids[0];
        assert!((1..=MAX_ID).contains(&id));
        assert!(!used.contains(&id), "{id} was in use");
        used.push(id);
    }
    assert_eq!(loaded.next_id, MAX_ID + 1, "no arithmetic past the limit");
}

#[test]
fn an_id_at_the_limit_loads_and_the_next_one_does_not_wrap() {
    let mut map = Map::blank();
    let (stage, lane) = (map.stages[0].id, map.lanes[0].id);
    map.cards
        .push(Arc::new(Card::new(CardId(MAX_ID), stage, lane, "Last")));
    let mut loaded = format::from_str(&format::to_string(&map), "edge.ron").unwrap();
    assert_eq!(loaded.next_id, MAX_ID + 1);
    let id = loaded.new_id();
    assert!(id < MAX_ID && loaded.ids().all(|used| used != id));
}

#[test]
fn commands_hand_out_unused_ids_whatever_the_counter_says() {
    for counter in [0, 2, MAX_ID, MAX_ID + 1, u64::MAX] {
        let mut map = Map::blank();
        map.next_id = counter;
        let mut doc = Document::new(map);
        let (stage, lane) = (doc.map().stages[0].id, doc.map().lanes[0].id);
        let before: Vec<u64> = doc.map().ids().collect();
        let card = Card::new(CardId(before[1]), stage, lane, "New");
        let ids = doc
            .apply(Command::AddCard {
                card,
                position: None,
            })
            .unwrap();
        assert_eq!(ids.len(), 1);
        assert!(
            !before.contains(&ids[0]),
            "counter {counter}: id {} reused",
            ids[0]
        );
        assert!((1..=MAX_ID).contains(&ids[0]));
        assert!(doc.map().next_id <= MAX_ID + 1);
        doc.map().check().expect("ids stay unique");
    }
}
