//! Maps in Japanese, Korean, Arabic and Hebrew: drawn through the fallback
//! fonts (here a small subset font committed under tests/fixtures/fonts,
//! loaded through the same path as the system's), in the right order, with
//! no replacement boxes; and typed through an IME as one undo step.
//!
//! Every test here first points the fallback fonts at the fixture and
//! leaves the system's fonts out, so the results do not depend on what a
//! machine has installed.

use std::path::PathBuf;
use std::sync::Arc;

use egui::epaint::text::{Fonts, LayoutJob, MissingGlyphPolicy, TextOptions};
use egui::{Color32, FontId, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;

use waymark::app::WaymarkApp;
use waymark::app::dialogs::ScriptedDialogs;
use waymark::edit::Document;
use waymark::export::{self, ExportOptions};
use waymark::model::{Card, Lane, LaneKind, Map, Stage};
use waymark::paint::{self, FontSources};

/// The titles of the world map, one per script.
const JAPANESE: &str = "インスタ広告 — 登山靴の動画";
const KOREAN: &str = "결제";
const ARABIC: &str = "الدفع";
const HEBREW: &str = "שלום";

fn fixture_fonts() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/fonts");
    // One process, one choice: every test makes the same one.
    paint::set_font_sources(&FontSources::only([dir]));
}

/// A small map with a stage and a card in each script.
fn world_map() -> Map {
    let mut map = Map::new("顧客旅程 — 日本語 한국어 العميل לקוח");
    let lane = map.new_lane_id();
    map.lanes.push(Lane::new(lane, LaneKind::Touchpoints));
    for (stage_name, title) in [
        ("動画", JAPANESE),
        ("결제", KOREAN),
        ("الدفع", ARABIC),
        ("תשלום", HEBREW),
    ] {
        let stage = map.new_stage_id();
        map.stages.push(Stage::new(stage, stage_name));
        let id = map.new_card_id();
        map.cards.push(Arc::new(Card::new(id, stage, lane, title)));
    }
    map
}

/// Fonts exactly as the exporter builds them, but panicking on a glyph
/// no font has instead of drawing a box.
fn strict_fonts() -> Fonts {
    Fonts::new(TextOptions::default(), paint::font_definitions())
        .with_font_providers(paint::font_providers())
        .with_missing_glyph_policy(MissingGlyphPolicy::Panic)
}

fn lay_out(fonts: &mut Fonts, text: &str) {
    let job = LayoutJob::simple(
        text.to_owned(),
        FontId::proportional(14.0),
        Color32::BLACK,
        f32::INFINITY,
    );
    let _ = fonts.with_pixels_per_point(1.0).layout_job(job);
}

#[test]
fn world_map_matches_the_reference() {
    fixture_fonts();
    let image = export::render_image(&world_map(), &ExportOptions::default()).expect("renders");
    egui_kittest::image_snapshot(&image, "export_world_scripts_1x");
}

#[test]
fn no_text_of_the_world_map_needs_a_replacement_box() {
    fixture_fonts();
    let map = world_map();
    let mut fonts = strict_fonts();
    let mut texts = vec![map.title.clone()];
    texts.extend(map.stages.iter().map(|s| s.name.clone()));
    texts.extend(map.cards.iter().map(|c| c.title.clone()));
    for text in &texts {
        lay_out(&mut fonts, text);
    }
    assert_eq!(paint::missing_scripts(&map), Vec::new());
    assert_eq!(paint::missing_fonts_warning(&map), None);
}

#[test]
fn a_script_no_font_covers_is_caught_and_named() {
    // The near miss of the test above: Thai is in no fixture font.
    fixture_fonts();
    let laid_out = std::panic::catch_unwind(|| lay_out(&mut strict_fonts(), "ชำระเงิน"));
    assert!(laid_out.is_err(), "a Thai glyph should have no font");
    let mut map = world_map();
    map.title = "ชำระเงิน".into();
    let missing = paint::missing_scripts(&map);
    assert_eq!(missing.len(), 1, "{missing:?}");
    assert_eq!(missing[0].name, "Thai");
    let warning = paint::missing_fonts_warning(&map).expect("a warning");
    assert!(warning.contains("Thai"), "{warning}");
    assert!(warning.contains("fonts-noto-core"), "{warning}");
}

#[test]
fn right_to_left_titles_are_laid_out_right_to_left() {
    fixture_fonts();
    let painted = export::paint(&world_map(), &ExportOptions::default());
    // Each galley's visible letters, left to right as laid out. (egui
    // 0.37 appends invisible, zero-width copies of a right-to-left run's
    // letters after it: they are skipped.)
    let shown: Vec<String> = painted
        .shapes
        .iter()
        .filter_map(|s| match s {
            egui::Shape::Text(t) => Some(
                t.galley
                    .rows
                    .iter()
                    .flat_map(|r| r.row.glyphs.iter())
                    .filter(|g| g.advance_width > 0.0)
                    .map(|g| g.chr)
                    .collect(),
            ),
            _ => None,
        })
        .collect();
    // שלום: final mem at the left, shin at the right.
    assert!(shown.iter().any(|t| t == "םולש"), "{shown:?}");
    // الدفع: ain at the left, alef at the right.
    assert!(shown.iter().any(|t| t == "عفدلا"), "{shown:?}");
    // The mixed title: Korean, then the two right-to-left words with
    // the Hebrew (read last) at their left.
    assert!(
        shown.iter().any(|t| t.ends_with("한국어 חוקל ليمعلا")),
        "{shown:?}"
    );
}

