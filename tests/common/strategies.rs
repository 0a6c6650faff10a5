//! proptest strategies for maps and for edit sequences, shared by the
//! property tests (`tests/prop_*.rs` include this file by path).
//!
//! [`arb_map`] makes valid maps. Its [`Profile`] says which file form the
//! map must survive: `Ron` maps use any text at all; `Csv` and `Mermaid`
//! maps keep to what those forms carry (trimmed names, names unique the
//! way the reader matches them, channels that read back as themselves), so
//! a round trip can be compared field by field.
//!
//! [`arb_ops`] makes edit sequences as [`Op`]s: intents that pick their
//! targets by position in the map as it is when they run, so most of them
//! become valid [`Command`]s.

#![allow(dead_code)]

use std::collections::HashSet;
use std::sync::Arc;

use proptest::prelude::*;
use waymark::edit::Command;
use waymark::model::{
    Card, Channel, Dismissal, Emotion, Lane, LaneKind, Map, Medium, Persona, Stage, StageRole,
};

/// Which file form a generated map must survive.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Profile {
    /// Any text, any lane kinds and names, empty names, dismissals.
    Ron,
    /// What a CSV card list carries.
    Csv,
    /// What a Mermaid journey carries.
    Mermaid,
}

/// Text of any kind: printable ASCII, characters the formats reserve,
/// control characters, and any Unicode.
pub fn any_text() -> BoxedStrategy<String> {
    prop_oneof![
        3 => "[ -~]{0,12}",
        2 => "[\t\r\n \"'#%:;,<>{}=+@()\\-\u{0}\u{1b}\u{a0}\u{2028}é😀a-c]{0,10}",
        1 => any::<String>(),
    ]
    .boxed()
}

/// A trimmed, non-empty text of printable characters, with the ones the
/// formats reserve or quote (`,` `;` `:` `#` `%` `"` `<` `{` `=` …).
pub fn plain_text() -> BoxedStrategy<String> {
    "[a-zA-Z0-9 ,;:#%&<>{}()\"'=+@!?*/é😀-]{1,12}"
        .prop_map(|s| {
            let t = s.trim();
            if t.is_empty() {
                "x".to_owned()
            } else {
                t.to_owned()
            }
        })
        .boxed()
}

/// Plain text that may start with a tab or a carriage return: characters
/// a spreadsheet would take for the start of a formula.
fn formula_text() -> BoxedStrategy<String> {
    (plain_text(), 0..8u8)
        .prop_map(|(text, lead)| match lead {
            0 => format!("\t{text}"),
            1 => format!("\r{text}"),
            2 => format!("'{text}"),
            3 => format!("''={text}"),
            _ => text,
        })
        .boxed()
}

/// Plain text whose lines are joined by `\n`.
fn lines_text() -> BoxedStrategy<String> {
    prop::collection::vec(plain_text(), 1..4)
        .prop_map(|lines| lines.join("\n"))
        .boxed()
}

/// The parts of a card before it is placed on a map.
#[derive(Clone, Debug)]
struct CardPart {
    stage: usize,
    lane: usize,
    title: String,
    notes: String,
    channel: (usize, String),
    physical: bool,
    owner: String,
    metric: String,
    emotion: Option<(i32, String)>,
    personas: Vec<usize>,
}

/// A stage before its id: name, goal, focus, emotion, role.
type StagePart = (String, String, String, Option<(i32, String)>, Option<usize>);

/// The parts of a map before ids are handed out.
#[derive(Clone, Debug)]
struct MapParts {
    title: String,
    description: String,
    personas: Vec<(String, String)>,
    stages: Vec<StagePart>,
    lanes: Vec<(usize, String)>,
    cards: Vec<CardPart>,
    dismissals: Vec<(String, String, String)>,
    id_gap: u64,
}

/// The text strategies of a profile: (names, one-line text, free text,
/// notes, persona names, multi-line names).
fn texts(profile: Profile) -> [BoxedStrategy<String>; 6] {
    match profile {
        Profile::Ron => std::array::from_fn(|_| any_text()),
        Profile::Csv => [
            formula_text(),
            formula_text(),
            prop_oneof![Just(String::new()), formula_text()].boxed(),
            any_text(),
            plain_text(),
            formula_text(),
        ],
        Profile::Mermaid => [
            plain_text(),
            plain_text(),
            any_text(),
            any_text(),
            plain_text(),
            prop_oneof![plain_text(), lines_text()].boxed(),
        ],
    }
}

