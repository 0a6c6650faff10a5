//! SVG export: a real XML parser reads it, and the text is real text.

use quick_xml::Reader;
use quick_xml::events::Event;
use waymark::export::{self, ExportOptions, ThemeChoice};
use waymark::interchange::sample::sample_map;
use waymark::model::Map;
use waymark::paint::MAX_TEXT_CHARS;

/// What a parsed SVG holds that the tests look at.
#[derive(Default, Debug)]
struct Parsed {
    root: String,
    view_box: String,
    /// Each `<text>`: its visible text (the rows joined) and its
    /// `<title>`, if any.
    texts: Vec<(String, String)>,
    elements: usize,
}

fn entity(name: &str) -> String {
    match name {
        "amp" => "&".into(),
        "lt" => "<".into(),
        "gt" => ">".into(),
        "quot" => "\"".into(),
        "apos" => "'".into(),
        other => panic!("unexpected entity &{other};"),
    }
}

/// Parses the whole document; panics on any XML error (mismatched tags,
/// bad escapes, invalid characters).
fn parse(svg: &str) -> Parsed {
    let mut reader = Reader::from_str(svg);
    let mut parsed = Parsed::default();
    let mut stack: Vec<String> = Vec::new();
    let mut current: Option<(String, String)> = None;
    loop {
        let event = reader
            .read_event()
            .unwrap_or_else(|e| panic!("XML error at byte {}: {e}", reader.buffer_position()));
        match event {
            Event::Start(e) | Event::Empty(e) if stack.is_empty() => {
                parsed.root = String::from_utf8_lossy(e.name().as_ref()).into_owned();
                for a in e.attributes() {
                    let a = a.expect("well-formed attribute");
                    if a.key.as_ref() == b"viewBox" {
                        parsed.view_box = a
                            .normalized_value(quick_xml::XmlVersion::default())
                            .expect("value")
                            .into_owned();
                    }
                }
                stack.push(parsed.root.clone());
            }
            Event::Start(e) => {
                parsed.elements += 1;
                let name = String::from_utf8_lossy(e.name().as_ref()).into_owned();
                if name == "text" {
                    current = Some(Default::default());
                }
                stack.push(name);
            }
            Event::Empty(_) => parsed.elements += 1,
            Event::End(_) => {
                let closed = stack.pop();
                if closed.as_deref() == Some("text") {
                    parsed.texts.push(current.take().expect("inside text"));
                }
            }
            Event::Text(t) => push_text(&mut current, &stack, &t.decode().expect("UTF-8")),
            Event::GeneralRef(r) => {
                push_text(&mut current, &stack, &entity(&r.decode().expect("UTF-8")))
            }
            Event::Eof => break,
            _ => {}
        }
    }
    assert!(stack.is_empty(), "unclosed elements: {stack:?}");
    parsed
}

fn push_text(current: &mut Option<(String, String)>, stack: &[String], text: &str) {
    if let Some((visible, title)) = current {
        match stack.last().map(String::as_str) {
            Some("tspan") => visible.push_str(text),
            Some("title") => title.push_str(text),
            _ => {}
        }
    }
}

fn svg(map: &Map) -> Parsed {
    let text = export::render_svg(map, &ExportOptions::default()).expect("renders");
    parse(&text)
}

#[test]
fn the_svg_parses_and_covers_the_whole_map() {
    let map = sample_map();
    let parsed = svg(&map);
    assert_eq!(parsed.root, "svg");
    let bounds = waymark::layout::layout(&map, &Default::default()).bounds;
    assert_eq!(
        parsed.view_box,
        format!("0 0 {} {}", bounds.width(), bounds.height())
    );
    assert!(parsed.elements > map.cards.len() * 3, "{}", parsed.elements);
}

