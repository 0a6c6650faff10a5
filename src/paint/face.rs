//! The emotion face: colour and mouth show a score without emoji glyphs.

use egui::epaint::Stroke;
use egui::{Color32, Pos2, Shape, pos2};

use crate::theme::emotion_color;

/// A face: colour and mouth show the score without needing emoji glyphs.
/// Used on cards, on the curve, in the legend and in the emotion picker.
pub fn face(shapes: &mut Vec<Shape>, center: Pos2, radius: f32, score: f32, ring: Color32) {
    let ink = Color32::from_rgb(40, 30, 20);
    shapes.push(Shape::circle_filled(center, radius + 1.0, ring));
    shapes.push(Shape::circle_filled(center, radius, emotion_color(score)));
    let eye_dx = radius * 0.36;
    let eye_y = center.y - radius * 0.22;
    let eye_r = (radius * 0.12).max(0.8);
    shapes.push(Shape::circle_filled(
        pos2(center.x - eye_dx, eye_y),
        eye_r,
        ink,
    ));
    shapes.push(Shape::circle_filled(
        pos2(center.x + eye_dx, eye_y),
        eye_r,
        ink,
    ));
    let half = radius * 0.45;
    let mouth_y = center.y + radius * 0.35;
    let bend = score.clamp(-2.0, 2.0) / 2.0 * radius * 0.28;
    let points: Vec<Pos2> = (0..=6)
        .map(|i| {
            let t = i as f32 / 6.0 * 2.0 - 1.0;
            pos2(center.x + t * half, mouth_y + bend - bend * t * t)
        })
        .collect();
    shapes.push(Shape::line(
        points,
        Stroke::new((radius * 0.13).max(1.0), ink),
    ));
}
