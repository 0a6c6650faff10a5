//! `waymark export`: diagrams and other formats, with no display.

use std::path::PathBuf;
use std::process::ExitCode;

/// Arguments of `waymark export`.
#[derive(clap::Args, Debug)]
pub struct ExportArgs {
    /// The map to export.
    pub map: PathBuf,
    /// The output file; its extension picks the format.
    #[arg(short, long)]
    pub output: PathBuf,
}

/// Runs the export; returns the exit code.
pub fn run(_args: &ExportArgs) -> ExitCode {
    eprintln!("waymark export: not implemented yet");
    ExitCode::from(2)
}
