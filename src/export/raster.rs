//! A small CPU rasteriser for epaint's triangle meshes.
//!
//! It draws what egui's GPU backends draw, the way egui_glow draws it:
//! vertex colours and texels are gamma-space sRGB with premultiplied
//! alpha, multiplied together in gamma space, blended with
//! `ONE, ONE_MINUS_SRC_ALPHA` (colour) and `ONE_MINUS_DST_ALPHA, ONE`
//! (alpha), sampled at pixel centres, clipped to the scissor rectangle
//! rounded to whole pixels.
//!
//! Triangles are filled by scanline with a half-open rule on both axes,
//! and each edge's crossing is computed from its endpoints in a fixed
//! order, so two triangles sharing an edge cover every pixel along it
//! exactly once: no seams and no double-blended lines in the feathered
//! anti-aliasing egui puts on every shape.
//!
//! The work is split by rows: any band of rows can be rendered on its
//! own ([`Prepared::render_rows`]), which lets [`rasterise`] use one
//! thread per core and lets the PNG exporter stream a huge image band by
//! band instead of holding all of it.

use egui::epaint::{ClippedPrimitive, Color32, Primitive};
use image::RgbaImage;

use super::texture::{Texture, Textures};

/// Triangles are culled in groups of this many: a group whose rows all
/// miss the band being drawn is skipped in one comparison.
const GROUP: usize = 64;

/// A vertex in pixel space, with its texture coordinate in texel space.
#[derive(Clone, Copy, Debug)]
struct PixelVertex {
    x: f32,
    y: f32,
    u: f32,
    v: f32,
    color: [f32; 4],
}

/// One mesh, transformed to pixels and checked once, ready to draw into
/// any band of rows.
struct PreparedMesh<'t> {
    /// The scissor rectangle in whole pixels: x0, y0, x1, y1 (exclusive).
    clip: [i32; 4],
    texture: &'t Texture,
    vertices: Vec<PixelVertex>,
    /// Triangles whose indices are all in range.
    triangles: Vec<[u32; 3]>,
    /// The rows (min y, max y) each group of [`GROUP`] triangles touches.
    groups: Vec<(f32, f32)>,
}

/// Meshes ready to be drawn: positions in pixels, indices checked,
/// textures looked up. Build once, render any number of bands.
pub struct Prepared<'t> {
    meshes: Vec<PreparedMesh<'t>>,
    size: [u32; 2],
}

/// Transforms and checks the meshes of a frame for an image of `size`
/// pixels. Meshes whose texture is unknown are skipped, as egui_glow
/// skips them; paint callbacks cannot be drawn without a GPU and are
/// skipped too. Out-of-range indices drop their triangle, not the render.
pub fn prepare<'t>(
    primitives: &[ClippedPrimitive],
    textures: &'t Textures,
    size: [u32; 2],
    pixels_per_point: f32,
) -> Prepared<'t> {
    let ppp = pixels_per_point;
    let mut meshes = Vec::with_capacity(primitives.len());
    for clipped in primitives {
        let Primitive::Mesh(mesh) = &clipped.primitive else {
            continue;
        };
        let Some(texture) = textures.get(mesh.texture_id) else {
            continue;
        };
        let c = clipped.clip_rect;
        let (w, h) = (size[0] as i32, size[1] as i32);
        let x0 = ((c.min.x * ppp).round() as i32).clamp(0, w);
        let y0 = ((c.min.y * ppp).round() as i32).clamp(0, h);
        let x1 = ((c.max.x * ppp).round() as i32).clamp(x0, w);
        let y1 = ((c.max.y * ppp).round() as i32).clamp(y0, h);
        if x0 == x1 || y0 == y1 {
            continue;
        }
        let (tw, th) = (texture.size[0] as f32, texture.size[1] as f32);
        let vertices: Vec<PixelVertex> = mesh
            .vertices
            .iter()
            .map(|v| {
                let [r, g, b, a] = v.color.to_array();
                PixelVertex {
                    x: v.pos.x * ppp,
                    y: v.pos.y * ppp,
                    // Texel centres sit at i + 0.5; shift so they sit at i.
                    u: v.uv.x * tw - 0.5,
                    v: v.uv.y * th - 0.5,
                    color: [r as f32, g as f32, b as f32, a as f32],
                }
            })
            .collect();
        let n = vertices.len() as u32;
        let triangles: Vec<[u32; 3]> = mesh
            .indices
            .chunks_exact(3)
            .filter(|t| t.iter().all(|&i| i < n))
            .map(|t| [t[0], t[1], t[2]])
            .collect();
        let groups = triangles
            .chunks(GROUP)
            .map(|group| {
                group
                    .iter()
                    .flatten()
                    .fold((f32::INFINITY, f32::NEG_INFINITY), |(lo, hi), &i| {
                        let y = vertices[i as usize].y;
                        (lo.min(y), hi.max(y))
                    })
            })
            .collect();
        meshes.push(PreparedMesh {
            clip: [x0, y0, x1, y1],
            texture,
            vertices,
            triangles,
            groups,
        });
    }
    Prepared { meshes, size }
}