#[test]
fn every_card_title_is_in_a_text_element() {
    let map = sample_map();
    let parsed = svg(&map);
    for card in &map.cards {
        let found = parsed
            .texts
            .iter()
            .any(|(visible, title)| *visible == card.title || *title == card.title);
        assert!(found, "no <text> holds {:?}", card.title);
    }
    // The rest of the map's words are text too.
    for needle in [
        map.title.as_str(),
        "Awareness",
        "Touchpoints",
        "Emotion",
        "Channels",
    ] {
        assert!(
            parsed.texts.iter().any(|(v, _)| v.contains(needle)),
            "{needle}"
        );
    }
}

#[test]
fn text_that_needs_escaping_survives() {
    let mut map = sample_map();
    let tricky = "Q&A <beta> \"quotes\" it's";
    let card = std::sync::Arc::make_mut(&mut map.cards[0]);
    card.title = tricky.to_owned();
    map.title = "Boots & <socks>\u{7}".to_owned();
    let parsed = svg(&map);
    assert!(
        parsed.texts.iter().any(|(v, t)| v == tricky || t == tricky),
        "{:?}",
        parsed.texts
    );
    // The control character is dropped, not written as invalid XML.
    assert!(parsed.texts.iter().any(|(v, _)| v == "Boots & <socks>"));
}

#[test]
fn a_long_elided_title_keeps_its_full_text_in_a_title() {
    let mut map = sample_map();
    let long = "A very long card title that cannot possibly fit on the two rows a card has for its title, however small";
    std::sync::Arc::make_mut(&mut map.cards[0]).title = long.to_owned();
    let parsed = svg(&map);
    let (visible, title) = parsed
        .texts
        .iter()
        .find(|(_, t)| t == long)
        .expect("the full title is kept");
    assert!(visible.ends_with('…'), "{visible}");
    assert!(long.starts_with(visible.trim_end_matches('…').trim_end()));
    assert_eq!(title, long);
}

#[test]
fn a_multi_megabyte_title_is_cut_before_layout_and_in_the_svg() {
    // 4 MB in the map's title and in a card's: shaped whole, each took
    // seconds and about 115 bytes of memory per byte of text.
    let mut map = sample_map();
    let plain = export::render_svg(&map, &ExportOptions::default()).expect("svg");
    let huge = "Search for hiking boots ".repeat(4 * 1024 * 1024 / 24);
    std::sync::Arc::make_mut(&mut map.cards[0]).title = huge.clone();
    map.title = huge.clone();

    let painted = export::paint(&map, &ExportOptions::default());
    let longest = painted
        .shapes
        .iter()
        .filter_map(|s| match s {
            egui::Shape::Text(t) => Some(t.galley.job.text.chars().count()),
            _ => None,
        })
        .max();
    assert_eq!(longest, Some(MAX_TEXT_CHARS + 1), "cut, plus the ellipsis");

    let text = export::render_svg(&map, &ExportOptions::default()).expect("svg");
    assert!(
        text.len() < plain.len() + 8 * MAX_TEXT_CHARS,
        "{} bytes of SVG",
        text.len()
    );
    let parsed = parse(&text);
    let (visible, title) = parsed
        .texts
        .iter()
        .find(|(v, _)| v.starts_with("Search for hiking boots") && v.len() < 200)
        .expect("the card's title is drawn");
    assert!(visible.ends_with('…'), "{visible}");
    assert_eq!(title.chars().count(), MAX_TEXT_CHARS + 1);
    assert!(huge.starts_with(title.trim_end_matches('…')));

    export::render_png(&map, &ExportOptions::default(), None).expect("png");
}

