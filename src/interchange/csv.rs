//! Cards as CSV: one card per row, with a header row, quoted as RFC 4180
//! says (by the `csv` crate), so spreadsheets open and save it unchanged.
//!
//! | column          | holds                                                   |
//! |-----------------|---------------------------------------------------------|
//! | `stage`         | the stage's name; made if the map has none of that name  |
//! | `lane`          | the lane's name; made if missing; empty: Touchpoints    |
//! | `title`         | the card's title (required)                             |
//! | `channel`       | a channel's name or synonym; empty: no channel          |
//! | `medium`        | `digital` or `physical`; empty: digital                 |
//! | `owner`         | who looks after the touchpoint                          |
//! | `metric`        | how it is measured                                      |
//! | `emotion_score` | a whole number from -2 to 2; empty: no emotion          |
//! | `emotion_word`  | a word for the feeling (needs a score)                  |
//! | `personas`      | persona names separated by `;`; made if missing         |
//! | `notes`         | free text, line breaks allowed                          |
//! | `evidence`      | `observed`, `measured` or `assumed`; empty: assumed     |
//! | `source`        | where the evidence comes from: free text or a link      |
//!
//! Headers are matched ignoring case, spaces and punctuation, in any
//! order; only `stage` and `title` must be there. Stages, lanes and
//! personas that hold no card are not written: this is a list of cards,
//! not a whole map.

use std::fmt;
use std::sync::Arc;

use crate::format::{LoadError, LoadErrorKind};
use crate::model::{
    Card, Channel, Emotion, Evidence, Lane, LaneId, LaneKind, Map, Medium, Persona, PersonaId,
    Score, Stage, StageId,
};

use super::mermaid::lane_kind;

/// The header row this module writes, in column order.
pub const COLUMNS: [&str; 13] = [
    "stage",
    "lane",
    "title",
    "channel",
    "medium",
    "owner",
    "metric",
    "emotion_score",
    "emotion_word",
    "personas",
    "notes",
    "evidence",
    "source",
];

/// What separates persona names in the `personas` column. Not a comma:
/// persona names such as "Maya, weekend hiker" contain commas.
pub const PERSONA_SEPARATOR: char = ';';

/// A CSV text that could not be read: the row, the column, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CsvError {
    /// 1-based row number as a spreadsheet shows it: the header is row 1.
    pub row: usize,
    /// The column's header, when the problem is in one cell.
    pub column: Option<String>,
    /// 1-based line and character column in the text where the row or
    /// cell starts (a quoted cell may span lines, so this can differ from
    /// the row).
    pub position: (usize, usize),
    /// What is wrong and how to fix it.
    pub message: String,
}

impl CsvError {
    /// The same error as every other load error, naming the file.
    pub fn to_load_error(&self, file: &str) -> LoadError {
        LoadError {
            file: file.to_owned(),
            position: Some(self.position),
            kind: LoadErrorKind::Syntax(self.to_string()),
        }
    }
}

impl fmt::Display for CsvError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.column {
            Some(column) => write!(f, "row {}, column `{column}`: {}", self.row, self.message),
            None => write!(f, "row {}: {}", self.row, self.message),
        }
    }
}

impl std::error::Error for CsvError {}

/// Writes every card of a map as CSV, with [`COLUMNS`] as the header.
/// Cards come stage by stage, lane by lane, in their order in the cell.
pub fn to_string(map: &Map) -> String {
    let mut writer = ::csv::WriterBuilder::new()
        .terminator(::csv::Terminator::CRLF)
        .from_writer(Vec::new());
    let mut rows: Vec<Vec<String>> = vec![COLUMNS.iter().map(|c| (*c).to_owned()).collect()];
    for stage in &map.stages {
        for lane in &map.lanes {
            for card in map.cell_cards(stage.id, lane.id) {
                rows.push(row(map, stage, lane, card));
            }
        }
    }
    for row in rows {
        writer
            .write_record(&row)
            .expect("writing CSV into memory cannot fail");
    }
    let bytes = writer
        .into_inner()
        .expect("flushing CSV into memory cannot fail");
    String::from_utf8_lossy(&bytes).into_owned()
}

