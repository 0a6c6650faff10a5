//! Waymark: a desktop editor for customer-journey maps.
//!
//! The core (`model`, `format`, `edit`, `layout`, `analysis`) knows nothing
//! of egui; the UI and the exporters sit on top of it.

pub mod analysis;
pub mod app;
pub mod cli;
pub mod compare;
pub mod edit;
pub mod export;
pub mod format;
pub mod interchange;
pub mod io;
pub mod layout;
pub mod model;
pub mod paint;
pub mod theme;
pub mod ui;