impl Prepared<'_> {
    /// The image size these meshes were prepared for.
    pub fn size(&self) -> [u32; 2] {
        self.size
    }

    /// Renders rows `y0..y0 + rows` into `out` (RGBA, premultiplied,
    /// `rows * width * 4` bytes), first filling it with `clear`. Does
    /// nothing if `out` has the wrong length.
    pub fn render_rows(&self, y0: u32, out: &mut [u8], clear: Color32) {
        let width = self.size[0] as usize;
        if width == 0 || !out.len().is_multiple_of(width * 4) {
            return;
        }
        let rows = out.len() / (width * 4);
        let clear = clear.to_array();
        for px in out.chunks_exact_mut(4) {
            px.copy_from_slice(&clear);
        }
        let band = Band {
            out,
            width,
            y0: y0 as i32,
            y1: y0 as i32 + rows as i32,
        };
        let mut band = band;
        for mesh in &self.meshes {
            let clip = [
                mesh.clip[0],
                mesh.clip[1].max(band.y0),
                mesh.clip[2],
                mesh.clip[3].min(band.y1),
            ];
            if clip[1] >= clip[3] {
                continue;
            }
            let (top, bottom) = (clip[1] as f32, clip[3] as f32);
            for (g, &(lo, hi)) in mesh.groups.iter().enumerate() {
                // A row is drawn when its centre is inside; a group whose
                // vertices lie entirely above or below the band draws nothing.
                if hi < top || lo > bottom {
                    continue;
                }
                let end = ((g + 1) * GROUP).min(mesh.triangles.len());
                for t in &mesh.triangles[g * GROUP..end] {
                    let v = &mesh.vertices;
                    band.triangle(
                        clip,
                        mesh.texture,
                        [v[t[0] as usize], v[t[1] as usize], v[t[2] as usize]],
                    );
                }
            }
        }
    }
}

/// Rows being drawn into.
struct Band<'o> {
    out: &'o mut [u8],
    width: usize,
    y0: i32,
    y1: i32,
}

/// The x where the edge from `a` to `b` (with `a.y < b.y`) crosses the row
/// centre `y`. Always called with the endpoints in the same order, so two
/// triangles sharing the edge agree on it to the last bit.
#[inline]
fn edge_x(a: &PixelVertex, b: &PixelVertex, y: f32) -> f32 {
    a.x + (y - a.y) * (b.x - a.x) / (b.y - a.y)
}

/// The first pixel whose centre is at or right of `x`.
#[inline]
fn first_pixel(x: f32) -> i32 {
    // `ceil` without a libm call (the baseline x86-64 target has no SSE4.1
    // rounding instruction); saturates like `as` does.
    let t = x - 0.5;
    let i = t as i32;
    if (i as f32) < t {
        i.saturating_add(1)
    } else {
        i
    }
}

/// A linear attribute over the triangle: value at the origin, gradients.
#[derive(Clone, Copy)]
struct Plane {
    at_origin: f32,
    dx: f32,
    dy: f32,
}

