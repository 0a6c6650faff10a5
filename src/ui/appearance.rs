//! The editor's colour scheme: light for a bright room, dark, or whatever
//! the system says. Exports have their own theme option and ignore this.

use serde::{Deserialize, Serialize};

/// The theme the user chose in View → Theme.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Appearance {
    /// Dark text on light paper: reads best in a bright room.
    #[default]
    Light,
    /// Light text on a dark background.
    Dark,
    /// Follow the operating system's light or dark setting.
    System,
}

impl Appearance {
    /// Every choice, in menu order.
    pub const ALL: [Appearance; 3] = [Appearance::Light, Appearance::Dark, Appearance::System];

    /// The menu text.
    pub fn label(self) -> &'static str {
        match self {
            Appearance::Light => "Light",
            Appearance::Dark => "Dark",
            Appearance::System => "Follow System",
        }
    }

    /// egui's preference for this choice.
    pub fn preference(self) -> egui::ThemePreference {
        match self {
            Appearance::Light => egui::ThemePreference::Light,
            Appearance::Dark => egui::ThemePreference::Dark,
            Appearance::System => egui::ThemePreference::System,
        }
    }
}
