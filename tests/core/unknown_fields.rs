//! Fields this version does not know load with a warning at their
//! line:col instead of vanishing silently.

use waymark::format::{self, FieldPath};
use waymark::interchange::sample::sample_map;

#[test]
fn unknown_fields_at_every_depth_are_reported_where_they_stand() {
    let text = format::to_string(&sample_map());
    let mut lines: Vec<String> = text.lines().map(str::to_owned).collect();
    // One at the top, one in the map, one in the second card, one inside
    // the first card's emotion (behind an `Option`).
    let card_line = lines
        .iter()
        .enumerate()
        .filter(|(_, l)| l.trim() == "cards: [")
        .map(|(i, _)| i)
        .next()
        .unwrap();
    let second_card_title = lines
        .iter()
        .enumerate()
        .skip(card_line)
        .filter(|(_, l)| l.trim_start().starts_with("title:"))
        .nth(1)
        .unwrap()
        .0;
    lines.insert(
        second_card_title,
        "                interviews: [\"interview 4\"],".into(),
    );
    let score = lines
        .iter()
        .position(|l| l.trim_start().starts_with("score:"))
        .unwrap();
    lines.insert(score, "                    intensity: 3,".into());
    lines.insert(4, "        theme: Dark,".into());
    lines.insert(1, "    written_by: \"Waymark 2.0\",".into());
    let text = lines.join("\n");

    let loaded = format::read_str(&text, "extra.ron").expect("still loads");
    assert_eq!(loaded.map, sample_map(), "the known content is intact");
    let found: Vec<(String, Option<(usize, usize)>)> = loaded
        .warnings
        .iter()
        .map(|w| (w.path.to_string(), w.position))
        .collect();
    let line_of = |needle: &str| text.lines().position(|l| l.contains(needle)).unwrap() + 1;
    let card_index = 1;
    assert_eq!(
        found,
        vec![
            ("written_by".to_owned(), Some((2, 5))),
            ("map.theme".to_owned(), Some((line_of("theme: Dark"), 9))),
            (
                "map.cards[0].emotion.intensity".to_owned(),
                Some((line_of("intensity: 3"), 21))
            ),
            (
                format!("map.cards[{card_index}].interviews"),
                Some((line_of("interviews:"), 17))
            ),
        ],
        "{:#?}",
        loaded.warnings
    );
    let message = loaded.warnings[3].to_string();
    assert!(
        message.starts_with(&format!(
            "extra.ron:{}:17: warning: unknown field `interviews`",
            line_of("interviews:")
        )),
        "{message}"
    );
    // A save drops them: the text written is the known map only.
    assert_eq!(
        format::to_string(&loaded.map),
        format::to_string(&sample_map())
    );
}

#[test]
fn a_known_map_has_no_warnings() {
    let loaded = format::read_str(&format::to_string(&sample_map()), "ok.ron").unwrap();
    assert!(loaded.warnings.is_empty());
}

#[test]
fn paths_print_like_code() {
    let path = FieldPath::default()
        .field("map")
        .field("cards")
        .index(3)
        .field("id");
    assert_eq!(path.to_string(), "map.cards[3].id");
}