impl Plane {
    #[inline]
    fn at(&self, x: f32, y: f32) -> f32 {
        self.at_origin + self.dx * x + self.dy * y
    }
}

impl Band<'_> {
    fn triangle(&mut self, clip: [i32; 4], texture: &Texture, v: [PixelVertex; 3]) {
        let mut s = v;
        s.sort_by(|a, b| a.y.total_cmp(&b.y));
        let [top, mid, bot] = s;
        let area = (mid.x - top.x) * (bot.y - top.y) - (bot.x - top.x) * (mid.y - top.y);
        if area == 0.0 || !area.is_finite() {
            return;
        }
        let row_start = first_pixel(top.y).max(clip[1]);
        let row_end = first_pixel(bot.y).min(clip[3]);
        if row_start >= row_end {
            return;
        }

        // Attribute planes from the three vertices.
        let plane = |f: &dyn Fn(&PixelVertex) -> f32| {
            let (a0, a1, a2) = (f(&top), f(&mid), f(&bot));
            let dx = ((a1 - a0) * (bot.y - top.y) - (a2 - a0) * (mid.y - top.y)) / area;
            let dy = ((a2 - a0) * (mid.x - top.x) - (a1 - a0) * (bot.x - top.x)) / area;
            Plane {
                at_origin: a0 - dx * top.x - dy * top.y,
                dx,
                dy,
            }
        };
        let flat_color = top.color == mid.color && top.color == bot.color;
        let flat_uv = top.u == mid.u && top.u == bot.u && top.v == mid.v && top.v == bot.v;
        let color_planes = if flat_color {
            None
        } else {
            Some([
                plane(&|p| p.color[0]),
                plane(&|p| p.color[1]),
                plane(&|p| p.color[2]),
                plane(&|p| p.color[3]),
            ])
        };
        let uv_planes = if flat_uv {
            None
        } else {
            Some([plane(&|p| p.u), plane(&|p| p.v)])
        };
        let minifying = uv_planes.is_some_and(|[u, v]| u.dx.abs().max(v.dy.abs()) > 1.0);
        // One texture coordinate means one texel: sample it once. The
        // white texel (every untextured shape) leaves colours as they are.
        let flat_texel = uv_planes
            .is_none()
            .then(|| texture.sample(top.u, top.v, false));
        let white_texel = flat_texel == Some([255.0; 4]);
        // A flat triangle has one colour: work it out once.
        let constant = match (color_planes, flat_texel) {
            (None, Some(texel)) => Some(modulate(top.color, texel)),
            _ => None,
        };
        if constant.is_some_and(|c| c == [0.0; 4]) {
            return;
        }

        for row in row_start..row_end {
            let yc = row as f32 + 0.5;
            let long = edge_x(&top, &bot, yc);
            let short = if yc < mid.y {
                edge_x(&top, &mid, yc)
            } else {
                edge_x(&mid, &bot, yc)
            };
            let (left, right) = if long <= short {
                (long, short)
            } else {
                (short, long)
            };
            let x_start = first_pixel(left).max(clip[0]);
            let x_end = first_pixel(right).min(clip[2]);
            if x_start >= x_end {
                continue;
            }
            let offset = ((row - self.y0) as usize * self.width + x_start as usize) * 4;
            let span = &mut self.out[offset..offset + (x_end - x_start) as usize * 4];
            if let Some(src) = constant {
                fill_constant(span, src);
                continue;
            }
            let x0 = x_start as f32 + 0.5;
            for (i, px) in span.chunks_exact_mut(4).enumerate() {
                let xc = x0 + i as f32;
                let color = match &color_planes {
                    Some(p) => [
                        p[0].at(xc, yc),
                        p[1].at(xc, yc),
                        p[2].at(xc, yc),
                        p[3].at(xc, yc),
                    ],
                    None => top.color,
                };
                let src = match (&uv_planes, flat_texel) {
                    (_, Some(_)) if white_texel => color,
                    (_, Some(texel)) => modulate(color, texel),
                    (Some([u, v]), None) => {
                        modulate(color, texture.sample(u.at(xc, yc), v.at(xc, yc), minifying))
                    }
                    (None, None) => color,
                };
                blend(px, src);
            }
        }
    }
}

