//! Tests of the rasteriser on hand-made meshes.

use egui::epaint::textures::TextureOptions;
use egui::epaint::{
    ClippedPrimitive, ClippedShape, Color32, ColorImage, ImageDelta, Mesh, Primitive,
    TessellationOptions, Tessellator, TextureId, Vertex, WHITE_UV,
};
use egui::{Pos2, Rect, Shape, pos2, vec2};

use super::*;

const WHITE: TextureId = TextureId::Managed(0);

/// A texture store with a 1×1 white texture at id 0, like the font atlas's
/// white texel.
fn white() -> Textures {
    let mut t = Textures::new();
    let image = ColorImage::filled([1, 1], Color32::WHITE);
    t.set(WHITE, &ImageDelta::full(image, TextureOptions::LINEAR));
    t
}

fn mesh(vertices: Vec<Vertex>, indices: Vec<u32>, texture_id: TextureId) -> ClippedPrimitive {
    ClippedPrimitive {
        clip_rect: Rect::EVERYTHING,
        primitive: Primitive::Mesh(Mesh {
            indices,
            vertices,
            texture_id,
        }),
    }
}

fn v(x: f32, y: f32, color: Color32) -> Vertex {
    Vertex {
        pos: pos2(x, y),
        uv: WHITE_UV,
        color,
    }
}

fn px(image: &RgbaImage, x: u32, y: u32) -> [u8; 4] {
    image.get_pixel(x, y).0
}

#[test]
fn two_triangles_sharing_an_edge_cover_each_pixel_once() {
    // A translucent square split along a slanted diagonal: a pixel on the
    // diagonal blended twice (or never) would show as a line.
    let c = Color32::from_rgba_premultiplied(100, 0, 0, 100);
    let prim = mesh(
        vec![
            v(1.3, 1.7, c),
            v(17.6, 1.2, c),
            v(18.1, 17.9, c),
            v(0.9, 18.4, c),
        ],
        vec![0, 1, 2, 0, 2, 3],
        WHITE,
    );
    let image = rasterise(&[prim], &white(), [20, 20], 1.0, Color32::BLACK);
    let inside = px(&image, 9, 9);
    assert_eq!(inside[0], 100);
    for y in 3..17 {
        for x in 3..17 {
            assert_eq!(px(&image, x, y), inside, "pixel {x},{y}");
        }
    }
    assert_eq!(px(&image, 19, 19), [0, 0, 0, 255]);
}

#[test]
fn a_tessellated_rounded_rect_has_a_uniform_inside_and_soft_edges() {
    // epaint's feathered anti-aliasing: many thin triangles around the
    // outline, a fan inside. At half-pixel offsets and at 2×.
    let textures = white();
    for (ppp, offset) in [(1.0, 0.0), (1.0, 0.5), (2.0, 0.25)] {
        let rect = Rect::from_min_size(pos2(4.0 + offset, 4.0 + offset), vec2(30.0, 20.0));
        let shape = Shape::rect_filled(rect, 6.0, Color32::from_rgb(20, 150, 160));
        let prims = Tessellator::new(ppp, TessellationOptions::default(), [1, 1], vec![])
            .tessellate_shapes(vec![ClippedShape::new(Rect::EVERYTHING, shape)]);
        let size = [(44.0 * ppp) as u32, (32.0 * ppp) as u32];
        let image = rasterise(&prims, &textures, size, ppp, Color32::WHITE);
        let s = |p: f32| (p * ppp) as u32;
        for y in s(8.0)..s(20.0) {
            for x in s(8.0)..s(30.0) {
                assert_eq!(
                    px(&image, x, y),
                    [20, 150, 160, 255],
                    "{ppp} {offset} {x},{y}"
                );
            }
        }
        // Outside the shape: untouched.
        assert_eq!(px(&image, 0, 0), [255, 255, 255, 255]);
        // Along the straight top edge the coverage is partial but the same
        // all the way: no seams between the feathering triangles.
        let edge_y = s(rect.top());
        let row: Vec<[u8; 4]> = (s(14.0)..s(24.0)).map(|x| px(&image, x, edge_y)).collect();
        assert!(row.windows(2).all(|w| w[0] == w[1]), "{row:?}");
    }
}

#[test]
fn clip_rect_limits_drawing_to_whole_pixels() {
    let mut prim = mesh(
        vec![
            v(0.0, 0.0, Color32::RED),
            v(10.0, 0.0, Color32::RED),
            v(10.0, 10.0, Color32::RED),
            v(0.0, 10.0, Color32::RED),
        ],
        vec![0, 1, 2, 0, 2, 3],
        WHITE,
    );
    prim.clip_rect = Rect::from_min_max(pos2(2.0, 3.0), pos2(5.0, 7.0));
    let image = rasterise(&[prim], &white(), [10, 10], 1.0, Color32::BLACK);
    let red: u32 = image.pixels().filter(|p| p.0 == [255, 0, 0, 255]).count() as u32;
    assert_eq!(red, 3 * 4);
    assert_eq!(px(&image, 2, 3), [255, 0, 0, 255]);
    assert_eq!(px(&image, 5, 3), [0, 0, 0, 255]);
}

