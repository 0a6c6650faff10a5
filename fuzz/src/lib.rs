//! The properties the fuzz targets check, one per loader: whatever text a
//! loader accepts, the map it gives saves, and the saved text loads back
//! to an equal map (for Mermaid and CSV: equal in everything the form
//! carries) and saves to the same text again.
//!
//! Each function panics when the property fails, which is what libFuzzer
//! reports as a crash.

// The core's modules, compiled from the repo's files under the same
// names, so their `crate::model` and `crate::format` paths resolve.
#[allow(dead_code, unused_imports)]
#[path = "../../src/format/mod.rs"]
pub mod format;
#[allow(dead_code, unused_imports)]
#[path = "../../src/interchange/mod.rs"]
pub mod interchange;
#[allow(dead_code, unused_imports)]
#[path = "../../src/model/mod.rs"]
pub mod model;

use std::collections::BTreeMap;

use interchange::{csv, mermaid};
use model::{Card, Channel, Emotion, Map, Medium};

/// The `.ron` loader: loaded maps save and load back equal.
pub fn ron(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(map) = format::from_str(text, "fuzz.ron") else {
        return;
    };
    let saved = format::to_string(&map);
    let back = format::from_str(&saved, "saved.ron")
        .unwrap_or_else(|err| panic!("the saved map does not load: {err}\n{saved}"));
    assert_eq!(back, map, "the saved map loads back different\n{saved}");
    assert_eq!(format::to_string(&back), saved);
}

/// The Mermaid reader: loaded maps write as Mermaid and read back with the
/// same title, description, stages and cards (title, score, personas) in
/// the same lanes.
pub fn mermaid(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(map) = mermaid::from_str(text) else {
        return;
    };
    let written = mermaid::to_string(&map);
    let back = mermaid::from_str(&written)
        .unwrap_or_else(|err| panic!("the written diagram does not read: {err}\n{written}"));
    assert_eq!(
        mermaid_view(&back),
        mermaid_view(&map),
        "the written diagram reads back different\n{written}"
    );
    assert_eq!(mermaid::to_string(&back), written);
}

/// The CSV reader: loaded maps write as CSV and read back with the same
/// cards, field by field, in the same stages and lanes.
pub fn csv(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(map) = csv::from_str(text, "fuzz") else {
        return;
    };
    let written = csv::to_string(&map);
    let back = csv::from_str(&written, "fuzz")
        .unwrap_or_else(|err| panic!("the written CSV does not read: {err}\n{written}"));
    assert_eq!(
        csv_view(&back),
        csv_view(&map),
        "the written CSV reads back different\n{written}"
    );
    assert_eq!(csv::to_string(&back), written);
}

/// Per stage (in order), the cards of each lane (by name), in cell order.
type ByCell<T> = Vec<(String, BTreeMap<String, Vec<T>>)>;

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

fn persona_names(map: &Map, card: &Card) -> Vec<String> {
    card.personas
        .iter()
        .filter_map(|p| map.persona(*p))
        .map(|p| p.name.clone())
        .collect()
}

type MermaidCard = (String, i8, Vec<String>);

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
