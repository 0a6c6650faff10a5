//! `compare::diff`: every kind of change, its text and JSON views, the
//! diff as a patch, and matching by names for files without ids.

use crate::common;

use std::sync::Arc;

use serde_json::json;
use waymark::compare::{self, Change, Kind, text::to_text};
use waymark::interchange::sample::sample_map;
use waymark::model::{
    Card, CardId, Emotion, Lane, LaneKind, Map, MapState, Persona, Stage, StageId,
};

use common::lookup::{edit, id_of, stage_id};

/// Cards grouped by cell in stage and lane order, as `apply` returns them.
fn grouped(mut map: Map) -> Map {
    let stage = |m: &Map, c: &Card| m.stage_index(c.stage).unwrap_or(usize::MAX);
    let lane = |m: &Map, c: &Card| m.lane_index(c.lane).unwrap_or(usize::MAX);
    let keys: Vec<(usize, usize)> = map
        .cards
        .iter()
        .map(|c| (stage(&map, c), lane(&map, c)))
        .collect();
    let mut pairs: Vec<_> = keys
        .into_iter()
        .zip(std::mem::take(&mut map.cards))
        .collect();
    pairs.sort_by_key(|(k, _)| *k);
    map.cards = pairs.into_iter().map(|(_, c)| c).collect();
    map
}

fn assert_patch(a: &Map, b: &Map) {
    let d = compare::diff(a, b);
    let mut applied = compare::apply(a, &d);
    let mut expected = grouped(b.clone());
    applied.next_id = 0;
    expected.next_id = 0;
    // Compared by a second diff, so a failure prints the difference, not two maps.
    let left = compare::diff(&expected, &applied);
    assert!(
        left.is_empty(),
        "diff: {}\nleft after apply: {}",
        to_text(&d),
        to_text(&left)
    );
    assert_eq!(applied, expected, "diff: {}", to_text(&d));
}

#[test]
fn a_map_compared_with_itself_has_no_changes() {
    let map = sample_map();
    let d = compare::diff(&map, &map.clone());
    assert!(d.is_empty(), "{}", to_text(&d));
    assert_eq!(to_text(&d), "");
    assert_eq!(d.to_json(), "[]");
}

#[test]
fn map_title_description_and_state_changes_are_listed() {
    let old = sample_map();
    let mut new = old.clone();
    new.title = "Boots, next year".into();
    new.description = "Where we want to be".into();
    new.state = MapState::Future;
    let d = compare::diff(&old, &new);
    assert_eq!(d.len(), 3, "{}", to_text(&d));
    assert_eq!(
        d.changes[0],
        Change::MapField {
            field: "title".into(),
            old: json!(old.title),
            new: json!("Boots, next year"),
        }
    );
    let text = to_text(&d);
    assert!(
        text.starts_with(&format!(
            "Map title: \"{}\" → \"Boots, next year\"\n",
            old.title
        )),
        "{text}"
    );
    assert!(
        text.contains("Map state: \"Current\" → \"Future\""),
        "{text}"
    );
    assert_patch(&old, &new);
}

#[test]
fn a_changed_card_field_lists_old_and_new_values() {
    let old = sample_map();
    let mut new = old.clone();
    let id = id_of(&old, "Checkout");
    edit(&mut new, id, |c| {
        c.emotion = Some(Emotion::new(1, "relieved"));
        c.owner = "Payments team".into();
    });
    let d = compare::diff(&old, &new);
    assert_eq!(d.len(), 2, "{}", to_text(&d));
    let Change::FieldChanged {
        item,
        field,
        old: was,
        new: now,
    } = &d.changes[0]
    else {
        panic!("{:?}", d.changes[0]);
    };
    assert_eq!(
        (item.kind, item.id, item.name.as_str()),
        (Kind::Card, id.0, "Checkout")
    );
    assert_eq!(field, "owner");
    assert_eq!(
        (was, now),
        (&json!("E-commerce team"), &json!("Payments team"))
    );
    let text = to_text(&d);
    assert_eq!(
        text,
        format!(
            "Changed card \"Checkout\" (id {id}): owner \"E-commerce team\" → \"Payments team\"\n\
             Changed card \"Checkout\" (id {id}): emotion 0 impatient → +1 relieved\n"
        )
    );
    assert_patch(&old, &new);
}

