//! The textures a CPU render samples from: egui's font atlas and any user
//! images, kept up to date from [`TexturesDelta`]s the way a GPU backend
//! keeps its textures.

use std::collections::HashMap;

use egui::epaint::textures::TexturesDelta;
use egui::epaint::textures::{TextureFilter, TextureOptions, TextureWrapMode};
use egui::epaint::{ImageData, ImageDelta, TextureId};

/// One texture: sRGBA texels with premultiplied alpha, row by row.
#[derive(Clone, Debug)]
pub struct Texture {
    /// Width and height in texels.
    pub size: [usize; 2],
    /// Texels as `[r, g, b, a]`, gamma-space and premultiplied, like egui's
    /// `Color32`.
    pub texels: Vec<[u8; 4]>,
    /// Filtering and wrapping, as the texture's creator asked.
    pub options: TextureOptions,
}

impl Texture {
    /// Samples at texel-space coordinates (texel centres at `i + 0.5`
    /// already shifted to `i`), returning `[r, g, b, a]` in 0..=255.
    #[inline]
    pub(crate) fn sample(&self, u: f32, v: f32, minifying: bool) -> [f32; 4] {
        let filter = if minifying {
            self.options.minification
        } else {
            self.options.magnification
        };
        match filter {
            TextureFilter::Nearest => {
                let x = self.wrap(u.round() as i64, 0);
                let y = self.wrap(v.round() as i64, 1);
                self.texel(x, y)
            }
            TextureFilter::Linear => {
                let (fx, fy) = (u.floor(), v.floor());
                let (tx, ty) = (u - fx, v - fy);
                let (x0, y0) = (fx as i64, fy as i64);
                let (xa, xb) = (self.wrap(x0, 0), self.wrap(x0 + 1, 0));
                let (ya, yb) = (self.wrap(y0, 1), self.wrap(y0 + 1, 1));
                let (p00, p10) = (self.texel(xa, ya), self.texel(xb, ya));
                let (p01, p11) = (self.texel(xa, yb), self.texel(xb, yb));
                let mut out = [0.0; 4];
                for c in 0..4 {
                    let top = p00[c] + (p10[c] - p00[c]) * tx;
                    let bottom = p01[c] + (p11[c] - p01[c]) * tx;
                    out[c] = top + (bottom - top) * ty;
                }
                out
            }
        }
    }

    #[inline]
    fn texel(&self, x: usize, y: usize) -> [f32; 4] {
        let t = self.texels[y * self.size[0] + x];
        [t[0] as f32, t[1] as f32, t[2] as f32, t[3] as f32]
    }

    /// A texel index along `axis`, wrapped the way the options say.
    #[inline]
    fn wrap(&self, i: i64, axis: usize) -> usize {
        let n = self.size[axis].max(1) as i64;
        let i = match self.options.wrap_mode {
            TextureWrapMode::ClampToEdge => i.clamp(0, n - 1),
            TextureWrapMode::Repeat => i.rem_euclid(n),
            TextureWrapMode::MirroredRepeat => {
                let m = i.rem_euclid(2 * n);
                if m < n { m } else { 2 * n - 1 - m }
            }
        };
        i as usize
    }
}

/// All live textures, by id.
#[derive(Clone, Debug, Default)]
pub struct Textures {
    map: HashMap<TextureId, Texture>,
}

impl Textures {
    /// No textures.
    pub fn new() -> Self {
        Self::default()
    }

    /// Applies and consumes a frame's texture changes, as a GPU backend
    /// does: new and patched textures first, then the freed ones (egui
    /// frees a texture only once no mesh of the frame uses it). The delta
    /// is left empty: epaint insists every delta is handled.
    pub fn apply(&mut self, delta: &mut TexturesDelta) {
        // Ids are independent; each id's deltas are applied in order.
        for (id, deltas) in delta.set.drain() {
            for image_delta in &deltas {
                self.set(id, image_delta);
            }
        }
        for id in delta.free.drain() {
            self.map.remove(&id);
        }
    }

    /// Creates, replaces or patches one texture. A patch for a texture we
    /// do not have, or one that falls outside it, is ignored rather than
    /// trusted: a wrong texture is better than a crash.
    pub fn set(&mut self, id: TextureId, delta: &ImageDelta) {
        let ImageData::Color(image) = &delta.image;
        let texels: Vec<[u8; 4]> = image.pixels.iter().map(|c| c.to_array()).collect();
        if texels.len() != image.size[0] * image.size[1] {
            return;
        }
        match delta.pos {
            None => {
                self.map.insert(
                    id,
                    Texture {
                        size: image.size,
                        texels,
                        options: delta.options,
                    },
                );
            }
            Some([x, y]) => {
                let Some(texture) = self.map.get_mut(&id) else {
                    return;
                };
                let [w, h] = image.size;
                if x + w > texture.size[0] || y + h > texture.size[1] {
                    return;
                }
                for row in 0..h {
                    let dst = (y + row) * texture.size[0] + x;
                    texture.texels[dst..dst + w].copy_from_slice(&texels[row * w..(row + 1) * w]);
                }
                texture.options = delta.options;
            }
        }
    }

    /// The texture with this id, if it is live.
    pub fn get(&self, id: TextureId) -> Option<&Texture> {
        self.map.get(&id)
    }

    /// How many textures are live.
    pub fn len(&self) -> usize {
        self.map.len()
    }

    /// Whether no texture is live.
    pub fn is_empty(&self) -> bool {
        self.map.is_empty()
    }
}
