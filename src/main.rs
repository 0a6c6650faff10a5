//! The `waymark` binary: with no subcommand it opens the editor; `export`,
//! `check`, `diff` and `merge` serve scripts, git and CI.

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
    /// Compare two maps: what was added, removed, changed or moved.
    Diff(cli::diff::DiffArgs),
    /// Merge two versions of a map with their common ancestor (a git merge driver).
    Merge(cli::merge::MergeArgs),
}

fn main() -> ExitCode {
    let args = Args::parse();
    match args.command {
        Some(Command::Export(a)) => cli::export::run(&a),
        Some(Command::Check(a)) => cli::check::run(&a),
        Some(Command::Diff(a)) => cli::diff::run(&a),
        Some(Command::Merge(a)) => cli::merge::run(&a),
        None => waymark::app::run(args.map),
    }
}
