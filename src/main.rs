//! The `waymark` binary: with no subcommand it opens the editor; `export`
//! and `check` serve scripts and CI.

use std::process::ExitCode;

use clap::{Parser, Subcommand};

use waymark::cli;

/// Waymark: a desktop editor for customer-journey maps.
#[derive(Parser)]
#[command(name = "waymark", version, about, long_about = None)]
struct Args {
    #[command(subcommand)]
    command: Option<Command>,
    /// A map to open in the editor: a Waymark map (.ron), a Mermaid journey
    /// (.mmd) or a CSV of cards (.csv). Without one, the sample map opens.
    map: Option<std::path::PathBuf>,
}

#[derive(Subcommand)]
enum Command {
    /// Export a map as a diagram or another format, with no display needed.
    Export(cli::export::ExportArgs),
    /// Analyse a map and list the gaps in its journey.
    Check(cli::check::CheckArgs),
}

fn main() -> ExitCode {
    let args = Args::parse();
    match args.command {
        Some(Command::Export(a)) => cli::export::run(&a),
        Some(Command::Check(a)) => cli::check::run(&a),
        None => waymark::app::run(args.map),
    }
}
