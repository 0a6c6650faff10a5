//! Finds where a field or list item stands in a `.ron` text.
//!
//! serde reports *what* it skipped or refused as a path (`map.cards[3].id`)
//! but not *where*. This scanner walks the text once, keeping a stack of
//! brackets, and notes the line:column of the keys and list items that were
//! asked for. It knows strings, raw strings, chars and comments, so a
//! bracket inside a card's notes does not confuse it. It is only run when
//! a position is needed, and its cost is linear in the text.

use std::collections::{HashMap, HashSet};
use std::fmt;

/// One step of a path through a RON document.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Step {
    /// A struct field, by name.
    Field(String),
    /// An item of a list, from 0.
    Index(usize),
}

/// A path from the top of the file: `map.cards[3].id`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct FieldPath(pub Vec<Step>);

impl FieldPath {
    /// A path from its steps.
    pub fn new(steps: Vec<Step>) -> Self {
        Self(steps)
    }

    /// The path with a field added at the end.
    pub fn field(mut self, name: &str) -> Self {
        self.0.push(Step::Field(name.to_owned()));
        self
    }

    /// The path with a list index added at the end.
    pub fn index(mut self, index: usize) -> Self {
        self.0.push(Step::Index(index));
        self
    }

    /// The last field name on the path, if any.
    pub fn last_field(&self) -> Option<&str> {
        self.0.iter().rev().find_map(|s| match s {
            Step::Field(name) => Some(name.as_str()),
            Step::Index(_) => None,
        })
    }
}

impl fmt::Display for FieldPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, step) in self.0.iter().enumerate() {
            match step {
                Step::Field(name) if i == 0 => write!(f, "{name}")?,
                Step::Field(name) => write!(f, ".{name}")?,
                Step::Index(index) => write!(f, "[{index}]")?,
            }
        }
        Ok(())
    }
}

/// A 1-based line and column (in characters).
pub type LineCol = (usize, usize);

#[derive(Clone, Copy, PartialEq, Eq)]
enum Open {
    Paren,
    Bracket,
    Brace,
}

struct Frame {
    open: Open,
    /// The current list item (brackets only).
    index: usize,
    /// The key whose value is being read (parens only).
    key: Option<String>,
    /// True right after `[` or `,` in a list: the next token starts an item.
    at_item_start: bool,
}

/// The positions of `paths` in `text`: the key of a field, or the first
/// token of a list item. `None` where a path is not found.
pub fn locate(text: &str, paths: &[FieldPath]) -> Vec<Option<LineCol>> {
    let mut found: Vec<Option<LineCol>> = vec![None; paths.len()];
    if paths.is_empty() {
        return found;
    }
    let wanted: HashMap<&FieldPath, Vec<usize>> =
        paths
            .iter()
            .enumerate()
            .fold(HashMap::new(), |mut m, (i, p)| {
                m.entry(p).or_default().push(i);
                m
            });
    // Paths are only built where the last step could match, so a large
    // file with one unknown field costs one pass and almost no allocation.
    let last_fields: HashSet<&str> = paths
        .iter()
        .filter_map(|p| match p.0.last() {
            Some(Step::Field(name)) => Some(name.as_str()),
            _ => None,
        })
        .collect();
    let want_items = paths
        .iter()
        .any(|p| matches!(p.0.last(), Some(Step::Index(_))));

    let mut note = |stack: &[Frame], last: Step, pos: LineCol| {
        let path = current_path(stack, last);
        if let Some(indexes) = wanted.get(&path) {
            for &i in indexes {
                found[i].get_or_insert(pos);
            }
        }
    };

    let mut cursor = Cursor::new(text);
    let mut stack: Vec<Frame> = Vec::new();
    while let Some((pos, c)) = cursor.peek() {
        if c.is_whitespace() {
            cursor.bump();
            continue;
        }
        if cursor.skip_comment() {
            continue;
        }
        // The first token of a list item.
        if let Some(top) = stack.last_mut()
            && top.open == Open::Bracket
            && top.at_item_start
            && c != ']'
        {
            top.at_item_start = false;
            if want_items {
                let index = top.index;
                note(&stack, Step::Index(index), pos);
            }
        }
        match c {
            '(' | '[' | '{' => {
                cursor.bump();
                let open = match c {
                    '(' => Open::Paren,
                    '[' => Open::Bracket,
                    _ => Open::Brace,
                };
                stack.push(Frame {
                    open,
                    index: 0,
                    key: None,
                    at_item_start: open == Open::Bracket,
                });
            }
            ')' | ']' | '}' => {
                cursor.bump();
                stack.pop();
            }
            ',' => {
                cursor.bump();
                if let Some(top) = stack.last_mut() {
                    match top.open {
                        Open::Bracket => {
                            top.index += 1;
                            top.at_item_start = true;
                        }
                        Open::Paren => top.key = None,
                        Open::Brace => {}
                    }
                }
            }
            '"' => cursor.skip_string(),
            '\'' => cursor.skip_char_literal(),
            c if c == 'r' || c == 'b' => {
                if !cursor.skip_prefixed_string() {
                    let name = cursor.identifier();
                    handle_identifier(&mut cursor, &mut stack, name, pos, &last_fields, &mut note);
                }
            }
            c if c.is_alphabetic() || c == '_' => {
                let name = cursor.identifier();
                handle_identifier(&mut cursor, &mut stack, name, pos, &last_fields, &mut note);
            }
            _ => {
                cursor.bump();
            }
        }
    }
    found
}

