//! The editor's panels and widgets, on top of egui.

pub mod analysis_panel;
