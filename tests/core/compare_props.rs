//! Properties of diff and merge over random edits of the sample map:
//! merging with an unchanged side gives the other side back, a map has no
//! diff with itself, a diff replays as a patch, and any merge opens.

use std::sync::Arc;

use proptest::prelude::*;
use waymark::compare::{self, text::to_text};
use waymark::edit::Command;
use waymark::interchange::sample::sample_map;
use waymark::model::{Card, Dismissal, Emotion, Map, Persona, Stage};

/// One random edit; the numbers pick items modulo what the map has.
#[derive(Clone, Debug)]
enum Op {
    Title(u8, u8),
    Emotion(u8, i8),
    Move(u8, u8, u8, u8),
    Add(u8, u8, u8, u8),
    Delete(u8),
    AddStage(u8, u8),
    DeleteStage(u8),
    MoveStage(u8, u8),
    RenameStage(u8, u8),
    AddPersona(u8),
    DeletePersona(u8),
    Tag(u8, u8),
    MapTitle(u8),
    Dismiss(u8),
}

const WORDS: [&str; 6] = [
    "Checkout",
    "Survey",
    "Store visit",
    "Chat",
    "Refund",
    "Welcome mail",
];

fn word(n: u8) -> &'static str {
    WORDS[n as usize % WORDS.len()]
}

fn op() -> impl Strategy<Value = Op> {
    let b = any::<u8>;
    prop_oneof![
        4 => (b(), b()).prop_map(|(c, w)| Op::Title(c, w)),
        3 => (b(), -2i8..=2).prop_map(|(c, s)| Op::Emotion(c, s)),
        3 => (b(), b(), b(), b()).prop_map(|(c, s, l, p)| Op::Move(c, s, l, p)),
        3 => (b(), b(), b(), b()).prop_map(|(s, l, p, w)| Op::Add(s, l, p, w)),
        2 => b().prop_map(Op::Delete),
        1 => (b(), b()).prop_map(|(p, w)| Op::AddStage(p, w)),
        1 => b().prop_map(Op::DeleteStage),
        1 => (b(), b()).prop_map(|(s, to)| Op::MoveStage(s, to)),
        1 => (b(), b()).prop_map(|(s, w)| Op::RenameStage(s, w)),
        1 => b().prop_map(Op::AddPersona),
        1 => b().prop_map(Op::DeletePersona),
        1 => (b(), b()).prop_map(|(c, p)| Op::Tag(c, p)),
        1 => b().prop_map(Op::MapTitle),
        1 => b().prop_map(Op::Dismiss),
    ]
}

fn pick<T>(items: &[T], n: u8) -> Option<&T> {
    (!items.is_empty()).then(|| &items[n as usize % items.len()])
}

/// The edit as the editor would make it, through a command.
fn edit(map: &mut Map, op: &Op) {
    let card = |map: &Map, n: u8| pick(&map.cards, n).map(|c| (**c).clone());
    let command = match *op {
        Op::Title(c, w) => card(map, c).map(|mut c| {
            c.title = format!("{} {}", word(w), c.id);
            Command::UpdateCard(c)
        }),
        Op::Emotion(c, s) => card(map, c).map(|c| Command::SetEmotion {
            ids: vec![c.id],
            emotion: Some(Emotion::new(s as i32, "felt")),
        }),
        Op::Move(c, s, l, p) => match (card(map, c), pick(&map.stages, s), pick(&map.lanes, l)) {
            (Some(c), Some(s), Some(l)) => Some(Command::MoveCards {
                ids: vec![c.id],
                stage: s.id,
                lane: l.id,
                position: Some(p as usize % 4),
            }),
            _ => None,
        },
        Op::Add(s, l, p, w) => match (pick(&map.stages, s), pick(&map.lanes, l)) {
            (Some(s), Some(l)) => {
                let (s, l) = (s.id, l.id);
                let id = map.new_card_id();
                Some(Command::AddCard {
                    card: Card::new(id, s, l, word(w)),
                    position: Some(p as usize % 4),
                })
            }
            _ => None,
        },
        Op::Delete(c) => card(map, c).map(|c| Command::DeleteCards(vec![c.id])),
        Op::AddStage(p, w) => {
            let id = map.new_stage_id();
            Some(Command::AddStage {
                index: p as usize % 8,
                stage: Stage::new(id, word(w)),
            })
        }
        Op::DeleteStage(s) => pick(&map.stages, s).map(|s| Command::DeleteStage(s.id)),
        Op::MoveStage(s, to) => pick(&map.stages, s).map(|s| Command::MoveStage {
            id: s.id,
            to: to as usize % 8,
        }),
        Op::RenameStage(s, w) => pick(&map.stages, s).map(|s| {
            let mut s = s.clone();
            s.name = word(w).to_owned();
            Command::UpdateStage(s)
        }),
        Op::AddPersona(w) => {
            let id = map.new_persona_id();
            Some(Command::AddPersona(Persona {
                id,
                name: word(w).to_owned(),
                description: String::new(),
            }))
        }
        Op::DeletePersona(p) => pick(&map.personas, p).map(|p| Command::DeletePersona(p.id)),
        Op::Tag(c, p) => match (card(map, c), pick(&map.personas, p)) {
            (Some(mut c), Some(p)) => {
                c.personas = vec![p.id];
                Some(Command::UpdateCard(c))
            }
            _ => None,
        },
        Op::MapTitle(w) => Some(Command::SetTitle(word(w).to_owned())),
        Op::Dismiss(n) => Some(Command::Dismiss(Dismissal {
            rule: "missing-owner".into(),
            place: format!("card:{n}"),
            reason: String::new(),
        })),
    };
    if let Some(command) = command {
        command.apply(map).expect("a well-formed edit applies");
    }
}

