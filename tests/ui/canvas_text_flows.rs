//! Text on the canvas through egui_kittest: a hover shows a cut title in
//! full, the in-place editor wraps a long title and stores it on one line,
//! and zoomed in, stage headers and lane labels stay pinned in view.

use std::sync::Arc;

use egui::{Modifiers, Pos2, Rect, vec2};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;

use waymark::app::WaymarkApp;
use waymark::app::dialogs::ScriptedDialogs;
use waymark::edit::Document;
use waymark::interchange::sample::sample_map;
use waymark::layout::{Style, layout};
use waymark::model::Map;

/// A title too long for a card's three rows.
const LONG_TITLE: &str = "Reads three review sites, two forums and a magazine test of \
                          hiking boots before asking a friend who hikes every weekend";

fn harness(map: Map) -> Harness<'static, WaymarkApp> {
    let mut h = Harness::builder()
        .with_size(vec2(1600.0, 1000.0))
        // Short frames: kittest feeds one event per frame, and a
        // double-click's two releases must come within 0.3 s.
        .with_step_dt(1.0 / 60.0)
        .build_eframe(move |cc| {
            WaymarkApp::new(cc, Document::new(map), Box::new(ScriptedDialogs::default()))
        });
    h.run();
    h
}

/// The sample map with its first card's title made long.
fn map_with_long_title() -> Map {
    let mut map = sample_map();
    Arc::make_mut(&mut map.cards[0]).title = LONG_TITLE.to_owned();
    map
}

/// Two clicks a frame apart: a double-click.
fn double_click(h: &mut Harness<'_, WaymarkApp>, label: &str) {
    h.get_by_label(label).click();
    h.step();
    h.get_by_label(label).click();
}

/// Lets egui's tooltip delay (0.5 s) pass with the pointer still.
fn wait_for_tooltip(h: &mut Harness<'_, WaymarkApp>) {
    for _ in 0..60 {
        h.step();
    }
    h.run();
}

fn canvas(h: &Harness<'_, WaymarkApp>) -> Rect {
    h.state().view_state().canvas
}

/// Shows the map at `zoom` with the map point `at` in the canvas's top-left
/// corner, as a user's zoom and scroll would.
fn look_at(h: &mut Harness<'_, WaymarkApp>, zoom: f32, at: Pos2) {
    let view = h.state_mut().view_state_mut();
    view.fit_pending = false;
    view.fitted = false;
    view.zoom = zoom;
    view.pan = -at.to_vec2() * zoom;
    h.run();
}

#[test]
fn hovering_a_card_with_a_cut_title_shows_the_whole_title() {
    let mut h = harness(map_with_long_title());
    // The card, and no tooltip yet: one node carries the title.
    assert_eq!(h.query_all_by_label(LONG_TITLE).count(), 1);
    let card = h.get_by_label(LONG_TITLE).rect();
    h.hover_at(card.center());
    h.run();
    wait_for_tooltip(&mut h);
    h.run();
    let nodes: Vec<Rect> = h.get_all_by_label(LONG_TITLE).map(|n| n.rect()).collect();
    assert_eq!(nodes.len(), 2, "the card and its tooltip: {nodes:?}");
    let tip = nodes
        .iter()
        .find(|r| **r != card)
        .expect("a tooltip node besides the card");
    // A tooltip, near the card, showing the title on several lines.
    assert!(tip.height() > 20.0, "{tip:?}");
    assert!(tip.top() >= card.top() - 1.0, "{tip:?} vs card {card:?}");
}

#[test]
fn hovering_a_stage_header_shows_its_name_and_goal() {
    let map = sample_map();
    let (name, goal) = (map.stages[0].name.clone(), map.stages[0].goal.clone());
    let mut h = harness(map);
    assert_eq!(h.query_all_by_label(&goal).count(), 0);
    let header = h.get_by_label(&format!("Stage {name}")).rect();
    h.hover_at(header.center());
    h.run();
    wait_for_tooltip(&mut h);
    h.run();
    assert_eq!(
        h.get_all_by_label(&goal).count(),
        1,
        "the goal in a tooltip"
    );
    assert_eq!(
        h.get_all_by_label(&name).count(),
        1,
        "the name in a tooltip"
    );
}

#[test]
fn the_title_editor_wraps_a_long_title_and_enter_stores_it_on_one_line() {
    let mut h = harness(sample_map());
    look_at(&mut h, 1.0, Pos2::ZERO);
    let first = h.state().document().map().cards[0].title.clone();
    double_click(&mut h, &first);
    h.run();
    let field = h.get_by_label("Edit card title").rect();
    // Three rows of 13.5-point text, not one.
    assert!(field.height() >= 3.0 * 15.0, "{field:?}");
    h.key_press_modifiers(Modifiers::COMMAND, egui::Key::A);
    h.get_by_label("Edit card title").type_text(LONG_TITLE);
    h.run();
    // Shift+Enter inserts nothing; Enter commits.
    h.key_press_modifiers(Modifiers::SHIFT, egui::Key::Enter);
    h.run();
    assert!(h.query_by_label("Edit card title").is_none(), "committed");
    let map = h.state().document().map().clone();
    assert_eq!(map.cards[0].title, LONG_TITLE);
    // Still wrapped while typing: the field kept its rows, and the text
    // in it is the whole title with no newline.
    assert!(!map.cards[0].title.contains('\n'));
}

