//! At small zooms the legend follows the cards' level of detail: no text
//! where cards show none, nothing where cards are dots.

use egui::epaint::text::{Fonts, TextOptions};
use egui::{Pos2, Rect, Shape};
use waymark::interchange::sample::sample_map;
use waymark::layout::{Layout, Style, layout};
use waymark::paint::{Decorations, View, font_definitions, paint_map};
use waymark::theme::Theme;

/// The shapes painted at `zoom`, whole map in view, and the layout.
fn shapes_at(zoom: f32) -> (Vec<Shape>, Layout, View) {
    let map = sample_map();
    let l = layout(&map, &Style::default());
    let mut fonts = Fonts::new(TextOptions::default(), font_definitions());
    let view = View {
        origin: Pos2::ZERO,
        zoom,
    };
    let shapes = paint_map(
        &mut fonts.with_pixels_per_point(1.0),
        &map,
        &l,
        &Theme::light(),
        &view,
        view.rect(l.bounds),
        &Decorations::default(),
    );
    (shapes, l, view)
}

/// (texts, other shapes) drawn inside `area` (screen).
fn count_in(shapes: &[Shape], area: Rect) -> (usize, usize) {
    let mut texts = 0;
    let mut others = 0;
    for s in shapes {
        if !area.intersects(s.visual_bounding_rect()) {
            continue;
        }
        match s {
            Shape::Text(_) => texts += 1,
            _ => others += 1,
        }
    }
    (texts, others)
}

#[test]
fn the_legend_draws_text_only_when_the_cards_do() {
    for (zoom, cards_have_text) in [(1.0, true), (0.5, true), (0.3, false), (0.2, false)] {
        let (shapes, l, view) = shapes_at(zoom);
        let card = view.rect(l.cards[0].rect);
        let (card_texts, _) = count_in(&shapes, card);
        assert_eq!(card_texts > 0, cards_have_text, "cards at {zoom}");
        let (texts, marks) = count_in(&shapes, view.rect(l.legend));
        assert_eq!(texts > 0, cards_have_text, "legend text at {zoom}: {texts}");
        // Faces and channel marks stay, where the cards draw shapes.
        assert!(marks >= 5, "legend marks at {zoom}: {marks}");
    }
}

#[test]
fn the_legend_is_left_out_where_cards_are_dots() {
    let (shapes, l, view) = shapes_at(0.1);
    assert_eq!(count_in(&shapes, view.rect(l.legend)), (0, 0));
}
