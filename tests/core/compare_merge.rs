//! `compare::merge`: every case of the three-way merge, conflicts recorded
//! in the map, `check` failing on them, and resolving them by command.

use crate::common;

use std::sync::Arc;

use waymark::analysis::{Place, Rule, Severity, analyze};
use waymark::compare::{self, Choice, Kind, text::to_text};
use waymark::edit::{Command, Document};
use waymark::interchange::sample::sample_map;
use waymark::model::{Card, Emotion, Map, Stage, Subject, Version};

use common::lookup::{edit, id_of, stage_id};

/// The merged map is valid and survives the file format.
fn assert_opens(map: &Map) {
    map.validate().expect("merged map is valid");
    let text = waymark::format::to_string(map);
    let back = waymark::format::from_str(&text, "merged.ron").expect("merged file opens");
    assert_eq!(&back, map);
}

#[test]
fn edits_to_different_cards_merge_cleanly() {
    let base = sample_map();
    let (checkout, email) = (
        id_of(&base, "Checkout"),
        id_of(&base, "Order confirmation email"),
    );
    let mut ours = base.clone();
    edit(&mut ours, checkout, |c| {
        c.title = "One-page checkout".into()
    });
    let mut theirs = base.clone();
    edit(&mut theirs, email, |c| {
        c.emotion = Some(Emotion::new(2, "delighted"))
    });

    let merged = compare::merge(&base, &ours, &theirs);
    assert!(merged.is_clean(), "{:?}", merged.conflicts);
    assert_eq!(
        merged.map.card(checkout).unwrap().title,
        "One-page checkout"
    );
    assert_eq!(
        merged.map.card(email).unwrap().emotion,
        Some(Emotion::new(2, "delighted"))
    );
    assert_eq!(compare::diff(&base, &merged.map).len(), 2);
    assert_opens(&merged.map);
}

#[test]
fn different_fields_of_one_card_and_identical_changes_merge_cleanly() {
    let base = sample_map();
    let id = id_of(&base, "Checkout");
    let mut ours = base.clone();
    edit(&mut ours, id, |c| {
        c.owner = "Payments".into();
        c.notes = "Same note".into();
    });
    let mut theirs = base.clone();
    edit(&mut theirs, id, |c| {
        c.metric = "Time to pay".into();
        c.notes = "Same note".into();
    });
    let merged = compare::merge(&base, &ours, &theirs);
    assert!(merged.is_clean(), "{:?}", merged.conflicts);
    let card = merged.map.card(id).unwrap();
    assert_eq!(
        (
            card.owner.as_str(),
            card.metric.as_str(),
            card.notes.as_str()
        ),
        ("Payments", "Time to pay", "Same note")
    );
}

#[test]
fn the_same_field_changed_differently_is_a_conflict_that_keeps_ours_and_records_theirs() {
    let base = sample_map();
    let id = id_of(&base, "Checkout");
    let mut ours = base.clone();
    edit(&mut ours, id, |c| c.title = "Pay now".into());
    let mut theirs = base.clone();
    edit(&mut theirs, id, |c| {
        c.title = "Checkout v2".into();
        c.owner = "Payments".into();
    });

    let merged = compare::merge(&base, &ours, &theirs);
    assert_eq!(merged.conflicts.len(), 1);
    let conflict = &merged.conflicts[0];
    assert_eq!(
        (conflict.subject, conflict.field.as_str()),
        (Subject::Card(id), "title")
    );
    let Version::Card(theirs_card) = &conflict.theirs else {
        panic!("{conflict:?}")
    };
    assert_eq!(theirs_card.title, "Checkout v2");
    // Ours kept; their non-conflicting field merged.
    let card = merged.map.card(id).unwrap();
    assert_eq!(
        (card.title.as_str(), card.owner.as_str()),
        ("Pay now", "Payments")
    );
    assert_eq!(merged.map.conflicts, merged.conflicts);
    assert_opens(&merged.map);

    // Analysis reports it as an error on the card, with both values.
    let analysis = analyze(&merged.map);
    let found: Vec<_> = analysis
        .findings
        .iter()
        .filter(|f| f.rule == Rule::MergeConflict)
        .collect();
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].severity, Severity::Error);
    assert!(matches!(found[0].place, Place::Card { card, .. } if card == id));
    assert_eq!(
        found[0].message,
        "Merge conflict: card \"Pay now\": title is \"Pay now\" in ours and \"Checkout v2\" in theirs."
    );
    // The panel finds the conflict behind the finding, to offer both choices.
    assert_eq!(
        analysis.conflict(&merged.map, found[0]),
        Some(&merged.conflicts[0])
    );
}

