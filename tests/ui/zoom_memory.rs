//! Zooming must not grow memory without end (issue 14): text is laid out
//! at a fixed set of sizes whatever the zoom, so the font atlas stays small.

use std::collections::BTreeSet;

use eframe::App as _;
use egui::epaint::text::{Fonts, TextOptions};
use egui::{Event, Pos2, RawInput, Rect, Shape, pos2, vec2};
use waymark::app::WaymarkApp;
use waymark::app::dialogs::ScriptedDialogs;
use waymark::edit::Document;
use waymark::interchange::sample::sample_map;
use waymark::layout::{Style, layout};
use waymark::paint::{Decorations, LADDER_MAX, LADDER_MIN, LADDER_STEP, View, paint_map};
use waymark::theme::Theme;

/// What a desktop GPU reports as its largest texture side.
const GPU_MAX_TEXTURE_SIDE: usize = 16_384;

/// `n` distinct zoom levels sweeping the editor's range, 5 % to 400 %, up
/// and down three times.
fn zooms(n: usize) -> impl Iterator<Item = f32> {
    let (lo, hi) = (0.05_f64.ln(), 4.0_f64.ln());
    (0..n).map(move |i| {
        let t = (i as f64 * 6.0 / n as f64) % 2.0;
        let tri = if t < 1.0 { t } else { 2.0 - t };
        ((lo + (hi - lo) * tri).exp() * (1.0 - 1e-5 * i as f64)) as f32
    })
}

/// The number of sizes on the ladder, ends included.
fn rungs() -> usize {
    ((LADDER_MAX / LADDER_MIN).ln() / LADDER_STEP.ln()).ceil() as usize + 1
}

#[test]
fn a_thousand_zoom_levels_lay_text_out_at_a_fixed_set_of_sizes() {
    let map = sample_map();
    let layout = layout(&map, &Style::default());
    let theme = Theme::light();
    let mut fonts = Fonts::new(
        TextOptions {
            max_texture_side: GPU_MAX_TEXTURE_SIDE,
            ..TextOptions::default()
        },
        waymark::paint::font_definitions(),
    );
    let screen = Rect::from_min_size(Pos2::ZERO, vec2(1600.0, 1000.0));
    let mut sizes = BTreeSet::new();
    let mut texts = 0;
    let mut max_atlas_height = 0;
    for zoom in zooms(1_000) {
        fonts.begin_pass(*fonts.options(), Default::default());
        // The map's centre in the middle of the screen.
        let view = View {
            origin: screen.center() - layout.bounds.center().to_vec2() * zoom,
            zoom,
        };
        let shapes = paint_map(
            &mut fonts.with_pixels_per_point(1.0),
            &map,
            &layout,
            &theme,
            &view,
            screen,
            &Decorations::default(),
        );
        for shape in &shapes {
            if let Shape::Text(t) = shape {
                texts += 1;
                for section in &t.galley.job.sections {
                    sizes.insert(section.format.font_id.size.to_bits());
                }
            }
        }
        max_atlas_height = max_atlas_height.max(fonts.font_image_size()[1]);
    }
    assert!(
        texts > 10_000,
        "only {texts} texts drawn: the test draws too little"
    );
    // Laid out at `size × zoom`, these would be several thousand sizes.
    assert!(
        sizes.len() <= rungs(),
        "{} font sizes for 1,000 zoom levels; the ladder has {}",
        sizes.len(),
        rungs()
    );
    // The atlas is 16,384 pixels wide here: the glyphs of every size on
    // the ladder fit in 256 rows (thousands without the ladder).
    assert!(
        max_atlas_height <= 512,
        "the font atlas grew to 16384×{max_atlas_height}"
    );
}

fn frame(ctx: &egui::Context, app: &mut WaymarkApp, first: bool, events: Vec<Event>) {
    let raw = RawInput {
        screen_rect: Some(Rect::from_min_size(Pos2::ZERO, vec2(1600.0, 1000.0))),
        max_texture_side: first.then_some(GPU_MAX_TEXTURE_SIDE),
        events,
        ..Default::default()
    };
    // Unused texture deltas must be cleared before they are dropped.
    ctx.run_ui(raw, |ui| app.frame_ui(ui))
        .textures_delta
        .clear();
}

#[test]
fn zooming_the_editor_through_many_levels_keeps_the_font_atlas_small() {
    let ctx = egui::Context::default();
    let mut app = WaymarkApp::with_context(
        &ctx,
        None,
        Document::new(sample_map()),
        Box::new(ScriptedDialogs::default()),
    );
    // No `raw_input_hook` here: the atlas may be as wide as a desktop GPU
    // allows, so only the text sizes keep it small.
    for i in 0..10 {
        frame(&ctx, &mut app, i == 0, Vec::new());
    }
    let mut zoom_levels = BTreeSet::new();
    let mut max_atlas_height = 0;
    for zoom in zooms(300) {
        let center = app.view_state().canvas.center();
        let factor = zoom / app.view_state().zoom;
        frame(
            &ctx,
            &mut app,
            false,
            vec![Event::PointerMoved(center), Event::Zoom(factor)],
        );
        zoom_levels.insert(app.view_state().zoom.to_bits());
        max_atlas_height = max_atlas_height.max(ctx.fonts(|f| f.font_image_size()[1]));
    }
    assert!(zoom_levels.len() > 250, "{} zoom levels", zoom_levels.len());
    assert_eq!(ctx.fonts(|f| f.font_image_size()[0]), GPU_MAX_TEXTURE_SIDE);
    // Measured: 64 rows; 2,048 when text was laid out at every zoom.
    assert!(
        max_atlas_height <= 256,
        "the font atlas grew to 16384×{max_atlas_height}"
    );
}

#[test]
fn the_editor_caps_the_font_atlas_below_the_gpu_maximum() {
    let ctx = egui::Context::default();
    let mut app = WaymarkApp::with_context(
        &ctx,
        None,
        Document::new(sample_map()),
        Box::new(ScriptedDialogs::default()),
    );
    for i in 0..3 {
        let mut raw = RawInput {
            screen_rect: Some(Rect::from_min_size(pos2(0.0, 0.0), vec2(1600.0, 1000.0))),
            max_texture_side: (i == 0).then_some(GPU_MAX_TEXTURE_SIDE),
            ..Default::default()
        };
        app.raw_input_hook(&ctx, &mut raw);
        ctx.run_ui(raw, |ui| app.frame_ui(ui))
            .textures_delta
            .clear();
    }
    let side = ctx.input(|i| i.max_texture_side);
    assert_eq!(side, waymark::paint::MAX_FONT_ATLAS_SIDE);
    let [w, h] = ctx.fonts(|f| f.font_image_size());
    assert!(w <= side && h <= side, "atlas {w}×{h}");
}
