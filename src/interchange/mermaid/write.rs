//! Writing a map as a Mermaid `journey` diagram that Mermaid reads back
//! as written: reserved characters become entity codes, and names that
//! Mermaid would take for keywords are escaped.

use std::collections::HashMap;

use super::{LANE_COMMENT, word};
use crate::interchange::cards_by_stage;
use crate::model::{Card, LaneId, LaneKind, Map, Persona, PersonaId};

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
/// for the characters its syntax reserves. The reader trims every text
/// (and every line of a block), so white space at those ends is written
/// as entity codes too, and so is every `\r`.
fn escape(text: &str, place: Place) -> String {
    let chars: Vec<char> = text.chars().collect();
    let at_edge = edges(&chars, place == Place::Block);
    let mut out = String::with_capacity(text.len());
    for (i, &c) in chars.iter().enumerate() {
        let percent_pair =
            c == '%' && (i > 0 && chars[i - 1] == '%' || chars.get(i + 1) == Some(&'%'));
        match c {
            _ if at_edge[i] => out.push_str(&format!("#{};", c as u32)),
            // `#` starts every entity, so it is always escaped: then no
            // text of ours can be mistaken for an entity.
            '#' | ':' | ';' | '<' | '\r' => out.push_str(&format!("#{};", c as u32)),
            ',' if place == Place::Actor => out.push_str("#44;"),
            '}' if place == Place::Block => out.push_str("#125;"),
            '%' if percent_pair => out.push_str("#37;"),
            '\n' => match place {
                Place::Name => out.push_str("<br>"),
                Place::Block => out.push('\n'),
                Place::Line | Place::Actor => out.push_str("#10;"),
            },
            c => out.push(c),
        }
    }
    out
}

/// Which characters the reader would trim away: white space at the start
/// and end of the text, and in a block also at the start and end of each
/// line.
fn edges(chars: &[char], lines: bool) -> Vec<bool> {
    let first = chars
        .iter()
        .position(|c| !c.is_whitespace())
        .unwrap_or(chars.len());
    let last = chars
        .iter()
        .rposition(|c| !c.is_whitespace())
        .map_or(first, |i| i + 1);
    let mut edge: Vec<bool> = (0..chars.len()).map(|i| i < first || i >= last).collect();
    if lines {
        for (j, _) in chars
            .iter()
            .enumerate()
            .filter(|&(j, &c)| c == '\n' && j > first && j < last)
        {
            let space = |i: usize| chars[i] != '\n' && chars[i].is_whitespace();
            let mut i = j;
            while i > first && space(i - 1) {
                i -= 1;
                edge[i] = true;
            }
            let mut i = j + 1;
            while i < last && space(i) {
                edge[i] = true;
                i += 1;
            }
        }
    }
    edge
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
    let description = &map.description;
    if !description.is_empty() {
        if description.trim().contains('\n') {
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
    let personas: HashMap<PersonaId, &Persona> = map.personas.iter().map(|p| (p.id, p)).collect();
    for (stage, cards) in map.stages.iter().zip(cards_by_stage(map)) {
        let name = name_or(escape(&stage.name, Place::Name), "Untitled stage");
        out.push_str(&format!("    section {name}\n"));
        let mut current_lane: Option<LaneId> = None;
        for (lane, card) in cards {
            if current_lane != Some(lane.id) {
                // Import puts a section's first tasks in Touchpoints;
                // every other lane is named.
                let implied = current_lane.is_none() && lane.kind == LaneKind::Touchpoints;
                current_lane = Some(lane.id);
                if !implied {
                    // The reader keeps the rest of the comment's line as it
                    // is, trimmed.
                    let label = lane.name.replace('\n', " ");
                    out.push_str(&format!("      %% {LANE_COMMENT} {}\n", label.trim()));
                }
            }
            out.push_str(&format!("      {}\n", task_line(&personas, card)));
        }
    }
    out
}

/// One task: `Name: score` or `Name: score: Actor, Actor`.
fn task_line(personas: &HashMap<PersonaId, &Persona>, card: &Card) -> String {
    let name = name_or(escape(&card.title, Place::Name), "Untitled card");
    let score = card
        .emotion
        .as_ref()
        .map_or(3, |e| i32::from(e.score.value()) + 3);
    let actors: Vec<String> = card
        .personas
        .iter()
        .filter_map(|p| personas.get(p))
        .map(|p| escape(&p.name, Place::Actor))
        .filter(|n| !n.is_empty())
        .collect();
    if actors.is_empty() {
        format!("{name}: {score}")
    } else {
        format!("{name}: {score}: {}", actors.join(", "))
    }
}