fn edited(ops: &[Op]) -> Map {
    let mut map = sample_map();
    for op in ops {
        edit(&mut map, op);
    }
    map
}

/// Cards grouped by cell in stage and lane order, as merged files hold them.
fn grouped(mut map: Map) -> Map {
    let key = |m: &Map, c: &Arc<Card>| (m.stage_index(c.stage), m.lane_index(c.lane));
    let keys: Vec<_> = map.cards.iter().map(|c| key(&map, c)).collect();
    let mut pairs: Vec<_> = keys
        .into_iter()
        .zip(std::mem::take(&mut map.cards))
        .collect();
    pairs.sort_by_key(|(k, _)| *k);
    map.cards = pairs.into_iter().map(|(_, c)| c).collect();
    map
}

/// Equal maps, or a failure that prints what differs.
fn assert_same(actual: &Map, expected: &Map) -> Result<(), TestCaseError> {
    let d = compare::diff(expected, actual);
    prop_assert!(d.is_empty(), "differs: {}", to_text(&d));
    prop_assert_eq!(actual, expected);
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    #[test]
    fn merging_with_an_unchanged_theirs_gives_ours(ops in prop::collection::vec(op(), 0..20)) {
        let base = sample_map();
        let x = edited(&ops);
        let merged = compare::merge(&base, &x, &base);
        prop_assert!(merged.is_clean(), "{:?}", merged.conflicts);
        assert_same(&merged.map, &grouped(x))?;
    }

    #[test]
    fn merging_with_an_unchanged_ours_gives_theirs(ops in prop::collection::vec(op(), 0..20)) {
        let base = sample_map();
        let y = edited(&ops);
        let merged = compare::merge(&base, &base, &y);
        prop_assert!(merged.is_clean(), "{:?}", merged.conflicts);
        assert_same(&merged.map, &grouped(y))?;
    }

    #[test]
    fn a_map_has_no_diff_with_itself(ops in prop::collection::vec(op(), 0..20)) {
        let x = edited(&ops);
        prop_assert!(compare::diff(&x, &x.clone()).is_empty());
    }

    #[test]
    fn applying_the_diff_of_a_and_b_to_a_gives_b(
        a_ops in prop::collection::vec(op(), 0..12),
        b_ops in prop::collection::vec(op(), 0..12),
    ) {
        let a = edited(&a_ops);
        let mut b = a.clone();
        for op in &b_ops {
            edit(&mut b, op);
        }
        let mut applied = compare::apply(&a, &compare::diff(&a, &b));
        let mut expected = grouped(b);
        // The id counter is bookkeeping, not content; the diff leaves it out.
        applied.next_id = 0;
        expected.next_id = 0;
        assert_same(&applied, &expected)?;
    }

    #[test]
    fn any_merge_gives_a_valid_map_that_opens(
        x_ops in prop::collection::vec(op(), 0..15),
        y_ops in prop::collection::vec(op(), 0..15),
    ) {
        let base = sample_map();
        let (x, y) = (edited(&x_ops), edited(&y_ops));
        let merged = compare::merge(&base, &x, &y);
        prop_assert!(merged.map.validate().is_ok(), "{:?}", merged.map.validate());
        let text = waymark::format::to_string(&merged.map);
        let back = waymark::format::from_str(&text, "merged.ron");
        prop_assert!(back.is_ok(), "{:?}", back.err());
        // Every recorded conflict is described and can be settled either way.
        // Taking theirs may be refused (their card's stage may be gone),
        // but never leaves an invalid map.
        for conflict in &merged.map.conflicts {
            let mut map = merged.map.clone();
            compare::resolve(&mut map, conflict, compare::Choice::Ours).expect("keep ours");
            prop_assert_eq!(map.conflicts.len(), merged.map.conflicts.len() - 1);
            let mut map = merged.map.clone();
            if compare::resolve(&mut map, conflict, compare::Choice::Theirs).is_ok() {
                prop_assert!(map.validate().is_ok());
            } else {
                prop_assert_eq!(&map, &merged.map);
            }
            prop_assert!(!compare::describe(&merged.map, conflict).is_empty());
        }
    }
}
