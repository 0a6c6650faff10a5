//! The workshop room on the projector: the join QR code and code while
//! phones are invited, a banner while a dot vote is open (no counts), the
//! top cards once it is revealed, and the cards of a voting lane as
//! ballots the facilitator's machine can click.

use egui::{Align2, FontId, Id, Rect, Role, Sense, Stroke, StrokeKind, Ui, WidgetInfo, pos2, vec2};

use crate::layout::Layout;
use crate::model::{CardId, Map};
use crate::paint::{VOTE_DOT, View, VoteMarks};
use crate::room::qr::Qr;
use crate::theme::PresentTheme;

/// What the room shows on the projector.
#[derive(Clone, Copy, Debug, Default)]
pub struct RoomOverlay<'a> {
    /// While phones are invited and it is not hidden (J): the address,
    /// the join code, its QR code.
    pub join: Option<(&'a str, &'a str, &'a Qr)>,
    /// Phones are invited (their join panel may be hidden).
    pub phones: bool,
    /// While a vote is open: dots each, dots placed so far.
    pub voting: Option<(u32, usize)>,
    /// After the reveal: the top places, titles and dots.
    pub top: Option<&'a [(usize, String, u32)]>,
    /// Notes from phones waiting for review.
    pub inbox: usize,
}

/// The cards of a voting lane in view, as buttons named by their titles:
/// a click casts a dot, a right-click takes one back. Returns the click.
pub fn ballots_ui(
    ui: &mut Ui,
    rect: Rect,
    view: &View,
    map: &Map,
    layout: &Layout,
    votes: VoteMarks<'_>,
) -> Option<(CardId, bool)> {
    let VoteMarks::Hidden(lanes) = votes else {
        return None;
    };
    let mut cast = None;
    for cb in &layout.cards {
        let Some(card) = map.cards.get(cb.index) else {
            continue;
        };
        let r = view.rect(cb.rect).intersect(rect);
        if !lanes.contains(&card.lane) || !r.is_positive() {
            continue;
        }
        let response = ui.interact(r, Id::unique(("ballot", card.id)), Sense::click());
        response.widget_info(|| WidgetInfo::labeled(Role::Button, true, &card.title));
        if response.clicked() {
            cast = Some((card.id, true));
        } else if response.secondary_clicked() {
            cast = Some((card.id, false));
        }
    }
    cast
}

impl RoomOverlay<'_> {
    /// The height of the band along the bottom of `canvas` the banner (a
    /// vote open, notes waiting) takes: the camera frames the stage above
    /// it, so the banner never lies over a card. Nothing without a banner.
    pub fn banner_band(&self, canvas: Rect) -> f32 {
        if self.voting.is_some() || self.inbox > 0 {
            3.0 * banner_size(canvas)
        } else {
            0.0
        }
    }
}

/// The room's text size on a canvas: a 1/30 of the screen's height, read
/// from the back.
fn banner_size(canvas: Rect) -> f32 {
    (canvas.height() / 30.0).clamp(16.0, 64.0)
}