#[test]
fn esc_in_the_multi_line_editor_keeps_the_old_title() {
    let mut h = harness(sample_map());
    look_at(&mut h, 1.0, Pos2::ZERO);
    let first = h.state().document().map().cards[0].title.clone();
    double_click(&mut h, &first);
    h.run();
    h.get_by_label("Edit card title")
        .type_text("Something else");
    h.run();
    h.key_press(egui::Key::Escape);
    h.run();
    assert!(h.query_by_label("Edit card title").is_none());
    assert_eq!(h.state().document().map().cards[0].title, first);
}

#[test]
fn zoomed_in_and_scrolled_the_stage_headers_and_lane_labels_stay_in_view() {
    let map = sample_map();
    let l = layout(&map, &Style::default());
    let stage = map.stages[1].name.clone();
    let lane = map.lanes[2].name.clone();
    let mut h = harness(map);
    // Zoomed in, scrolled down past the headers into the third lane's row,
    // and right past the labels, with the second stage clear of them.
    let at = egui::pos2(
        l.stages[1].column.left() - l.style.label_width - 20.0,
        l.lanes[2].row.top() - 5.0,
    );
    assert!(at.x > l.lanes[0].label.left() && at.y > l.stages[1].header.bottom());
    look_at(&mut h, 1.5, at);
    let canvas = canvas(&h);
    let header = h.get_by_label(&format!("Stage {stage}")).rect();
    assert!(
        (header.top() - canvas.top()).abs() < 1.0 && canvas.contains_rect(header),
        "stage header {header:?} pinned at the top of {canvas:?}"
    );
    let label = h.get_by_label(&format!("Lane {lane}")).rect();
    assert!(
        (label.left() - canvas.left()).abs() < 1.0 && label.top() >= header.bottom(),
        "lane label {label:?} pinned at the left of {canvas:?}, under the headers"
    );
    // The pinned header behaves as one in place: a click selects its stage.
    h.get_by_label(&format!("Stage {stage}")).click();
    h.run();
    let selected = h.state().view_state().selection.stage;
    let id = h.state().document().map().stages[1].id;
    assert_eq!(selected, Some(id));
    // And a double-click opens its editor over the pinned header.
    double_click(&mut h, &format!("Stage {stage}"));
    h.run();
    let field = h.get_by_label("Edit stage name").rect();
    assert!(header.contains_rect(field), "{field:?} over {header:?}");
}

#[test]
fn headers_in_view_are_not_pinned() {
    let map = sample_map();
    let stage = map.stages[1].name.clone();
    let l = layout(&map, &Style::default());
    let mut h = harness(map);
    look_at(&mut h, 1.0, Pos2::ZERO);
    let canvas = canvas(&h);
    let header = h.get_by_label(&format!("Stage {stage}")).rect();
    let expected = canvas.top() + l.stages[1].header.top();
    assert!((header.top() - expected).abs() < 1.0, "{header:?}");
}

#[test]
fn the_add_lane_button_stays_on_one_line_at_small_zooms() {
    let mut h = harness(sample_map());
    for zoom in [0.37, 0.45, 0.6] {
        look_at(&mut h, zoom, Pos2::ZERO);
        let canvas = canvas(&h);
        // The canvas's button, not the toolbar's.
        let button = h
            .get_all_by_label("+ Lane")
            .map(|n| n.rect())
            .find(|r| canvas.intersects(*r))
            .expect("the canvas's + Lane button");
        // One row of the 14-point button text with its padding, not two.
        assert!(button.height() < 26.0, "at {zoom}: {button:?}");
        assert!(button.width() > button.height(), "at {zoom}: {button:?}");
    }
}

#[test]
fn hovering_a_megabyte_title_shows_only_its_start() {
    let mut map = sample_map();
    let huge = "boots ".repeat(200_000);
    Arc::make_mut(&mut map.cards[0]).title = huge.clone();
    let mut h = harness(map);
    let card = h.get_by_label(&huge).rect();
    h.hover_at(card.center());
    h.run();
    wait_for_tooltip(&mut h);
    let tip = h
        .get_all_by_label_contains("boots boots")
        .filter_map(|n| n.value())
        .find(|v| v.ends_with('…'))
        .expect("a tooltip with the title's start, cut");
    assert!(tip.chars().count() <= 601, "{} chars", tip.chars().count());
    assert!(huge.starts_with(tip.trim_end_matches('…')));
}

#[test]
fn hovering_a_card_explains_its_evidence_mark_and_names_its_owner() {
    let mut h = harness(sample_map());
    let title = "Instagram trail video ad";
    let explained = "Evidence: measured (the three bars), counted in data: analytics, surveys";
    assert!(h.query_by_label(explained).is_none());
    let card = h.get_by_label(title).rect();
    h.hover_at(card.center());
    h.run();
    wait_for_tooltip(&mut h);
    h.get_by_label(explained);
    h.get_by_label("Owner: Social team");
    h.get_by_label("Channel: Social");
}
