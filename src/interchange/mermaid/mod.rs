//! Mermaid `journey` diagrams (Mermaid's "user journey"), read and written.
//!
//! ```text
//! journey
//!     title My working day
//!     section Go to work
//!       Make tea: 5: Me
//!       Do work: 1: Me, Cat
//! ```
//!
//! Sections become stages, tasks become cards, actors become personas, and
//! a task's score 1..=5 becomes an emotion -2..=+2. Import puts tasks in
//! the Touchpoints lane unless a `%% lane: NAME` comment (which Mermaid
//! ignores) says otherwise; export writes those comments, so the lanes of a
//! Waymark map survive a round trip while the diagram stays valid Mermaid.
//!
//! What the Mermaid form cannot carry is lost on export: channel, medium,
//! owner, metric, notes, the emotion's word, stage goals, focus and
//! emotions, persona descriptions and personas on no card. A card with no
//! emotion is written with the neutral score 3, so it comes back neutral.
//!
//! The reader is more forgiving than Mermaid where that cannot change the
//! meaning (`#` and `;` in names, a `:` in a section name) and strict where
//! Mermaid would draw something else than the author meant (a score that is
//! not a whole number from 1 to 5, a task without a score).
//!
//! Reading is linear in the text (actors and lanes are found through hash
//! maps, and each line is searched for a comment once), and refuses texts
//! over the [`super::limits`].

mod reader;
mod text;
mod write;

use std::collections::HashMap;
use std::fmt;

use crate::format::{LoadError, LoadErrorKind};
use crate::interchange::limits::input_too_large;
use crate::model::{Lane, LaneId, LaneKind, Map};

use reader::{Reader, skip_front_matter};

pub use write::to_string;

/// A Mermaid text that could not be read: where, and why in plain words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MermaidError {
    /// 1-based line number.
    pub line: usize,
    /// 1-based column, in characters.
    pub column: usize,
    /// What is wrong and how to fix it.
    pub message: String,
}

impl MermaidError {
    /// The same error as every other load error, naming the file.
    pub fn to_load_error(&self, file: &str) -> LoadError {
        LoadError {
            file: file.to_owned(),
            position: Some((self.line, self.column)),
            kind: LoadErrorKind::Syntax(self.message.clone()),
        }
    }
}

impl fmt::Display for MermaidError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "line {}, column {}: {}",
            self.line, self.column, self.message
        )
    }
}

impl std::error::Error for MermaidError {}

/// The title a map gets when the diagram has none.
const DEFAULT_TITLE: &str = "Untitled journey";

/// The stage for tasks written before the first `section`.
const UNSECTIONED: &str = "Untitled stage";

/// The comment that names the lane of the tasks after it.
const LANE_COMMENT: &str = "lane:";

/// Reads a Mermaid `journey` diagram into a new map.
pub fn from_str(text: &str) -> Result<Map, MermaidError> {
    if let Some(message) = input_too_large(text.len()) {
        return Err(MermaidError {
            line: 1,
            column: 1,
            message,
        });
    }
    let mut reader = Reader::new();
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let lines: Vec<&str> = text
        .split('\n')
        .map(|l| l.strip_suffix('\r').unwrap_or(l))
        .collect();
    let mut i = skip_front_matter(&lines, &mut reader)?;
    while i < lines.len() {
        i = reader.line(&lines, i)?;
    }
    if !reader.header_seen {
        return Err(MermaidError {
            line: lines.len().max(1),
            column: 1,
            message: "the text has no `journey` header; a Mermaid user journey starts with \
                      a line that says `journey`"
                .to_owned(),
        });
    }
    Ok(reader.finish())
}

/// The lanes of the map being built, by name.
#[derive(Default)]
struct Lanes {
    /// By trimmed name in ASCII lower case.
    by_name: HashMap<String, LaneId>,
    /// The lane of tasks with no `%% lane:` comment.
    touchpoints: Option<LaneId>,
}

impl Lanes {
    /// The lane with this name (case-insensitive), made if missing; the
    /// Touchpoints lane when no name is given.
    fn named(&mut self, map: &mut Map, name: Option<&str>) -> LaneId {
        let found = match name {
            None => self.touchpoints,
            Some(name) => self.by_name.get(&name.trim().to_ascii_lowercase()).copied(),
        };
        if let Some(id) = found {
            return id;
        }
        let kind = match name {
            None => LaneKind::Touchpoints,
            Some(name) => lane_kind(name),
        };
        let id = map.new_lane_id();
        let mut lane = Lane::new(id, kind);
        if let Some(name) = name {
            lane.name = name.trim().to_owned();
        }
        self.by_name.insert(lane.name.to_ascii_lowercase(), id);
        if name.is_none() {
            self.touchpoints = Some(id);
        }
        map.lanes.push(lane);
        id
    }
}

/// A known lane kind recognised from its label (or a usual wording, such
/// as "Customer actions"), or a custom one.
pub(crate) fn lane_kind(name: &str) -> LaneKind {
    LaneKind::recognise(name)
}

/// `text` after a case-insensitive `kw` at its start.
fn keyword<'a>(text: &'a str, kw: &str) -> Option<&'a str> {
    let head = text.get(..kw.len())?;
    head.eq_ignore_ascii_case(kw).then(|| &text[kw.len()..])
}

/// Like [`keyword`], but the keyword must be a whole word: followed by
/// white space or the end of the line.
fn word<'a>(text: &'a str, kw: &str) -> Option<&'a str> {
    let rest = keyword(text, kw)?;
    (rest.is_empty() || rest.starts_with(char::is_whitespace)).then_some(rest)
}

/// The line without a trailing `%%` comment. Mermaid keeps `}%%`, the end
/// of a directive, so we do too.
fn strip_comment(line: &str) -> &str {
    let mut from = 0;
    while let Some(at) = line[from..].find("%%") {
        let at = from + at;
        if !line[..at].ends_with('}') {
            return &line[..at];
        }
        from = at + 2;
    }
    line
}

/// The 1-based character column where `sub`, a slice of `line`, starts.
fn column(line: &str, sub: &str) -> usize {
    let offset = (sub.as_ptr() as usize).saturating_sub(line.as_ptr() as usize);
    let offset = offset.min(line.len());
    line.get(..offset).map_or(0, |s| s.chars().count()) + 1
}
