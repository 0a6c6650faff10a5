//! CSV cards: round trips field by field, RFC 4180 quoting, import into
//! an existing map, and errors that name the row and the column.

use std::sync::Arc;

use waymark::interchange::csv::{self, COLUMNS, CsvError};
use waymark::interchange::sample::sample_map;
use waymark::model::{Card, Channel, Emotion, LaneKind, Map, Medium, Persona};

/// The columns files had before evidence: still read as they are.
const HEADER: &str =
    "stage,lane,title,channel,medium,owner,metric,emotion_score,emotion_word,personas,notes";

/// The header written today: the old columns, then evidence and source,
/// then the service blueprint's fail point, the stage's funnel numbers,
/// and the dot votes.
const FULL_HEADER: &str = "stage,lane,title,channel,medium,owner,metric,emotion_score,\
                           emotion_word,personas,notes,evidence,source,fail_point,\
                           stage_volume,stage_period,votes";

/// Every card as (stage, lane, title, notes, channel, medium, owner,
/// metric, emotion, persona names), stage by stage and lane by lane.
type Row = (
    String,
    String,
    String,
    String,
    Channel,
    Medium,
    String,
    String,
    Option<Emotion>,
    Vec<String>,
);

fn rows(map: &Map) -> Vec<Row> {
    let mut out = Vec::new();
    for stage in &map.stages {
        for lane in &map.lanes {
            for card in map.cell_cards(stage.id, lane.id) {
                let personas = card
                    .personas
                    .iter()
                    .filter_map(|p| map.persona(*p))
                    .map(|p| p.name.clone())
                    .collect();
                out.push((
                    stage.name.clone(),
                    lane.name.clone(),
                    card.title.clone(),
                    card.notes.clone(),
                    card.channel.clone(),
                    card.medium,
                    card.owner.clone(),
                    card.metric.clone(),
                    card.emotion.clone(),
                    personas,
                ));
            }
        }
    }
    out
}

fn parse(text: &str) -> Map {
    match csv::from_str(text, "Imported") {
        Ok(map) => map,
        Err(err) => panic!("{err}\n---\n{text}"),
    }
}

fn parse_err(text: &str) -> CsvError {
    match csv::from_str(text, "Imported") {
        Ok(map) => panic!("expected an error, got {} cards", map.cards.len()),
        Err(err) => err,
    }
}

#[test]
fn sample_map_round_trips_field_by_field() {
    let map = sample_map();
    let text = csv::to_string(&map);
    assert!(text.starts_with(&format!("{FULL_HEADER}\r\n")), "{text}");
    let back = parse(&text);
    assert_eq!(rows(&back), rows(&map));
    assert_eq!(back.cards.len(), map.cards.len());
    assert!(back.validate().is_ok());
    // A second trip writes the same bytes.
    assert_eq!(csv::to_string(&back), text);
}

/// Found by `cargo fuzz run load_csv`: a lane whose first card is in a
/// later stage than a lane after it. Reading names lanes in the order the
/// rows meet them, so writing must go in that order too, or the second
/// trip writes the rows in another order.
#[test]
fn a_lane_first_met_in_a_later_stage_writes_the_same_text_again() {
    let map = parse(
        "stage,lane,title\n\
         Awareness,Touchpoints,a\n\
         Consider,Research,b\n\
         Awareness,Support,c\n\
         Consider,Support,d\n",
    );
    let text = csv::to_string(&map);
    let back = parse(&text);
    assert_eq!(csv::to_string(&back), text);
}

