//! Waymark: a desktop editor for customer-journey maps.
//!
//! The core (`model`, `format`, `edit`, `analysis`, `interchange`) knows
//! nothing of egui. `layout` positions boxes with egui's small geometry
//! crate (emath) and `paint` turns them into epaint shapes, shared by the
//! canvas (`ui`, driven by `app`) and the exporters (`export`). The use
//! lines are checked by `tests/core/layering.rs`: lower modules never import
//! higher ones, and no modules use each other in a circle.

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
pub mod recovery;
pub mod room;
pub mod theme;
pub mod ui;