#[test]
fn a_card_moved_to_another_stage_is_one_move_with_both_places() {
    let old = sample_map();
    let mut new = old.clone();
    let id = id_of(&old, "Live chat with gear expert");
    let purchase = stage_id(&old, "Purchase");
    // Move it to the front of Purchase / Touchpoints, as the editor does.
    waymark::edit::Command::MoveCards {
        ids: vec![id],
        stage: purchase,
        lane: old.card(id).unwrap().lane,
        position: Some(0),
    }
    .apply(&mut new)
    .unwrap();
    let d = compare::diff(&old, &new);
    assert_eq!(d.len(), 1, "{}", to_text(&d));
    let Change::Moved { from, to, .. } = &d.changes[0] else {
        panic!("{:?}", d.changes[0]);
    };
    assert_eq!((from.stage_name.as_str(), from.index), ("Decision", 2));
    assert_eq!((to.stage_name.as_str(), to.index), ("Purchase", 0));
    assert_eq!(
        to_text(&d),
        format!(
            "Moved card \"Live chat with gear expert\" (id {id}) from Decision / Touchpoints, \
             position 3 to Purchase / Touchpoints, position 1\n"
        )
    );
    assert_patch(&old, &new);
}

#[test]
fn a_card_dragged_to_the_top_of_its_cell_is_one_move_not_a_shift_of_all() {
    let old = sample_map();
    let mut new = old.clone();
    let id = id_of(&old, "Order confirmation email");
    let card = old.card(id).unwrap().clone();
    waymark::edit::Command::MoveCards {
        ids: vec![id],
        stage: card.stage,
        lane: card.lane,
        position: Some(0),
    }
    .apply(&mut new)
    .unwrap();
    let d = compare::diff(&old, &new);
    assert_eq!(d.len(), 1, "{}", to_text(&d));
    assert!(
        to_text(&d).contains("in Purchase / Touchpoints from position 2 to 1"),
        "{}",
        to_text(&d)
    );
    assert_patch(&old, &new);
}

#[test]
fn added_and_removed_items_of_every_kind_are_listed() {
    let old = sample_map();
    let mut new = old.clone();
    let stage = new.new_stage_id();
    new.stages.insert(2, Stage::new(stage, "Trial"));
    let lane = new.new_lane_id();
    new.lanes
        .push(Lane::new(lane, LaneKind::Custom("Staff".into())));
    let persona = new.new_persona_id();
    new.personas.push(Persona {
        id: persona,
        name: "Ana".into(),
        description: String::new(),
    });
    let card = new.new_card_id();
    new.cards.push(Arc::new(Card::new(
        card,
        stage,
        lane,
        "Trial boots in the park",
    )));
    let gone = id_of(&old, "Forced account creation");
    new.cards.retain(|c| c.id != gone);
    let removed_stage = stage_id(&old, "Advocacy");
    new.stages.retain(|s| s.id != removed_stage);
    new.cards.retain(|c| c.stage != removed_stage);

    let d = compare::diff(&old, &new);
    let text = to_text(&d);
    assert!(
        text.contains(&format!(
            "Added stage \"Trial\" (id {stage}) at position 3\n"
        )),
        "{text}"
    );
    assert!(
        text.contains(&format!(
            "Removed stage \"Advocacy\" (id {removed_stage}) (was at position 6)\n"
        )),
        "{text}"
    );
    assert!(
        text.contains(&format!("Added lane \"Staff\" (id {lane}) at position 6\n")),
        "{text}"
    );
    assert!(
        text.contains(&format!("Added persona \"Ana\" (id {persona})")),
        "{text}"
    );
    assert!(
        text.contains(&format!(
            "Added card \"Trial boots in the park\" (id {card}) in Trial / Staff, position 1\n"
        )),
        "{text}"
    );
    assert!(
        text.contains(&format!(
            "Removed card \"Forced account creation\" (id {gone}) from Purchase / Pain points\n"
        )),
        "{text}"
    );
    // The four cards of the removed stage are listed too; nothing else.
    assert_eq!(d.len(), 6 + 4, "{text}");
    assert_patch(&old, &new);
}

#[test]
fn reordered_stages_are_one_change_with_both_orders() {
    let old = sample_map();
    let mut new = old.clone();
    new.stages.swap(1, 2);
    let d = compare::diff(&old, &new);
    assert_eq!(d.len(), 1, "{}", to_text(&d));
    assert_eq!(
        to_text(&d),
        "Reordered stages: Awareness, Consideration, Decision, Purchase, Retention, Advocacy → \
         Awareness, Decision, Consideration, Purchase, Retention, Advocacy\n"
    );
    assert_patch(&old, &new);
}

