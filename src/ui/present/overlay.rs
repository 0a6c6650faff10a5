//! What presentation draws over the map: the info overlay (I) and the
//! pointer highlight that follows the mouse.

use std::time::Duration;

use egui::{Color32, CursorIcon, FontId, Pos2, Rect, Stroke, Ui, pos2};

use crate::layout::Layout;
use crate::model::Map;
use crate::paint::{View, face, sizes};
use crate::theme::{PresentTheme, Theme};

use super::brief::StageBrief;

/// The info overlay, on the right of the canvas: the current stage's
/// name, goal, emotion and findings, in text as large as the cards'.
pub(super) fn info_ui(ui: &Ui, canvas: Rect, brief: &StageBrief, theme: &PresentTheme) {
    let h = canvas.height();
    let body = (h / 34.0).max(14.0);
    let small = (h / 40.0).max(12.0);
    let heading = body * 1.45;
    let margin = body;
    let width = (canvas.width() * 0.34).max(280.0);
    let panel = Rect::from_min_max(
        pos2(canvas.right() - width - margin, canvas.top() + margin),
        pos2(canvas.right() - margin, canvas.bottom() - margin),
    );
    let painter = ui.painter_at(canvas);
    let inner = width - 2.0 * margin;
    let mut shapes = Vec::new();
    let mut y = panel.top() + margin;
    let x = panel.left() + margin;
    let text = |shapes: &mut Vec<egui::Shape>, y: &mut f32, s: &str, size: f32, color: Color32| {
        if s.is_empty() {
            return;
        }
        let galley = ui.fonts_mut(|f| {
            f.layout(
                crate::paint::cap_text(s).into_owned(),
                FontId::proportional(size),
                color,
                inner,
            )
        });
        let height = galley.size().y;
        if *y + height <= panel.bottom() - margin {
            shapes.push(egui::Shape::galley(pos2(x, *y), galley, color));
        }
        *y += height + size * 0.35;
    };
    text(
        &mut shapes,
        &mut y,
        &brief.position,
        small,
        theme.panel_muted,
    );
    text(&mut shapes, &mut y, &brief.name, heading, theme.panel_text);
    if !brief.goal.is_empty() {
        text(&mut shapes, &mut y, "Goal", small, theme.panel_muted);
        text(&mut shapes, &mut y, &brief.goal, body, theme.panel_text);
    }
    if let Some(score) = brief.score {
        text(&mut shapes, &mut y, "Emotion", small, theme.panel_muted);
        let r = body * 0.7;
        face(&mut shapes, pos2(x + r, y + r), r, score, theme.panel_text);
        let line_y = y + r - body * 0.6;
        let galley = ui.fonts_mut(|f| {
            f.layout_no_wrap(
                brief.emotion.clone(),
                FontId::proportional(body),
                theme.panel_text,
            )
        });
        shapes.push(egui::Shape::galley(
            pos2(x + 2.0 * r + body * 0.5, line_y),
            galley,
            theme.panel_text,
        ));
        y += 2.0 * r + body * 0.5;
    }
    let findings = match brief.finding_count {
        0 => "No findings".to_owned(),
        1 => "1 finding".to_owned(),
        n => format!("{n} findings"),
    };
    text(&mut shapes, &mut y, &findings, small, theme.panel_muted);
    for finding in &brief.findings {
        text(
            &mut shapes,
            &mut y,
            &format!("• {finding}"),
            body,
            theme.panel_text,
        );
    }
    if brief.finding_count > brief.findings.len() {
        let more = format!("and {} more", brief.finding_count - brief.findings.len());
        text(&mut shapes, &mut y, &more, small, theme.panel_muted);
    }
    // The panel is as tall as its text.
    let used = Rect::from_min_max(
        panel.min,
        pos2(panel.right(), (y + margin).min(panel.bottom())),
    );
    painter.rect_filled(used, body * 0.5, theme.panel);
    painter.extend(shapes);
}

/// The current stage's name pinned to the top of the screen while its
/// header is scrolled off (the lower stops of a tall stage), so the room
/// always knows which stage it is looking at.
pub(super) fn pinned_header(
    ui: &Ui,
    canvas: Rect,
    view: &View,
    map: &Map,
    layout: &Layout,
    theme: &Theme,
    stage: usize,
) {
    let (Some(sb), Some(st)) = (layout.stages.get(stage), map.stages.get(stage)) else {
        return;
    };
    let header = view.rect(sb.header);
    if header.bottom() > canvas.top() + 1.0 {
        return;
    }
    let size = sizes::STAGE_NAME * view.zoom;
    let band = Rect::from_min_size(
        pos2(header.left(), canvas.top()),
        egui::vec2(header.width(), size * 2.0),
    );
    let painter = ui.painter_at(canvas);
    painter.rect_filled(band, size * 0.3, theme.stage_color(sb.palette));
    let galley = ui.fonts_mut(|f| {
        let mut job = egui::text::LayoutJob::simple_singleline(
            crate::paint::cap_text(&st.name).into_owned(),
            FontId::new(size, crate::paint::bold()),
            theme.header_text,
        );
        job.wrap.max_width = band.width() - size;
        job.wrap.max_rows = 1;
        f.layout_job(job)
    });
    let at = pos2(
        band.left() + size * 0.5,
        band.center().y - galley.size().y / 2.0,
    );
    painter.galley(at, galley, theme.header_text);
}