#[test]
fn awkward_values_are_quoted_and_come_back() {
    let mut map = Map::blank();
    let ann = map.new_persona_id();
    map.personas.push(Persona {
        id: ann,
        name: "Maya, weekend hiker".to_owned(),
        description: String::new(),
    });
    let bo = map.new_persona_id();
    map.personas.push(Persona {
        id: bo,
        name: "Bo \"the buyer\"".to_owned(),
        description: String::new(),
    });
    let (stage, lane) = (map.stages[3].id, map.lanes[3].id);
    let id = map.new_card_id();
    let mut card = Card::new(id, stage, lane, "Say \"hi\", then leave");
    card.notes = "Line one,\r\nline \"two\"\nline three\n".to_owned();
    card.channel = Channel::Custom("Review site".to_owned());
    card.medium = Medium::Physical;
    card.owner = "Ops; EMEA".to_owned();
    card.metric = "=SUM(A1:A2)".to_owned();
    card.notes.push_str("=1+1 in the middle stays");
    card.emotion = Some(Emotion::new(-2, "furious, really"));
    card.personas = vec![ann, bo];
    map.cards.push(Arc::new(card));
    for (i, channel) in Channel::BUILT_IN.into_iter().enumerate() {
        let id = map.new_card_id();
        let mut card = Card::new(id, map.stages[i % 6].id, map.lanes[0].id, "Ünïcödé ✓");
        card.channel = channel;
        card.emotion = Some(Emotion::new(i as i32 % 5 - 2, ""));
        map.cards.push(Arc::new(card));
    }
    let text = csv::to_string(&map);
    assert!(
        text.contains("\"Say \"\"hi\"\", then leave\""),
        "quotes are doubled inside a quoted cell: {text}"
    );
    assert!(
        text.contains("\"Maya, weekend hiker; Bo \"\"the buyer\"\"\""),
        "{text}"
    );
    assert!(
        text.contains(",'=SUM(A1:A2),"),
        "a formula opens as text: {text}"
    );
    assert_eq!(rows(&parse(&text)), rows(&map));
}

#[test]
fn unknown_stages_lanes_and_personas_are_created() {
    let text = format!(
        "{HEADER}\n\
         Discover,Touchpoints,Ad,ad,digital,,,1,curious,Ann,\n\
         Discover,Rumours,Overheard at lunch,word of mouth,physical,,,,,Ann; Bo,\n\
         Buy,pain points,Slow checkout,web,,,,-2,,,\n\
         Buy,,Checkout,Website,,Shop team,Conversion,0,,,\n"
    );
    let map = parse(&text);
    let stages: Vec<&str> = map.stages.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(stages, ["Discover", "Buy"]);
    let lanes: Vec<(&str, &LaneKind)> = map
        .lanes
        .iter()
        .map(|l| (l.name.as_str(), &l.kind))
        .collect();
    // Built-in kinds in their usual order, then others as first met.
    assert_eq!(
        lanes,
        [
            ("Touchpoints", &LaneKind::Touchpoints),
            ("pain points", &LaneKind::PainPoints),
            ("Rumours", &LaneKind::Custom("Rumours".to_owned())),
        ]
    );
    let names: Vec<&str> = map.personas.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names, ["Ann", "Bo"]);
    let overheard = &map.cards[1];
    assert_eq!(overheard.channel, Channel::WordOfMouth);
    assert_eq!(overheard.medium, Medium::Physical);
    assert_eq!(overheard.emotion, None);
    assert_eq!(overheard.personas.len(), 2);
    // An empty lane cell means Touchpoints.
    assert_eq!(map.cards[3].lane, map.lanes[0].id);
    assert_eq!(map.cards[2].channel, Channel::Website);
    assert!(map.validate().is_ok());
}