/// An identifier followed by `:` inside `( )` is a field name.
fn handle_identifier(
    cursor: &mut Cursor<'_>,
    stack: &mut [Frame],
    name: &str,
    pos: LineCol,
    last_fields: &HashSet<&str>,
    note: &mut impl FnMut(&[Frame], Step, LineCol),
) {
    let Some(top) = stack.last() else {
        return;
    };
    if top.open != Open::Paren || !cursor.next_significant_is(':') {
        return;
    }
    let name = name.strip_prefix("r#").unwrap_or(name);
    if last_fields.contains(name) {
        note(stack, Step::Field(name.to_owned()), pos);
    }
    if let Some(top) = stack.last_mut() {
        top.key = Some(name.to_owned());
    }
}

fn current_path(stack: &[Frame], last: Step) -> FieldPath {
    // The innermost frame's own step is the one being noted.
    let outer = &stack[..stack.len().saturating_sub(1)];
    let mut steps: Vec<Step> = outer
        .iter()
        .filter_map(|f| match f.open {
            Open::Bracket => Some(Step::Index(f.index)),
            Open::Paren => f.key.clone().map(Step::Field),
            Open::Brace => None,
        })
        .collect();
    steps.push(last);
    FieldPath(steps)
}

/// A character cursor that keeps the line and column.
struct Cursor<'a> {
    text: &'a str,
    offset: usize,
    line: usize,
    col: usize,
}

impl<'a> Cursor<'a> {
    fn new(text: &'a str) -> Self {
        Self {
            text,
            offset: 0,
            line: 1,
            col: 1,
        }
    }

    fn rest(&self) -> &'a str {
        &self.text[self.offset..]
    }

    fn peek(&self) -> Option<(LineCol, char)> {
        self.rest()
            .chars()
            .next()
            .map(|c| ((self.line, self.col), c))
    }

    fn bump(&mut self) -> Option<char> {
        let c = self.rest().chars().next()?;
        self.offset += c.len_utf8();
        if c == '\n' {
            self.line += 1;
            self.col = 1;
        } else {
            self.col += 1;
        }
        Some(c)
    }

    fn bump_n(&mut self, n: usize) {
        for _ in 0..n {
            self.bump();
        }
    }

    /// Skips a `//` or (nested) `/* */` comment; false if none starts here.
    fn skip_comment(&mut self) -> bool {
        let rest = self.rest();
        if rest.starts_with("//") {
            while let Some(c) = self.bump() {
                if c == '\n' {
                    break;
                }
            }
            true
        } else if rest.starts_with("/*") {
            self.bump_n(2);
            let mut depth = 1usize;
            while depth > 0 {
                let rest = self.rest();
                if rest.is_empty() {
                    break;
                }
                if rest.starts_with("/*") {
                    depth += 1;
                    self.bump_n(2);
                } else if rest.starts_with("*/") {
                    depth -= 1;
                    self.bump_n(2);
                } else {
                    self.bump();
                }
            }
            true
        } else {
            false
        }
    }

    /// Skips a `"…"` string with backslash escapes.
    fn skip_string(&mut self) {
        self.bump(); // the opening quote
        while let Some(c) = self.bump() {
            match c {
                '\\' => {
                    self.bump();
                }
                '"' => return,
                _ => {}
            }
        }
    }

    fn skip_raw_string(&mut self, hashes: usize) {
        self.bump(); // the opening quote
        loop {
            let Some(c) = self.bump() else {
                return;
            };
            if c == '"' {
                let rest = self.rest();
                if rest.len() >= hashes && rest.as_bytes()[..hashes].iter().all(|&b| b == b'#') {
                    self.bump_n(hashes);
                    return;
                }
            }
        }
    }

    /// Skips `r"…"`, `r#"…"#`, `b"…"` or `br#"…"#`; false if none starts here.
    fn skip_prefixed_string(&mut self) -> bool {
        let rest = self.rest().as_bytes();
        let mut i = 0;
        if rest.first() == Some(&b'b') {
            i += 1;
        }
        let raw = rest.get(i) == Some(&b'r');
        if raw {
            i += 1;
        }
        if i == 0 {
            return false;
        }
        let hashes = rest[i..].iter().take_while(|&&b| b == b'#').count();
        if rest.get(i + hashes) != Some(&b'"') {
            return false;
        }
        self.bump_n(i + hashes);
        if raw {
            self.skip_raw_string(hashes);
        } else {
            self.skip_string();
        }
        true
    }

    fn skip_char_literal(&mut self) {
        self.bump();
        if self.rest().starts_with('\\') {
            self.bump_n(2);
        } else {
            self.bump();
        }
        // Up to the closing quote (also skips `\u{…}`).
        while let Some(c) = self.bump() {
            if c == '\'' || c == '\n' {
                break;
            }
        }
    }

    /// Reads an identifier (with an optional `r#` prefix).
    fn identifier(&mut self) -> &'a str {
        let start = self.offset;
        if self.rest().starts_with("r#") {
            self.bump_n(2);
        }
        while let Some((_, c)) = self.peek() {
            if c.is_alphanumeric() || c == '_' {
                self.bump();
            } else {
                break;
            }
        }
        if self.offset == start {
            self.bump();
        }
        &self.text[start..self.offset]
    }

    /// Whether the next character after spaces and comments is `c`. Does
    /// not move the cursor.
    fn next_significant_is(&self, c: char) -> bool {
        let mut probe = Cursor {
            text: self.text,
            offset: self.offset,
            line: self.line,
            col: self.col,
        };
        loop {
            match probe.peek() {
                Some((_, w)) if w.is_whitespace() => {
                    probe.bump();
                }
                Some(_) if probe.skip_comment() => {}
                Some((_, next)) => return next == c && !probe.rest().starts_with("::"),
                None => return false,
            }
        }
    }
}

#[cfg(test)]
mod tests;
