//! The handout's last pages: the map's findings as text, as the analysis
//! panel and `waymark check` tell them.

use std::sync::Arc;

use egui::epaint::TextShape;
use egui::{FontId, Shape, Vec2, pos2};

use crate::analysis::{Finding, Place, analyze};
use crate::export::Painted;
use crate::model::Map;
use crate::paint::{bold, cap_text, rtl::text_job};
use crate::theme::Theme;

/// At most this many findings are written; the rest are counted. The
/// analysis aggregates its findings, so a real map stays far below.
const MAX_FINDINGS: usize = 500;

/// The size of a finding's text, in points.
const BODY: f32 = 12.0;

/// One finding as a marketer reads it: severity, place, message.
fn finding_text(f: &Finding) -> String {
    let place = match f.place {
        Place::Map => String::new(),
        Place::Persona(_) => f.names.persona.clone().unwrap_or_default(),
        _ => f.names.stages.join(" → "),
    };
    let severity = match f.severity.to_string().as_str() {
        "error" => "Error",
        "warning" => "Warning",
        _ => "Note",
    };
    if place.is_empty() {
        format!("{severity}: {}", f.message)
    } else {
        format!("{severity} ({place}): {}", f.message)
    }
}

/// The findings laid out on pages of `size` points, each page a list of
/// text shapes; at least one page, saying so when there is nothing.
pub fn pages(map: &Map, painted: &mut Painted, size: Vec2, theme: &Theme) -> Vec<Vec<Shape>> {
    let analysis = analyze(map);
    let mut texts: Vec<(String, FontId)> = Vec::new();
    let heading = if analysis.findings.is_empty() {
        "Findings: none".to_owned()
    } else {
        format!("Findings ({})", analysis.findings.len())
    };
    texts.push((heading, FontId::new(22.0, bold())));
    for f in analysis.findings.iter().take(MAX_FINDINGS) {
        texts.push((
            cap_text(&finding_text(f)).into_owned(),
            FontId::proportional(BODY),
        ));
    }
    if analysis.findings.len() > MAX_FINDINGS {
        texts.push((
            format!(
                "… and {} more: run `waymark check` for the full list.",
                analysis.findings.len() - MAX_FINDINGS
            ),
            FontId::proportional(BODY),
        ));
    }
    let mut fonts = painted.fonts.with_pixels_per_point(1.0);
    let mut pages = vec![Vec::new()];
    let mut y = 0.0;
    for (text, font) in texts {
        let galley = fonts.layout_job(text_job(&text, font, theme.text, size.x));
        let height = galley.size().y;
        if y > 0.0 && y + height > size.y {
            pages.push(Vec::new());
            y = 0.0;
        }
        if let Some(page) = pages.last_mut() {
            page.push(Shape::Text(TextShape::new(
                pos2(0.0, y),
                Arc::clone(&galley),
                theme.text,
            )));
        }
        y += height + BODY * 0.6;
    }
    pages
}