fn row(map: &Map, stage: &Stage, lane: &Lane, card: &Card) -> Vec<String> {
    let personas: Vec<&str> = card
        .personas
        .iter()
        .filter_map(|p| map.persona(*p))
        .map(|p| p.name.as_str())
        .collect();
    vec![
        stage.name.clone(),
        lane.name.clone(),
        card.title.clone(),
        // An unknown channel is an empty cell, which reads back as unknown.
        if card.channel.is_known() {
            card.channel.label().to_owned()
        } else {
            String::new()
        },
        card.medium.label().to_lowercase(),
        card.owner.clone(),
        card.metric.clone(),
        card.emotion
            .as_ref()
            .map(|e| e.score.value().to_string())
            .unwrap_or_default(),
        card.emotion
            .as_ref()
            .map(|e| e.word.clone())
            .unwrap_or_default(),
        personas.join(&format!("{PERSONA_SEPARATOR} ")),
        card.notes.clone(),
        card.evidence.label().to_owned(),
        card.source.clone(),
    ]
}

/// Reads CSV cards into a new map titled `title`. Lanes come in the usual
/// order (Touchpoints, Actions, …), then any others as first met.
pub fn from_str(text: &str, title: &str) -> Result<Map, CsvError> {
    let mut map = Map::new(title);
    import_into(&mut map, text)?;
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
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut reader = ::csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut records = reader.records();
    let header = match records.next() {
        Some(Ok(header)) => header,
        Some(Err(err)) => return Err(csv_error(text, &err)),
        None => {
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
    let mut work = map.clone();
    let mut added = 0;
    for record in records {
        let record = record.map_err(|err| csv_error(text, &err))?;
        if record.iter().all(|cell| cell.trim().is_empty()) {
            continue;
        }
        let cells = Cells {
            text,
            record: &record,
            columns: &columns,
        };
        add_card(&mut work, &cells)?;
        added += 1;
    }
    *map = work;
    Ok(added)
}

/// The fields a column can hold.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Field {
    Stage,
    Lane,
    Title,
    Channel,
    Medium,
    Owner,
    Metric,
    EmotionScore,
    EmotionWord,
    Personas,
    Notes,
    Evidence,
    Source,
}

impl Field {
    /// Recognises a header, ignoring case, spaces and punctuation.
    fn from_header(header: &str) -> Option<Field> {
        let key: String = header
            .chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .collect();
        Some(match key.as_str() {
            "stage" => Field::Stage,
            "lane" => Field::Lane,
            "title" => Field::Title,
            "channel" => Field::Channel,
            "medium" | "digitalphysical" | "digitalorphysical" => Field::Medium,
            "owner" => Field::Owner,
            "metric" => Field::Metric,
            "emotionscore" | "emotion" | "score" => Field::EmotionScore,
            "emotionword" | "feeling" => Field::EmotionWord,
            "personas" | "persona" => Field::Personas,
            "notes" | "note" => Field::Notes,
            "evidence" | "evidencelevel" => Field::Evidence,
            "source" | "evidencesource" => Field::Source,
            _ => return None,
        })
    }
}

/// Which field each column holds (`None` for a column with an empty
/// header), and each column's header as written.
struct Columns {
    fields: Vec<Option<Field>>,
    names: Vec<String>,
}

impl Columns {
    fn from_header(text: &str, header: &::csv::StringRecord) -> Result<Self, CsvError> {
        let mut fields: Vec<Option<Field>> = Vec::new();
        for (i, name) in header.iter().enumerate() {
            let error = |message: String| CsvError {
                row: 1,
                column: Some(name.to_owned()),
                position: cell_position(text, header.position(), i),
                message,
            };
            if name.trim().is_empty() {
                // A spreadsheet's trailing empty column: nothing to read.
                fields.push(None);
                continue;
            }
            let Some(field) = Field::from_header(name) else {
                return Err(error(format!(
                    "`{name}` is not a column Waymark knows; the columns are {}",
                    COLUMNS.join(", ")
                )));
            };
            if fields.contains(&Some(field)) {
                return Err(error("this column appears twice in the header".to_owned()));
            }
            fields.push(Some(field));
        }
        for (required, name) in [(Field::Stage, "stage"), (Field::Title, "title")] {
            if !fields.contains(&Some(required)) {
                return Err(CsvError {
                    row: 1,
                    column: None,
                    position: cell_position(text, header.position(), 0),
                    message: format!("the header has no `{name}` column, and every card needs one"),
                });
            }
        }
        Ok(Self {
            fields,
            names: header.iter().map(str::to_owned).collect(),
        })
    }
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
        self.columns.fields.iter().position(|f| *f == Some(field))
    }

    /// A cell's text, trimmed; empty when the column or the cell is missing.
    fn get(&self, field: Field) -> &str {
        self.raw(field).trim()
    }

    /// A cell's text as written.
    fn raw(&self, field: Field) -> &str {
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
            position: cell_position(self.text, self.record.position(), index),
            message,
        }
    }
}

