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

use std::collections::HashMap;
use std::fmt;
use std::sync::Arc;

use crate::format::{LoadError, LoadErrorKind};
use crate::model::{Card, Emotion, Lane, LaneId, LaneKind, Map, Persona, PersonaId, Stage};

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

/// Skips a YAML front-matter block (`---` … `---`) at the start, keeping
/// its `title:`. Returns the index of the first line after it.
fn skip_front_matter(lines: &[&str], reader: &mut Reader) -> Result<usize, MermaidError> {
    let Some(first) = lines.iter().position(|l| !l.trim().is_empty()) else {
        return Ok(0);
    };
    if lines[first].trim() != "---" {
        return Ok(first);
    }
    for (i, line) in lines.iter().enumerate().skip(first + 1) {
        let line = line.trim();
        if line == "---" {
            return Ok(i + 1);
        }
        if let Some(rest) = keyword(line, "title:") {
            let value = rest.trim().trim_matches(|c| c == '"' || c == '\'');
            reader.title = Some(decode(value));
        }
    }
    Err(MermaidError {
        line: first + 1,
        column: 1,
        message: "the front matter that starts here with `---` is never closed by another `---`"
            .to_owned(),
    })
}

/// Where reading goes on after a statement.
enum Next<'a> {
    /// At the start of this line.
    Line(usize),
    /// With the rest of this line, after an `accDescr { … }` closed on it.
    Rest(usize, &'a str),
}

/// A task as read, before it becomes a card.
struct Task {
    name: String,
    score: u8,
    actors: Vec<String>,
    lane: Option<String>,
}

/// The state of a read in progress.
struct Reader {
    header_seen: bool,
    title: Option<String>,
    acc_title: Option<String>,
    acc_descr: Option<String>,
    sections: Vec<(String, Vec<Task>)>,
    lane: Option<String>,
}

impl Reader {
    fn new() -> Self {
        Self {
            header_seen: false,
            title: None,
            acc_title: None,
            acc_descr: None,
            sections: Vec::new(),
            lane: None,
        }
    }

    /// Reads line `i` (and more lines for a multiline `accDescr { … }`).
    /// Returns the index of the next line to read.
    fn line(&mut self, lines: &[&str], i: usize) -> Result<usize, MermaidError> {
        let raw = lines[i];
        let (mut at, mut text) = (i, raw);
        if let Some(comment) = raw.trim().strip_prefix("%%") {
            // `%%{init: …}%%` directives are comments as far as we care.
            if let Some(lane) = keyword(comment.trim(), LANE_COMMENT) {
                let lane = lane.trim();
                self.lane = (!lane.is_empty()).then(|| lane.to_owned());
            }
            return Ok(i + 1);
        }
        // A loop, not recursion: one line may hold many `accDescr{…}`.
        loop {
            match self.statement(lines, at, text)? {
                Next::Line(next) => return Ok(next),
                Next::Rest(line, rest) => (at, text) = (line, rest),
            }
        }
    }