#[test]
fn dark_and_transparent_change_the_background() {
    let map = sample_map();
    let light = export::render_svg(&map, &ExportOptions::default()).expect("svg");
    let dark = export::render_svg(
        &map,
        &ExportOptions {
            theme: ThemeChoice::Dark,
            ..Default::default()
        },
    )
    .expect("svg");
    let clear = export::render_svg(
        &map,
        &ExportOptions {
            transparent: true,
            ..Default::default()
        },
    )
    .expect("svg");
    let bg = |c: egui::Color32| format!("fill=\"#{:02x}{:02x}{:02x}\"", c.r(), c.g(), c.b());
    let light_bg = bg(waymark::theme::Theme::light().background);
    let dark_bg = bg(waymark::theme::Theme::dark().background);
    assert!(light.contains(&light_bg));
    assert!(dark.contains(&dark_bg));
    assert!(!clear.contains(&light_bg));
    parse(&dark);
    parse(&clear);
}

#[test]
fn a_large_map_exports_as_svg_even_when_too_large_for_png() {
    let map = waymark::model::generated::generated_map(waymark::model::generated::Shape {
        stages: 80,
        lanes: 2,
        cards: 160,
        personas: 0,
    });
    let parsed = svg(&map);
    assert_eq!(parsed.root, "svg");
    for card in &map.cards {
        assert!(
            parsed
                .texts
                .iter()
                .any(|(v, t)| *v == card.title || *t == card.title)
        );
    }
}

#[test]
fn a_map_whose_cards_have_no_channel_says_so_in_the_legend() {
    let mut map = sample_map();
    for card in &mut map.cards {
        std::sync::Arc::make_mut(card).channel = waymark::model::Channel::Unknown;
    }
    let says = |map: &Map| {
        svg(map)
            .texts
            .iter()
            .any(|(visible, _)| visible == "none set on any card yet")
    };
    assert!(says(&map));
    assert!(!says(&sample_map()), "a map with channels lists them");
}

#[test]
fn the_legend_explains_the_evidence_marks() {
    let texts: Vec<String> = svg(&sample_map()).texts.into_iter().map(|t| t.0).collect();
    for word in ["Evidence", "observed", "measured", "assumed"] {
        assert!(texts.iter().any(|t| t == word), "no {word:?} in {texts:?}");
    }
}

#[test]
fn each_persona_curve_is_labelled_at_its_end_only_when_drawn() {
    let map = sample_map();
    let labels = |options: &ExportOptions| -> Vec<String> {
        let text = export::render_svg(&map, options).expect("svg");
        parse(&text)
            .texts
            .into_iter()
            .map(|t| t.0)
            .filter(|t| t == "Maya" || t == "Tom")
            .collect()
    };
    let all = ExportOptions {
        personas: map.personas.iter().map(|p| p.id).collect(),
        ..ExportOptions::default()
    };
    let mut drawn = labels(&all);
    drawn.sort();
    assert_eq!(drawn, ["Maya", "Tom"], "each curve names its persona");
    assert!(
        labels(&ExportOptions::default()).is_empty(),
        "no curve, no label"
    );
}

/// The blueprint's lines are named in real text, its arrows are curves,
/// and the funnel's numbers are there to select and search.
#[test]
fn the_svg_carries_the_blueprint_lines_arrows_and_funnel() {
    let mut b = crate::blueprint::blueprint();
    for (stage, v) in b.map.stages.iter_mut().zip([12_000, 3_000, 2_400]) {
        stage.volume = Some(v);
    }
    b.map
        .links
        .push(waymark::model::Link::new(b.cards[0][1], b.cards[0][2]));
    let parsed = svg(&b.map);
    let texts: Vec<&str> = parsed.texts.iter().map(|(t, _)| t.as_str()).collect();
    for want in [
        "Line of interaction",
        "Line of visibility",
        "Line of internal interaction",
        "12,000",
        "−75 %",
        "25 % of the first stage",
    ] {
        assert!(texts.contains(&want), "{want} missing from {texts:?}");
    }
    let raw = export::render_svg(&b.map, &ExportOptions::default()).unwrap();
    let curves = raw.matches("<path d=\"M").count();
    b.map.links.clear();
    let without = export::render_svg(&b.map, &ExportOptions::default()).unwrap();
    assert_eq!(curves, without.matches("<path d=\"M").count() + 1);
}
