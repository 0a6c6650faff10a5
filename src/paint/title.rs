//! The map's title, description and persona chips.

use egui::{Align2, Color32, Shape, pos2};

use crate::layout::Layout;
use crate::model::Map;
use crate::theme::Theme;

use super::painter::{Painter, TextStyle};
use super::sizes;

pub(super) fn paint_title(p: &mut Painter<'_, '_>, map: &Map, layout: &Layout, theme: &Theme) {
    let title = p.view.rect(layout.title);
    let personas_left = layout
        .personas
        .first()
        .map_or(layout.title.right(), |(_, r)| r.left());
    let width = (personas_left - layout.title.left() - 24.0).max(200.0);
    p.text_pair(
        title.min,
        &map.title,
        TextStyle::bold(sizes::MAP_TITLE, theme.text, width, 1),
        p.z(6.0),
        &map.description,
        TextStyle::regular(sizes::MAP_DESCRIPTION, theme.muted, width, 2),
    );
    for (i, (id, rect)) in layout.personas.iter().enumerate() {
        let Some(persona) = map.persona(*id) else {
            continue;
        };
        let r = p.view.rect(*rect);
        let color = theme.stage_color(i + 3);
        p.boxed(r, r.height() / 2.0, theme.card, theme.card_border, 1.0);
        let dot = pos2(r.left() + r.height() / 2.0, r.center().y);
        p.shapes
            .push(Shape::circle_filled(dot, r.height() * 0.36, color));
        let initial: String = persona.name.chars().take(1).collect();
        p.text_if_visible(
            dot,
            Align2::CENTER_CENTER,
            &initial,
            TextStyle::bold(sizes::PERSONA_INITIAL, Color32::WHITE, 20.0, 1),
        );
        p.text_if_visible(
            pos2(r.left() + r.height() + p.z(2.0), r.center().y),
            Align2::LEFT_CENTER,
            &persona.name,
            TextStyle::regular(
                sizes::PERSONA_NAME,
                theme.text,
                rect.width() - rect.height() - 8.0,
                1,
            ),
        );
    }
}
