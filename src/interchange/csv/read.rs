//! Reading CSV cards into a map, in time linear in the text: names are
//! found through hash maps, never by scanning what was read before.

use std::collections::HashSet;
use std::sync::Arc;

use super::scan::{cell_position, line_col, unclosed_quote};
use super::{COLUMNS, CsvError, Field, PERSONA_SEPARATOR, unprotect};
use crate::interchange::limits::{
    MAX_CARDS, MAX_LANES, MAX_PERSONAS, MAX_STAGES, input_too_large, too_many,
};
use crate::interchange::names::NameIndex;
use crate::model::{
    Card, Channel, Emotion, Evidence, IdMap, LaneKind, Map, Medium, Score, Stage, StageId,
};

/// Reads CSV cards into a new map titled `title`. Lanes come in the usual
/// order (Touchpoints, Actions, …), then any others as first met; a
/// service blueprint's lanes stay as first met.
pub fn from_str(text: &str, title: &str) -> Result<Map, CsvError> {
    let mut map = Map::new(title);
    import_into(&mut map, text)?;
    // A service blueprint keeps its rows as met: they stand in the
    // blueprint's order, which the journey map's does not know.
    if map
        .lanes
        .iter()
        .any(|l| LaneKind::BLUEPRINT.contains(&l.kind))
    {
        return Ok(map);
    }
    map.lanes.sort_by_key(|lane| {
        LaneKind::BUILT_IN
            .iter()
            .position(|k| *k == lane.kind)
            .unwrap_or(LaneKind::BUILT_IN.len())
    });
    Ok(map)
}

/// Adds the cards of a CSV text to a map, making the stages, lanes and
/// personas it names that the map lacks. Returns how many cards were
/// added. On an error the map is left as it was.
pub fn import_into(map: &mut Map, text: &str) -> Result<usize, CsvError> {
    if let Some(message) = input_too_large(text.len()) {
        return Err(CsvError {
            row: 1,
            column: None,
            position: (1, 1),
            message,
        });
    }
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let unclosed = unclosed_quote(text);
    let unclosed_error = |column: Option<String>| {
        unclosed.map(|quote| CsvError {
            row: quote.record + 1,
            column,
            position: line_col(text, quote.at),
            message: "this quote is never closed, so every row after it would be read into \
                      this cell; end the cell with `\"` (a quote inside a quoted cell is \
                      written `\"\"`)"
                .to_owned(),
        })
    };
    if let Some(err) = unclosed_error(None).filter(|e| e.row == 1) {
        return Err(err);
    }
    let mut reader = ::csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    // Records are read into our own buffers: the crate's `records()` clones
    // each row with room for as many cells as the widest row before it, so
    // a header of 100,000 empty columns made every row cost 100,000.
    let mut header = ::csv::StringRecord::new();
    match reader.read_record(&mut header) {
        Ok(true) => {}
        Err(err) => return Err(csv_error(text, &err)),
        Ok(false) => {
            return Err(CsvError {
                row: 1,
                column: None,
                position: (1, 1),
                message: format!(
                    "the text is empty; expected a header row such as `{}`",
                    COLUMNS.join(",")
                ),
            });
        }
    };
    let columns = Columns::from_header(text, &header)?;
    if let Some(quote) = unclosed {
        let column = columns.names.get(quote.cell).cloned();
        return Err(unclosed_error(column).expect("a quote was found"));
    }
    let mut work = Builder::new(map.clone());
    let mut added = 0;
    let mut record = ::csv::StringRecord::new();
    while reader
        .read_record(&mut record)
        .map_err(|err| csv_error(text, &err))?
    {
        if record.iter().all(|cell| cell.trim().is_empty()) {
            continue;
        }
        let cells = Cells {
            text,
            record: &record,
            columns: &columns,
        };
        work.add_card(&cells)?;
        added += 1;
    }
    *map = work.map;
    Ok(added)
}

/// Which column holds each field, and each column's header as written.
struct Columns {
    /// By [`Field::slot`]: the index of the field's column, if any.
    slots: [Option<usize>; Field::ALL.len()],
    names: Vec<String>,
}

impl Columns {
    fn from_header(text: &str, header: &::csv::StringRecord) -> Result<Self, CsvError> {
        let mut slots = [None; Field::ALL.len()];
        let start = record_start(header);
        for (i, name) in header.iter().enumerate() {
            let error = |message: String| CsvError {
                row: 1,
                column: Some(name.to_owned()),
                position: cell_position(text, start, i),
                message,
            };
            if name.trim().is_empty() {
                // A spreadsheet's trailing empty column: nothing to read.
                continue;
            }
            let Some(field) = Field::from_header(name) else {
                return Err(error(format!(
                    "`{name}` is not a column Waymark knows; the columns are {}",
                    COLUMNS.join(", ")
                )));
            };
            let slot = &mut slots[field.slot()];
            if slot.is_some() {
                return Err(error("this column appears twice in the header".to_owned()));
            }
            *slot = Some(i);
        }
        for required in [Field::Stage, Field::Title] {
            if slots[required.slot()].is_none() {
                return Err(CsvError {
                    row: 1,
                    column: None,
                    position: cell_position(text, start, 0),
                    message: format!(
                        "the header has no `{}` column, and every card needs one",
                        required.header()
                    ),
                });
            }
        }
        Ok(Self {
            slots,
            names: header.iter().map(str::to_owned).collect(),
        })
    }

