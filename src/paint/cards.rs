//! Cards: box, lane strip, title, channel and face, with less detail when small.

use egui::epaint::{CornerRadius, Stroke};
use egui::{Align2, Color32, Pos2, Rect, Shape, pos2, vec2};

use crate::layout::Layout;
use crate::model::{Card, Channel, Evidence, Map};
use crate::theme::{Theme, channel_color, lane_color};

use super::painter::{Painter, TextStyle};
use super::{Decorations, Detail, sizes};

pub(super) fn paint_cards(
    p: &mut Painter<'_, '_>,
    map: &Map,
    layout: &Layout,
    theme: &Theme,
    deco: &Decorations<'_>,
) {
    let level = Detail::at(layout, p.view.zoom);
    let detail = level == Detail::Full;
    let tiny = level == Detail::Tiny;
    let radius = p.z(sizes::CARD_RADIUS);
    let top = if tiny {
        Default::default()
    } else {
        super::votes::top_places(map)
    };
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
            let rows = layout.style.card_title_rows;
            paint_card_detail(p, card, r, theme, deco.editing == Some(card.id), rows);
        }
        if card.fail_point {
            super::blueprint::fail_mark(p, r);
        }
        if level != Detail::Tiny && !dragging {
            super::votes::paint_votes(p, card, r, deco.votes, &top);
        }
    }
}

/// The title's top, below the card's top, in map units.
const TITLE_TOP: f32 = 8.0;

/// The channel line's middle, above the card's bottom, in map units: low
/// enough to stay clear of a title's third row.
const CHANNEL_LINE: f32 = 13.0;

pub(super) fn paint_card_detail(
    p: &mut Painter<'_, '_>,
    card: &Card,
    r: Rect,
    theme: &Theme,
    editing: bool,
    title_rows: usize,
) {
    let pad = p.z(sizes::CARD_PAD);
    let face_r = p.z(sizes::CARD_FACE);
    let text_w = r.width() / p.view.zoom - 12.0 - 12.0 - 30.0;
    if !editing {
        p.text(
            r.min + vec2(pad + p.z(2.0), p.z(TITLE_TOP)),
            Align2::LEFT_TOP,
            &card.title,
            TextStyle::regular(sizes::CARD_TITLE, theme.text, text_w, title_rows),
        );
    }
    let bottom = r.bottom() - p.z(CHANNEL_LINE);
    let mark = pos2(r.left() + pad + p.z(6.0), bottom);
    // An unknown channel has no mark and no name: nothing is invented.
    let mut label = String::new();
    if card.channel.is_known() {
        channel_mark(p, mark, p.z(sizes::CHANNEL_MARK), &card.channel);
        label.push_str(card.channel.label());
    }
    if card.medium == crate::model::Medium::Physical {
        label.push_str(if label.is_empty() {
            "physical"
        } else {
            " · physical"
        });
    }
    let text_at = if card.channel.is_known() {
        mark + vec2(p.z(10.0), 0.0)
    } else {
        mark - vec2(p.z(6.0), 0.0)
    };
    p.text(
        text_at,
        Align2::LEFT_CENTER,
        &label,
        TextStyle::regular(
            sizes::CARD_CHANNEL,
            theme.muted,
            r.width() / p.view.zoom - 70.0,
            1,
        ),
    );
    let evidence_at = pos2(r.right() - pad - p.z(4.0), bottom);
    evidence_mark(
        p,
        evidence_at,
        p.z(EVIDENCE_MARK),
        card.evidence,
        theme.muted,
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

/// The evidence mark's half size, in map units.
pub(super) const EVIDENCE_MARK: f32 = 4.5;

/// The card's evidence as a small mark in its bottom-right corner, shapes
/// rather than glyphs: observed is a filled dot (seen), measured three
/// bars (counted), assumed a hollow ring (nothing inside yet).
pub(super) fn evidence_mark(
    p: &mut Painter<'_, '_>,
    center: Pos2,
    r: f32,
    evidence: Evidence,
    color: Color32,
) {
    match evidence {
        Evidence::Observed => {
            p.shapes.push(Shape::circle_filled(center, r, color));
        }
        Evidence::Measured => {
            let w = r * 0.5;
            for (i, h) in [0.9f32, 1.5, 2.0].into_iter().enumerate() {
                let x = center.x - r + i as f32 * (w + r * 0.25);
                let bar =
                    Rect::from_min_max(pos2(x, center.y + r - h * r), pos2(x + w, center.y + r));
                p.shapes
                    .push(Shape::rect_filled(bar, CornerRadius::ZERO, color));
            }
        }
        Evidence::Assumed => {
            p.shapes.push(Shape::circle_stroke(
                center,
                r * 0.85,
                Stroke::new((r * 0.3).max(1.0), color),
            ));
        }
    }
}
