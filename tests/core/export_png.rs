//! PNG export: the sample map against reference images, the PNG decoding
//! back to the rendered pixels, size limits, transparency, progress.

use std::sync::Arc;
use std::time::Instant;

use waymark::export::{self, ExportError, ExportOptions, MAX_SIDE, Progress, ThemeChoice};
use waymark::interchange::sample::sample_map;
use waymark::model::generated::{Shape, generated_map};

fn options(scale: f32) -> ExportOptions {
    ExportOptions {
        scale,
        ..Default::default()
    }
}

fn decode(bytes: &[u8]) -> image::RgbaImage {
    let decoder = png::Decoder::new(std::io::Cursor::new(bytes));
    let mut reader = decoder.read_info().expect("a valid PNG header");
    let mut buf = vec![0; reader.output_buffer_size().expect("size fits")];
    let info = reader.next_frame(&mut buf).expect("valid image data");
    assert_eq!(info.color_type, png::ColorType::Rgba);
    assert_eq!(info.bit_depth, png::BitDepth::Eight);
    buf.truncate(info.buffer_size());
    image::RgbaImage::from_raw(info.width, info.height, buf).expect("RGBA buffer")
}

#[test]
fn sample_map_at_1x_matches_the_reference() {
    let image = export::render_image(&sample_map(), &options(1.0)).expect("renders");
    egui_kittest::image_snapshot(&image, "export_sample_1x");
}

#[test]
fn sample_map_at_2x_matches_the_reference() {
    let image = export::render_image(&sample_map(), &options(2.0)).expect("renders");
    let small = export::render_image(&sample_map(), &options(1.0)).expect("renders");
    assert_eq!(image.width(), small.width() * 2);
    assert_eq!(image.height(), small.height() * 2);
    egui_kittest::image_snapshot(&image, "export_sample_2x");
}

/// The emotion curve with both personas' curves toggled on: bands, low
/// points with their faces, and a curve per persona in its colour.
#[test]
fn persona_curves_match_the_reference() {
    let map = sample_map();
    let options = ExportOptions {
        personas: map.personas.iter().map(|p| p.id).collect(),
        ..options(1.0)
    };
    let image = export::render_image(&map, &options).expect("renders");
    // Exports draw exactly what is toggled: the curves change pixels.
    let plain = export::render_image(&map, &self::options(1.0)).expect("renders");
    assert_ne!(image.as_raw(), plain.as_raw());
    egui_kittest::image_snapshot(&image, "export_sample_personas_1x");
}

#[test]
fn dark_theme_matches_the_reference() {
    let image = export::render_image(
        &sample_map(),
        &ExportOptions {
            theme: ThemeChoice::Dark,
            ..options(1.0)
        },
    )
    .expect("renders");
    egui_kittest::image_snapshot(&image, "export_sample_dark_1x");
}

#[test]
fn the_png_decodes_to_exactly_the_rendered_pixels() {
    // The streamed PNG renders in bands of rows; the in-memory image in
    // one band per core. Both must give the very same pixels.
    for opts in [
        options(1.0),
        ExportOptions {
            theme: ThemeChoice::Dark,
            transparent: true,
            ..options(1.5)
        },
    ] {
        let rendered = export::render_image(&sample_map(), &opts).expect("renders");
        let png = export::render_png(&sample_map(), &opts, None).expect("encodes");
        let decoded = decode(&png);
        assert_eq!(decoded.dimensions(), rendered.dimensions());
        assert!(
            decoded.as_raw() == rendered.as_raw(),
            "pixels differ for {opts:?}"
        );
    }
}

#[test]
fn rendering_is_deterministic() {
    let a = export::render_png(&sample_map(), &options(1.0), None).expect("encodes");
    let b = export::render_png(&sample_map(), &options(1.0), None).expect("encodes");
    assert!(a == b);
}

#[test]
fn transparent_background_leaves_corners_clear_and_cards_opaque() {
    let map = sample_map();
    let opts = ExportOptions {
        transparent: true,
        ..options(1.0)
    };
    let image = export::render_image(&map, &opts).expect("renders");
    let (w, h) = image.dimensions();
    for (x, y) in [(0, 0), (w - 1, 0), (0, h - 1), (w - 1, h - 1)] {
        assert_eq!(image.get_pixel(x, y).0, [0, 0, 0, 0], "corner {x},{y}");
    }
    // The middle of the first card is its white face, fully opaque.
    let layout = waymark::layout::layout(&map, &waymark::layout::Style::default());
    let card = layout.cards[0].rect;
    let p = card.center() + egui::vec2(-20.0, 4.0);
    assert_eq!(image.get_pixel(p.x as u32, p.y as u32).0[3], 255);

    // Without --transparent the corners hold the theme's background.
    let opaque = export::render_image(&map, &options(1.0)).expect("renders");
    let bg = waymark::theme::Theme::light().background.to_array();
    assert_eq!(opaque.get_pixel(0, 0).0, bg);
}

