//! `waymark check`: analysis for scripts and CI.

use std::path::PathBuf;
use std::process::ExitCode;

/// Arguments of `waymark check`.
#[derive(clap::Args, Debug)]
pub struct CheckArgs {
    /// The map to check.
    pub map: PathBuf,
}

/// Runs the check; returns the exit code.
pub fn run(_args: &CheckArgs) -> ExitCode {
    eprintln!("waymark check: not implemented yet");
    ExitCode::from(2)
}
