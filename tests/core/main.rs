//! Core tests: model, file format, history, analysis, interchange, compare, layout and export, with no UI.
//!
//! One test binary for the folder: each file is a module, so `cargo test`
//! links egui once here instead of once per file.

// Tests may unwrap: a panic is how they fail.
#![allow(clippy::unwrap_used)]

#[path = "../common/mod.rs"]
mod common;

mod analysis;
mod analysis_evidence;
mod analysis_map;
mod blueprint;
mod compare_diff;
mod compare_merge;
mod compare_props;
mod export_png;
mod export_svg;
mod format_roundtrip;
mod format_versions;
mod history;
mod ids;
mod interchange_csv;
mod interchange_mermaid;
mod layering;
mod layout_emotion;
mod map_state;
mod prop_commands;
mod prop_roundtrip;
mod readers_bounded;
mod room_server;
mod stage_colors;
mod tables;
mod text_wrap;
mod unknown_fields;
mod votes;