fn harness(doc: Document) -> Harness<'static, WaymarkApp> {
    fixture_fonts();
    let dialogs = ScriptedDialogs::default();
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1600.0, 1000.0))
        .build_eframe(move |cc| WaymarkApp::new(cc, doc, Box::new(dialogs)));
    harness.run();
    harness
}

/// What an input method sends while the user composes 日本語 from kana.
fn compose(h: &mut Harness<'_, WaymarkApp>, result: &str) {
    for preedit in ["に", "にほ", "にほんご", result] {
        h.event(egui::Event::Ime(egui::ImeEvent::Preedit {
            text: preedit.to_owned(),
            active_range_chars: None,
        }));
        h.run();
    }
    h.event(egui::Event::Ime(egui::ImeEvent::Commit(result.to_owned())));
    h.run();
}

#[test]
fn a_composed_title_in_the_inspector_is_one_undo_step() {
    let mut h = harness(Document::new(world_map()));
    let first = h.state().document().map().cards[0].title.clone();
    h.get_by_label(&first).click();
    h.run();
    h.get_by_label("Title").focus();
    h.run();
    h.key_press(egui::Key::End);
    h.run();
    compose(&mut h, "日本語");
    assert_eq!(
        h.state().document().map().cards[0].title,
        format!("{first}日本語")
    );
    h.key_press(egui::Key::Escape);
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, egui::Key::Z);
    h.run();
    assert_eq!(h.state().document().map().cards[0].title, first);
}

#[test]
fn a_composed_title_in_the_in_place_editor_lands_in_the_new_card() {
    let mut h = harness(Document::new(world_map()));
    h.get_by_label("+ Card").click();
    h.run();
    let added = h.state().document().map().clone();
    h.get_by_label("Edit card title").focus();
    h.run();
    compose(&mut h, "日本語");
    h.key_press(egui::Key::Enter);
    h.run();
    let map = h.state().document().map().clone();
    assert!(
        map.cards.iter().any(|c| c.title == "日本語"),
        "{:?}",
        map.cards.iter().map(|c| &c.title).collect::<Vec<_>>()
    );
    // The whole composition is one step: one undo takes all of it back,
    // leaving the card as it was added, with no half-composed title.
    h.key_press_modifiers(Modifiers::COMMAND, egui::Key::Z);
    h.run();
    assert_eq!(h.state().document().map(), &added);
}

#[test]
fn the_svg_names_fallback_faces_and_keeps_right_to_left_text_as_drawn() {
    fixture_fonts();
    let svg = export::render_svg(&world_map(), &ExportOptions::default()).expect("renders");
    assert!(
        svg.contains("font-family=\"DejaVu Sans, Noto Sans CJK JP"),
        "{svg}"
    );
    assert!(svg.contains("インスタ広告"), "{svg}");
    // Hebrew as laid out, left to right, and not reordered by the viewer.
    assert!(svg.contains("unicode-bidi=\"bidi-override\""), "{svg}");
    assert!(svg.contains(">םולש<"), "{svg}");
    // Arabic joined: final ain, initial feh, final dal, initial lam, alef.
    assert!(
        svg.contains(">\u{FECA}\u{FED3}\u{FEAA}\u{FEDF}\u{FE8D}<"),
        "{svg}"
    );
    // Latin-only text carries no override.
    assert!(svg.contains("<tspan"), "{svg}");
    let latin_rows = svg
        .lines()
        .filter(|l| l.contains(">Emotion<"))
        .collect::<Vec<_>>();
    assert!(!latin_rows.is_empty());
    assert!(latin_rows.iter().all(|l| !l.contains("bidi-override")));
}

#[test]
fn the_editor_names_a_script_no_font_covers_until_dismissed() {
    fixture_fonts();
    let mut map = world_map();
    map.title = "ชำระเงิน".into();
    let doc = Document::new(map);
    // Thai is in no fixture font: the map itself shows boxes, so this
    // harness draws them instead of panicking.
    let mut h = Harness::builder()
        .with_size(egui::vec2(1600.0, 1000.0))
        .allow_missing_glyphs()
        .build_eframe(move |cc| WaymarkApp::new(cc, doc, Box::new(ScriptedDialogs::default())));
    h.run();
    h.get_by_label_contains("No installed font has Thai");
    h.get_by_label_contains("sudo apt install fonts-noto-core");
    h.get_by_label("Hide font notice").click();
    h.run();
    assert!(h.query_by_label_contains("No installed font").is_none());
}