#[test]
fn import_into_an_existing_map_reuses_what_it_has() {
    let mut map = sample_map();
    let (stages, lanes, personas, cards) = (
        map.stages.len(),
        map.lanes.len(),
        map.personas.len(),
        map.cards.len(),
    );
    let text = "Title,STAGE,Lane,Personas\n\
                New idea,awareness,Opportunities,\"Maya, weekend hiker\"\n\
                Repair service,Repair,Touchpoints,Newcomer\n";
    let added = csv::import_into(&mut map, text).expect("imports");
    assert_eq!(added, 2);
    assert_eq!(map.cards.len(), cards + 2);
    assert_eq!(map.stages.len(), stages + 1, "only `Repair` is new");
    assert_eq!(map.lanes.len(), lanes);
    assert_eq!(map.personas.len(), personas + 1, "only `Newcomer` is new");
    let idea = &map.cards[cards];
    assert_eq!(
        idea.stage, map.stages[0].id,
        "stage names match ignoring case"
    );
    assert_eq!(
        map.lane(idea.lane).map(|l| &l.kind),
        Some(&LaneKind::Opportunities)
    );
    assert_eq!(idea.personas, vec![map.personas[0].id]);
    assert!(map.validate().is_ok());
    // New ids stay unique.
    let mut ids: Vec<u64> = map.cards.iter().map(|c| c.id.0).collect();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), map.cards.len());
}

#[test]
fn a_failed_import_leaves_the_map_alone() {
    let mut map = sample_map();
    let before = map.clone();
    let text = "stage,title,emotion_score\nBrand new stage,Fine,1\nOther,Bad,7\n";
    let err = csv::import_into(&mut map, text).expect_err("row 3 is bad");
    assert_eq!(err.row, 3);
    assert_eq!(map, before);
}

#[test]
fn headers_in_any_order_with_synonyms_bom_and_blank_rows() {
    let text = "\u{feff}Title , Stage,Digital/Physical,Emotion,Feeling,,\r\n\
                Greeting at the door,In store,Physical,+2,welcome,,\r\n\
                ,,,,,,\r\n\
                \r\n\
                Receipt,In store,digital,-1,,,\r\n";
    let map = parse(text);
    assert_eq!(map.cards.len(), 2);
    assert_eq!(map.cards[0].title, "Greeting at the door");
    assert_eq!(map.cards[0].medium, Medium::Physical);
    assert_eq!(map.cards[0].emotion, Some(Emotion::new(2, "welcome")));
    assert_eq!(map.cards[1].emotion, Some(Emotion::new(-1, "")));
    assert_eq!(map.title, "Imported");
}

#[test]
fn header_only_gives_an_empty_map() {
    let map = parse(&format!("{HEADER}\n"));
    assert!(map.cards.is_empty() && map.stages.is_empty());
    assert_eq!(COLUMNS.join(","), FULL_HEADER);
}

/// (text after the header, row, column header, line, char column, words
/// of the message).
type BadRow<'a> = (&'a str, usize, Option<&'a str>, usize, usize, &'a str);

#[test]
fn bad_rows_name_row_and_column() {
    let cases: [BadRow; 8] = [
        (
            "A,Touchpoints,Ad,,,,,9,,,\n",
            2,
            Some("emotion_score"),
            2,
            22,
            "`9` is not an emotion score",
        ),
        (
            "A,Touchpoints,Ad,,,,,x,,,\n",
            2,
            Some("emotion_score"),
            2,
            22,
            "`x` is not an emotion score",
        ),
        (
            "A,,Ad,,,,,,,,\nB,,Bd,,,,,,happy,,\n",
            3,
            Some("emotion_word"),
            3,
            12,
            "has no score",
        ),
        (
            "A,,Ad,,virtual,,,,,,\n",
            2,
            Some("medium"),
            2,
            8,
            "neither `digital` nor `physical`",
        ),
        ("A,,,,,,,,,,\n", 2, Some("title"), 2, 4, "no title"),
        (",,Ad,,,,,,,,\n", 2, Some("stage"), 2, 1, "no stage"),
        (
            "A,,Ad,,,,,,,,,extra\n",
            2,
            None,
            2,
            15,
            "the header only 11",
        ),
        // A quoted cell over two lines: row 3 starts on line 4.
        (
            "A,,Ad,,,,,,,,\"two\nlines\"\nB,,Bd,,,,,3,,,\n",
            3,
            Some("emotion_score"),
            4,
            11,
            "`3`",
        ),
    ];
    for (body, row, column, line, col, words) in cases {
        // The same positions with the CRLF line ends Waymark writes, and
        // with the lone CRs of old Mac files.
        for end in ["\n", "\r\n", "\r"] {
            let text = format!("{HEADER}\n{body}").replace('\n', end);
            let err = parse_err(&text);
            assert_eq!(err.row, row, "{text:?}: {err}");
            assert_eq!(err.column.as_deref(), column, "{text:?}: {err}");
            assert_eq!(err.position, (line, col), "{text:?}: {err}");
            assert!(err.to_string().contains(words), "{text:?}: {err}");
        }
    }
}

