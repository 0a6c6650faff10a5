//! Items as JSON objects, field by field.
//!
//! Diff and merge work on the fields the file holds, through serde, so a
//! field added to a card later (with `#[serde(default)]`) is compared and
//! merged without touching this module.

use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::{Map as Object, Value};

/// The fields of an item as a JSON object; empty if it is not a struct.
pub(crate) fn object<T: Serialize>(item: &T) -> Object<String, Value> {
    match serde_json::to_value(item) {
        Ok(Value::Object(fields)) => fields,
        _ => Object::new(),
    }
}

/// The order fields are listed in: the file's order for the fields known
/// here, then any other field by name.
fn rank(field: &str) -> usize {
    const ORDER: [&str; 13] = [
        "name",
        "title",
        "kind",
        "goal",
        "focus",
        "description",
        "notes",
        "channel",
        "medium",
        "owner",
        "metric",
        "emotion",
        "personas",
    ];
    ORDER
        .iter()
        .position(|f| *f == field)
        .unwrap_or(ORDER.len())
}

/// Field names of two objects, without `skip`, in reading order.
pub(crate) fn field_names<'a>(
    a: &'a Object<String, Value>,
    b: &'a Object<String, Value>,
    skip: &[&str],
) -> Vec<&'a str> {
    let mut names: Vec<&str> = a
        .keys()
        .chain(b.keys().filter(|k| !a.contains_key(*k)))
        .map(String::as_str)
        .filter(|k| !skip.contains(k))
        .collect();
    names.sort_by_key(|k| (rank(k), *k));
    names
}

/// The fields that differ between two items, with the old and new values,
/// in reading order. `skip` leaves out fields handled elsewhere (ids, a
/// card's stage and lane).
pub(crate) fn field_changes<T: Serialize>(
    old: &T,
    new: &T,
    skip: &[&str],
) -> Vec<(String, Value, Value)> {
    let (a, b) = (object(old), object(new));
    field_names(&a, &b, skip)
        .into_iter()
        .filter_map(|k| {
            let old = a.get(k).cloned().unwrap_or(Value::Null);
            let new = b.get(k).cloned().unwrap_or(Value::Null);
            (old != new).then(|| (k.to_owned(), old, new))
        })
        .collect()
}

/// The item with some fields replaced; an error names a value that does not
/// fit its field.
pub(crate) fn with_fields<T: Serialize + DeserializeOwned>(
    item: &T,
    fields: impl IntoIterator<Item = (String, Value)>,
) -> Result<T, String> {
    let mut obj = object(item);
    let mut names = Vec::new();
    for (k, v) in fields {
        names.push(k.clone());
        obj.insert(k, v);
    }
    serde_json::from_value(Value::Object(obj))
        .map_err(|err| format!("cannot set {}: {err}", names.join(", ")))
}

/// The most characters of a text value shown in messages; longer texts are
/// cut with `…`, so a megabyte of notes cannot flood a report.
const SHOWN_CHARS: usize = 80;

/// A value in plain words: texts in quotes, emotions as `+1 curious`,
/// nothing as `none`, a custom channel or lane kind as its name.
pub fn show_value(value: &Value) -> String {
    match value {
        Value::Null => "none".to_owned(),
        Value::String(s) => format!("\"{}\"", shorten(s)),
        Value::Bool(b) => b.to_string(),
        Value::Number(n) => n.to_string(),
        Value::Array(items) if items.is_empty() => "none".to_owned(),
        Value::Array(items) => items.iter().map(show_value).collect::<Vec<_>>().join(", "),
        Value::Object(fields) => {
            if let (Some(score), Some(word)) = (fields.get("score"), fields.get("word")) {
                let score = score.as_i64().unwrap_or(0);
                let score = if score > 0 {
                    format!("+{score}")
                } else {
                    score.to_string()
                };
                let word = word.as_str().unwrap_or("");
                if word.is_empty() {
                    score
                } else {
                    format!("{score} {}", shorten(word))
                }
            } else if fields.len() == 1
                && let Some((_, Value::String(inner))) = fields.iter().next()
            {
                shorten(inner)
            } else {
                let text = Value::Object(fields.clone()).to_string();
                shorten(&text)
            }
        }
    }
}

/// At most [`SHOWN_CHARS`] characters, on one line.
pub(crate) fn shorten(text: &str) -> String {
    let mut out: String = text
        .chars()
        .take(SHOWN_CHARS)
        .map(|c| if c == '\n' { ' ' } else { c })
        .collect();
    if text.chars().nth(SHOWN_CHARS).is_some() {
        out.push('…');
    }
    out
}
