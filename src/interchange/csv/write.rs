//! Writing a map's cards as CSV.

use std::collections::HashMap;

use super::{Field, PERSONA_SEPARATOR, protect};
use crate::interchange::cards_by_stage;
use crate::model::{Card, Lane, Map, Persona, PersonaId, Stage};

/// Writes every card of a map as CSV, with [`super::COLUMNS`] as the
/// header and CRLF line ends. Cards come stage by stage, lane by lane, in
/// their order in the cell. Text cells that would run as formulas in a
/// spreadsheet get a `'` in front (see [`protect`]).
pub fn to_string(map: &Map) -> String {
    let mut writer = ::csv::WriterBuilder::new()
        .terminator(::csv::Terminator::CRLF)
        .from_writer(Vec::new());
    writer
        .write_record(Field::ALL.map(Field::header))
        .expect("writing CSV into memory cannot fail");
    let personas: HashMap<PersonaId, &Persona> = map.personas.iter().map(|p| (p.id, p)).collect();
    for (stage, cards) in map.stages.iter().zip(cards_by_stage(map)) {
        for (lane, card) in cards {
            let row = card_row(&personas, stage, lane, card);
            writer
                .write_record(&row)
                .expect("writing CSV into memory cannot fail");
        }
    }
    let bytes = writer
        .into_inner()
        .expect("flushing CSV into memory cannot fail");
    String::from_utf8(bytes).expect("the CSV is written from strings, so it is UTF-8")
}

/// One card's cells in [`super::COLUMNS`] order, as [`to_string`] writes
/// them (the clipboard writes the same); `personas` by id.
pub fn card_row(
    personas: &HashMap<PersonaId, &Persona>,
    stage: &Stage,
    lane: &Lane,
    card: &Card,
) -> [String; super::COLUMNS.len()] {
    Field::ALL.map(|field| {
        let cell = cell(field, personas, stage, lane, card);
        if field.is_text() {
            protect(&cell)
        } else {
            cell
        }
    })
}

/// The text of one cell, before it is kept from running as a formula.
fn cell(
    field: Field,
    personas: &HashMap<PersonaId, &Persona>,
    stage: &Stage,
    lane: &Lane,
    card: &Card,
) -> String {
    match field {
        Field::Stage => stage.name.clone(),
        Field::Lane => lane.name.clone(),
        Field::Title => card.title.clone(),
        // An unknown channel is an empty cell, which reads back as unknown.
        Field::Channel if !card.channel.is_known() => String::new(),
        Field::Channel => card.channel.label().to_owned(),
        Field::Medium => card.medium.label().to_lowercase(),
        Field::Owner => card.owner.clone(),
        Field::Metric => card.metric.clone(),
        Field::EmotionScore => card
            .emotion
            .as_ref()
            .map(|e| e.score.value().to_string())
            .unwrap_or_default(),
        Field::EmotionWord => card
            .emotion
            .as_ref()
            .map(|e| e.word.clone())
            .unwrap_or_default(),
        Field::Personas => {
            let names: Vec<&str> = card
                .personas
                .iter()
                .filter_map(|p| personas.get(p))
                .map(|p| p.name.as_str())
                .collect();
            names.join(&format!("{PERSONA_SEPARATOR} "))
        }
        Field::Notes => card.notes.clone(),
        Field::Evidence => card.evidence.label().to_owned(),
        Field::Source => card.source.clone(),
        Field::FailPoint if card.fail_point => "yes".to_owned(),
        Field::FailPoint => String::new(),
        // The stage's numbers on each of its rows: a list of cards has no
        // row of its own for a stage.
        Field::StageVolume => stage.volume.map(|v| v.to_string()).unwrap_or_default(),
        Field::StagePeriod => stage.period.clone(),
        Field::Votes => card.votes.to_string(),
    }
}
