//! Load errors that say what went wrong and where, in plain words.

use std::fmt;

use ron::error::{Error as RonError, SpannedError};

use super::FORMAT_VERSION;

/// What kind of problem stopped a file from loading.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LoadErrorKind {
    /// The file could not be read at all.
    Io(String),
    /// The text is not valid: bad syntax, a wrong type, an unknown value.
    Syntax(String),
    /// The file is not a Waymark map.
    NotAMap(String),
    /// The file was written by a newer Waymark.
    NewerVersion {
        /// The version found in the file.
        version: u32,
    },
    /// The file parses but its contents contradict each other.
    Invalid(String),
}

/// A failed load: the file, the position if known, and the reason.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoadError {
    /// The file's name or path, as given.
    pub file: String,
    /// 1-based line and column, where the problem is.
    pub position: Option<(usize, usize)>,
    /// What went wrong.
    pub kind: LoadErrorKind,
}

impl LoadError {
    /// An error without a position.
    pub fn new(file: &str, kind: LoadErrorKind) -> Self {
        Self {
            file: file.to_owned(),
            position: None,
            kind,
        }
    }

    /// An error at a line and column.
    pub fn at(file: &str, position: (usize, usize), kind: LoadErrorKind) -> Self {
        Self {
            position: Some(position),
            ..Self::new(file, kind)
        }
    }

    /// Turns ron's error into one that explains itself.
    pub fn from_ron(file: &str, text: &str, err: &SpannedError) -> Self {
        let mut position = (err.span.start.line, err.span.start.col);
        let at_struct_level = matches!(
            err.code,
            RonError::MissingStructField { .. } | RonError::DuplicateStructField { .. }
        );
        // ron reports a missing field at the end of the document; point at
        // the last line with text instead of at an empty last line.
        if matches!(err.code, RonError::MissingStructField { .. }) {
            position = last_text_position(text).unwrap_or(position);
        }
        // A parser that stopped where the text stops did not find a wrong
        // token: the text is cut short (a save or a copy that died).
        let end = end_position(text.trim_end());
        let reached = position.max((err.span.end.line, err.span.end.col));
        if matches!(err.code, RonError::TrailingCharacters) {
            // ron points just after the map; point at the extra text.
            position = skip_blanks(text, position);
        }
        let runs_to_end = matches!(
            err.code,
            RonError::ExpectedStringEnd | RonError::UnclosedBlockComment
        );
        let message = if runs_to_end {
            let (line, col) = end;
            let what = match err.code {
                RonError::ExpectedStringEnd => "a text that starts here; a closing `\"`",
                _ => "a `/*` comment that starts here; a closing `*/`",
            };
            format!(
                "the file ends too early at {line}:{col}, inside {what} is missing or the file is cut off"
            )
        } else if !at_struct_level && reached >= end {
            let (line, col) = end;
            position = end;
            format!(
                "the file ends too early at {line}:{col}; it looks cut off \
                 (a closing bracket or more is missing)"
            )
        } else {
            friendly(&explain(&err.code))
        };
        Self {
            file: file.to_owned(),
            position: Some(position),
            kind: LoadErrorKind::Syntax(message),
        }
    }

    /// The message without the file and position prefix.
    pub fn reason(&self) -> String {
        match &self.kind {
            LoadErrorKind::Io(msg) => format!("could not read the file: {msg}"),
            LoadErrorKind::Syntax(msg) => msg.clone(),
            LoadErrorKind::NotAMap(msg) => format!("this is not a Waymark map: {msg}"),
            LoadErrorKind::NewerVersion { version } => format!(
                "this map was saved by a newer Waymark (format version {version}); \
                 this version reads up to format version {FORMAT_VERSION}. \
                 Update Waymark to open it."
            ),
            LoadErrorKind::Invalid(msg) => format!("the map contradicts itself: {msg}"),
        }
    }
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.position {
            Some((line, col)) => write!(f, "{}:{line}:{col}: {}", self.file, self.reason()),
            None => write!(f, "{}: {}", self.file, self.reason()),
        }
    }
}

impl std::error::Error for LoadError {}

/// The line:column just after the end of `text` (1-based, in characters).
pub(super) fn end_position(text: &str) -> (usize, usize) {
    let line = 1 + text.bytes().filter(|&b| b == b'\n').count();
    let last = text.rsplit('\n').next().unwrap_or("");
    (line, 1 + last.chars().count())
}

/// The first position at or after `from` that is not white space.
fn skip_blanks(text: &str, from: (usize, usize)) -> (usize, usize) {
    let (mut line, mut col) = (1, 1);
    let mut started = false;
    for c in text.chars() {
        if (line, col) >= from {
            started = true;
        }
        if started && !c.is_whitespace() {
            return (line, col);
        }
        if c == '\n' {
            line += 1;
            col = 1;
        } else {
            col += 1;
        }
    }
    from
}

