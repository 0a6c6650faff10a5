//! A UI snapshot through egui_kittest with the CPU renderer: no GPU.

use crate::common;

use common::cpu_renderer::CpuRenderer;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;

fn small_ui(ui: &mut egui::Ui, checked: &mut bool) {
    egui::Frame::central_panel(ui.style()).show(ui, |ui| {
        ui.heading("Export");
        ui.label("Scale, theme and background of the PNG.");
        ui.checkbox(checked, "Transparent background");
        let _ = ui.button("Export PNG…");
        let (rect, _) = ui.allocate_exact_size(egui::vec2(120.0, 40.0), egui::Sense::hover());
        let mut shapes = Vec::new();
        waymark::paint::face(
            &mut shapes,
            rect.left_center() + egui::vec2(20.0, 0.0),
            16.0,
            2.0,
            egui::Color32::WHITE,
        );
        waymark::paint::face(&mut shapes, rect.center(), 16.0, -2.0, egui::Color32::WHITE);
        ui.painter().extend(shapes);
    });
}

#[test]
fn a_small_ui_renders_on_the_cpu_and_matches_its_snapshot() {
    let mut checked = false;
    let mut harness = Harness::builder()
        .with_size(egui::vec2(320.0, 200.0))
        .renderer(CpuRenderer::new())
        .build_ui(move |ui| small_ui(ui, &mut checked));
    harness.run();
    harness.snapshot("kittest_cpu_small_ui");

    // The checkbox works and the snapshot changes with it.
    harness.get_by_label("Transparent background").click();
    harness.run();
    let image = harness.render().expect("the CPU renderer never fails");
    assert_eq!([image.width(), image.height()], [320, 200]);
    harness.snapshot("kittest_cpu_small_ui_checked");
}
