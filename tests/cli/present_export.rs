//! The presentation theme outside presentation mode: exports offer it, in
//! the export options and as `--theme presentation` on the command line,
//! and it draws with its own colours (the stage headers dark enough for
//! white text, which the light theme's are not).

use std::process::Command;

use waymark::export::{self, ExportOptions, ThemeChoice};
use waymark::interchange::sample::sample_map;
use waymark::theme::Theme;

/// Whether the image has a pixel of exactly this colour.
fn has_color(image: &image::RgbaImage, color: egui::Color32) -> bool {
    image
        .pixels()
        .any(|p| p.0 == [color.r(), color.g(), color.b(), 255])
}

#[test]
fn an_export_in_the_presentation_theme_uses_its_stage_colours() {
    let render = |theme| {
        export::render_image(
            &sample_map(),
            &ExportOptions {
                theme,
                ..ExportOptions::default()
            },
        )
        .expect("renders")
    };
    let present = render(ThemeChoice::Presentation);
    let light = render(ThemeChoice::Light);
    let first = Theme::presentation().stages[0];
    assert!(has_color(&present, first), "the first header's colour");
    assert!(
        !has_color(&light, first),
        "the light theme has other headers"
    );
    assert!(ThemeChoice::ALL.contains(&ThemeChoice::Presentation));
    assert_eq!(ThemeChoice::Presentation.label(), "Presentation");
}

#[test]
fn the_command_line_exports_in_the_presentation_theme() {
    let dir = tempfile::tempdir().expect("temp dir");
    let map = dir.path().join("boots.ron");
    waymark::format::save(&sample_map(), &map).expect("saved");
    let out = Command::new(env!("CARGO_BIN_EXE_waymark"))
        .args([
            "export",
            "boots.ron",
            "-o",
            "boots.png",
            "--theme",
            "presentation",
        ])
        .current_dir(dir.path())
        .env_remove("DISPLAY")
        .env_remove("WAYLAND_DISPLAY")
        .output()
        .expect("runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let png = image::open(dir.path().join("boots.png"))
        .expect("a png")
        .to_rgba8();
    assert!(has_color(&png, Theme::presentation().stages[0]));
}
