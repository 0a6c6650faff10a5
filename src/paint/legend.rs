//! The legend under the grid: the emotion scale and the channels in use.

use egui::{Align2, pos2};

use crate::layout::Layout;
use crate::theme::Theme;

use super::painter::{Painter, TextStyle};
use super::sizes;

pub(super) fn paint_legend(p: &mut Painter<'_, '_>, layout: &Layout, theme: &Theme) {
    let legend = p.view.rect(layout.legend);
    if !legend.intersects(p.clip) {
        return;
    }
    let y = legend.top() + p.z(18.0);
    let mut x = legend.left() + p.z(6.0);
    let r = p.text(
        pos2(x, y),
        Align2::LEFT_CENTER,
        "Emotion",
        TextStyle::bold(sizes::LEGEND_HEADING, theme.text, 100.0, 1),
    );
    x = r.right() + p.z(sizes::LEGEND_GAP);
    for score in -2..=2 {
        let score = crate::model::Score::clamped(score);
        p.face(
            pos2(x + p.z(sizes::LEGEND_FACE), y),
            p.z(sizes::LEGEND_FACE),
            score.value() as f32,
            theme.card_border,
        );
        let t = p.text(
            pos2(x + p.z(22.0), y),
            Align2::LEFT_CENTER,
            &format!("{:+} {}", score.value(), score.label()),
            TextStyle::regular(sizes::LEGEND_ITEM, theme.muted, 140.0, 1),
        );
        x = t.right() + p.z(sizes::LEGEND_GAP);
    }
    let y = y + p.z(26.0);
    let mut x = legend.left() + p.z(6.0);
    let r = p.text(
        pos2(x, y),
        Align2::LEFT_CENTER,
        "Channels",
        TextStyle::bold(sizes::LEGEND_HEADING, theme.text, 100.0, 1),
    );
    x = r.right() + p.z(sizes::LEGEND_GAP);
    for channel in &layout.channels {
        super::cards::channel_mark(p, pos2(x + p.z(6.0), y), p.z(sizes::CHANNEL_MARK), channel);
        let t = p.text(
            pos2(x + p.z(15.0), y),
            Align2::LEFT_CENTER,
            channel.label(),
            TextStyle::regular(sizes::LEGEND_ITEM, theme.muted, 160.0, 1),
        );
        x = t.right() + p.z(sizes::LEGEND_GAP);
    }
}