#[test]
fn both_adding_with_the_same_new_id_keeps_both_and_renumbers_theirs_with_its_references() {
    let base = sample_map();
    let touch = base.lanes[0].id;
    let mut ours = base.clone();
    let ours_stage = ours.new_stage_id();
    ours.stages.push(Stage::new(ours_stage, "Onboarding"));
    let ours_card = ours.new_card_id();
    ours.cards.push(Arc::new(Card::new(
        ours_card,
        ours_stage,
        touch,
        "Welcome call",
    )));

    let mut theirs = base.clone();
    let their_stage = theirs.new_stage_id();
    theirs.stages.push(Stage::new(their_stage, "Repair"));
    let their_card = theirs.new_card_id();
    theirs.cards.push(Arc::new(Card::new(
        their_card,
        their_stage,
        touch,
        "Resole service",
    )));
    assert_eq!(
        (ours_stage.0, ours_card.0),
        (their_stage.0, their_card.0),
        "same new ids"
    );

    let merged = compare::merge(&base, &ours, &theirs);
    assert!(merged.is_clean(), "{:?}", merged.conflicts);
    assert_eq!(merged.renumbered.len(), 2, "{:?}", merged.renumbered);
    assert_eq!(merged.renumbered[0].0, Kind::Stage);
    let map = &merged.map;
    let names: Vec<&str> = map.stages.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(&names[6..], ["Onboarding", "Repair"]);
    let repair = stage_id(map, "Repair");
    assert_ne!(repair, ours_stage);
    let resole = map
        .cards
        .iter()
        .find(|c| c.title == "Resole service")
        .unwrap();
    assert_ne!(resole.id, ours_card);
    assert_eq!(
        resole.stage, repair,
        "their card follows their renumbered stage"
    );
    assert_eq!(map.card(ours_card).unwrap().title, "Welcome call");
    assert!(map.next_id > resole.id.0);
    assert_opens(map);
}

#[test]
fn a_reorder_on_one_side_and_edits_on_the_other_merge() {
    let base = sample_map();
    let order_email = id_of(&base, "Order confirmation email");
    let checkout = id_of(&base, "Checkout");
    let card = base.card(order_email).unwrap().clone();
    let mut ours = base.clone();
    Command::MoveCards {
        ids: vec![order_email],
        stage: card.stage,
        lane: card.lane,
        position: Some(0),
    }
    .apply(&mut ours)
    .unwrap();
    ours.stages.swap(4, 5);
    let mut theirs = base.clone();
    edit(&mut theirs, checkout, |c| {
        c.title = "Express checkout".into()
    });
    edit(&mut theirs, order_email, |c| c.owner = "Mail team".into());
    let gone = id_of(&base, "In-store purchase");
    theirs.cards.retain(|c| c.id != gone);

    let merged = compare::merge(&base, &ours, &theirs);
    assert!(merged.is_clean(), "{:?}", merged.conflicts);
    let map = &merged.map;
    let cell: Vec<&str> = map
        .cell_cards(card.stage, card.lane)
        .map(|c| c.title.as_str())
        .collect();
    assert_eq!(cell, ["Order confirmation email", "Express checkout"]);
    assert_eq!(map.card(order_email).unwrap().owner, "Mail team");
    assert_eq!(map.stages[4].name, "Advocacy");
    // Both orders agree with the merge in the other direction too.
    let other = compare::merge(&base, &theirs, &ours);
    assert!(other.is_clean());
    assert!(
        compare::diff(map, &other.map).is_empty(),
        "{}",
        to_text(&compare::diff(map, &other.map))
    );
}

