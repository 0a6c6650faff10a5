//! Command-line tests: the real binary on real files.
//!
//! One test binary for the folder: each file is a module, so `cargo test`
//! links egui once here instead of once per file.

// Tests may unwrap: a panic is how they fail.
#![allow(clippy::unwrap_used)]

#[path = "../common/mod.rs"]
mod common;

mod bad_files;
mod cli_check;
mod cli_export;
mod compare_cli;
mod export_pdf;
mod io_interchange;
mod present_export;
mod save_safety;
mod save_torture;
mod templates;
