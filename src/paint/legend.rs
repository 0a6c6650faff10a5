//! The legend under the grid: the emotion scale, the channels in use, and
//! the persona curves' toggles.

use egui::epaint::Stroke;
use egui::{Align2, Shape, pos2};

use crate::layout::Layout;
use crate::model::Map;
use crate::theme::Theme;

use super::painter::{Painter, TextStyle};
use super::{Decorations, Detail, persona_color, sizes};

pub(super) fn paint_legend(
    p: &mut Painter<'_, '_>,
    map: &Map,
    layout: &Layout,
    theme: &Theme,
    deco: &Decorations<'_>,
) {
    let legend = p.view.rect(layout.legend);
    if !legend.intersects(p.clip) {
        return;
    }
    // The legend follows the cards' level of detail: no text where cards
    // have none (it would be a few unreadable pixels), and nothing at all
    // where cards are dots. Text left out still takes its place, so the
    // marks stay where they are at every zoom.
    let text = match Detail::at(layout, p.view.zoom) {
        Detail::Full => true,
        Detail::Shapes => false,
        Detail::Tiny => return,
    };
    let y = legend.top() + p.z(18.0);
    let mut x = legend.left() + p.z(6.0);
    x = heading(p, pos2(x, y), "Emotion", theme, text);
    for score in -2..=2 {
        let score = crate::model::Score::clamped(score);
        p.face(
            pos2(x + p.z(sizes::LEGEND_FACE), y),
            p.z(sizes::LEGEND_FACE),
            score.value() as f32,
            theme.card_border,
        );
        let t = p.text_or_space(
            pos2(x + p.z(22.0), y),
            Align2::LEFT_CENTER,
            &format!("{:+} {}", score.value(), score.label()),
            TextStyle::regular(sizes::LEGEND_ITEM, theme.muted, 140.0, 1),
            text,
        );
        x = t.right() + p.z(sizes::LEGEND_GAP);
    }
    let y = y + p.z(26.0);
    let mut x = legend.left() + p.z(6.0);
    x = heading(p, pos2(x, y), "Channels", theme, text);
    for channel in &layout.channels {
        super::cards::channel_mark(p, pos2(x + p.z(6.0), y), p.z(sizes::CHANNEL_MARK), channel);
        x = entry(p, pos2(x, y), channel.label(), 160.0, theme, text);
    }
    if layout.channels.is_empty() {
        // An empty row read as a drawing fault: say why it is empty.
        p.text_or_space(
            pos2(x, y),
            Align2::LEFT_CENTER,
            "none set on any card yet",
            TextStyle::regular(sizes::LEGEND_ITEM, theme.muted, 240.0, 1),
            text,
        );
    }
    // The marks in the cards' bottom-right corners, explained, on a row
    // of their own so a narrow map keeps them inside its width.
    let y = y + p.z(26.0);
    let mut x = legend.left() + p.z(6.0);
    x = heading(p, pos2(x, y), "Evidence", theme, text);
    for evidence in crate::model::Evidence::ALL {
        super::cards::evidence_mark(
            p,
            pos2(x + p.z(5.0), y),
            p.z(super::cards::EVIDENCE_MARK),
            evidence,
            theme.muted,
        );
        x = entry(p, pos2(x, y), evidence.label(), 140.0, theme, text);
    }
    if layout.legend_personas.is_empty() {
        return;
    }
    let y = y + p.z(26.0);
    p.text_or_space(
        pos2(legend.left() + p.z(6.0), y),
        Align2::LEFT_CENTER,
        "Curves",
        TextStyle::bold(sizes::LEGEND_HEADING, theme.text, 100.0, 1),
        text,
    );
    for (pi, (id, rect)) in layout.legend_personas.iter().enumerate() {
        let Some(persona) = map.persona(*id) else {
            continue;
        };
        let on = deco.persona_curves.contains(id);
        let r = p.view.rect(*rect);
        let color = persona_color(theme, pi);
        // On: a pill tinted with the curve's colour; off: a plain outline.
        // Opaque fills: the border is a larger rect underneath.
        let (fill, line) = if on {
            (theme.card.lerp_to_gamma(color, 0.2), color)
        } else {
            (theme.card, theme.guide)
        };
        p.boxed(r, r.height() / 2.0, fill, line, 1.0);
        let x0 = r.left() + p.z(8.0);
        p.shapes.push(Shape::line_segment(
            [pos2(x0, r.center().y), pos2(x0 + p.z(16.0), r.center().y)],
            Stroke::new(p.z(2.5).max(1.0), if on { color } else { theme.muted }),
        ));
        p.text_or_space(
            pos2(x0 + p.z(22.0), r.center().y),
            Align2::LEFT_CENTER,
            &persona.name,
            TextStyle::regular(
                sizes::LEGEND_ITEM,
                if on { theme.text } else { theme.muted },
                rect.width() - 38.0,
                1,
            ),
            text,
        );
    }
}

/// A legend row's heading at `at`; returns where the row's first entry
/// starts.
fn heading(p: &mut Painter<'_, '_>, at: egui::Pos2, name: &str, theme: &Theme, text: bool) -> f32 {
    let r = p.text_or_space(
        at,
        Align2::LEFT_CENTER,
        name,
        TextStyle::bold(sizes::LEGEND_HEADING, theme.text, 100.0, 1),
        text,
    );
    r.right() + p.z(sizes::LEGEND_GAP)
}

/// A legend entry's name, right of its mark at `at`; returns where the
/// next entry starts.
fn entry(
    p: &mut Painter<'_, '_>,
    at: egui::Pos2,
    name: &str,
    width: f32,
    theme: &Theme,
    text: bool,
) -> f32 {
    let t = p.text_or_space(
        at + egui::vec2(p.z(15.0), 0.0),
        Align2::LEFT_CENTER,
        name,
        TextStyle::regular(sizes::LEGEND_ITEM, theme.muted, width, 1),
        text,
    );
    t.right() + p.z(sizes::LEGEND_GAP)
}