/// Vertex colour times texel, both premultiplied gamma-space 0..=255, as
/// egui's fragment shader multiplies them.
#[inline]
fn modulate(color: [f32; 4], texel: [f32; 4]) -> [f32; 4] {
    const INV: f32 = 1.0 / 255.0;
    [
        color[0] * texel[0] * INV,
        color[1] * texel[1] * INV,
        color[2] * texel[2] * INV,
        color[3] * texel[3] * INV,
    ]
}

/// Premultiplied "over", as egui_glow's blend state does it, rounded to
/// eight bits like a framebuffer write.
#[inline]
fn blend(px: &mut [u8], src: [f32; 4]) {
    let keep = 1.0 - src[3] * (1.0 / 255.0);
    let dst_a = px[3] as f32;
    for c in 0..3 {
        px[c] = (src[c] + px[c] as f32 * keep + 0.5).clamp(0.0, 255.0) as u8;
    }
    px[3] = (src[3] * (1.0 - dst_a * (1.0 / 255.0)) + dst_a + 0.5).clamp(0.0, 255.0) as u8;
}

/// Blends one colour over a span; an opaque colour is simply written.
/// Translucent fills (lane and emotion rows) mostly lie over flat areas:
/// each distinct background is blended once, then copied.
#[inline]
fn fill_constant(span: &mut [u8], src: [f32; 4]) {
    if src[3] >= 254.5 {
        let bytes = src.map(|c| (c + 0.5).clamp(0.0, 255.0) as u8);
        for px in span.chunks_exact_mut(4) {
            px.copy_from_slice(&bytes);
        }
        return;
    }
    let mut memo = ([0u8; 4], [0u8; 4]);
    let mut has_memo = false;
    for px in span.chunks_exact_mut(4) {
        let dst = [px[0], px[1], px[2], px[3]];
        if has_memo && dst == memo.0 {
            px.copy_from_slice(&memo.1);
        } else {
            blend(px, src);
            memo = (dst, [px[0], px[1], px[2], px[3]]);
            has_memo = true;
        }
    }
}

/// Renders a frame's meshes into a new image of `size` pixels, cleared to
/// `clear` first, using one thread per core (at most four). The pixels
/// are premultiplied, as a GPU framebuffer holds them; they equal plain
/// RGBA wherever the image is opaque.
pub fn rasterise(
    primitives: &[ClippedPrimitive],
    textures: &Textures,
    size: [u32; 2],
    pixels_per_point: f32,
    clear: Color32,
) -> RgbaImage {
    let prepared = prepare(primitives, textures, size, pixels_per_point);
    let mut image = RgbaImage::new(size[0], size[1]);
    render_parallel(&prepared, 0, &mut image, clear);
    image
}

/// Renders rows `y0..` of `prepared` into `out` (whole rows), split into
/// one band per core. Each band draws every triangle in the same order,
/// so the result does not depend on the number of threads.
pub fn render_parallel(prepared: &Prepared<'_>, y0: u32, out: &mut [u8], clear: Color32) {
    let row_bytes = prepared.size[0] as usize * 4;
    if row_bytes == 0 {
        return;
    }
    let rows = out.len() / row_bytes;
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .clamp(1, 4);
    // Small jobs are not worth a thread.
    let threads = if rows * row_bytes < 256 * 1024 {
        1
    } else {
        threads
    };
    let per = rows.div_ceil(threads).max(1);
    if threads == 1 {
        prepared.render_rows(y0, out, clear);
        return;
    }
    std::thread::scope(|scope| {
        for (i, chunk) in out.chunks_mut(per * row_bytes).enumerate() {
            let start = y0 + (i * per) as u32;
            scope.spawn(move || prepared.render_rows(start, chunk, clear));
        }
    });
}

#[cfg(test)]
#[path = "raster_tests.rs"]
mod tests;
