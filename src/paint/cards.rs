//! Cards: box, lane strip, title, channel and face, with less detail when small.

use egui::epaint::{CornerRadius, Stroke};
use egui::{Align2, Pos2, Rect, Shape, pos2, vec2};

use crate::layout::Layout;
use crate::model::{Card, Channel, Map};
use crate::theme::{Theme, channel_color, lane_color};

use super::painter::{Painter, TextStyle};
use super::{Decorations, sizes};

pub(super) fn paint_cards(
    p: &mut Painter<'_, '_>,
    map: &Map,
    layout: &Layout,
    theme: &Theme,
    deco: &Decorations<'_>,
) {
    let card_h = p.z(layout.style.card_size.y);
    let detail = card_h >= super::DETAIL_MIN_HEIGHT;
    let tiny = card_h < super::TINY_HEIGHT;
    let radius = p.z(sizes::CARD_RADIUS);
    for cb in &layout.cards {
        let r = p.view.rect(cb.rect);
        if !r.intersects(p.clip) {
            continue;
        }
        let Some(card) = map.cards.get(cb.index) else {
            continue;
        };
        let lane_kind = &map.lanes[cb.lane].kind;
        let selected = deco.selected.is_some_and(|s| s.contains(&card.id));
        if tiny {
            // A whole map of thousands of cards: one square rect each.
            let color = if selected {
                theme.selection
            } else {
                lane_color(lane_kind).lerp_to_gamma(theme.card, 0.45)
            };
            p.shapes
                .push(Shape::rect_filled(r, CornerRadius::ZERO, color));
            continue;
        }
        let dragging = deco.dragging.is_some_and(|d| d.contains(&card.id));
        if deco.highlight_card == Some(card.id) {
            p.rect(
                r.expand(p.z(7.0)),
                radius + p.z(7.0),
                theme.highlight.gamma_multiply(0.6),
            );
        }
        let (border, width) = if selected {
            (theme.selection, p.z(2.5).max(2.0))
        } else {
            (theme.card_border, 1.0)
        };
        let fade = if dragging { 0.35 } else { 1.0 };
        p.boxed(
            r,
            radius,
            theme.card.gamma_multiply(fade),
            border.gamma_multiply(fade),
            width,
        );
        let strip = Rect::from_min_size(r.min, vec2(p.z(6.0), r.height()));
        p.rect(
            strip,
            radius.min(p.z(3.0)),
            lane_color(lane_kind).gamma_multiply(fade),
        );
        if detail && !dragging {
            paint_card_detail(p, card, r, theme, deco.editing == Some(card.id));
        }
    }
}

pub(super) fn paint_card_detail(
    p: &mut Painter<'_, '_>,
    card: &Card,
    r: Rect,
    theme: &Theme,
    editing: bool,
) {
    let pad = p.z(sizes::CARD_PAD);
    let face_r = p.z(sizes::CARD_FACE);
    let text_w = r.width() / p.view.zoom - 12.0 - 12.0 - 30.0;
    if !editing {
        p.text(
            r.min + vec2(pad + p.z(2.0), p.z(9.0)),
            Align2::LEFT_TOP,
            &card.title,
            TextStyle::regular(sizes::CARD_TITLE, theme.text, text_w, 2),
        );
    }
    let bottom = r.bottom() - p.z(15.0);
    let mark = pos2(r.left() + pad + p.z(6.0), bottom);
    channel_mark(p, mark, p.z(sizes::CHANNEL_MARK), &card.channel);
    let mut label = card.channel.label().to_owned();
    if card.medium == crate::model::Medium::Physical {
        label.push_str(" · physical");
    }
    p.text(
        mark + vec2(p.z(10.0), 0.0),
        Align2::LEFT_CENTER,
        &label,
        TextStyle::regular(
            sizes::CARD_CHANNEL,
            theme.muted,
            r.width() / p.view.zoom - 70.0,
            1,
        ),
    );
    if let Some(e) = &card.emotion {
        let center = pos2(r.right() - pad - face_r + p.z(2.0), r.center().y);
        p.face(center, face_r, e.score.value() as f32, theme.card_border);
    }
}

/// The channel's mark: a small coloured diamond, the same on cards and in
/// the legend.
pub(super) fn channel_mark(p: &mut Painter<'_, '_>, center: Pos2, r: f32, channel: &Channel) {
    let points = vec![
        center + vec2(0.0, -r),
        center + vec2(r, 0.0),
        center + vec2(0.0, r),
        center + vec2(-r, 0.0),
    ];
    p.shapes.push(Shape::convex_polygon(
        points,
        channel_color(channel),
        Stroke::NONE,
    ));
}