/// The lane names, whole, down the left edge of the screen once the map's
/// own labels are scrolled off it (every stage after the first): the room
/// must tell pain points from opportunities at every stop. They take the
/// room the camera leaves beside the current stage, never its cards.
pub(super) fn pinned_lanes(
    ui: &Ui,
    canvas: Rect,
    view: &View,
    map: &Map,
    layout: &Layout,
    theme: &Theme,
    stage: usize,
) {
    let Some((size, chips)) = lane_chips(canvas, view, layout, stage) else {
        return;
    };
    let painter = ui.painter_at(canvas);
    for (lane, chip) in chips {
        let Some(lane) = map.lanes.get(lane) else {
            continue;
        };
        painter.rect_filled(chip, 0.0, theme.background);
        let strip = Rect::from_min_size(chip.min, egui::vec2(size * 0.3, chip.height()));
        painter.rect_filled(strip, 0.0, crate::theme::lane_color(&lane.kind));
        let galley = ui.fonts_mut(|f| {
            let mut job = egui::text::LayoutJob::simple(
                crate::paint::cap_text(&lane.name).into_owned(),
                FontId::new(size, crate::paint::bold()),
                theme.text,
                chip.width() - 1.5 * size,
            );
            job.wrap.max_rows = 3;
            f.layout_job(job)
        });
        painter.galley(
            pos2(chip.left() + size, chip.top() + size * 0.5),
            galley,
            theme.text,
        );
    }
}

/// Where [`pinned_lanes`] puts each lane's name (lane index, screen rect),
/// and the text size: nothing while the map's own labels show whole, or
/// when there is no room beside the stage.
fn lane_chips(
    canvas: Rect,
    view: &View,
    layout: &Layout,
    stage: usize,
) -> Option<(f32, Vec<(usize, Rect)>)> {
    let (first, sb) = (layout.lanes.first()?, layout.stages.get(stage)?);
    let label = view.rect(first.label);
    if label.left() >= canvas.left() - 0.5 {
        return None;
    }
    let column = view.rect(sb.column);
    let size = (sizes::LANE_NAME * view.zoom).max(12.0);
    let width = (column.left() - canvas.left() - size).min(label.width());
    if width < 4.0 * size {
        return None;
    }
    let chips = layout
        .lanes
        .iter()
        .enumerate()
        .filter_map(|(i, lb)| {
            let row = view.rect(lb.row);
            let chip = Rect::from_min_max(
                pos2(canvas.left(), row.top().max(canvas.top())),
                pos2(canvas.left() + width, row.bottom().min(canvas.bottom())),
            );
            (chip.height() >= size).then_some((i, chip))
        })
        .collect();
    Some((size, chips))
}

#[cfg(test)]
mod lane_tests {
    use super::*;
    use crate::interchange::sample::sample_map;
    use crate::ui::present::camera::stage_shot;
    use crate::ui::present::screen_layout::present_layout;

    #[test]
    fn every_stage_shows_whole_lane_names_beside_it() {
        let map = sample_map();
        for (w, h) in [(1280.0, 720.0), (1920.0, 1080.0), (1600.0, 1000.0)] {
            let canvas = Rect::from_min_size(Pos2::ZERO, egui::vec2(w, h));
            let layout = present_layout(&map, canvas);
            for stage in 0..layout.stages.len() {
                let view = stage_shot(&layout, stage, 0, canvas).view(canvas);
                let Some((size, chips)) = lane_chips(canvas, &view, &layout, stage) else {
                    // Then the map's own labels show, whole.
                    let label = view.rect(layout.lanes[0].label);
                    assert!(label.left() >= 0.0, "{w}×{h}, stage {stage}: no lane names");
                    continue;
                };
                // "Opportunities" in bold takes about 8 text sizes.
                let longest = map.lanes.iter().map(|l| l.name.len()).max().unwrap();
                assert!(longest <= 13);
                let column = view.rect(layout.stages[stage].column);
                let on_screen = layout
                    .lanes
                    .iter()
                    .filter(|l| {
                        let r = view.rect(l.row);
                        r.bottom().min(h) - r.top().max(0.0) >= size
                    })
                    .count();
                assert_eq!(chips.len(), on_screen, "{w}×{h}, stage {stage}");
                for (_, chip) in chips {
                    assert!(
                        chip.right() <= column.left(),
                        "never over the stage's cards"
                    );
                    assert!(chip.width() - 1.5 * size >= 8.5 * size, "room for a name");
                }
            }
        }
    }
}

