//! Stage names and card titles wrap to a few rows before they are cut,
//! on screen and in exports: the laid-out galleys of the shared painter
//! are checked, the very ones the screen, the PNG and the SVG draw.

use std::sync::Arc;

use egui::Rect;
use egui::epaint::text::{Fonts, TextOptions};
use egui::epaint::{Galley, Shape};
use waymark::export::{self, ExportOptions};
use waymark::interchange::templates;
use waymark::layout::{Style, layout};
use waymark::model::Map;
use waymark::paint::{Decorations, View, font_definitions, font_providers, paint_map};
use waymark::theme::Theme;

/// Every galley painted, with its text.
fn galleys(shapes: &[Shape]) -> Vec<Arc<Galley>> {
    shapes
        .iter()
        .filter_map(|s| match s {
            Shape::Text(t) => Some(t.galley.clone()),
            _ => None,
        })
        .collect()
}

/// The galleys an export lays out.
fn export_galleys(map: &Map) -> Vec<Arc<Galley>> {
    galleys(&export::paint(map, &ExportOptions::default()).shapes)
}

/// The galleys the canvas lays out at `zoom`, the whole map in view.
fn screen_galleys(map: &Map, zoom: f32) -> Vec<Arc<Galley>> {
    let l = layout(map, &Style::default());
    let mut fonts = Fonts::new(TextOptions::default(), font_definitions())
        .with_font_providers(font_providers());
    let mut view_fonts = fonts.with_pixels_per_point(1.0);
    let view = View {
        origin: egui::Pos2::ZERO,
        zoom,
    };
    let clip = view.rect(l.bounds);
    galleys(&paint_map(
        &mut view_fonts,
        map,
        &l,
        &Theme::light(),
        &view,
        clip,
        &Decorations::default(),
    ))
}

/// The galley that lays out `text`.
fn galley_of<'a>(galleys: &'a [Arc<Galley>], text: &str, wh: &str) -> &'a Galley {
    galleys
        .iter()
        .find(|g| g.job.text == text)
        .unwrap_or_else(|| panic!("{wh}: no galley lays out {text:?}"))
}

fn template(id: &str) -> Map {
    templates::load(templates::by_id(id).expect("bundled template"))
}

/// The texts issue 9 found cut, and the templates holding them.
const LONG_TEXTS: [(&str, &str); 3] = [
    ("store-visit", "In store: browsing and advice"),
    ("b2b-saas-trial", "Expansion and advocacy"),
    (
        "b2b-saas-trial",
        "Kickoff call with a customer success manager",
    ),
];

#[test]
fn long_stage_names_and_titles_of_the_templates_wrap_uncut_in_exports_and_on_screen() {
    for (id, text) in LONG_TEXTS {
        let map = template(id);
        let cases = [
            ("export", export_galleys(&map)),
            ("screen at 100 %", screen_galleys(&map, 1.0)),
            ("screen at 150 %", screen_galleys(&map, 1.5)),
        ];
        for (wh, galleys) in &cases {
            let g = galley_of(galleys, text, wh);
            assert!(!g.elided, "{wh}: {text:?} is cut");
            let shown: String = g.rows.iter().map(|r| r.text()).collect();
            assert!(!shown.contains('…'), "{wh}: {text:?} shows as {shown:?}");
            assert!(
                g.rows.len() <= 3,
                "{wh}: {text:?} takes {} rows",
                g.rows.len()
            );
        }
    }
}

#[test]
fn a_title_too_long_for_three_rows_is_cut_after_the_third() {
    let mut map = template("b2b-saas-trial");
    let long = "A title that goes on and on about the customer's onboarding call, \
                the follow-up e-mail, the kickoff agenda and much more besides"
        .to_owned();
    Arc::make_mut(&mut map.cards[0]).title = long.clone();
    for (wh, galleys) in [
        ("export", export_galleys(&map)),
        ("screen", screen_galleys(&map, 1.0)),
    ] {
        let g = galley_of(&galleys, &long, wh);
        assert!(g.elided, "{wh}: not cut");
        assert_eq!(g.rows.len(), 3, "{wh}: rows");
        let last = g.rows.last().expect("a row").text();
        assert!(last.ends_with('…'), "{wh}: last row {last:?}");
    }
}

#[test]
fn a_long_stage_name_is_cut_after_its_third_row() {
    let mut map = template("store-visit");
    let long = "Browsing the aisles, asking for advice, comparing prices and trying \
                things on before deciding"
        .to_owned();
    map.stages[0].name = long.clone();
    let galleys = export_galleys(&map);
    let g = galley_of(&galleys, &long, "export");
    assert!(g.elided);
    assert_eq!(g.rows.len(), 3);
}

#[test]
fn a_three_row_title_stays_clear_of_the_channel_line_and_inside_its_card() {
    let map = template("b2b-saas-trial");
    let title = "Kickoff call with a customer success manager";
    let card = map
        .cards
        .iter()
        .find(|c| c.title == title)
        .expect("the template's card");
    let l = layout(&map, &Style::default());
    let card_rect = l.card(card.id).expect("laid out").rect;
    let texts: Vec<_> = export::paint(&map, &ExportOptions::default())
        .shapes
        .into_iter()
        .filter_map(|s| match s {
            Shape::Text(t) => Some(t),
            _ => None,
        })
        .collect();
    // Rows as laid out (line height included), not glyph ink.
    let rect_of = |t: &egui::epaint::TextShape| Rect::from_min_size(t.pos, t.galley.size());
    let title_shape = texts
        .iter()
        .find(|t| t.galley.job.text == title)
        .expect("the title is painted");
    assert_eq!(title_shape.galley.rows.len(), 3);
    let title_rect = rect_of(title_shape);
    // The export's origin is the map's: map units are pixels at 1×.
    assert!(
        card_rect.contains_rect(title_rect),
        "{title_rect:?} in {card_rect:?}"
    );
    let channel = texts
        .iter()
        .map(rect_of)
        .find(|r| card_rect.contains_rect(*r) && r.top() > title_rect.top() + 1.0)
        .expect("the channel line is painted in the card");
    // Rows touching rows read as one block: keep a visible gap.
    assert!(
        channel.top() >= title_rect.bottom() + 2.0,
        "title {title_rect:?} runs into the channel line {channel:?}"
    );
}

#[test]
fn a_stage_name_on_three_rows_and_its_goal_stay_inside_the_header() {
    let map = template("store-visit");
    let stage = map
        .stages
        .iter()
        .position(|s| s.name == "In store: browsing and advice")
        .expect("the template's stage");
    let l = layout(&map, &Style::default());
    let header = l.stages[stage].header;
    let inside: Vec<_> = export::paint(&map, &ExportOptions::default())
        .shapes
        .into_iter()
        .filter_map(|s| match s {
            Shape::Text(t) => Some(Rect::from_min_size(t.pos, t.galley.size())),
            _ => None,
        })
        .filter(|r| header.intersects(*r))
        .collect();
    assert!(!inside.is_empty());
    for r in inside {
        assert!(header.contains_rect(r), "{r:?} spills out of {header:?}");
    }
}
