//! Locating fields and values in RON text.
use super::*;

fn path(text: &str) -> FieldPath {
    // "map.cards[1].id" -> steps
    let mut steps = Vec::new();
    for part in text.split('.') {
        let (name, rest) = part.split_once('[').unwrap_or((part, ""));
        steps.push(Step::Field(name.to_owned()));
        if !rest.is_empty() {
            steps.push(Step::Index(rest.trim_end_matches(']').parse().unwrap()));
        }
    }
    FieldPath(steps)
}

const TEXT: &str = r##"(
    format: "waymark",
    map: (
        title: "A (tricky] title, with: colon",
        cards: [
            (id: 1, notes: r#"raw ) ] " text"#, stage: 2),
            // a comment with (brackets
            (
                id: 3,
                emotion: Some((score: 1, word: "x")),
                stage: 4,
            ),
        ],
    ),
)"##;

#[test]
fn finds_fields_and_items_past_strings_and_comments() {
    let paths = [
        path("map.cards[1].id"),
        path("map.cards[0].stage"),
        path("map.cards[1].stage"),
        path("map.title"),
        path("map.cards[1].emotion.word"),
        path("map.cards[9].id"),
    ];
    let found = locate(TEXT, &paths);
    assert_eq!(found[0], Some((9, 17)));
    assert_eq!(found[1], Some((6, 49)));
    assert_eq!(found[2], Some((11, 17)));
    assert_eq!(found[3], Some((4, 9)));
    assert_eq!(found[4], Some((10, 42)));
    assert_eq!(found[5], None);
}

#[test]
fn finds_list_items() {
    let found = locate(
        TEXT,
        &[FieldPath::default().field("map").field("cards").index(1)],
    );
    assert_eq!(found[0], Some((8, 13)));
}

#[test]
fn never_panics_on_cut_or_odd_text() {
    let paths = [path("map.cards[1].id"), FieldPath::default().index(0)];
    let mut cuts = 0;
    for (i, _) in TEXT.char_indices() {
        locate(&TEXT[..i], &paths);
        cuts += 1;
    }
    assert!(cuts > 300);
    for odd in [
        "r", "b", "br#", "r#\"", "'", "'\\", "/*", "/* /* */", "(a:", "é:(", "]]))",
    ] {
        assert_eq!(locate(odd, &paths), [None, None]);
    }
}

#[test]
fn displays_like_code() {
    assert_eq!(path("map.cards[3].id").to_string(), "map.cards[3].id");
}