    /// How many columns the header has.
    fn width(&self) -> usize {
        self.names.len()
    }
}

/// Where a record starts, as the `csv` crate counts it.
fn record_start(record: &::csv::StringRecord) -> usize {
    record.position().map_or(0, |p| p.byte() as usize)
}

/// One data row, read through the header.
struct Cells<'a> {
    text: &'a str,
    record: &'a ::csv::StringRecord,
    columns: &'a Columns,
}

impl Cells<'_> {
    /// The row number as a spreadsheet shows it (the header is row 1).
    fn row(&self) -> usize {
        self.record
            .position()
            .map_or(0, |p| p.record() as usize + 1)
    }

    /// The column index of a field, if the header has it.
    fn index(&self, field: Field) -> Option<usize> {
        self.columns.slots[field.slot()]
    }

    /// A cell's text, trimmed and without the `'` that kept it from running
    /// as a formula; empty when the column or the cell is missing.
    fn get(&self, field: Field) -> &str {
        unprotect(self.cell(field).trim())
    }

    /// A cell's text as written, but for the `'` that kept it from running
    /// as a formula.
    fn raw(&self, field: Field) -> &str {
        unprotect(self.cell(field))
    }

    fn cell(&self, field: Field) -> &str {
        self.index(field)
            .and_then(|i| self.record.get(i))
            .unwrap_or_default()
    }

    /// An error in the cell of `field`.
    fn error(&self, field: Field, message: String) -> CsvError {
        let index = self.index(field).unwrap_or(0);
        self.error_at(index, message)
    }

    fn error_at(&self, index: usize, message: String) -> CsvError {
        CsvError {
            row: self.row(),
            column: self.columns.names.get(index).cloned(),
            position: cell_position(self.text, record_start(self.record), index),
            message,
        }
    }
}

/// The map being filled, with its stages, lanes and personas by name so
/// each row finds them in constant time.
struct Builder {
    map: Map,
    names: NameIndex,
    /// Stage positions by id, filled as rows set a stage's volume.
    stage_pos: IdMap<StageId, usize>,
}

impl Builder {
    fn new(map: Map) -> Self {
        let names = NameIndex::new(&map);
        let stage_pos = (map.stages.iter().enumerate())
            .map(|(i, s)| (s.id, i))
            .collect();
        Self {
            map,
            names,
            stage_pos,
        }
    }

    /// A stage by id in constant time: a stage the import made is the
    /// last, found at once from the end.
    fn stage_mut(&mut self, id: StageId) -> Option<&mut Stage> {
        let stages = &self.map.stages;
        let at = match self.stage_pos.get(&id) {
            Some(&i) => i,
            None => {
                let i = stages.iter().rposition(|s| s.id == id)?;
                self.stage_pos.insert(id, i);
                i
            }
        };
        self.map.stages.get_mut(at)
    }