#[test]
fn crlf_row_errors_point_at_their_own_line() {
    // Waymark writes CRLF; an error in row 3 is on line 3, at the cell.
    let text = format!("{HEADER}\r\nA,,Ad,,,,,2,,,\r\nB,,Bd,,,,,-3,,,\r\n");
    let err = parse_err(&text);
    assert_eq!((err.row, err.position), (3, (3, 11)), "{err}");
    // A blank line before the row moves the row's line, not its number.
    let text = format!("{HEADER}\r\n\r\nA,,,,,,,,,,\r\n");
    let err = parse_err(&text);
    assert_eq!((err.row, err.position), (2, (3, 4)), "{err}");
}

#[test]
fn an_unclosed_quote_is_an_error_where_it_opens() {
    // Without the check, the open quote swallows every row after it into
    // one title.
    let text =
        format!("{HEADER}\r\nA,,\"Open quote,,,,,,,,\r\nB,,Second,,,,,,,,\r\nC,,Third,,,,,,,,\r\n");
    let err = parse_err(&text);
    assert_eq!(err.row, 2, "{err}");
    assert_eq!(err.column.as_deref(), Some("title"), "{err}");
    assert_eq!(err.position, (2, 4), "{err}");
    assert!(err.message.contains("never closed"), "{err}");
    // In the header itself.
    let err = parse_err("stage,\"title\nA,B\n");
    assert_eq!(
        (err.row, err.column.as_deref(), err.position),
        (1, None, (1, 7))
    );
    // Closed quotes, doubled quotes and quotes inside a cell are fine.
    let map = parse("stage,title,notes\nA,\"Say \"\"hi\"\"\",\"two\nlines\"\nB,5\" screen,\n");
    assert_eq!(map.cards.len(), 2);
    assert_eq!(map.cards[0].title, "Say \"hi\"");
    assert_eq!(map.cards[1].title, "5\" screen");
}

#[test]
fn formula_cells_are_written_as_text_and_read_back_unchanged() {
    let mut map = Map::blank();
    map.stages[0].name = "=Stage".to_owned();
    map.lanes[1].name = "@Lane".to_owned();
    let ann = map.new_persona_id();
    map.personas.push(Persona {
        id: ann,
        name: "-Ann".to_owned(),
        description: String::new(),
    });
    let formulas = [
        "=HYPERLINK(\"http://evil.example/\", \"Click\")",
        "=cmd|' /C calc'!A0",
        "+1+1",
        "-2+3",
        "@SUM(A1:A9)",
        "\tTabbed",
        "\rReturned",
        "'=genuinely starts with a quote",
        "''=two quotes",
        "'tis a plain apostrophe",
        "'",
        "Plain = fine",
    ];
    let (stage, lane) = (map.stages[0].id, map.lanes[1].id);
    for (i, text) in formulas.iter().enumerate() {
        let id = map.new_card_id();
        let mut card = Card::new(id, stage, lane, text);
        card.owner = (*text).to_owned();
        card.metric = (*text).to_owned();
        card.notes = (*text).to_owned();
        card.channel = Channel::Custom(format!("={i}"));
        card.emotion = Some(Emotion::new(i as i32 % 5 - 2, text));
        card.personas = vec![ann];
        map.cards.push(Arc::new(card));
    }
    let text = csv::to_string(&map);
    // No cell starts with a formula character: each got a `'` in front.
    let mut reader = ::csv::ReaderBuilder::new().from_reader(text.as_bytes());
    let mut cells = 0;
    for record in reader.records() {
        let record = record.expect("valid CSV");
        for (i, cell) in record.iter().enumerate() {
            if COLUMNS[i] == "emotion_score" {
                continue;
            }
            cells += 1;
            assert!(
                !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
                "cell {cell:?} of column {} would run as a formula",
                COLUMNS[i]
            );
        }
    }
    assert!(cells > 100);
    assert!(text.contains(",\"'=HYPERLINK("), "{text}");
    assert!(text.contains(",'=cmd|"), "{text}");
    assert!(text.contains(",'+1+1,"), "{text}");
    assert!(text.contains(",'@SUM(A1:A9),"), "{text}");
    assert!(text.contains(",''=genuinely"), "{text}");
    assert!(text.contains(",'tis a plain"), "{text}");
    // Scores stay numbers.
    assert!(text.contains(",-2,"), "{text}");
    let back = parse(&text);
    assert_eq!(rows(&back), rows(&map));
    assert_eq!(csv::to_string(&back), text);
}

