//! The command line's subcommands. Each returns the process exit code.

pub mod check;
pub mod diff;
pub mod export;
pub mod merge;
