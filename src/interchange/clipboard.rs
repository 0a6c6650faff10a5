//! Cards on the clipboard: tab-separated text with a header row of the CSV
//! format's columns ([`super::csv::COLUMNS`]), so a spreadsheet pastes one
//! card per row and another Waymark window recreates every field.
//!
//! This is a thin layer over [`super::csv`]: copying writes the CSV rows
//! with tabs; pasting re-encodes the tab-separated rows as CSV and reads
//! them with the CSV reader, so both formats know the same columns and
//! check cells the same way. Text without a known header is read as plain
//! lines, one card per non-empty line.

use std::collections::HashMap;

use crate::model::{Card, CardId, LaneId, Map, Persona, PersonaId, StageId};

use super::csv::{self, CsvError};

/// A card read from the clipboard, not yet on a map: where it goes is
/// named, not numbered, and its ids are meaningless (the document hands
/// out fresh ones when it is pasted).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ClipCard {
    /// The card's fields; its id, stage, lane and personas are ignored.
    pub card: Card,
    /// The stage it names, or `None` for the selected cell.
    pub stage: Option<String>,
    /// The lane it names (empty: Touchpoints). Ignored without a stage.
    pub lane: String,
    /// The personas it names.
    pub personas: Vec<String>,
}

/// The stage name that stands for "no stage given" while the rows go
/// through the CSV reader; no one types it.
const NO_STAGE: &str = "\u{1}waymark-selected-cell";

/// Writes cards as tab-separated text with a header row. Cards come
/// stage by stage, lane by lane, in their order in the cell; ids not on
/// the map are skipped.
pub fn write(map: &Map, ids: &[CardId]) -> String {
    let wanted: std::collections::HashSet<CardId> = ids.iter().copied().collect();
    let mut cards: Vec<(usize, usize, usize, &Card)> = map
        .cards
        .iter()
        .enumerate()
        .filter(|(_, c)| wanted.contains(&c.id))
        .filter_map(|(i, c)| {
            let s = map.stage_index(c.stage)?;
            let l = map.lane_index(c.lane)?;
            Some((s, l, i, c.as_ref()))
        })
        .collect();
    cards.sort_by_key(|(s, l, i, _)| (*s, *l, *i));
    let mut writer = ::csv::WriterBuilder::new()
        .delimiter(b'\t')
        .terminator(::csv::Terminator::Any(b'\n'))
        .from_writer(Vec::new());
    let mut write = |record: &[String]| {
        writer
            .write_record(record)
            .expect("writing into memory cannot fail");
    };
    write(&csv::COLUMNS.map(str::to_owned));
    let personas: HashMap<PersonaId, &Persona> = map.personas.iter().map(|p| (p.id, p)).collect();
    for (s, l, _, card) in cards {
        write(&csv::card_row(
            &personas,
            &map.stages[s],
            &map.lanes[l],
            card,
        ));
    }
    let bytes = writer
        .into_inner()
        .expect("flushing into memory cannot fail");
    String::from_utf8_lossy(&bytes).into_owned()
}

/// Reads pasted text: tab-separated rows under a header that names at
/// least `title`, or else plain lines. Nothing is half read: any bad row
/// is an error naming its row and column.
pub fn read(text: &str) -> Result<Vec<ClipCard>, CsvError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let first = text.lines().next().unwrap_or_default();
    let has_title = first.split('\t').any(|cell| header_key(cell) == "title");
    if has_title {
        read_table(text)
    } else {
        Ok(read_lines(text))
    }
}