    /// Reads one statement, `text`, which is all or the end of line `i`.
    fn statement<'a>(
        &mut self,
        lines: &[&'a str],
        i: usize,
        text: &'a str,
    ) -> Result<Next<'a>, MermaidError> {
        let raw = lines[i];
        let stmt = strip_comment(text).trim();
        if stmt.is_empty() {
            return Ok(Next::Line(i + 1));
        }
        let err = |sub: &str, message: String| MermaidError {
            line: i + 1,
            column: column(raw, sub),
            message,
        };
        if !self.header_seen {
            if stmt.eq_ignore_ascii_case("journey") {
                self.header_seen = true;
                return Ok(Next::Line(i + 1));
            }
            return Err(err(
                stmt,
                format!(
                    "expected the `journey` header, found `{}`; a Mermaid user journey starts \
                     with a line that says `journey`",
                    clip(stmt)
                ),
            ));
        }
        if stmt.eq_ignore_ascii_case("journey") {
            return Err(err(stmt, "the `journey` header appears twice".to_owned()));
        }
        if let Some(rest) = word(stmt, "title") {
            let value = rest.trim();
            if value.is_empty() {
                return Err(err(
                    stmt,
                    "`title` needs the diagram's title after it".to_owned(),
                ));
            }
            self.title = Some(decode(value));
            return Ok(Next::Line(i + 1));
        }
        // Like Mermaid, `accTitle` and `accDescr` are keywords only when a
        // `:` or `{` follows; otherwise the line is a task.
        let acc_title = keyword(stmt, "accTitle").and_then(|r| r.trim_start().strip_prefix(':'));
        if let Some(value) = acc_title {
            self.acc_title = Some(decode(value.trim()));
            return Ok(Next::Line(i + 1));
        }
        if let Some(rest) = keyword(stmt, "accDescr").map(str::trim_start) {
            if let Some(value) = rest.strip_prefix(':') {
                self.acc_descr = Some(decode(value.trim()));
                return Ok(Next::Line(i + 1));
            }
            if let Some(block) = rest.strip_prefix('{') {
                return self.acc_descr_block(lines, i, block);
            }
        }
        if let Some(rest) = word(stmt, "section") {
            let name = rest.trim();
            if name.is_empty() {
                return Err(err(stmt, "`section` needs a name after it".to_owned()));
            }
            self.sections.push((decode(&line_breaks(name)), Vec::new()));
            self.lane = None;
            return Ok(Next::Line(i + 1));
        }
        let task = self.task(raw, stmt, i)?;
        if self.sections.is_empty() {
            self.sections.push((UNSECTIONED.to_owned(), Vec::new()));
        }
        if let Some((_, tasks)) = self.sections.last_mut() {
            tasks.push(task);
        }
        Ok(Next::Line(i + 1))
    }

    /// Reads `accDescr { … }`, which may close on the same line or later;
    /// a statement may follow the `}` on its line, as Mermaid allows.
    fn acc_descr_block<'a>(
        &mut self,
        lines: &[&'a str],
        start: usize,
        first: &'a str,
    ) -> Result<Next<'a>, MermaidError> {
        let mut parts: Vec<&str> = Vec::new();
        let mut current = first;
        let mut i = start;
        loop {
            if let Some(end) = current.find('}') {
                parts.push(&current[..end]);
                let after = &current[end + 1..];
                self.acc_descr = Some(decode(&join_block(&parts)));
                if after.trim().is_empty() {
                    return Ok(Next::Line(i + 1));
                }
                // Mermaid reads on after the brace, on the same line.
                return Ok(Next::Rest(i, after));
            }
            parts.push(current);
            i += 1;
            match lines.get(i) {
                Some(next) => current = next,
                None => {
                    return Err(MermaidError {
                        line: start + 1,
                        column: 1,
                        message: "`accDescr {` is never closed with `}`".to_owned(),
                    });
                }
            }
        }
    }

    /// Reads `Task name: SCORE` or `Task name: SCORE: Actor, Actor`.
    fn task(&self, raw: &str, stmt: &str, i: usize) -> Result<Task, MermaidError> {
        let err = |sub: &str, message: String| MermaidError {
            line: i + 1,
            column: column(raw, sub),
            message,
        };
        let Some((name, data)) = stmt.split_once(':') else {
            return Err(err(
                stmt,
                format!(
                    "`{}` is not a task: expected `Task name: score` or \
                     `Task name: score: Actor, Actor`, with a score from 1 to 5",
                    clip(stmt)
                ),
            ));
        };
        if name.trim().is_empty() {
            return Err(err(stmt, "a task needs a name before the `:`".to_owned()));
        }
        let mut fields = data.split(':');
        let score_text = fields.next().unwrap_or_default();
        let actors_text = fields.next().unwrap_or_default();
        if let Some(extra) = fields.next() {
            return Err(err(
                extra,
                "a task has at most two `:` (name: score: actors); a `:` inside a task name \
                 is written `#58;`"
                    .to_owned(),
            ));
        }
        let score_trimmed = score_text.trim();
        let at = if score_trimmed.is_empty() {
            score_text
        } else {
            score_trimmed
        };
        let score = match score_trimmed.parse::<u8>() {
            Ok(s @ 1..=5) => s,
            Ok(s) => {
                return Err(err(
                    at,
                    format!(
                        "the score {s} is outside 1 to 5 (1 is very negative, 5 very positive)"
                    ),
                ));
            }
            Err(_) if score_trimmed.is_empty() => {
                return Err(err(
                    at,
                    "the task has no score; expected a whole number from 1 to 5 after the `:`"
                        .to_owned(),
                ));
            }
            Err(_) => {
                return Err(err(
                    at,
                    format!(
                        "`{}` is not a score; expected a whole number from 1 to 5",
                        clip(score_trimmed)
                    ),
                ));
            }
        };
        let mut actors: Vec<String> = Vec::new();
        for actor in actors_text.split(',') {
            let actor = decode(actor.trim());
            if !actor.is_empty() && !actors.contains(&actor) {
                actors.push(actor);
            }
        }
        Ok(Task {
            name: decode(&line_breaks(name.trim())),
            score,
            actors,
            lane: self.lane.clone(),
        })
    }

    /// Builds the map: the five usual lanes, a stage per section, a card
    /// per task, a persona per actor.
    fn finish(self) -> Map {
        let title = self
            .title
            .or(self.acc_title)
            .filter(|t| !t.is_empty())
            .unwrap_or_else(|| DEFAULT_TITLE.to_owned());
        let mut map = Map::new(&title);
        map.description = self.acc_descr.unwrap_or_default();
        for kind in LaneKind::BUILT_IN {
            let id = map.new_lane_id();
            map.lanes.push(Lane::new(id, kind));
        }
        let mut personas: HashMap<String, PersonaId> = HashMap::new();
        for (name, tasks) in self.sections {
            let stage = map.new_stage_id();
            map.stages.push(Stage::new(stage, &name));
            for task in tasks {
                let lane = lane_named(&mut map, task.lane.as_deref());
                let id = map.new_card_id();
                let mut card = Card::new(id, stage, lane, &task.name);
                card.emotion = Some(Emotion::new(i32::from(task.score) - 3, ""));
                for actor in task.actors {
                    let persona = *personas.entry(actor.clone()).or_insert_with(|| {
                        let id = map.new_persona_id();
                        map.personas.push(Persona {
                            id,
                            name: actor,
                            description: String::new(),
                        });
                        id
                    });
                    card.personas.push(persona);
                }
                map.cards.push(Arc::new(card));
            }
        }
        map
    }
}