    /// Reads one row into a card on the map.
    fn add_card(&mut self, cells: &Cells<'_>) -> Result<(), CsvError> {
        let width = cells.columns.width();
        if let Some(extra) = (width..cells.record.len())
            .find(|&i| cells.record.get(i).is_some_and(|c| !c.trim().is_empty()))
        {
            return Err(CsvError {
                column: None,
                ..cells.error_at(
                    extra,
                    format!(
                        "the row has {} cells but the header only {width}; a cell with a comma \
                         must be in double quotes",
                        cells.record.len()
                    ),
                )
            });
        }
        if self.map.cards.len() >= MAX_CARDS {
            return Err(cells.error_at(0, too_many("cards", MAX_CARDS)));
        }
        let title = cells.get(Field::Title);
        if title.is_empty() {
            return Err(cells.error(Field::Title, "the card has no title".to_owned()));
        }
        let stage_name = cells.get(Field::Stage);
        if stage_name.is_empty() {
            return Err(cells.error(Field::Stage, "the card has no stage".to_owned()));
        }
        let medium = match cells.get(Field::Medium).to_lowercase().as_str() {
            "" | "digital" | "d" => Medium::Digital,
            "physical" | "p" => Medium::Physical,
            other => {
                return Err(cells.error(
                    Field::Medium,
                    format!("`{other}` is neither `digital` nor `physical`"),
                ));
            }
        };
        let emotion = emotion(cells)?;
        let evidence_cell = cells.get(Field::Evidence);
        let Some(evidence) = Evidence::parse(evidence_cell) else {
            return Err(cells.error(
                Field::Evidence,
                format!(
                    "`{evidence_cell}` is not an evidence level; expected observed, measured or \
                     assumed"
                ),
            ));
        };
        let fail_point = match cells.get(Field::FailPoint).to_lowercase().as_str() {
            "" | "no" | "false" | "0" => false,
            "yes" | "true" | "1" | "x" => true,
            other => {
                return Err(cells.error(
                    Field::FailPoint,
                    format!("`{other}` is neither `yes` nor empty (or `no`)"),
                ));
            }
        };
        let volume_cell = cells.get(Field::StageVolume);
        let volume = if volume_cell.is_empty() {
            None
        } else {
            let digits: String = volume_cell
                .chars()
                .filter(|c| !matches!(c, ',' | '_' | ' ' | '\u{a0}' | '\u{202f}'))
                .collect();
            Some(digits.parse::<u64>().map_err(|_| {
                cells.error(
                    Field::StageVolume,
                    format!(
                        "`{volume_cell}` is not a count of customers; expected a whole \
                         number such as 12000"
                    ),
                )
            })?)
        };
        let votes_cell = cells.get(Field::Votes);
        let votes = match votes_cell {
            "" => 0,
            text => text.parse::<u32>().map_err(|_| {
                cells.error(
                    Field::Votes,
                    format!("`{text}` is not a number of dots; expected a whole number from 0"),
                )
            })?,
        };
        let stage = self
            .names
            .stage(&mut self.map, stage_name)
            .map(|found| found.id)
            .ok_or_else(|| cells.error(Field::Stage, too_many("stages", MAX_STAGES)))?;
        let period = cells.get(Field::StagePeriod);
        if (volume.is_some() || !period.is_empty())
            && let Some(s) = self.stage_mut(stage)
        {
            if volume.is_some() {
                s.volume = volume;
            }
            if !period.is_empty() {
                s.period = period.to_owned();
            }
        }
        let lane = self
            .names
            .lane(&mut self.map, cells.get(Field::Lane))
            .map(|found| found.id)
            .ok_or_else(|| cells.error(Field::Lane, too_many("lanes", MAX_LANES)))?;
        let id = self.map.new_card_id();
        let mut card = Card::new(id, stage, lane, title);
        card.medium = medium;
        card.emotion = emotion;
        let channel = cells.get(Field::Channel);
        if !channel.is_empty() {
            card.channel = Channel::parse(channel);
        }
        card.owner = cells.get(Field::Owner).to_owned();
        card.metric = cells.get(Field::Metric).to_owned();
        card.notes = cells.raw(Field::Notes).to_owned();
        card.evidence = evidence;
        card.source = cells.get(Field::Source).to_owned();
        card.fail_point = fail_point;
        card.votes = votes;
        let mut seen = HashSet::new();
        for name in cells.get(Field::Personas).split(PERSONA_SEPARATOR) {
            let name = name.trim();
            if name.is_empty() {
                continue;
            }
            let persona = self
                .names
                .persona(&mut self.map, name)
                .map(|found| found.id)
                .ok_or_else(|| cells.error(Field::Personas, too_many("personas", MAX_PERSONAS)))?;
            if seen.insert(persona) {
                card.personas.push(persona);
            }
        }
        self.map.cards.push(Arc::new(card));
        Ok(())
    }
}

/// The emotion of a row: a score from -2 to 2 and an optional word.
fn emotion(cells: &Cells<'_>) -> Result<Option<Emotion>, CsvError> {
    let score = cells.get(Field::EmotionScore);
    let word = cells.get(Field::EmotionWord);
    if score.is_empty() {
        if !word.is_empty() {
            return Err(cells.error(
                Field::EmotionWord,
                format!(
                    "the emotion word `{word}` has no score; add an emotion score from -2 to 2"
                ),
            ));
        }
        return Ok(None);
    }
    let bad = || {
        cells.error(
            Field::EmotionScore,
            format!(
                "`{score}` is not an emotion score; expected a whole number from -2 (very \
                 negative) to 2 (very positive)"
            ),
        )
    };
    let value: i8 = score.parse().map_err(|_| bad())?;
    let score = Score::try_from(value).map_err(|_| bad())?;
    Ok(Some(Emotion {
        score,
        word: word.to_owned(),
    }))
}

/// Turns the csv crate's error into ours.
fn csv_error(text: &str, err: &::csv::Error) -> CsvError {
    let position = err.position();
    CsvError {
        row: position.map_or(0, |p| p.record() as usize + 1),
        column: None,
        position: cell_position(text, position.map_or(0, |p| p.byte() as usize), 0),
        message: err.to_string(),
    }
}