/// Our Rust type names, in messages that serde builds from them (such as
/// "expected struct EnvelopeIn"), become words a user knows.
pub(super) fn friendly(message: &str) -> String {
    const NAMES: [(&str, &str); 11] = [
        ("EnvelopeIn", "map file"),
        ("Map", "map"),
        ("Card", "card"),
        ("Stage", "stage"),
        ("Lane", "lane"),
        ("Persona", "persona"),
        ("Emotion", "emotion"),
        ("Channel", "channel"),
        ("LaneKind", "lane kind"),
        ("Medium", "medium"),
        ("StageRole", "stage role"),
    ];
    let mut out = message.to_owned();
    for (rust, word) in NAMES {
        for kind in ["struct ", "enum ", "tuple struct ", "newtype struct "] {
            out = out.replace(&format!("{kind}{rust}"), &format!("a {word}"));
            out = out.replace(&format!("{kind}`{rust}`"), &format!("a {word}"));
        }
    }
    // Anything left, such as a bare name in a custom message.
    out.replace("EnvelopeIn", "map file")
}

fn last_text_position(text: &str) -> Option<(usize, usize)> {
    let (index, line) = text
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .last()?;
    Some((index + 1, line.chars().count().max(1)))
}

fn list(names: &[&str]) -> String {
    names
        .iter()
        .map(|n| format!("`{n}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

fn inside(outer: &Option<String>) -> String {
    match outer {
        Some(o) if !o.is_empty() => format!(" in a {}", friendly_type(o)),
        _ => String::new(),
    }
}

/// Our Rust type names, as the file's reader thinks of them.
fn friendly_type(name: &str) -> &str {
    match name {
        "EnvelopeIn" => "map file",
        "Map" => "map",
        "Card" => "card",
        "Stage" => "stage",
        "Lane" => "lane",
        "Persona" => "persona",
        "Emotion" => "emotion",
        "Channel" => "channel",
        "LaneKind" => "lane kind",
        "Medium" => "medium",
        "StageRole" => "stage role",
        other => other,
    }
}

fn explain(code: &RonError) -> String {
    match code {
        RonError::Eof => "the file ends too early; a closing bracket may be missing".to_owned(),
        RonError::ExpectedArray => "expected a list starting with `[`".to_owned(),
        RonError::ExpectedArrayEnd => "expected `]` to close the list".to_owned(),
        RonError::ExpectedComma => "expected a comma between two items".to_owned(),
        RonError::ExpectedStructLike => "expected `(` to start a group of fields".to_owned(),
        RonError::ExpectedStructLikeEnd => "expected `)` to close a group of fields".to_owned(),
        RonError::ExpectedString => "expected text in double quotes".to_owned(),
        RonError::ExpectedStringEnd => "a text is not closed with `\"`".to_owned(),
        RonError::ExpectedInteger => "expected a whole number".to_owned(),
        RonError::ExpectedBoolean => "expected `true` or `false`".to_owned(),
        RonError::ExpectedOption => "expected `Some(...)` or `None`".to_owned(),
        RonError::ExpectedIdentifier => "expected a field name".to_owned(),
        RonError::IntegerOutOfBounds => "this number is too large or too small".to_owned(),
        RonError::UnexpectedChar(c) => format!("unexpected character `{c}`"),
        RonError::TrailingCharacters => "there is more text after the end of the map".to_owned(),
        RonError::ExceededRecursionLimit => {
            "the file nests brackets too deeply to be a map".to_owned()
        }
        RonError::UnclosedBlockComment => "a `/*` comment is never closed".to_owned(),
        RonError::NoSuchEnumVariant {
            expected,
            found,
            outer,
        } => format!(
            "`{found}` is not a known value{}; expected one of {}",
            inside(outer),
            list(expected)
        ),
        RonError::NoSuchStructField {
            expected,
            found,
            outer,
        } => format!(
            "unknown field `{found}`{}; known fields are {}",
            inside(outer),
            list(expected)
        ),
        RonError::MissingStructField { field, outer } => {
            format!("a required field `{field}` is missing{}", inside(outer))
        }
        RonError::DuplicateStructField { field, outer } => {
            format!("the field `{field}` appears twice{}", inside(outer))
        }
        RonError::InvalidValueForType { expected, found } => {
            format!("expected {expected}, but found {found}")
        }
        RonError::Message(msg) => msg.clone(),
        other => {
            let text = other.to_string();
            let mut chars = text.chars();
            match chars.next() {
                Some(first) => first.to_lowercase().collect::<String>() + chars.as_str(),
                None => text,
            }
        }
    }
}