/// The lane with this name (case-insensitive), made if missing; the
/// Touchpoints lane when no name is given.
fn lane_named(map: &mut Map, name: Option<&str>) -> LaneId {
    let found = match name {
        None => map.lanes.iter().find(|l| l.kind == LaneKind::Touchpoints),
        Some(name) => map
            .lanes
            .iter()
            .find(|l| l.name.trim().eq_ignore_ascii_case(name.trim())),
    };
    if let Some(lane) = found {
        return lane.id;
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
    map.lanes.push(lane);
    id
}

/// A built-in lane kind recognised from its label, or a custom one.
pub(crate) fn lane_kind(name: &str) -> LaneKind {
    let name = name.trim();
    LaneKind::BUILT_IN
        .into_iter()
        .find(|k| k.label().eq_ignore_ascii_case(name))
        .unwrap_or_else(|| LaneKind::Custom(name.to_owned()))
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

/// At most 40 characters of a text, for quoting in a message.
fn clip(text: &str) -> String {
    let mut out: String = text.chars().take(40).collect();
    if text.chars().count() > 40 {
        out.push('…');
    }
    out
}

/// Joins the lines of an `accDescr { … }` block: each line trimmed, empty
/// lines at the start and end dropped.
fn join_block(parts: &[&str]) -> String {
    let lines: Vec<&str> = parts
        .iter()
        .flat_map(|p| p.split('\n'))
        .map(str::trim)
        .collect();
    let start = lines
        .iter()
        .position(|l| !l.is_empty())
        .unwrap_or(lines.len());
    let end = lines
        .iter()
        .rposition(|l| !l.is_empty())
        .map_or(start, |e| e + 1);
    lines[start..end].join("\n")
}

/// Turns Mermaid's `<br>` (and `<br/>`, `<br />`, `</br>`) into a newline.
fn line_breaks(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('<') {
        out.push_str(&rest[..at]);
        let tag = &rest[at + 1..];
        let after_slash = tag.strip_prefix('/').unwrap_or(tag);
        let matched = keyword(after_slash, "br").and_then(|t| {
            let t = t.trim_start();
            let t = t.strip_prefix('/').unwrap_or(t);
            t.strip_prefix('>')
        });
        match matched {
            Some(after) => {
                out.push('\n');
                rest = after;
            }
            None => {
                out.push('<');
                rest = tag;
            }
        }
    }
    out.push_str(rest);
    out
}

/// Named entities we decode; Mermaid passes any HTML entity through.
const NAMED_ENTITIES: [(&str, char); 16] = [
    ("quot", '"'),
    ("amp", '&'),
    ("lt", '<'),
    ("gt", '>'),
    ("apos", '\''),
    ("nbsp", '\u{a0}'),
    ("colon", ':'),
    ("semi", ';'),
    ("num", '#'),
    ("comma", ','),
    ("percnt", '%'),
    ("lbrace", '{'),
    ("rbrace", '}'),
    ("lcub", '{'),
    ("rcub", '}'),
    ("hyphen", '-'),
];

/// Decodes Mermaid's entity codes, `#58;` or `#colon;`, which is how a
/// diagram writes the characters its syntax reserves. Unknown codes stay.
fn decode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('#') {
        out.push_str(&rest[..at]);
        let after = &rest[at + 1..];
        let end = after
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
            .unwrap_or(after.len());
        let code = &after[..end];
        let decoded = if after[end..].starts_with(';') && !code.is_empty() {
            match code.parse::<u32>() {
                Ok(n) => char::from_u32(n),
                Err(_) => NAMED_ENTITIES
                    .iter()
                    .find(|(name, _)| *name == code)
                    .map(|&(_, c)| c),
            }
        } else {
            None
        };
        match decoded {
            Some(c) => {
                out.push(c);
                rest = &after[end + 1..];
            }
            None => {
                out.push('#');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// Where a text goes in the diagram; each place reserves other characters.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Place {
    /// The title or a one-line `accDescr`: one line, no line breaks.
    Line,
    /// A section or task name: `<br>` for line breaks.
    Name,
    /// An actor: also no commas.
    Actor,
    /// The body of `accDescr { … }`: line breaks stay, `}` is reserved.
    Block,
}

/// Escapes a text so Mermaid reads it back unchanged, with entity codes
/// for the characters its syntax reserves.
fn escape(text: &str, place: Place) -> String {
    let chars: Vec<char> = text.trim().chars().collect();
    let mut out = String::with_capacity(text.len());
    for (i, &c) in chars.iter().enumerate() {
        let percent_pair =
            c == '%' && (i > 0 && chars[i - 1] == '%' || chars.get(i + 1) == Some(&'%'));
        match c {
            // `#` starts every entity, so it is always escaped: then no
            // text of ours can be mistaken for an entity.
            '#' | ':' | ';' | '<' => out.push_str(&format!("#{};", c as u32)),
            ',' if place == Place::Actor => out.push_str("#44;"),
            '}' if place == Place::Block => out.push_str("#125;"),
            '%' if percent_pair => out.push_str("#37;"),
            '\r' => {}
            '\n' => match place {
                Place::Name => out.push_str("<br>"),
                Place::Block => out.push('\n'),
                Place::Line | Place::Actor => out.push(' '),
            },
            c => out.push(c),
        }
    }
    out
}

/// Escapes the first character of a name that Mermaid would otherwise read
/// as a keyword: its lexer matches `journey`, `title `, `section `,
/// `accTitle` and `accDescr` at the start of a line before anything else.
fn unkeyword(name: String) -> String {
    let lower = name.to_lowercase();
    let reserved = lower.starts_with("journey")
        || lower.starts_with("acctitle")
        || lower.starts_with("accdescr")
        || word(&lower, "title").is_some()
        || word(&lower, "section").is_some();
    match name.chars().next() {
        Some(first) if reserved => format!("#{};{}", first as u32, &name[first.len_utf8()..]),
        _ => name,
    }
}

/// A name that is never empty, since Mermaid needs one.
fn name_or(name: String, fallback: &str) -> String {
    if name.is_empty() {
        fallback.to_owned()
    } else {
        unkeyword(name)
    }
}

/// Writes a map as a Mermaid `journey` diagram: a section per stage and a
/// task per card, cards of other lanes than Touchpoints after a
/// `%% lane: NAME` comment. See the module docs for what is lost.
pub fn to_string(map: &Map) -> String {
    let mut out = String::from("journey\n");
    let title = escape(&map.title, Place::Line);
    if !title.is_empty() {
        out.push_str(&format!("    title {title}\n"));
    }
    let description = map.description.trim();
    if !description.is_empty() {
        if description.contains('\n') {
            out.push_str("    accDescr {\n");
            for line in escape(description, Place::Block).lines() {
                out.push_str(&format!("        {line}\n"));
            }
            out.push_str("    }\n");
        } else {
            out.push_str(&format!(
                "    accDescr: {}\n",
                escape(description, Place::Line)
            ));
        }
    }
    for stage in &map.stages {
        let name = name_or(escape(&stage.name, Place::Name), "Untitled stage");
        out.push_str(&format!("    section {name}\n"));
        let mut current_lane: Option<LaneId> = None;
        for lane in &map.lanes {
            for card in map.cell_cards(stage.id, lane.id) {
                if current_lane != Some(lane.id) {
                    // Import puts a section's first tasks in Touchpoints;
                    // every other lane is named.
                    let implied = current_lane.is_none() && lane.kind == LaneKind::Touchpoints;
                    current_lane = Some(lane.id);
                    if !implied {
                        let label = lane.name.replace(['\n', '\r'], " ");
                        out.push_str(&format!("      %% {LANE_COMMENT} {}\n", label.trim()));
                    }
                }
                out.push_str(&format!("      {}\n", task_line(map, card)));
            }
        }
    }
    out
}

/// One task: `Name: score` or `Name: score: Actor, Actor`.
fn task_line(map: &Map, card: &Card) -> String {
    let name = name_or(escape(&card.title, Place::Name), "Untitled card");
    let score = card
        .emotion
        .as_ref()
        .map_or(3, |e| i32::from(e.score.value()) + 3);
    let actors: Vec<String> = card
        .personas
        .iter()
        .filter_map(|p| map.persona(*p))
        .map(|p| escape(&p.name, Place::Actor))
        .filter(|n| !n.is_empty())
        .collect();
    if actors.is_empty() {
        format!("{name}: {score}")
    } else {
        format!("{name}: {score}: {}", actors.join(", "))
    }
}