#[test]
fn a_map_too_large_is_refused_with_a_scale_that_fits() {
    let map = generated_map(Shape {
        stages: 80,
        lanes: 2,
        cards: 160,
        personas: 0,
    });
    let start = Instant::now();
    let err = export::render_png(&map, &options(3.0), None).expect_err("too large");
    // Refused from the layout alone: nothing was painted or allocated.
    assert!(start.elapsed().as_secs_f32() < 1.0);
    let ExportError::TooLarge { width, fits, .. } = &err else {
        panic!("expected TooLarge, got {err:?}");
    };
    assert!(*width > MAX_SIDE as u64);
    let fits = fits.expect("a smaller scale fits");
    assert!(fits < 3.0);
    let message = err.to_string();
    assert!(message.contains("largest scale that fits"), "{message}");
    assert!(message.contains("at 3×"), "{message}");
    // The suggestion really fits, and a tenth more would not.
    let bounds = waymark::layout::layout(&map, &Default::default()).bounds;
    let [w, _] = export::image_size(bounds, fits).expect("the suggested scale fits");
    assert!(w <= MAX_SIDE);
    assert!(export::image_size(bounds, fits + 0.1).is_err());
}

#[test]
fn bad_scales_are_refused() {
    for scale in [0.0, -1.0, f32::NAN, f32::INFINITY, 100.0] {
        let err = export::render_png(&sample_map(), &options(scale), None).expect_err("bad");
        assert!(matches!(err, ExportError::BadScale(_)), "{scale}: {err:?}");
    }
}

#[test]
fn progress_reaches_the_end_and_cancel_stops_the_export() {
    let progress = Arc::new(Progress::new());
    let worker = {
        let progress = Arc::clone(&progress);
        std::thread::spawn(move || {
            export::render_png(&sample_map(), &options(1.0), Some(&progress))
        })
    };
    let png = worker.join().expect("no panic").expect("exports");
    assert!(!png.is_empty());
    assert_eq!(progress.fraction(), 1.0);

    let cancelled = Progress::new();
    cancelled.cancel();
    let err = export::render_png(&sample_map(), &options(1.0), Some(&cancelled));
    assert_eq!(err, Err(ExportError::Cancelled));
}

#[test]
fn export_file_writes_png_and_svg_by_extension() {
    let dir = tempfile::tempdir().expect("temp dir");
    let png_path = dir.path().join("map.png");
    let svg_path = dir.path().join("map.svg");
    export::export_file(&sample_map(), &png_path, &options(1.0), None).expect("png");
    export::export_file(&sample_map(), &svg_path, &options(1.0), None).expect("svg");
    let png = std::fs::read(&png_path).expect("png written");
    assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
    let svg = std::fs::read_to_string(&svg_path).expect("svg written");
    assert!(svg.starts_with("<?xml"));
    let bad = dir.path().join("missing-dir").join("map.png");
    let err = export::export_file(&sample_map(), &bad, &options(1.0), None).expect_err("no dir");
    assert!(matches!(err, ExportError::Write { .. }), "{err:?}");
}

/// The service blueprint's three lines, an arrow, a fail point and the
/// funnel band under the headers (a volume, the share of the first stage,
/// the drop-off as a number and a red bar), as the PNG draws them.
#[test]
fn blueprint_lines_and_funnel_band_match_the_reference() {
    let mut b = crate::blueprint::blueprint();
    for (stage, v) in b.map.stages.iter_mut().zip([12_000, 3_000, 2_400]) {
        stage.volume = Some(v);
        stage.period = "March 2026".into();
    }
    b.map
        .links
        .push(waymark::model::Link::new(b.cards[1][1], b.cards[1][2]));
    b.map
        .links
        .push(waymark::model::Link::new(b.cards[1][2], b.cards[2][3]));
    let fail = b.cards[1][1];
    let card = b.map.cards.iter_mut().find(|c| c.id == fail).unwrap();
    Arc::make_mut(card).fail_point = true;
    let image = export::render_image(&b.map, &options(1.0)).expect("renders");
    // Without the band, lines and arrows the picture differs.
    let mut plain = b.map.clone();
    plain.links.clear();
    plain.stages.iter_mut().for_each(|s| s.volume = None);
    let without = export::render_image(&plain, &options(1.0)).expect("renders");
    assert_ne!(image.dimensions(), without.dimensions());
    egui_kittest::image_snapshot(&image, "export_blueprint_funnel_1x");
}