#[test]
fn delete_against_edit_is_a_conflict_both_ways() {
    let base = sample_map();
    let id = id_of(&base, "Checkout");
    let mut edited = base.clone();
    edit(&mut edited, id, |c| c.metric = "Time to pay".into());
    let mut deleted = base.clone();
    deleted.cards.retain(|c| c.id != id);

    // We edited, they deleted: ours (the card) stays.
    let merged = compare::merge(&base, &edited, &deleted);
    assert_eq!(merged.conflicts.len(), 1);
    assert_eq!(merged.conflicts[0].theirs, Version::Deleted);
    assert_eq!(merged.map.card(id).unwrap().metric, "Time to pay");
    assert!(analyze(&merged.map).findings.iter().any(|f| f.message
        == "Merge conflict: card \"Checkout\" was changed in ours and deleted in theirs."));
    assert_opens(&merged.map);

    // We deleted, they edited: ours (no card) stays, theirs recorded.
    let merged = compare::merge(&base, &deleted, &edited);
    assert_eq!(merged.conflicts.len(), 1);
    assert_eq!(merged.conflicts[0].ours, Version::Deleted);
    assert!(merged.map.card(id).is_none());
    assert_opens(&merged.map);

    // A delete against no edit is clean.
    let merged = compare::merge(&base, &base, &deleted);
    assert!(merged.is_clean());
    assert!(merged.map.card(id).is_none());
}

#[test]
fn a_stage_deleted_on_one_side_stays_while_the_other_side_uses_it() {
    let base = sample_map();
    let purchase = stage_id(&base, "Purchase");
    let lane = base.lanes[0].id;
    let mut ours = base.clone();
    Command::DeleteStage(purchase).apply(&mut ours).unwrap();
    let mut theirs = base.clone();
    let id = theirs.new_card_id();
    theirs
        .cards
        .push(Arc::new(Card::new(id, purchase, lane, "Pay by invoice")));

    let merged = compare::merge(&base, &ours, &theirs);
    assert_opens(&merged.map);
    assert!(merged.map.card(id).is_some());
    assert!(merged.map.stage(purchase).is_some());
    let conflict = merged
        .conflicts
        .iter()
        .find(|c| c.subject == Subject::Stage(purchase))
        .expect("stage conflict");
    assert_eq!(conflict.ours, Version::Deleted);
}

#[test]
fn reorders_that_differ_are_a_conflict_and_ours_wins() {
    let base = sample_map();
    let mut ours = base.clone();
    ours.stages.swap(0, 1);
    let mut theirs = base.clone();
    theirs.stages.swap(1, 2);
    let merged = compare::merge(&base, &ours, &theirs);
    assert_eq!(merged.conflicts.len(), 1);
    assert_eq!(merged.conflicts[0].subject, Subject::StageOrder);
    assert_eq!(merged.map.stages, ours.stages);
}

#[test]
fn map_title_conflict_and_clean_description_change() {
    let base = sample_map();
    let mut ours = base.clone();
    ours.title = "Ours".into();
    let mut theirs = base.clone();
    theirs.title = "Theirs".into();
    theirs.description = "New description".into();
    let merged = compare::merge(&base, &ours, &theirs);
    assert_eq!(merged.conflicts.len(), 1);
    assert_eq!(
        (
            merged.conflicts[0].subject,
            merged.conflicts[0].field.as_str()
        ),
        (Subject::Map, "title")
    );
    assert_eq!(merged.map.title, "Ours");
    assert_eq!(merged.map.description, "New description");
    let analysis = analyze(&merged.map);
    let message = &analysis
        .findings
        .iter()
        .find(|f| f.rule == Rule::MergeConflict)
        .unwrap()
        .message;
    assert_eq!(
        message,
        "Merge conflict: the map: title is \"Ours\" in ours and \"Theirs\" in theirs."
    );
}

