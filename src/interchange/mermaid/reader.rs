//! The line-by-line reader of Mermaid `journey` text: front matter, the
//! header, `title`, `section`, tasks and `%% lane:` comments, into a map.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use crate::interchange::limits::{MAX_CARDS, MAX_LANES, MAX_PERSONAS, MAX_STAGES, too_many};
use crate::model::{Card, Emotion, Lane, LaneKind, Map, Persona, PersonaId, Stage};

use super::text::{clip, decode, join_block, line_breaks};
use super::*;

/// Skips a YAML front-matter block (`---` … `---`) at the start, keeping
/// its `title:`. Returns the index of the first line after it.
pub(super) fn skip_front_matter(
    lines: &[&str],
    reader: &mut Reader,
) -> Result<usize, MermaidError> {
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
    /// Its comment is already cut off.
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
pub(super) struct Reader {
    pub(super) header_seen: bool,
    title: Option<String>,
    acc_title: Option<String>,
    acc_descr: Option<String>,
    sections: Vec<(String, Vec<Task>)>,
    lane: Option<String>,
    /// Every actor named so far, to keep within [`MAX_PERSONAS`].
    actors: HashSet<String>,
    /// Every lane named so far (trimmed, in ASCII lower case), to keep
    /// within [`MAX_LANES`].
    lanes: HashSet<String>,
    tasks: usize,
}

impl Reader {
    pub(super) fn new() -> Self {
        Self {
            header_seen: false,
            title: None,
            acc_title: None,
            acc_descr: None,
            sections: Vec::new(),
            lane: None,
            actors: HashSet::new(),
            lanes: HashSet::new(),
            tasks: 0,
        }
    }

    /// Reads line `i` (and more lines for a multiline `accDescr { … }`).
    /// Returns the index of the next line to read.
    pub(super) fn line(&mut self, lines: &[&str], i: usize) -> Result<usize, MermaidError> {
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
        // The comment is cut off once per line: cutting it again from each
        // statement's rest would cost the line's length per statement.
        text = strip_comment(text);
        // A loop, not recursion: one line may hold many `accDescr{…}`.
        loop {
            match self.statement(lines, at, text)? {
                Next::Line(next) => return Ok(next),
                Next::Rest(line, rest) => (at, text) = (line, rest),
            }
        }
    }

    /// Reads one statement, `text`, which is all or the end of line `i`
    /// with its comment cut off.
    fn statement<'a>(
        &mut self,
        lines: &[&'a str],
        i: usize,
        text: &'a str,
    ) -> Result<Next<'a>, MermaidError> {
        let raw = lines[i];
        let stmt = text.trim();
        // After `accDescr{…}`, a `%%` right behind the `}` starts a comment
        // too (the cut above keeps a `}%%`, the end of a directive).
        if stmt.is_empty() || stmt.starts_with("%%") {
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
            if self.sections.len() >= MAX_STAGES {
                return Err(err(stmt, too_many("stages", MAX_STAGES)));
            }
            self.sections.push((decode(&line_breaks(name)), Vec::new()));
            self.lane = None;
            return Ok(Next::Line(i + 1));
        }
        let task = self.task(raw, stmt, i)?;
        self.tasks += 1;
        if self.tasks > MAX_CARDS {
            return Err(err(stmt, too_many("cards", MAX_CARDS)));
        }
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
                // Mermaid reads on after the brace, on the same line; the
                // first line's comment is cut off already.
                let after = if i == start {
                    after
                } else {
                    strip_comment(after)
                };
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
    fn task(&mut self, raw: &str, stmt: &str, i: usize) -> Result<Task, MermaidError> {
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
        let mut on_task = HashSet::new();
        for actor in actors_text.split(',') {
            let name = decode(actor.trim());
            if name.is_empty() || on_task.contains(&name) {
                continue;
            }
            if !self.actors.contains(&name) {
                if self.actors.len() >= MAX_PERSONAS {
                    return Err(err(actor, too_many("personas", MAX_PERSONAS)));
                }
                self.actors.insert(name.clone());
            }
            on_task.insert(name.clone());
            actors.push(name);
        }
        if let Some(lane) = &self.lane {
            let key = lane.trim().to_ascii_lowercase();
            if !self.lanes.contains(&key) {
                // The five usual lanes are always there.
                if self.lanes.len() + LaneKind::BUILT_IN.len() >= MAX_LANES {
                    return Err(err(stmt, too_many("lanes", MAX_LANES)));
                }
                self.lanes.insert(key);
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
    pub(super) fn finish(self) -> Map {
        let title = self
            .title
            .or(self.acc_title)
            .filter(|t| !t.is_empty())
            .unwrap_or_else(|| DEFAULT_TITLE.to_owned());
        let mut map = Map::new(&title);
        map.description = self.acc_descr.unwrap_or_default();
        let mut lanes = Lanes::default();
        for kind in LaneKind::BUILT_IN {
            let id = map.new_lane_id();
            let lane = Lane::new(id, kind);
            lanes.by_name.insert(lane.name.to_ascii_lowercase(), id);
            map.lanes.push(lane);
        }
        lanes.touchpoints = map.lanes.first().map(|l| l.id);
        let mut personas: HashMap<String, PersonaId> = HashMap::new();
        for (name, tasks) in self.sections {
            let stage = map.new_stage_id();
            map.stages.push(Stage::new(stage, &name));
            for task in tasks {
                let lane = lanes.named(&mut map, task.lane.as_deref());
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