fn emotion_part(word: BoxedStrategy<String>) -> BoxedStrategy<Option<(i32, String)>> {
    prop::option::of((-2i32..=2, word)).boxed()
}

fn map_parts(profile: Profile) -> BoxedStrategy<MapParts> {
    let [name, line, free, notes, persona, multi] = texts(profile);
    let description = match profile {
        Profile::Mermaid => prop_oneof![Just(String::new()), plain_text(), lines_text()].boxed(),
        _ => notes.clone(),
    };
    let card = (
        (0usize..64, 0usize..64, multi.clone(), notes.clone()),
        (
            (0usize..12, name.clone()),
            any::<bool>(),
            free.clone(),
            free.clone(),
        ),
        emotion_part(free.clone()),
        prop::collection::vec(0usize..64, 0..4),
    )
        .prop_map(
            |(
                (stage, lane, title, notes),
                (channel, physical, owner, metric),
                emotion,
                personas,
            )| {
                CardPart {
                    stage,
                    lane,
                    title,
                    notes,
                    channel,
                    physical,
                    owner,
                    metric,
                    emotion,
                    personas,
                }
            },
        );
    let stage = (
        multi.clone(),
        free.clone(),
        free.clone(),
        emotion_part(free.clone()),
        prop::option::of(0usize..6),
    );
    (
        (line.clone(), description),
        prop::collection::vec((persona, free.clone()), 0..4),
        prop::collection::vec(stage, 0..5),
        prop::collection::vec((0usize..6, name.clone()), 0..5),
        prop::collection::vec(card, 0..12),
        prop::collection::vec((free.clone(), free.clone(), free), 0..3),
        prop_oneof![4 => Just(0u64), 1 => 0u64..1000],
    )
        .prop_map(
            |((title, description), personas, stages, lanes, cards, dismissals, id_gap)| MapParts {
                title,
                description,
                personas,
                stages,
                lanes,
                cards,
                dismissals,
                id_gap,
            },
        )
        .boxed()
}

/// Valid maps that survive the file form of `profile`.
pub fn arb_map(profile: Profile) -> BoxedStrategy<Map> {
    map_parts(profile)
        .prop_map(move |parts| build(parts, profile))
        .boxed()
}

/// The key a reader of `profile` matches names by.
fn name_key(profile: Profile, name: &str) -> String {
    match profile {
        Profile::Csv => name.trim().to_ascii_lowercase(),
        Profile::Mermaid | Profile::Ron => name.to_owned(),
    }
}

/// `name`, or `name 2`, `name 3`, … : the first not yet in `seen`.
fn unique(profile: Profile, seen: &mut HashSet<String>, name: String) -> String {
    let mut candidate = name.clone();
    let mut n = 1;
    while !seen.insert(name_key(profile, &candidate)) {
        n += 1;
        candidate = format!("{name} {n}");
    }
    candidate
}

