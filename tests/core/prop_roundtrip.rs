//! Property tests: random maps survive the file forms. RON keeps every
//! field; CSV and Mermaid keep what they carry (see the module docs of
//! `interchange::csv` and `interchange::mermaid`), compared field by field.

use crate::common::strategies;

use std::collections::BTreeMap;

use proptest::prelude::*;
use strategies::{Profile, arb_map};
use waymark::format;
use waymark::interchange::{csv, mermaid};
use waymark::model::{Card, Channel, Emotion, Map, Medium};

/// What CSV carries of a card.
type CsvCard = (
    String,
    String,
    Channel,
    Medium,
    String,
    String,
    Option<Emotion>,
    Vec<String>,
);

/// What Mermaid carries of a card: title, score (none comes back
/// neutral), persona names.
type MermaidCard = (String, i8, Vec<String>);

/// Per stage (in order), the cards of each lane (by name), in cell order.
type ByCell<T> = Vec<(String, BTreeMap<String, Vec<T>>)>;

fn persona_names(map: &Map, card: &Card) -> Vec<String> {
    card.personas
        .iter()
        .filter_map(|p| map.persona(*p))
        .map(|p| p.name.clone())
        .collect()
}

/// The cards of a map by stage and lane name. Lane order is not compared:
/// the readers put the usual lanes first.
fn by_cell<T>(map: &Map, all_stages: bool, fact: impl Fn(&Card) -> T) -> ByCell<T> {
    let mut out = Vec::new();
    for stage in &map.stages {
        let mut lanes: BTreeMap<String, Vec<T>> = BTreeMap::new();
        for lane in &map.lanes {
            let cards: Vec<T> = map.cell_cards(stage.id, lane.id).map(&fact).collect();
            if !cards.is_empty() {
                lanes.insert(lane.name.clone(), cards);
            }
        }
        if all_stages || !lanes.is_empty() {
            out.push((stage.name.clone(), lanes));
        }
    }
    out
}

fn csv_view(map: &Map) -> ByCell<CsvCard> {
    by_cell(map, false, |card| {
        (
            card.title.clone(),
            card.notes.clone(),
            card.channel.clone(),
            card.medium,
            card.owner.clone(),
            card.metric.clone(),
            card.emotion.clone(),
            persona_names(map, card),
        )
    })
}

fn mermaid_view(map: &Map) -> (String, String, ByCell<MermaidCard>) {
    let cards = by_cell(map, true, |card| {
        (
            card.title.clone(),
            card.emotion.as_ref().map_or(0, |e| e.score.value()),
            persona_names(map, card),
        )
    });
    (map.title.clone(), map.description.clone(), cards)
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 256,
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn ron_round_trips_every_field(map in arb_map(Profile::Ron)) {
        let text = format::to_string(&map);
        let back = format::from_str(&text, "prop.ron");
        prop_assert!(back.is_ok(), "{:?}\n{text}", back.err());
        prop_assert_eq!(back.unwrap(), map);
    }

    #[test]
    fn csv_round_trips_what_it_carries(map in arb_map(Profile::Csv)) {
        let text = csv::to_string(&map);
        let back = csv::from_str(&text, "prop");
        prop_assert!(back.is_ok(), "{:?}\n{text}", back.err());
        let back = back.unwrap();
        prop_assert_eq!(csv_view(&back), csv_view(&map), "{}", text);
        prop_assert!(back.validate().is_ok());
        // After one trip the text is settled (the first trip may reorder
        // lanes: the reader puts the usual ones first).
        let again = csv::to_string(&back);
        let settled = csv::from_str(&again, "prop").map(|m| csv::to_string(&m));
        prop_assert_eq!(settled, Ok(again));
    }

    #[test]
    fn mermaid_round_trips_what_it_carries(map in arb_map(Profile::Mermaid)) {
        let text = mermaid::to_string(&map);
        let back = mermaid::from_str(&text);
        prop_assert!(back.is_ok(), "{:?}\n{text}", back.err());
        let back = back.unwrap();
        prop_assert_eq!(mermaid_view(&back), mermaid_view(&map), "{}", text);
        prop_assert!(back.validate().is_ok());
        let again = mermaid::to_string(&back);
        let settled = mermaid::from_str(&again).map(|m| mermaid::to_string(&m));
        prop_assert_eq!(settled, Ok(again));
    }
}