#[test]
fn bad_headers_are_reported() {
    let err = parse_err("stage,title,colour\n");
    assert_eq!((err.row, err.column.as_deref()), (1, Some("colour")));
    assert_eq!(err.position, (1, 13));
    assert!(err.message.contains("not a column"), "{err}");
    let err = parse_err("stage,title,Title\n");
    assert_eq!(err.column.as_deref(), Some("Title"));
    assert!(err.message.contains("twice"), "{err}");
    let err = parse_err("title,lane\nA,B\n");
    assert!(err.message.contains("no `stage` column"), "{err}");
    let err = parse_err("");
    assert!(err.message.contains("empty"), "{err}");
}

#[test]
fn errors_become_load_errors_with_a_position() {
    let err = parse_err(&format!("{HEADER}\nA,,Ad,,,,,2,,,\nB,,Bd,,,,,-3,,,\n"));
    let load = err.to_load_error("cards.csv");
    assert_eq!(load.position, Some((3, 11)));
    let shown = load.to_string();
    assert!(
        shown.starts_with("cards.csv:3:11: row 3, column `emotion_score`: `-3` is not"),
        "{shown}"
    );
}

#[test]
fn no_input_panics() {
    let alphabet: Vec<char> = "stage,title,lane\"\n\r;é😀 -2x".chars().collect();
    let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    let mut parsed = 0;
    for _ in 0..3000 {
        let mut text = String::from(if next() % 2 == 0 {
            "stage,title,emotion_score\n"
        } else {
            ""
        });
        for _ in 0..(next() % 60) {
            text.push(alphabet[(next() % alphabet.len() as u64) as usize]);
        }
        if csv::from_str(&text, "x").is_ok() {
            parsed += 1;
        }
    }
    assert!(parsed > 0);
}

#[test]
fn evidence_and_source_round_trip_and_default_to_assumed() {
    use waymark::model::Evidence;
    let mut map = sample_map();
    // The sample has observed, measured and assumed cards; give one a
    // source with a comma and a quote.
    let card = Arc::make_mut(&mut map.cards[0]);
    card.evidence = Evidence::Observed;
    card.source = "Interviews, \"March\" https://example.org/notes".to_owned();
    let back = parse(&csv::to_string(&map));
    // By title: rows go stage by stage, in the order lanes are met, which
    // is not the order of `map.cards`.
    let levels = |m: &Map| -> Vec<(String, Evidence, String)> {
        let mut levels: Vec<_> = m
            .cards
            .iter()
            .map(|c| (c.title.clone(), c.evidence, c.source.clone()))
            .collect();
        levels.sort_by(|a, b| a.0.cmp(&b.0));
        levels
    };
    assert_eq!(levels(&back), levels(&map));
    assert!(map.cards.iter().any(|c| c.evidence == Evidence::Measured));
    assert!(map.cards.iter().any(|c| c.evidence == Evidence::Assumed));

    // Files without the columns, or with empty cells, read as assumed.
    let old = parse(&format!("{HEADER}\nBuy,,Checkout,,,,,,,,\n"));
    assert_eq!(old.cards[0].evidence, Evidence::Assumed);
    assert_eq!(old.cards[0].source, "");
    let text = "stage,title,evidence,source\nBuy,Checkout,Measured,Funnel report\nBuy,Receipt,,\n";
    let map = parse(text);
    assert_eq!(map.cards[0].evidence, Evidence::Measured);
    assert_eq!(map.cards[0].source, "Funnel report");
    assert_eq!(map.cards[1].evidence, Evidence::Assumed);
}