fn build(parts: MapParts, profile: Profile) -> Map {
    let carried = profile != Profile::Ron;
    let mut map = Map::new(&parts.title);
    map.description = parts.description;
    let mut seen = HashSet::new();
    for (name, description) in parts.personas {
        let name = if profile == Profile::Csv {
            name.replace(';', ",")
        } else {
            name
        };
        let name = if carried {
            unique(profile, &mut seen, name)
        } else {
            name
        };
        let id = map.new_persona_id();
        map.personas.push(Persona {
            id,
            name,
            description,
        });
    }
    let mut seen = HashSet::new();
    for (name, goal, focus, emotion, role) in parts.stages {
        let name = if carried {
            unique(profile, &mut seen, name)
        } else {
            name
        };
        let id = map.new_stage_id();
        let mut stage = Stage::new(id, &name);
        stage.goal = goal;
        stage.focus = focus;
        stage.emotion = emotion.map(|(score, word)| Emotion::new(score, &word));
        stage.role = role.map(|r| StageRole::ALL[r]);
        map.stages.push(stage);
    }
    build_lanes(&mut map, parts.lanes, profile);
    for part in parts.cards {
        if map.stages.is_empty() || map.lanes.is_empty() {
            break;
        }
        let stage = map.stages[part.stage % map.stages.len()].id;
        let lane = map.lanes[part.lane % map.lanes.len()].id;
        let id = map.new_card_id();
        let mut card = Card::new(id, stage, lane, &part.title);
        card.notes = part.notes;
        card.channel = channel(part.channel, carried);
        card.medium = if part.physical {
            Medium::Physical
        } else {
            Medium::Digital
        };
        card.owner = part.owner;
        card.metric = part.metric;
        card.emotion = part.emotion.map(|(score, word)| Emotion::new(score, &word));
        for p in part.personas {
            if map.personas.is_empty() {
                break;
            }
            let persona = map.personas[p % map.personas.len()].id;
            if !card.personas.contains(&persona) {
                card.personas.push(persona);
            }
        }
        map.cards.push(Arc::new(card));
    }
    if !carried {
        for (rule, place, reason) in parts.dismissals {
            map.dismissals.push(Dismissal {
                rule,
                place,
                reason,
            });
        }
    }
    map.next_id += parts.id_gap;
    map
}

/// Lanes: for RON any kind with any name; for the other forms the usual
/// kinds named as usual, first and in their usual order, then custom lanes
/// whose names are no usual kind's.
fn build_lanes(map: &mut Map, lanes: Vec<(usize, String)>, profile: Profile) {
    if profile == Profile::Ron {
        for (kind, name) in lanes {
            let id = map.new_lane_id();
            let kind = LaneKind::BUILT_IN
                .get(kind)
                .cloned()
                .unwrap_or_else(|| LaneKind::Custom(name.clone()));
            let mut lane = Lane::new(id, kind);
            lane.name = name;
            map.lanes.push(lane);
        }
        return;
    }
    let mut kinds: Vec<usize> = lanes.iter().map(|(k, _)| *k).filter(|&k| k < 5).collect();
    kinds.sort_unstable();
    kinds.dedup();
    let mut seen = HashSet::new();
    for kind in kinds {
        let id = map.new_lane_id();
        let lane = Lane::new(id, LaneKind::BUILT_IN[kind].clone());
        seen.insert(name_key(profile, &lane.name));
        map.lanes.push(lane);
    }
    for (_, name) in lanes.into_iter().filter(|(k, _)| *k >= 5) {
        let name = name.replace(['\n', '\r', '\t'], " ").trim().to_owned();
        let usual = LaneKind::BUILT_IN
            .iter()
            .any(|k| k.label().eq_ignore_ascii_case(&name));
        let name = if name.is_empty() || usual {
            format!("Lane {name}")
        } else {
            name
        };
        let name = unique(profile, &mut seen, name);
        let id = map.new_lane_id();
        let mut lane = Lane::new(id, LaneKind::Custom(name.clone()));
        lane.name = name;
        map.lanes.push(lane);
    }
}

/// A built-in channel, or a custom one; for the text forms, a custom name
/// that reads back as the same custom channel.
fn channel((index, name): (usize, String), carried: bool) -> Channel {
    if let Some(channel) = Channel::BUILT_IN.get(index) {
        return channel.clone();
    }
    if !carried {
        return Channel::Custom(name);
    }
    let name = name.trim().to_owned();
    if Channel::parse(&name) == Channel::Custom(name.clone()) {
        Channel::Custom(name)
    } else {
        Channel::Custom(format!("Custom {name}"))
    }
}

/// An edit intent: picks its targets by position (modulo the length of
/// the list it picks from) when it runs, so it fits any map.
#[derive(Clone, Debug)]
pub enum Op {
    SetTitle(String),
    SetDescription(String),
    AddStage(usize, String),
    UpdateStage(usize, String, String, Option<i32>),
    DeleteStage(usize),
    MoveStage(usize, usize),
    AddLane(usize, usize, String),
    UpdateLane(usize, String),
    DeleteLane(usize),
    MoveLane(usize, usize),
    AddPersona(String),
    UpdatePersona(usize, String, String),
    DeletePersona(usize),
    AddCard(usize, usize, Option<usize>, String, Vec<usize>),
    UpdateCard(usize, String, String, usize, usize),
    DeleteCards(Vec<usize>),
    MoveCards(Vec<usize>, usize, usize, Option<usize>),
    SetEmotion(Vec<usize>, Option<i32>),
    Dismiss(String, String),
    Undismiss(usize),
    Batch(Vec<Op>),
}

