//! Reading the text inside statements: Mermaid's entity codes and line
//! breaks.

use super::keyword;

/// At most 40 characters of a text, for quoting in a message.
pub(super) fn clip(text: &str) -> String {
    let mut out: String = text.chars().take(40).collect();
    if text.chars().count() > 40 {
        out.push('…');
    }
    out
}

/// Joins the lines of an `accDescr { … }` block: each line trimmed, empty
/// lines at the start and end dropped.
pub(super) fn join_block(parts: &[&str]) -> String {
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
pub(super) fn line_breaks(text: &str) -> String {
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
pub(super) fn decode(text: &str) -> String {
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