/// A header as the CSV reader compares it: letters and digits, lowercase.
fn header_key(cell: &str) -> String {
    cell.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// One card per non-empty line, titled by the line.
fn read_lines(text: &str) -> Vec<ClipCard> {
    text.lines()
        .map(str::trim)
        .filter(|line| !line.is_empty())
        .map(|line| ClipCard {
            card: Card::new(CardId(0), StageId(0), LaneId(0), line),
            stage: None,
            lane: String::new(),
            personas: Vec::new(),
        })
        .collect()
}

/// Tab-separated rows under a header, read by the CSV reader. A `stage`
/// column is put first (empty cells there mean the selected cell), so the
/// reader's own checks and messages apply unchanged.
fn read_table(text: &str) -> Result<Vec<ClipCard>, CsvError> {
    let mut reader = ::csv::ReaderBuilder::new()
        .delimiter(b'\t')
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut writer = ::csv::WriterBuilder::new()
        .flexible(true)
        .from_writer(Vec::with_capacity(text.len() + text.len() / 8));
    // The line each record starts on, to point errors at the pasted text.
    let mut lines: Vec<usize> = Vec::new();
    let mut stage_at: Option<usize> = None;
    let mut cells: Vec<String> = Vec::new();
    for (index, record) in reader.records().enumerate() {
        let record = record.map_err(|err| CsvError {
            row: index + 1,
            column: None,
            position: err
                .position()
                .map_or((index + 1, 1), |p| (p.line() as usize, 1)),
            message: err.to_string(),
        })?;
        lines.push(record.position().map_or(index + 1, |p| p.line() as usize));
        cells.clear();
        if index == 0 {
            stage_at = record.iter().position(|c| header_key(c) == "stage");
            if stage_at.is_none() {
                cells.push("stage".to_owned());
            }
            cells.extend(record.iter().map(str::to_owned));
        } else if record.iter().all(|c| c.trim().is_empty()) {
            // Left empty, so the reader skips it as it skips blank rows.
        } else {
            let mut row: Vec<String> = record.iter().map(str::to_owned).collect();
            match stage_at {
                Some(at) => {
                    if row.len() <= at {
                        row.resize(at + 1, String::new());
                    }
                    if row[at].trim().is_empty() {
                        row[at] = NO_STAGE.to_owned();
                    }
                }
                None => row.insert(0, NO_STAGE.to_owned()),
            }
            cells = row;
        }
        writer
            .write_record(&cells)
            .expect("writing into memory cannot fail");
    }
    let bytes = writer
        .into_inner()
        .expect("flushing into memory cannot fail");
    let as_csv = String::from_utf8_lossy(&bytes);
    let mut scratch = Map::new("");
    csv::import_into(&mut scratch, &as_csv).map_err(|err| CsvError {
        position: (lines.get(err.row.wrapping_sub(1)).copied().unwrap_or(1), 1),
        ..err
    })?;
    Ok(scratch
        .cards
        .iter()
        .map(|card| {
            let stage = scratch
                .stage(card.stage)
                .map(|s| s.name.clone())
                .filter(|name| name != NO_STAGE);
            let lane = scratch
                .lane(card.lane)
                .map(|l| l.name.clone())
                .unwrap_or_default();
            let personas = card
                .personas
                .iter()
                .filter_map(|p| scratch.persona(*p))
                .map(|p| p.name.clone())
                .collect();
            let mut card = Card::clone(card);
            card.personas.clear();
            ClipCard {
                card,
                stage,
                lane,
                personas,
            }
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Channel, Emotion, Medium, Persona, PersonaId, Score, Stage};

    fn map_with_card() -> (Map, CardId) {
        let mut map = Map::blank();
        map.stages[1].name = "Con\tsider \"it\"".into();
        let persona = PersonaId(map.new_id());
        map.personas.push(Persona {
            id: persona,
            name: "Maya, weekend hiker".into(),
            description: String::new(),
        });
        let id = map.new_card_id();
        let mut card = Card::new(id, map.stages[1].id, map.lanes[2].id, "Compare \"plans\"");
        card.notes = "line one\nline\ttwo, \"quoted\"\n".into();
        card.channel = Channel::Custom("Kiosk".into());
        card.medium = Medium::Physical;
        card.owner = "Sales\tteam".into();
        card.metric = "NPS".into();
        card.emotion = Some(Emotion {
            score: Score::clamped(-2),
            word: "lost".into(),
        });
        card.personas = vec![persona];
        map.cards.push(std::sync::Arc::new(card));
        (map, id)
    }

    #[test]
    fn every_field_survives_copy_and_paste() {
        let (map, id) = map_with_card();
        let text = write(&map, &[id]);
        let cards = read(&text).expect("reads back");
        assert_eq!(cards.len(), 1);
        let clip = &cards[0];
        let card = map.card(id).unwrap();
        assert_eq!(clip.stage.as_deref(), Some("Con\tsider \"it\""));
        assert_eq!(clip.lane, map.lanes[2].name);
        assert_eq!(clip.personas, vec!["Maya, weekend hiker".to_owned()]);
        assert_eq!(clip.card.title, card.title);
        assert_eq!(clip.card.notes, card.notes);
        assert_eq!(clip.card.channel, card.channel);
        assert_eq!(clip.card.medium, card.medium);
        assert_eq!(clip.card.owner, card.owner);
        assert_eq!(clip.card.metric, card.metric);
        assert_eq!(clip.card.emotion, card.emotion);
    }

    #[test]
    fn copy_writes_a_header_and_one_line_per_plain_card() {
        let mut map = Map::blank();
        let id = map.new_card_id();
        map.cards.push(std::sync::Arc::new(Card::new(
            id,
            map.stages[0].id,
            map.lanes[0].id,
            "Ad",
        )));
        let text = write(&map, &[id]);
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines[0], csv::COLUMNS.join("\t"));
        assert_eq!(lines.len(), 2);
        assert!(lines[1].starts_with("Awareness\tTouchpoints\tAd\t"));
    }

    #[test]
    fn spreadsheet_rows_without_a_stage_column_go_to_the_selected_cell() {
        let text = "Title\tOwner\tEmotion score\nSign up\tGrowth\t1\n\nPay\t\t-1\n";
        let cards = read(text).unwrap();
        assert_eq!(cards.len(), 2);
        assert!(cards.iter().all(|c| c.stage.is_none()));
        assert_eq!(cards[0].card.owner, "Growth");
        assert_eq!(cards[1].card.emotion.as_ref().unwrap().score.value(), -1);
    }

    #[test]
    fn a_bad_score_names_its_row_and_column() {
        let text = "title\temotion_score\nFine\t1\nBad\t9\n";
        let err = read(text).unwrap_err();
        assert_eq!(err.row, 3);
        assert_eq!(err.column.as_deref(), Some("emotion_score"));
        assert_eq!(err.position.0, 3);
        assert!(
            err.to_string().contains("`9` is not an emotion score"),
            "{err}"
        );
    }

    #[test]
    fn an_unknown_column_is_an_error_not_a_guess() {
        let err = read("title\tcolour\nA\tred\n").unwrap_err();
        assert_eq!(err.row, 1);
        assert_eq!(err.column.as_deref(), Some("colour"));
    }

    #[test]
    fn plain_lines_make_one_card_per_non_empty_line() {
        let cards = read("  Newsletter \n\nWebinar\r\n\t\nChat").unwrap();
        let titles: Vec<&str> = cards.iter().map(|c| c.card.title.as_str()).collect();
        assert_eq!(titles, ["Newsletter", "Webinar", "Chat"]);
        assert!(cards.iter().all(|c| c.stage.is_none()));
    }

    #[test]
    fn rows_naming_a_stage_keep_it_and_rows_without_one_do_not() {
        let text = "stage\tlane\ttitle\nLoyalty\tActions\tRenew\n\t\tLoose\n";
        let cards = read(text).unwrap();
        assert_eq!(cards[0].stage.as_deref(), Some("Loyalty"));
        assert_eq!(cards[0].lane, "Actions");
        assert_eq!(cards[1].stage, None);
    }

    #[test]
    fn stage_names_with_tabs_quotes_and_line_breaks_round_trip() {
        let mut map = Map::new("t");
        map.stages.push(Stage::new(StageId(1), "A\t\"b\"\nc"));
        map.lanes.push(crate::model::Lane::new(
            LaneId(2),
            crate::model::LaneKind::Touchpoints,
        ));
        map.next_id = 3;
        let id = map.new_card_id();
        map.cards.push(std::sync::Arc::new(Card::new(
            id,
            StageId(1),
            LaneId(2),
            "x",
        )));
        let cards = read(&write(&map, &[id])).unwrap();
        assert_eq!(cards[0].stage.as_deref(), Some("A\t\"b\"\nc"));
    }
}