fn leaf_op() -> BoxedStrategy<Op> {
    let text = any_text;
    let n = || 0usize..16;
    prop_oneof![
        text().prop_map(Op::SetTitle),
        text().prop_map(Op::SetDescription),
        (n(), text()).prop_map(|(i, t)| Op::AddStage(i, t)),
        (n(), text(), text(), prop::option::of(-2i32..=2))
            .prop_map(|(i, a, b, e)| Op::UpdateStage(i, a, b, e)),
        n().prop_map(Op::DeleteStage),
        (n(), n()).prop_map(|(a, b)| Op::MoveStage(a, b)),
        (n(), 0usize..6, text()).prop_map(|(i, k, t)| Op::AddLane(i, k, t)),
        (n(), text()).prop_map(|(i, t)| Op::UpdateLane(i, t)),
        n().prop_map(Op::DeleteLane),
        (n(), n()).prop_map(|(a, b)| Op::MoveLane(a, b)),
        text().prop_map(Op::AddPersona),
        (n(), text(), text()).prop_map(|(i, a, b)| Op::UpdatePersona(i, a, b)),
        n().prop_map(Op::DeletePersona),
        (
            n(),
            n(),
            prop::option::of(n()),
            text(),
            prop::collection::vec(n(), 0..3)
        )
            .prop_map(|(s, l, p, t, ps)| Op::AddCard(s, l, p, t, ps)),
        (n(), text(), text(), n(), n()).prop_map(|(i, a, b, s, l)| Op::UpdateCard(i, a, b, s, l)),
        prop::collection::vec(n(), 1..3).prop_map(Op::DeleteCards),
        (
            prop::collection::vec(n(), 1..3),
            n(),
            n(),
            prop::option::of(n())
        )
            .prop_map(|(ids, s, l, p)| Op::MoveCards(ids, s, l, p)),
        (
            prop::collection::vec(n(), 1..3),
            prop::option::of(-2i32..=2)
        )
            .prop_map(|(ids, e)| Op::SetEmotion(ids, e)),
        (text(), text()).prop_map(|(r, p)| Op::Dismiss(r, p)),
        n().prop_map(Op::Undismiss),
    ]
    .boxed()
}

/// Edit sequences of up to `max` steps; some steps are batches.
pub fn arb_ops(max: usize) -> BoxedStrategy<Vec<Op>> {
    let op = prop_oneof![
        6 => leaf_op(),
        1 => prop::collection::vec(leaf_op(), 1..4).prop_map(Op::Batch),
    ];
    prop::collection::vec(op, 0..max).boxed()
}

/// The id the map hands out next, for commands built before they are
/// applied (as the editor builds them).
fn next_free(map: &Map) -> u64 {
    map.next_id.max(1)
}

/// The item at `i` modulo the length, if there is any.
fn pick<T>(items: &[T], i: usize) -> Option<&T> {
    (!items.is_empty()).then(|| &items[i % items.len()])
}