#[test]
fn stage_and_persona_field_changes_are_listed() {
    let old = sample_map();
    let mut new = old.clone();
    new.stages[0].goal = "Find boots that last".into();
    new.personas[0].name = "Maya".into();
    let d = compare::diff(&old, &new);
    let text = to_text(&d);
    assert_eq!(d.len(), 2, "{text}");
    assert!(text.contains("Changed stage \"Awareness\""), "{text}");
    assert!(text.contains(": goal "), "{text}");
    assert!(
        text.contains(": name \"Maya, weekend hiker\" → \"Maya\""),
        "{text}"
    );
    assert_patch(&old, &new);
}

#[test]
fn json_view_holds_kind_ids_and_values() {
    let old = sample_map();
    let mut new = old.clone();
    let id = id_of(&old, "Checkout");
    edit(&mut new, id, |c| c.title = "Pay".into());
    let d = compare::diff(&old, &new);
    let value: serde_json::Value = serde_json::from_str(&d.to_json()).expect("valid JSON");
    assert_eq!(
        value,
        json!([{
            "change": "field_changed",
            "item": { "kind": "card", "id": id.0, "name": "Pay" },
            "field": "title",
            "old": "Checkout",
            "new": "Pay",
        }])
    );
}

#[test]
fn files_without_ids_are_matched_by_names() {
    let old = sample_map();
    let mut new = old.clone();
    let id = id_of(&old, "Checkout");
    edit(&mut new, id, |c| c.emotion = Some(Emotion::new(-2, "")));
    // Through Mermaid, every id is new: only names can match.
    let a =
        waymark::interchange::mermaid::from_str(&waymark::interchange::mermaid::to_string(&old))
            .unwrap();
    let b =
        waymark::interchange::mermaid::from_str(&waymark::interchange::mermaid::to_string(&new))
            .unwrap();
    // Another numbering of the same items, as a file rebuilt elsewhere has.
    let b = shift_ids(&b, 1000);
    let d = compare::diff(&a, &compare::align_by_names(&a, &b));
    assert_eq!(d.len(), 1, "{}", to_text(&d));
    assert!(
        to_text(&d).contains("Changed card \"Checkout\""),
        "{}",
        to_text(&d)
    );
    // Without aligning, everything looks new.
    assert!(compare::diff(&a, &b).len() > 40);
}

fn shift_ids(map: &Map, by: u64) -> Map {
    use waymark::model::{LaneId, PersonaId};
    let mut out = map.clone();
    for s in &mut out.stages {
        s.id = StageId(s.id.0 + by);
    }
    for l in &mut out.lanes {
        l.id = LaneId(l.id.0 + by);
    }
    for p in &mut out.personas {
        p.id = PersonaId(p.id.0 + by);
    }
    for c in &mut out.cards {
        let c = Arc::make_mut(c);
        c.id = CardId(c.id.0 + by);
        c.stage = StageId(c.stage.0 + by);
        c.lane = LaneId(c.lane.0 + by);
        for p in &mut c.personas {
            *p = PersonaId(p.0 + by);
        }
    }
    out.next_id += by;
    out
}

#[test]
fn a_comparison_marks_cards_keeps_ghosts_and_points_each_entry_at_a_place() {
    use waymark::compare::{Comparison, Target};
    let old = sample_map();
    let mut new = old.clone();
    let checkout = id_of(&old, "Checkout");
    edit(&mut new, checkout, |c| c.title = "Pay".into());
    let gone = id_of(&old, "Forced account creation");
    new.cards.retain(|c| c.id != gone);
    let stage = stage_id(&old, "Purchase");
    let lane = old.card(gone).unwrap().lane;
    let added = new.new_card_id();
    new.cards
        .push(Arc::new(Card::new(added, stage, lane, "Guest checkout")));

    let cmp = Comparison::new(&old, &new);
    assert_eq!(cmp.mark(checkout).unwrap().fields, ["title"]);
    assert!(cmp.mark(added).unwrap().added);
    let ghosts: Vec<_> = cmp.ghosts_in(stage, lane).collect();
    assert_eq!(ghosts.len(), 1);
    assert_eq!(ghosts[0].card.title, "Forced account creation");
    let targets: Vec<Target> = cmp.entries.iter().map(|e| e.target).collect();
    assert_eq!(
        targets,
        [
            Target::Card(checkout),
            Target::Card(added),
            Target::Ghost(0)
        ]
    );
    assert!(cmp.entries[0].text.starts_with("Changed card \"Pay\""));
}
