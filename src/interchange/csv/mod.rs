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
//! | `fail_point`    | `yes` for a service blueprint's fail point; empty: no   |
//! | `stage_volume`  | customers who reached the card's stage (on every row)   |
//! | `stage_period`  | the period that volume counts, such as `March 2026`     |
//!
//! Headers are matched ignoring case, spaces and punctuation, in any
//! order; only `stage` and `title` must be there. Stages, lanes and
//! personas that hold no card are not written: this is a list of cards,
//! not a whole map.
//!
//! A text cell that a spreadsheet would run as a formula (one starting
//! with `=`, `+`, `-`, `@`, a tab or a carriage return) is written with a
//! `'` in front, as OWASP advises, so it opens as text; see [`formula`].
//! The reader takes that `'` off again, so Waymark reads its own output
//! back to the same cards.
//!
//! Reading is linear in the text, and refuses texts over the
//! [`super::limits`].

mod formula;
mod read;
mod scan;
mod volumes;
mod write;

use std::fmt;

use crate::format::{LoadError, LoadErrorKind};

pub use formula::{protect, unprotect};
pub use read::{from_str, import_into};
pub use volumes::{UnknownStage, VolumeRow, Volumes, read_volumes};
pub use write::{card_row, to_string};

/// What a column holds. The order of [`Field::ALL`] is the column order
/// [`to_string`] writes; adding a column means a variant here, its entry in
/// [`Field::ALL`], [`Field::header`] and [`Field::aliases`], and how it is
/// written and read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Field {
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
    FailPoint,
    StageVolume,
    StagePeriod,
    Votes,
}

impl Field {
    /// Every field, in the order the columns are written.
    pub(crate) const ALL: [Field; 17] = [
        Field::Stage,
        Field::Lane,
        Field::Title,
        Field::Channel,
        Field::Medium,
        Field::Owner,
        Field::Metric,
        Field::EmotionScore,
        Field::EmotionWord,
        Field::Personas,
        Field::Notes,
        Field::Evidence,
        Field::Source,
        Field::FailPoint,
        Field::StageVolume,
        Field::StagePeriod,
        Field::Votes,
    ];

    /// The header this module writes for the field.
    pub(crate) fn header(self) -> &'static str {
        match self {
            Field::Stage => "stage",
            Field::Lane => "lane",
            Field::Title => "title",
            Field::Channel => "channel",
            Field::Medium => "medium",
            Field::Owner => "owner",
            Field::Metric => "metric",
            Field::EmotionScore => "emotion_score",
            Field::EmotionWord => "emotion_word",
            Field::Personas => "personas",
            Field::Notes => "notes",
            Field::Evidence => "evidence",
            Field::Source => "source",
            Field::FailPoint => "fail_point",
            Field::StageVolume => "stage_volume",
            Field::StagePeriod => "stage_period",
            Field::Votes => "votes",
        }
    }

    /// Other headers read as this field, as keys (lower case, letters and
    /// digits only).
    fn aliases(self) -> &'static [&'static str] {
        match self {
            Field::Medium => &["digitalphysical", "digitalorphysical"],
            Field::EmotionScore => &["emotion", "score"],
            Field::EmotionWord => &["feeling"],
            Field::Personas => &["persona"],
            Field::Notes => &["note"],
            Field::Evidence => &["evidencelevel"],
            Field::Source => &["evidencesource"],
            Field::FailPoint => &["failpoint"],
            Field::StageVolume => &["volume", "stagecount", "customers"],
            Field::StagePeriod => &["period"],
            Field::Votes => &["dots"],
            _ => &[],
        }
    }

    /// Whether the column holds free text, which must be kept from running
    /// as a formula. The score and the votes are numbers Waymark writes
    /// itself.
    pub(crate) fn is_text(self) -> bool {
        !matches!(
            self,
            Field::EmotionScore | Field::StageVolume | Field::Votes
        )
    }

    /// Recognises a header, ignoring case, spaces and punctuation.
    pub(crate) fn from_header(header: &str) -> Option<Field> {
        let key: String = header
            .chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .collect();
        let plain = |field: Field| -> String {
            field
                .header()
                .chars()
                .filter(|c| c.is_alphanumeric())
                .collect()
        };
        Field::ALL
            .into_iter()
            .find(|&field| plain(field) == key || field.aliases().contains(&key.as_str()))
    }

    /// The field's place in [`Field::ALL`], for tables indexed by field.
    pub(crate) fn slot(self) -> usize {
        self as usize
    }
}

/// The header row this module writes, in column order.
pub const COLUMNS: [&str; 17] = [
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
    "fail_point",
    "stage_volume",
    "stage_period",
    "votes",
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_and_the_header_agree() {
        let headers: Vec<&str> = Field::ALL.iter().map(|f| f.header()).collect();
        assert_eq!(headers, COLUMNS);
        for (i, field) in Field::ALL.into_iter().enumerate() {
            assert_eq!(field.slot(), i);
            assert_eq!(Field::from_header(field.header()), Some(field));
        }
        assert_eq!(
            Field::from_header("Digital / Physical"),
            Some(Field::Medium)
        );
        assert_eq!(
            Field::from_header("Emotion Score"),
            Some(Field::EmotionScore)
        );
        assert_eq!(Field::from_header("colour"), None);
    }
}
