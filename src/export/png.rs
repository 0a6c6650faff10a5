//! PNG encoding, streamed band by band so a large map never needs the
//! whole image in memory at once.
//!
//! Compression: fdeflate's fast mode ([`PngCompression::Fast`]) by
//! default. Our images are flat fills, antialiased edges and text, which
//! fdeflate with PNG's Paeth/adaptive filters compresses well; measured on
//! a 4K map (see `benches/export.rs` and docs/export.md) it encodes several
//! times faster than zlib's balanced level, for a file not much larger.

use std::io::Write as _;
use std::time::Instant;

use image::RgbaImage;

use super::raster::{prepare, render_parallel};
use super::{ExportError, Progress, Tessellated, Timings, report};

/// Rows rendered and encoded at a time: large enough to keep both cores
/// busy, small enough to keep memory flat (16,384 px × 128 rows = 8 MiB).
const BAND_ROWS: u32 = 128;

/// How hard to compress.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum PngCompression {
    /// fdeflate's fast mode: the default, see the module notes.
    #[default]
    Fast,
    /// zlib's balanced level: smaller files, several times slower.
    Balanced,
    /// zlib's strongest level, for archiving.
    High,
}

impl PngCompression {
    fn to_png(self) -> ::png::Compression {
        match self {
            PngCompression::Fast => ::png::Compression::Fast,
            PngCompression::Balanced => ::png::Compression::Balanced,
            PngCompression::High => ::png::Compression::High,
        }
    }
}

fn encode_err(err: impl std::fmt::Display) -> ExportError {
    ExportError::Encode(err.to_string())
}

/// Turns premultiplied pixels into plain RGBA, as PNG stores them.
/// Opaque pixels (nearly all of a map) are left alone.
pub fn unpremultiply_bytes(pixels: &mut [u8]) {
    for px in pixels.chunks_exact_mut(4) {
        let a = px[3];
        if a == 255 {
            continue;
        }
        if a == 0 {
            px[..3].fill(0);
            continue;
        }
        let a = a as u32;
        for c in &mut px[..3] {
            *c = ((*c as u32 * 255 + a / 2) / a).min(255) as u8;
        }
    }
}

/// [`unpremultiply_bytes`] for an image.
pub fn unpremultiply(image: &mut RgbaImage) {
    unpremultiply_bytes(image.as_mut());
}

fn encoder(
    out: &mut Vec<u8>,
    size: [u32; 2],
    compression: PngCompression,
) -> ::png::Encoder<'static, &mut Vec<u8>> {
    let mut encoder = ::png::Encoder::new(out, size[0], size[1]);
    encoder.set_color(::png::ColorType::Rgba);
    encoder.set_depth(::png::BitDepth::Eight);
    encoder.set_compression(compression.to_png());
    // egui's colours are sRGB: say so, so viewers show what the screen did.
    encoder.set_source_srgb(::png::SrgbRenderingIntent::Perceptual);
    encoder
}

/// Rasterises and encodes band by band: render a band on all cores, turn
/// it into plain RGBA, feed it to the compressor, report progress.
pub(crate) fn encode_streaming(
    t: &Tessellated,
    compression: PngCompression,
    progress: Option<&Progress>,
    timings: &mut Timings,
) -> Result<Vec<u8>, ExportError> {
    let [width, height] = t.size;
    let start = Instant::now();
    let prepared = prepare(&t.primitives, &t.textures, t.size, t.scale);
    timings.raster += start.elapsed();

    let mut out = Vec::new();
    let encoder = encoder(&mut out, t.size, compression);
    let mut header = encoder.write_header().map_err(encode_err)?;
    let mut writer = header
        .stream_writer_with_size(width as usize * 4 * BAND_ROWS as usize)
        .map_err(encode_err)?;
    let row_bytes = width as usize * 4;
    let mut band = vec![0u8; row_bytes * BAND_ROWS.min(height) as usize];
    let mut y = 0;
    while y < height {
        let rows = BAND_ROWS.min(height - y);
        let buf = &mut band[..rows as usize * row_bytes];
        let start = Instant::now();
        render_parallel(&prepared, y, buf, t.background);
        if t.background.a() < 255 {
            // Over an opaque background every pixel stays opaque.
            unpremultiply_bytes(buf);
        }
        timings.raster += start.elapsed();
        let start = Instant::now();
        writer.write_all(buf).map_err(encode_err)?;
        timings.encode += start.elapsed();
        y += rows;
        report(progress, 0.1 + 0.9 * y as f32 / height as f32)?;
    }
    let start = Instant::now();
    writer.finish().map_err(encode_err)?;
    header.finish().map_err(encode_err)?;
    timings.encode += start.elapsed();
    Ok(out)
}

/// Encodes an image already in memory (plain RGBA).
pub fn encode_image(
    image: &RgbaImage,
    compression: PngCompression,
) -> Result<Vec<u8>, ExportError> {
    let mut out = Vec::new();
    let encoder = encoder(&mut out, [image.width(), image.height()], compression);
    let mut writer = encoder.write_header().map_err(encode_err)?;
    writer
        .write_image_data(image.as_raw())
        .map_err(encode_err)?;
    writer.finish().map_err(encode_err)?;
    Ok(out)
}
