//! Stage volumes from a CSV of analytics: one row per stage, its name and
//! how many customers reached it, with an optional period. Read into the
//! open map's stages by name.
//!
//! ```text
//! stage,count,period
//! Browse,12000,March 2026
//! Checkout,1800,March 2026
//! ```
//!
//! The header is optional: without one the first column is the stage and
//! the second its count (a third, if there, the period). With one, the
//! columns are found by name (`stage`, `name` or `step`; `count`,
//! `volume`, `customers`, `users`, `visitors` or `sessions`; `period`), in
//! any order. Counts may group their thousands (`12,000` in quotes,
//! `12 000`).

use std::collections::HashMap;

use super::CsvError;
use super::scan::{cell_position, line_col, unclosed_quote};
use crate::interchange::limits::input_too_large;
use crate::model::{Map, StageId};

/// One stage's count, read from a row.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VolumeRow {
    /// The stage, found by its name.
    pub stage: StageId,
    /// How many customers reached it.
    pub volume: u64,
    /// The period, when the row names one.
    pub period: Option<String>,
}

/// A stage name no stage of the map has, and where it was.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnknownStage {
    /// The name as written.
    pub name: String,
    /// Its line in the text.
    pub line: usize,
}

/// What a volumes CSV holds for a map.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Volumes {
    /// The rows that name a stage of the map, in the text's order.
    pub rows: Vec<VolumeRow>,
    /// The rows whose stage the map does not have: reported, not dropped
    /// in silence.
    pub unknown: Vec<UnknownStage>,
}

/// Which column holds what.
struct Columns {
    stage: usize,
    count: usize,
    period: Option<usize>,
}

fn key(text: &str) -> String {
    text.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Reads a count, allowing grouped thousands; `None` if it is not one.
fn count(cell: &str) -> Option<u64> {
    let digits: String = cell
        .trim()
        .chars()
        .filter(|c| !matches!(c, ',' | '_' | ' ' | '\u{a0}' | '\u{202f}' | '\''))
        .collect();
    if digits.is_empty() {
        return None;
    }
    digits.parse().ok()
}

/// Reads the stage counts of a CSV text for `map`: each row's stage is
/// found by its name (ignoring case and surrounding spaces). A count that
/// is not a whole number, a stage named twice, or a text with no row at
/// all is an error naming its line and column; rows naming a stage the map
/// lacks are listed in [`Volumes::unknown`]. Linear in the text.
pub fn read_volumes(map: &Map, text: &str) -> Result<Volumes, CsvError> {
    let error = |row: usize, position: (usize, usize), message: String| CsvError {
        row,
        column: None,
        position,
        message,
    };
    if let Some(message) = input_too_large(text.len()) {
        return Err(error(1, (1, 1), message));
    }
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if let Some(quote) = unclosed_quote(text) {
        return Err(error(
            quote.record + 1,
            line_col(text, quote.at),
            "this quote is never closed; end the cell with `\"`".to_owned(),
        ));
    }
    let names: HashMap<String, StageId> = map
        .stages
        .iter()
        .rev()
        .map(|s| (s.name.trim().to_lowercase(), s.id))
        .collect();
    let mut reader = ::csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut record = ::csv::StringRecord::new();
    let mut columns: Option<Columns> = None;
    let mut out = Volumes::default();
    let mut seen: HashMap<StageId, usize> = HashMap::new();
    loop {
        match reader.read_record(&mut record) {
            Ok(true) => {}
            Ok(false) => break,
            Err(err) => {
                let at = err.position().map_or(0, |p| p.byte() as usize);
                return Err(error(0, line_col(text, at), err.to_string()));
            }
        }
        if record.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        let start = record.position().map_or(0, |p| p.byte() as usize);
        let row = record.position().map_or(0, |p| p.record() as usize + 1);
        let line = record.position().map_or(0, |p| p.line() as usize);
        let cols = match &columns {
            Some(c) => c,
            None => {
                // The first row: a header when its second cell is no count.
                let header = record.get(1).is_none_or(|c| count(c).is_none());
                let found = if header {
                    let find = |names: &[&str]| {
                        record.iter().position(|h| names.contains(&key(h).as_str()))
                    };
                    let stage = find(&["stage", "name", "step", "stagename"]);
                    let count = find(&[
                        "count",
                        "volume",
                        "customers",
                        "users",
                        "visitors",
                        "sessions",
                        "stagevolume",
                    ]);
                    match (stage, count) {
                        (Some(stage), Some(count)) => Columns {
                            stage,
                            count,
                            period: find(&["period", "stageperiod", "month", "date"]),
                        },
                        _ => {
                            return Err(error(
                                row,
                                cell_position(text, start, 0),
                                "the header needs a `stage` column and a `count` column (or no \
                                 header: stage name, then count, on each row)"
                                    .to_owned(),
                            ));
                        }
                    }
                } else {
                    Columns {
                        stage: 0,
                        count: 1,
                        period: (record.len() > 2).then_some(2),
                    }
                };
                columns = Some(found);
                if header {
                    continue;
                }
                columns.as_ref().expect("set just above")
            }
        };
        let cell = |i: usize| record.get(i).unwrap_or("").trim();
        let name = cell(cols.stage);
        let raw = cell(cols.count);
        let Some(volume) = count(raw) else {
            let what = if raw.is_empty() {
                format!("the row for \"{name}\" has no count")
            } else {
                format!(
                    "`{raw}` is not a count of customers; expected a whole number such as 12000"
                )
            };
            return Err(CsvError {
                column: Some("count".to_owned()),
                ..error(row, cell_position(text, start, cols.count), what)
            });
        };
        let Some(&stage) = names.get(&name.to_lowercase()) else {
            out.unknown.push(UnknownStage {
                name: name.to_owned(),
                line,
            });
            continue;
        };
        if let Some(first) = seen.insert(stage, line) {
            return Err(error(
                row,
                cell_position(text, start, cols.stage),
                format!("\"{name}\" has a count already, on line {first}; give each stage one row"),
            ));
        }
        let period = cols
            .period
            .map(cell)
            .filter(|p| !p.is_empty())
            .map(str::to_owned);
        out.rows.push(VolumeRow {
            stage,
            volume,
            period,
        });
    }
    if out.rows.is_empty() && out.unknown.is_empty() {
        return Err(error(
            1,
            (1, 1),
            "the text has no rows; expected a stage name and a count on each row".to_owned(),
        ));
    }
    Ok(out)
}