/// Reads one row into a card on the map.
fn add_card(map: &mut Map, cells: &Cells<'_>) -> Result<(), CsvError> {
    let width = cells.columns.fields.len();
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
                "`{evidence_cell}` is not an evidence level; expected observed, measured or assumed"
            ),
        ));
    };
    let stage = stage_named(map, stage_name);
    let lane = lane_named(map, cells.get(Field::Lane));
    let id = map.new_card_id();
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
    for name in cells.get(Field::Personas).split(PERSONA_SEPARATOR) {
        let name = name.trim();
        if name.is_empty() {
            continue;
        }
        let persona = persona_named(map, name);
        if !card.personas.contains(&persona) {
            card.personas.push(persona);
        }
    }
    map.cards.push(Arc::new(card));
    Ok(())
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

/// The stage of this name (ignoring case), added at the end if missing.
fn stage_named(map: &mut Map, name: &str) -> StageId {
    if let Some(stage) = map
        .stages
        .iter()
        .find(|s| s.name.trim().eq_ignore_ascii_case(name))
    {
        return stage.id;
    }
    let id = map.new_stage_id();
    map.stages.push(Stage::new(id, name));
    id
}

/// The lane of this name (ignoring case), or of the built-in kind it
/// names, added at the end if missing. An empty name means Touchpoints.
fn lane_named(map: &mut Map, name: &str) -> LaneId {
    let name = if name.is_empty() {
        LaneKind::Touchpoints.label()
    } else {
        name
    };
    if let Some(lane) = map
        .lanes
        .iter()
        .find(|l| l.name.trim().eq_ignore_ascii_case(name))
    {
        return lane.id;
    }
    let kind = lane_kind(name);
    if !matches!(kind, LaneKind::Custom(_))
        && let Some(lane) = map.lanes.iter().find(|l| l.kind == kind)
    {
        return lane.id;
    }
    let id = map.new_lane_id();
    let mut lane = Lane::new(id, kind);
    lane.name = name.to_owned();
    map.lanes.push(lane);
    id
}

/// The persona of this name, made if missing.
fn persona_named(map: &mut Map, name: &str) -> PersonaId {
    if let Some(persona) = map
        .personas
        .iter()
        .find(|p| p.name.trim() == name)
        .or_else(|| {
            map.personas
                .iter()
                .find(|p| p.name.trim().eq_ignore_ascii_case(name))
        })
    {
        return persona.id;
    }
    let id = map.new_persona_id();
    map.personas.push(Persona {
        id,
        name: name.to_owned(),
        description: String::new(),
    });
    id
}

/// Turns the csv crate's error into ours.
fn csv_error(text: &str, err: &::csv::Error) -> CsvError {
    let position = err.position();
    CsvError {
        row: position.map_or(0, |p| p.record() as usize + 1),
        column: None,
        position: cell_position(text, position, 0),
        message: err.to_string(),
    }
}

/// The line and character column where cell `index` of the record that
/// starts at `position` begins. The csv crate knows where a record starts;
/// the cell is found by scanning the record's text with RFC 4180 quoting.
fn cell_position(text: &str, position: Option<&::csv::Position>, index: usize) -> (usize, usize) {
    let start = position.map_or(0, |p| p.byte() as usize).min(text.len());
    let bytes = text.as_bytes();
    let mut at = start;
    let mut field = 0;
    let mut quoted = false;
    while field < index && at < bytes.len() {
        match bytes[at] {
            b'"' => quoted = !quoted,
            b',' if !quoted => field += 1,
            b'\n' if !quoted => break,
            _ => {}
        }
        at += 1;
    }
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    let before = &text[..at];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, before[line_start..].chars().count() + 1)
}
