//! An egui_kittest renderer built on the export's CPU rasteriser: UI
//! snapshot tests with no GPU, no wgpu and no display.
//!
//! It lives in tests/ because egui_kittest is only a dev-dependency; the
//! library provides the rasteriser and the texture store it needs.
//!
//! ```ignore
//! let mut harness = Harness::builder()
//!     .renderer(CpuRenderer::new())
//!     .build_ui(|ui| { ui.label("hello"); });
//! harness.snapshot("hello");
//! ```

use egui::TexturesDelta;
use egui_kittest::TestRenderer;
use waymark::export::Textures;
use waymark::export::raster::rasterise;

/// Renders kittest frames on the CPU, keeping textures like a GPU backend.
#[derive(Default)]
pub struct CpuRenderer {
    textures: Textures,
}

impl CpuRenderer {
    /// A renderer with no textures yet; the first frame brings the font atlas.
    pub fn new() -> Self {
        Self::default()
    }
}

impl TestRenderer for CpuRenderer {
    fn handle_delta(&mut self, delta: &mut TexturesDelta) {
        self.textures.apply(delta);
    }

    fn render(
        &mut self,
        ctx: &egui::Context,
        output: &egui::FullOutput,
    ) -> Result<image::RgbaImage, String> {
        let ppp = ctx.pixels_per_point();
        let size = ctx.content_rect().size() * ppp;
        let size = [size.x.round() as u32, size.y.round() as u32];
        let primitives = ctx.tessellate(output.shapes.clone(), ppp);
        // Cleared to transparent, as egui_kittest's wgpu renderer does.
        Ok(rasterise(
            &primitives,
            &self.textures,
            size,
            ppp,
            egui::Color32::TRANSPARENT,
        ))
    }
}
