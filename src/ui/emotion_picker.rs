//! A clickable emotion scale: five faces from -2 to +2, and "none".

use egui::{Color32, Response, Role, Sense, Ui, WidgetInfo, vec2};

use crate::model::{Emotion, Score};
use crate::paint::face;

/// Shows the scale. Returns the new score when one was clicked:
/// `Some(None)` means "no emotion".
pub fn emotion_scale(ui: &mut Ui, current: Option<Score>) -> Option<Option<Score>> {
    let mut picked = None;
    ui.horizontal(|ui| {
        ui.spacing_mut().item_spacing.x = 4.0;
        for score in Score::ALL {
            let response = face_button(ui, score, current == Some(score));
            if response.clicked() {
                picked = Some(Some(score));
            }
        }
        if ui
            .selectable_label(current.is_none(), "None")
            .on_hover_text("No emotion here")
            .clicked()
        {
            picked = Some(None);
        }
    });
    picked
}

fn face_button(ui: &mut Ui, score: Score, selected: bool) -> Response {
    let (rect, response) = ui.allocate_exact_size(vec2(30.0, 30.0), Sense::click());
    let label = format!("Emotion {:+} {}", score.value(), score.label());
    response.widget_info(|| WidgetInfo::selected(Role::Button, true, selected, &label));
    let visuals = ui.visuals();
    let ring = if selected {
        visuals.selection.stroke.color
    } else if response.hovered() {
        visuals.widgets.hovered.bg_stroke.color
    } else {
        Color32::TRANSPARENT
    };
    let mut shapes = Vec::new();
    let radius = if selected { 13.0 } else { 11.0 };
    if selected {
        shapes.push(egui::Shape::circle_filled(rect.center(), 15.0, ring));
    }
    face(
        &mut shapes,
        rect.center(),
        radius,
        score.value() as f32,
        ring,
    );
    ui.painter().extend(shapes);
    response.on_hover_text(format!("{:+}: {}", score.value(), score.label()))
}

/// Applies a picked score to an emotion, keeping its word.
pub fn with_score(current: Option<&Emotion>, score: Option<Score>) -> Option<Emotion> {
    score.map(|score| Emotion {
        score,
        word: current.map(|e| e.word.clone()).unwrap_or_default(),
    })
}