#[test]
fn a_bad_evidence_level_names_the_cell() {
    let err = parse_err("stage,title,evidence\nBuy,Checkout,rumour\n");
    assert_eq!((err.row, err.column.as_deref()), (2, Some("evidence")));
    assert!(
        err.message.contains("observed, measured or assumed"),
        "{err}"
    );
}

#[test]
fn a_row_without_a_channel_has_no_channel_and_writes_an_empty_cell() {
    let map = parse("stage,title,channel\nBuy,Checkout,\n");
    assert_eq!(map.cards[0].channel, Channel::Unknown);
    let text = csv::to_string(&map);
    let row = text.lines().nth(1).expect("a data row");
    assert!(row.starts_with("Buy,Touchpoints,Checkout,,"), "{row}");
    assert_eq!(parse(&text).cards[0].channel, Channel::Unknown);
}

/// Fail points, stage volumes and periods, and the blueprint's lane kinds
/// survive a trip through CSV (links are not carried: CSV rows have no ids).
#[test]
fn blueprint_fields_and_volumes_round_trip() {
    use waymark::model::LaneKind;
    let text = "stage,lane,title,fail_point,stage_volume,stage_period\n\
                Browse,Customer actions,Reads the size guide,,\"12,000\",March 2026\n\
                Browse,Frontstage,Size guide page,yes,12000,March 2026\n\
                Checkout,Backstage,Fraud check,,1800,\n\
                Checkout,Support processes,Payment provider,no,,\n";
    let map = parse(text);
    assert_eq!(map.stages[0].volume, Some(12_000));
    assert_eq!(map.stages[0].period, "March 2026");
    assert_eq!(map.stages[1].volume, Some(1_800));
    assert_eq!(map.stages[1].period, "");
    let kinds: Vec<&LaneKind> = map.lanes.iter().map(|l| &l.kind).collect();
    assert_eq!(
        kinds,
        [
            &LaneKind::Actions,
            &LaneKind::Frontstage,
            &LaneKind::Backstage,
            &LaneKind::Support
        ]
    );
    let fails: Vec<bool> = map.cards.iter().map(|c| c.fail_point).collect();
    assert_eq!(fails, [false, true, false, false]);
    let again = csv::to_string(&map);
    let back = parse(&again);
    assert_eq!(back.stages, map.stages);
    assert_eq!(back.lanes, map.lanes);
    assert_eq!(back.cards, map.cards);
    assert_eq!(csv::to_string(&back), again);
}

#[test]
fn a_bad_stage_volume_or_fail_point_names_its_cell() {
    let err = parse_err("stage,title,stage_volume\nBrowse,Ad,12k\n");
    assert_eq!((err.row, err.column.as_deref()), (2, Some("stage_volume")));
    assert_eq!(err.position, (2, 11));
    assert!(
        err.message.contains("`12k` is not a count"),
        "{}",
        err.message
    );
    let err = parse_err("stage,title,fail_point\nBrowse,Ad,maybe\n");
    assert_eq!((err.row, err.column.as_deref()), (2, Some("fail_point")));
}