#[test]
fn texels_are_sampled_exactly_at_pixel_centres_and_patches_apply() {
    let mut textures = Textures::new();
    let image = ColorImage::new(
        [2, 2],
        vec![Color32::RED, Color32::GREEN, Color32::BLUE, Color32::WHITE],
    );
    let id = TextureId::User(7);
    textures.set(id, &ImageDelta::full(image, TextureOptions::LINEAR));
    // A partial update, as the font atlas sends when glyphs are added.
    let patch = ColorImage::new([1, 1], vec![Color32::YELLOW]);
    textures.set(
        id,
        &ImageDelta::partial([1, 1], patch, TextureOptions::LINEAR),
    );
    let vert = |x: f32, y: f32| Vertex {
        pos: pos2(x, y),
        uv: pos2(x / 2.0, y / 2.0),
        color: Color32::WHITE,
    };
    let prim = mesh(
        vec![
            vert(0.0, 0.0),
            vert(2.0, 0.0),
            vert(2.0, 2.0),
            vert(0.0, 2.0),
        ],
        vec![0, 1, 2, 0, 2, 3],
        id,
    );
    let image = rasterise(&[prim], &textures, [2, 2], 1.0, Color32::BLACK);
    assert_eq!(px(&image, 0, 0), Color32::RED.to_array());
    assert_eq!(px(&image, 1, 0), Color32::GREEN.to_array());
    assert_eq!(px(&image, 0, 1), Color32::BLUE.to_array());
    assert_eq!(px(&image, 1, 1), Color32::YELLOW.to_array());
}

#[test]
fn blending_is_premultiplied_over_like_egui_glow() {
    let half_white = Color32::from_rgba_premultiplied(128, 128, 128, 128);
    let prim = mesh(
        vec![
            v(0.0, 0.0, half_white),
            v(4.0, 0.0, half_white),
            v(0.0, 4.0, half_white),
        ],
        vec![0, 1, 2],
        WHITE,
    );
    let over_black = rasterise(
        std::slice::from_ref(&prim),
        &white(),
        [4, 4],
        1.0,
        Color32::BLACK,
    );
    assert_eq!(px(&over_black, 0, 0), [128, 128, 128, 255]);
    let over_clear = rasterise(&[prim], &white(), [4, 4], 1.0, Color32::TRANSPARENT);
    assert_eq!(px(&over_clear, 0, 0), [128, 128, 128, 128]);
}

#[test]
fn broken_meshes_are_skipped_not_fatal() {
    let prims = vec![
        // Index out of range.
        mesh(vec![v(0.0, 0.0, Color32::RED)], vec![0, 1, 2], WHITE),
        // Unknown texture.
        mesh(
            vec![
                v(0.0, 0.0, Color32::RED),
                v(4.0, 0.0, Color32::RED),
                v(0.0, 4.0, Color32::RED),
            ],
            vec![0, 1, 2],
            TextureId::User(99),
        ),
        // Not a multiple of three, NaN and degenerate triangles.
        mesh(
            vec![
                v(f32::NAN, 0.0, Color32::RED),
                v(1.0, 1.0, Color32::RED),
                v(2.0, 2.0, Color32::RED),
            ],
            vec![0, 1, 2, 1, 2, 1, 0],
            WHITE,
        ),
    ];
    let image = rasterise(&prims, &white(), [4, 4], 1.0, Color32::BLACK);
    assert!(image.pixels().all(|p| p.0 == [0, 0, 0, 255]));
    // An empty image is fine too.
    let empty = rasterise(&prims, &white(), [0, 0], 1.0, Color32::BLACK);
    assert_eq!(empty.dimensions(), (0, 0));
}

#[test]
fn bands_of_rows_render_the_same_pixels_as_the_whole_image() {
    let textures = white();
    let shapes = vec![
        ClippedShape::new(
            Rect::EVERYTHING,
            Shape::circle_filled(pos2(30.0, 40.0), 25.0, Color32::from_rgb(200, 60, 60)),
        ),
        ClippedShape::new(
            Rect::EVERYTHING,
            Shape::line_segment(
                [Pos2::ZERO, pos2(64.0, 80.0)],
                (3.0, Color32::from_black_alpha(180)),
            ),
        ),
    ];
    let prims = Tessellator::new(1.0, TessellationOptions::default(), [1, 1], vec![])
        .tessellate_shapes(shapes);
    let whole = rasterise(&prims, &textures, [64, 80], 1.0, Color32::WHITE);
    let prepared = prepare(&prims, &textures, [64, 80], 1.0);
    let mut banded = vec![0u8; 64 * 80 * 4];
    for (i, band) in banded.chunks_mut(64 * 4 * 7).enumerate() {
        prepared.render_rows((i * 7) as u32, band, Color32::WHITE);
    }
    assert!(banded == *whole.as_raw());
}