#[test]
fn taking_theirs_is_an_undoable_command_and_keeping_ours_drops_the_record() {
    let base = sample_map();
    let id = id_of(&base, "Checkout");
    let mut ours = base.clone();
    edit(&mut ours, id, |c| c.title = "Pay now".into());
    let mut theirs = base.clone();
    edit(&mut theirs, id, |c| c.title = "Checkout v2".into());
    let merged = compare::merge(&base, &ours, &theirs).map;
    let conflict = Box::new(merged.conflicts[0].clone());

    let mut doc = Document::new(merged.clone());
    doc.apply(Command::ResolveConflict {
        conflict: conflict.clone(),
        choice: Choice::Theirs,
    })
    .expect("resolves");
    assert_eq!(doc.map().card(id).unwrap().title, "Checkout v2");
    assert!(doc.map().conflicts.is_empty());
    assert!(
        !analyze(doc.map())
            .findings
            .iter()
            .any(|f| f.rule == Rule::MergeConflict)
    );
    assert!(doc.undo());
    assert_eq!(doc.map(), &merged);

    doc.apply(Command::ResolveConflict {
        conflict: conflict.clone(),
        choice: Choice::Ours,
    })
    .expect("resolves");
    assert_eq!(doc.map().card(id).unwrap().title, "Pay now");
    assert!(doc.map().conflicts.is_empty());
    // The conflict is gone now: resolving it again is an error, and changes nothing.
    let before = doc.map().clone();
    assert!(
        doc.apply(Command::ResolveConflict {
            conflict,
            choice: Choice::Theirs
        })
        .is_err()
    );
    assert_eq!(doc.map(), &before);
}

#[test]
fn taking_theirs_restores_a_card_we_deleted_and_deletes_one_they_deleted() {
    let base = sample_map();
    let id = id_of(&base, "Checkout");
    let mut edited = base.clone();
    edit(&mut edited, id, |c| c.metric = "Time to pay".into());
    let mut deleted = base.clone();
    deleted.cards.retain(|c| c.id != id);

    let mut map = compare::merge(&base, &deleted, &edited).map;
    let conflict = map.conflicts[0].clone();
    compare::resolve(&mut map, &conflict, Choice::Theirs).unwrap();
    assert_eq!(map.card(id).unwrap().metric, "Time to pay");
    map.validate().unwrap();

    let mut map = compare::merge(&base, &edited, &deleted).map;
    let conflict = map.conflicts[0].clone();
    compare::resolve(&mut map, &conflict, Choice::Theirs).unwrap();
    assert!(map.card(id).is_none());
    assert!(map.conflicts.is_empty());
}

/// Links merge as a set of pairs: both sides' new links are kept, theirs
/// following their renumbered cards; a link one side removed goes; and a
/// link to a card the other side deleted goes with the card.
#[test]
fn links_from_both_sides_merge_and_follow_renumbered_cards() {
    use waymark::model::Link;
    let base = sample_map();
    let (a, b, c) = (
        id_of(&base, "Checkout"),
        id_of(&base, "Order confirmation email"),
        id_of(&base, "Friend's recommendation"),
    );
    let mut base_linked = base.clone();
    base_linked.links.push(Link::new(c, b));
    let touch = base.lanes[0].id;
    let stage = base.stages[0].id;
    let mut ours = base_linked.clone();
    ours.links.push(Link::new(a, b));
    let ours_card = ours.new_card_id();
    ours.cards
        .push(Arc::new(Card::new(ours_card, stage, touch, "Ours")));
    let mut theirs = base_linked.clone();
    theirs.links.clear(); // theirs removed c → b
    let their_card = theirs.new_card_id();
    theirs
        .cards
        .push(Arc::new(Card::new(their_card, stage, touch, "Theirs")));
    theirs.links.push(Link::new(their_card, a));
    assert_eq!(ours_card, their_card, "same new id");
    let merged = compare::merge(&base_linked, &ours, &theirs);
    assert!(merged.is_clean(), "{:?}", merged.conflicts);
    let map = &merged.map;
    let renumbered = map.cards.iter().find(|c| c.title == "Theirs").unwrap().id;
    assert_ne!(renumbered, ours_card);
    assert_eq!(map.links, [Link::new(a, b), Link::new(renumbered, a)]);
    assert_opens(map);
    // Theirs deleting a linked card drops our link to it.
    let mut theirs = base.clone();
    theirs.cards.retain(|card| card.id != b);
    let mut ours = base.clone();
    ours.links.push(Link::new(a, b));
    let merged = compare::merge(&base, &ours, &theirs);
    assert!(merged.map.links.is_empty());
    assert_opens(&merged.map);
}
