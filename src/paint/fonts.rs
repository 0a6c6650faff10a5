//! The fonts of the app and the exporters, one set for both.

use std::sync::Arc;

use egui::FontFamily;

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