/// A failure, in a band along the bottom of the screen: a save that did
/// not happen must not pass unseen while presenting.
pub(super) fn error_ui(ui: &Ui, canvas: Rect, error: &str, theme: &PresentTheme) {
    let size = (canvas.height() / 40.0).max(14.0);
    let galley = ui.fonts_mut(|f| {
        f.layout(
            crate::paint::cap_text(error).into_owned(),
            FontId::proportional(size),
            theme.panel_text,
            canvas.width() - 4.0 * size,
        )
    });
    let band = Rect::from_min_max(
        pos2(
            canvas.left(),
            canvas.bottom() - galley.size().y - 1.5 * size,
        ),
        canvas.max,
    );
    let response = ui.interact(
        band,
        egui::Id::unique("waymark-present-error"),
        egui::Sense::hover(),
    );
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Alert, true, error));
    let painter = ui.painter_at(canvas);
    painter.rect_filled(band, 0.0, theme.panel);
    painter.rect_filled(
        Rect::from_min_size(band.min, egui::vec2(size * 0.4, band.height())),
        0.0,
        theme.laser,
    );
    painter.galley(
        pos2(band.left() + 2.0 * size, band.top() + 0.75 * size),
        galley,
        theme.panel_text,
    );
}

/// How long the highlight stays after the pointer stops, in seconds.
const HOLD: f64 = 1.2;
/// How long it then takes to fade out.
const FADE: f64 = 0.5;

/// A red dot under the pointer while it moves: it stays a moment after
/// the pointer stops, fades, and then asks for no more frames.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Laser {
    /// Where the pointer was last seen over the canvas.
    pos: Option<Pos2>,
    /// When it last moved.
    moved: f64,
}

impl Laser {
    /// How strongly the highlight shows at `time`: 1 while moving, down
    /// to 0 once faded.
    pub fn strength(&self, time: f64) -> f32 {
        if self.pos.is_none() {
            return 0.0;
        }
        let age = time - self.moved;
        if age < HOLD {
            1.0
        } else {
            (1.0 - (age - HOLD) / FADE).clamp(0.0, 1.0) as f32
        }
    }

    /// Follows the pointer, draws the highlight, and asks for the next
    /// frame only while it has something left to fade.
    pub(super) fn ui(&mut self, ui: &Ui, canvas: Rect, color: Color32, time: f64) {
        let hover = ui
            .input(|i| i.pointer.hover_pos())
            .filter(|p| canvas.contains(*p));
        if hover.is_none() {
            self.pos = None;
            return;
        }
        if hover != self.pos {
            self.pos = hover;
            self.moved = time;
        }
        let Some(pos) = self.pos else {
            return;
        };
        let strength = self.strength(time);
        let age = time - self.moved;
        if age < HOLD {
            ui.ctx()
                .request_repaint_after(Duration::from_secs_f64(HOLD - age));
        } else if strength > 0.0 {
            ui.ctx().request_repaint();
        }
        // The pointer is the highlight while presenting.
        ui.ctx().set_cursor_icon(CursorIcon::None);
        if strength <= 0.0 {
            return;
        }
        let r = (canvas.height() / 90.0).max(6.0);
        let painter = ui.painter_at(canvas);
        painter.circle_filled(pos, r * 2.2, color.gamma_multiply(0.25 * strength));
        painter.circle(
            pos,
            r,
            color.gamma_multiply(strength),
            Stroke::new(r * 0.25, Color32::WHITE.gamma_multiply(0.8 * strength)),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_highlight_holds_then_fades_to_nothing() {
        let laser = Laser {
            pos: Some(pos2(10.0, 10.0)),
            moved: 5.0,
        };
        assert_eq!(laser.strength(5.0), 1.0);
        assert_eq!(laser.strength(5.0 + HOLD - 0.01), 1.0);
        let mid = laser.strength(5.0 + HOLD + FADE / 2.0);
        assert!(mid > 0.3 && mid < 0.7, "{mid}");
        assert_eq!(laser.strength(5.0 + HOLD + FADE), 0.0);
        assert_eq!(Laser::default().strength(0.0), 0.0);
    }
}
