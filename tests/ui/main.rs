//! UI tests: kittest flows on the real app, with no display and no GPU.
//!
//! One test binary for the folder: each file is a module, so `cargo test`
//! links egui once here instead of once per file.

// Tests may unwrap: a panic is how they fail.
#![allow(clippy::unwrap_used)]

#[path = "../common/mod.rs"]
mod common;

mod analysis_panel;
mod app_state;
mod blueprint_flows;
mod canvas_text_flows;
mod clipboard_flows;
mod compare_flows;
mod data_safety_flows;
mod delete_flows;
mod emotion_canvas_flows;
mod focus_flows;
mod help_flows;
mod import_into_flows;
mod kittest_cpu;
mod legend_detail;
mod order_flows;
mod present_flows;
mod present_text_size;
mod reveal_flows;
mod room_browser;
mod ui_flows;
mod vote_flows;
mod window_flows;
mod zoom_memory;
