//! The fonts of the app and the exporters, one set for both.

use std::sync::Arc;

use egui::FontFamily;

use super::fallback::{MissingScript, missing_fonts_message};
use crate::model::Map;

/// The font family of headings.
pub fn bold() -> FontFamily {
    FontFamily::Name("bold".into())
}

/// Fonts for the app and the exporters: DejaVu Sans, which reads well on a
/// projector and covers the symbols we draw, with a bold face for headings.
pub fn font_definitions() -> egui::FontDefinitions {
    let mut fonts = egui::FontDefinitions::default();
    fonts.font_data.insert(
        "dejavu".into(),
        Arc::new(egui::FontData::from_static(include_bytes!(
            "../../assets/fonts/DejaVuSans.ttf"
        ))),
    );
    fonts.font_data.insert(
        "dejavu-bold".into(),
        Arc::new(egui::FontData::from_static(include_bytes!(
            "../../assets/fonts/DejaVuSans-Bold.ttf"
        ))),
    );
    if let Some(list) = fonts.families.get_mut(&FontFamily::Proportional) {
        list.insert(0, "dejavu".into());
    }
    let mut bold_list = vec!["dejavu-bold".to_owned()];
    bold_list.extend(
        fonts
            .families
            .get(&FontFamily::Proportional)
            .cloned()
            .unwrap_or_default(),
    );
    fonts.families.insert(bold(), bold_list);
    fonts
}

/// The fallback fonts as egui wants them: for `Context::set_font_providers`
/// and `Fonts::with_font_providers`. The screen and the exporters install
/// the same ones, so an export draws with the fonts the editor showed.
pub fn font_providers() -> Vec<Arc<dyn egui::epaint::text::FontProvider>> {
    vec![super::fallback::fallbacks()]
}

/// Every text of a map a font must draw: what the map shows, and what the
/// inspector edits.
fn map_texts(map: &Map) -> impl Iterator<Item = &str> {
    let head = [map.title.as_str(), map.description.as_str()];
    let stages = map
        .stages
        .iter()
        .flat_map(|s| [s.name.as_str(), s.goal.as_str(), s.focus.as_str()]);
    let lanes = map.lanes.iter().map(|l| l.name.as_str());
    let personas = map
        .personas
        .iter()
        .flat_map(|p| [p.name.as_str(), p.description.as_str()]);
    let cards = map.cards.iter().flat_map(|c| {
        [
            c.title.as_str(),
            c.notes.as_str(),
            c.owner.as_str(),
            c.metric.as_str(),
        ]
    });
    head.into_iter()
        .chain(stages)
        .chain(lanes)
        .chain(personas)
        .chain(cards)
}

/// The scripts of `map` that no font covers, bundled or fallback.
pub fn missing_scripts(map: &Map) -> Vec<MissingScript> {
    super::fallback::missing_scripts(
        &font_definitions(),
        &super::fallback::fallbacks(),
        map_texts(map),
    )
}

/// One plain warning naming the scripts of `map` that no font covers and
/// a package to install; `None` if every character has a font.
pub fn missing_fonts_warning(map: &Map) -> Option<String> {
    missing_fonts_message(&missing_scripts(map))
}
