//! Other people's formats and the bundled templates: Mermaid `journey`
//! diagrams, CSV card lists, and the maps offered by File → New from
//! template. Pure: no egui, no files (see [`crate::io`] for reading and
//! writing by extension).

pub mod csv;
pub mod mermaid;
pub mod sample;
pub mod templates;