impl Op {
    /// The command this intent means on `map`, or `None` when the map has
    /// nothing for it to act on. Ids of new items are the
    /// map's next free id.
    pub fn command(&self, map: &Map) -> Option<Command> {
        let cards: Vec<&Card> = map.cards.iter().map(|c| &**c).collect();
        let card_ids = |picks: &[usize]| -> Option<Vec<_>> {
            let mut seen = HashSet::new();
            let ids: Vec<_> = picks
                .iter()
                .filter_map(|&i| pick(&cards, i))
                .map(|c| c.id)
                .filter(|id| seen.insert(*id))
                .collect();
            (!ids.is_empty()).then_some(ids)
        };
        Some(match self {
            Op::SetTitle(t) => Command::SetTitle(t.clone()),
            Op::SetDescription(t) => Command::SetDescription(t.clone()),
            Op::AddStage(index, name) => Command::AddStage {
                index: *index,
                stage: Stage::new(waymark::model::StageId(0), name),
            },
            Op::UpdateStage(i, name, goal, emotion) => {
                let mut stage = pick(&map.stages, *i)?.clone();
                stage.name = name.clone();
                stage.goal = goal.clone();
                stage.emotion = emotion.map(|e| Emotion::new(e, ""));
                Command::UpdateStage(stage)
            }
            Op::DeleteStage(i) => Command::DeleteStage(pick(&map.stages, *i)?.id),
            Op::MoveStage(i, to) => Command::MoveStage {
                id: pick(&map.stages, *i)?.id,
                to: *to,
            },
            Op::AddLane(index, kind, name) => {
                let kind = LaneKind::BUILT_IN
                    .get(*kind)
                    .cloned()
                    .unwrap_or_else(|| LaneKind::Custom(name.clone()));
                Command::AddLane {
                    index: *index,
                    lane: Lane::new(waymark::model::LaneId(0), kind),
                }
            }
            Op::UpdateLane(i, name) => {
                let mut lane = pick(&map.lanes, *i)?.clone();
                lane.name = name.clone();
                Command::UpdateLane(lane)
            }
            Op::DeleteLane(i) => Command::DeleteLane(pick(&map.lanes, *i)?.id),
            Op::MoveLane(i, to) => Command::MoveLane {
                id: pick(&map.lanes, *i)?.id,
                to: *to,
            },
            Op::AddPersona(name) => Command::AddPersona(Persona {
                id: waymark::model::PersonaId(0),
                name: name.clone(),
                description: String::new(),
            }),
            Op::UpdatePersona(i, name, description) => {
                let mut persona = pick(&map.personas, *i)?.clone();
                persona.name = name.clone();
                persona.description = description.clone();
                Command::UpdatePersona(persona)
            }
            Op::DeletePersona(i) => Command::DeletePersona(pick(&map.personas, *i)?.id),
            Op::AddCard(s, l, position, title, personas) => {
                let stage = pick(&map.stages, *s)?.id;
                let lane = pick(&map.lanes, *l)?.id;
                let mut card = Card::new(waymark::model::CardId(0), stage, lane, title);
                for &p in personas {
                    if let Some(persona) = pick(&map.personas, p)
                        && !card.personas.contains(&persona.id)
                    {
                        card.personas.push(persona.id);
                    }
                }
                Command::AddCard {
                    card,
                    position: *position,
                }
            }
            Op::UpdateCard(i, title, notes, s, l) => {
                let mut card = (*pick(&cards, *i)?).clone();
                card.title = title.clone();
                card.notes = notes.clone();
                card.stage = pick(&map.stages, *s)?.id;
                card.lane = pick(&map.lanes, *l)?.id;
                Command::UpdateCard(card)
            }
            Op::DeleteCards(picks) => Command::DeleteCards(card_ids(picks)?),
            Op::MoveCards(picks, s, l, position) => Command::MoveCards {
                ids: card_ids(picks)?,
                stage: pick(&map.stages, *s)?.id,
                lane: pick(&map.lanes, *l)?.id,
                position: *position,
            },
            Op::SetEmotion(picks, emotion) => Command::SetEmotion {
                ids: card_ids(picks)?,
                emotion: emotion.map(|e| Emotion::new(e, "felt")),
            },
            Op::Dismiss(rule, place) => Command::Dismiss(Dismissal {
                rule: rule.clone(),
                place: place.clone(),
                reason: String::new(),
            }),
            Op::Undismiss(i) => {
                let d = pick(&map.dismissals, *i)?;
                Command::Undismiss {
                    rule: d.rule.clone(),
                    place: d.place.clone(),
                }
            }
            Op::Batch(ops) => {
                // Each step is built on the map as the steps before it
                // leave it, as the editor builds a batch.
                let mut scratch = map.clone();
                let mut commands = Vec::new();
                for op in ops {
                    if let Some(command) = op.command(&scratch)
                        && command.apply(&mut scratch).is_ok()
                    {
                        commands.push(command);
                    }
                }
                (!commands.is_empty()).then_some(Command::Batch(commands))?
            }
        })
    }
}