/// Draws the room's panels over the presentation.
pub fn room_overlay_ui(ui: &mut Ui, rect: Rect, room: &RoomOverlay<'_>, theme: &PresentTheme) {
    let painter = ui.painter_at(rect);
    let size = banner_size(rect);
    let pad = size * 0.5;
    let text = theme.panel_text;
    let panel = |r: Rect| {
        painter.rect(
            r,
            pad,
            theme.panel,
            Stroke::new(2.0, text.gamma_multiply(0.3)),
            StrokeKind::Inside,
        );
    };
    // The banner stays clear of the join panel, in the width beside it.
    let mut free_left = rect.left();
    if let Some((url, code, qr)) = room.join {
        let side = (rect.height() * 0.26).max(120.0);
        let lines = [format!("Join: {url}"), format!("Code {code}")];
        let width = lines
            .iter()
            .map(|l| {
                ui.fonts_mut(|f| {
                    f.layout_no_wrap(l.clone(), FontId::proportional(size * 0.7), text)
                })
                .size()
                .x
            })
            .fold(side, f32::max);
        let area = Rect::from_min_size(
            pos2(
                rect.left() + pad,
                rect.bottom() - side - 2.4 * size - 3.0 * pad,
            ),
            vec2(width + 2.0 * pad, side + 2.4 * size + 2.0 * pad),
        );
        panel(area);
        free_left = area.right();
        let qr_rect = Rect::from_min_size(area.min + vec2(pad, pad), vec2(side, side));
        crate::ui::room::paint_qr(&painter, qr_rect, qr);
        let mut y = qr_rect.bottom() + pad * 0.5;
        painter.text(
            pos2(area.left() + pad, y),
            Align2::LEFT_TOP,
            &lines[0],
            FontId::proportional(size * 0.7),
            text,
        );
        y += size;
        painter.text(
            pos2(area.left() + pad, y),
            Align2::LEFT_TOP,
            &lines[1],
            FontId::proportional(size * 1.2),
            text,
        );
        let label = format!("{}, {}", lines[0], lines[1]);
        ui.interact(area, Id::unique("room join"), Sense::hover())
            .widget_info(|| WidgetInfo::labeled(Role::Label, true, &label));
    }
    let banner = |line: String| {
        let room_for = rect.right() - free_left - 4.0 * pad;
        let mut galley =
            ui.fonts_mut(|f| f.layout_no_wrap(line.clone(), FontId::proportional(size), text));
        // On a small screen beside the join panel: smaller, never over it.
        if galley.size().x > room_for && room_for > 0.0 {
            let smaller = (size * room_for / galley.size().x).max(12.0);
            galley = ui.fonts_mut(|f| f.layout_no_wrap(line, FontId::proportional(smaller), text));
        }
        let middle = (free_left + rect.right()) / 2.0;
        let x = middle.min(rect.right() - galley.size().x / 2.0 - 2.0 * pad);
        let r = Rect::from_center_size(
            pos2(x, rect.bottom() - pad - galley.size().y / 2.0 - pad),
            galley.size() + vec2(2.0 * pad, pad),
        );
        panel(r);
        painter.circle_filled(
            pos2(r.left() + pad * 0.5, r.center().y),
            pad * 0.3,
            VOTE_DOT,
        );
        painter.galley(r.center() - galley.size() / 2.0, galley, text);
        r
    };
    if let Some((dots, placed)) = room.voting {
        let how = if room.phones {
            "vote on your phone or click the cards"
        } else {
            "click the cards"
        };
        let line = format!("Dot vote: {dots} dots each, {how} · {placed} dots placed");
        let r = banner(line.clone());
        ui.interact(r, Id::unique("room vote banner"), Sense::hover())
            .widget_info(|| WidgetInfo::labeled(Role::Label, true, &line));
    } else if room.inbox > 0 {
        banner(format!(
            "{} notes from the room wait in the inbox",
            room.inbox
        ));
    }
    if let Some(top) = room.top {
        let mut lines = vec!["Top of the vote".to_owned()];
        let said: Vec<String> = top
            .iter()
            .map(|(place, title, dots)| format!("#{place} {title} ({dots} dots)"))
            .collect();
        let label = format!("Top of the vote: {}", said.join("; "));
        if top.is_empty() {
            lines.push("No dots were cast".to_owned());
        }
        for (place, title, dots) in top {
            lines.push(format!("#{place}  {title}  ({dots} dots)"));
        }
        let galleys: Vec<_> = lines
            .into_iter()
            .enumerate()
            .map(|(i, l)| {
                let font = FontId::proportional(if i == 0 { size * 1.1 } else { size });
                ui.fonts_mut(|f| f.layout(l, font, text, rect.width() * 0.4))
            })
            .collect();
        let height: f32 = galleys.iter().map(|g| g.size().y + pad * 0.4).sum();
        let width = galleys.iter().map(|g| g.size().x).fold(0.0, f32::max);
        let area = Rect::from_min_size(
            pos2(
                rect.right() - width - 3.0 * pad,
                rect.top() + rect.height() * 0.12,
            ),
            vec2(width + 2.0 * pad, height + 1.6 * pad),
        );
        panel(area);
        ui.interact(area, Id::unique("room top"), Sense::hover())
            .widget_info(|| WidgetInfo::labeled(Role::Label, true, &label));
        let mut y = area.top() + pad;
        for galley in galleys {
            let h = galley.size().y;
            painter.galley(pos2(area.left() + pad, y), galley, text);
            y += h + pad * 0.4;
        }
    }
}
