//! `waymark check`: analysis for scripts and CI.
//!
//! Prints the active findings (dismissed ones are the team's decision and
//! stay quiet), then exits 0 when nothing is at or above `--fail-on`, 1 when
//! something is, and 2 when the map cannot be read.

use std::io::Write as _;
use std::path::PathBuf;
use std::process::ExitCode;

use serde_json::{Value, json};

use crate::analysis::{Analysis, Finding, Place, Severity, analyze};

/// Arguments of `waymark check`.
#[derive(clap::Args, Debug)]
pub struct CheckArgs {
    /// The map to check.
    pub map: PathBuf,
    /// How to print the findings.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
    /// The lowest severity that makes the check fail (exit code 1).
    #[arg(long, value_enum, default_value_t = FailOn::Error)]
    pub fail_on: FailOn,
}

/// Output formats of `waymark check`.
#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// One finding per line: `severity rule-id stage(s): message`.
    Text,
    /// A JSON array of findings.
    Json,
}

/// The lowest severity that fails the check. A separate type from
/// [`Severity`] so the analysis core does not depend on clap.
#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum FailOn {
    /// Fail on errors only.
    Error,
    /// Fail on warnings and errors.
    Warning,
    /// Fail on any finding.
    Info,
}

impl FailOn {
    /// The severity this level stands for.
    pub fn severity(self) -> Severity {
        match self {
            FailOn::Error => Severity::Error,
            FailOn::Warning => Severity::Warning,
            FailOn::Info => Severity::Info,
        }
    }
}

/// Runs the check; returns the exit code.
pub fn run(args: &CheckArgs) -> ExitCode {
    let map = match crate::io::load_any_with_warnings(&args.map) {
        Ok(loaded) => {
            // Fields this version does not know, at their line:col: a save
            // would drop them.
            for warning in &loaded.warnings {
                eprintln!("{warning}");
            }
            loaded.map
        }
        Err(err) => {
            // `LoadError` displays as `file:line:col: message` when the
            // position is known, which editors and CI logs link to.
            eprintln!("{err}");
            return ExitCode::from(2);
        }
    };
    let analysis = analyze(&map);
    let text = match args.format {
        Format::Text => text_report(&analysis),
        Format::Json => json_report(&analysis),
    };
    // A closed pipe (`waymark check map.ron | head -1`) is not a failure of
    // the map; the exit code still reports the findings.
    let _ = std::io::stdout().lock().write_all(text.as_bytes());
    if fails(&analysis, args.fail_on.severity()) {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// Whether any active finding is at or above `level`.
pub fn fails(analysis: &Analysis, level: Severity) -> bool {
    analysis.findings.iter().any(|f| f.severity >= level)
}

/// One finding per line: `severity rule-id stage(s): message`, with the
/// stages' names joined by ` > ` for a pair.
pub fn text_report(analysis: &Analysis) -> String {
    let mut out = String::new();
    for f in &analysis.findings {
        out.push_str(&text_line(f));
        out.push('\n');
    }
    out
}

/// One finding as a line of text.
pub fn text_line(f: &Finding) -> String {
    format!(
        "{} {} {}: {}",
        f.severity,
        f.rule,
        f.names.stages.join(" > "),
        f.message
    )
}

/// A JSON array with one object per active finding, pretty-printed with a
/// final newline.
pub fn json_report(analysis: &Analysis) -> String {
    let findings: Vec<Value> = analysis.findings.iter().map(finding_json).collect();
    let mut text = serde_json::to_string_pretty(&findings).unwrap_or_else(|_| "[]".to_owned());
    text.push('\n');
    text
}

/// One finding as JSON: rule, severity, message, suggestion, the dismissal
/// key, the stages' ids and names, and the card, lane, persona and channel
/// when the finding has them.
pub fn finding_json(f: &Finding) -> Value {
    let stages: Vec<Value> = f
        .place
        .stages()
        .iter()
        .zip(&f.names.stages)
        .map(|(id, name)| json!({ "id": id.0, "name": name }))
        .collect();
    let mut obj = json!({
        "rule": f.rule.id(),
        "severity": f.severity.id(),
        "message": f.message,
        "suggestion": f.suggestion,
        "key": f.key(),
        "stages": stages,
    });
    if let Some(fields) = obj.as_object_mut() {
        match f.place {
            Place::Card { card, lane, .. } => {
                fields.insert(
                    "card".into(),
                    json!({ "id": card.0, "title": f.names.card }),
                );
                fields.insert("lane".into(), json!({ "id": lane.0, "name": f.names.lane }));
            }
            Place::Persona { persona, .. } => {
                fields.insert(
                    "persona".into(),
                    json!({ "id": persona.0, "name": f.names.persona }),
                );
            }
            _ => {}
        }
        if let Some(channel) = &f.channel {
            fields.insert("channel".into(), json!(channel.label()));
        }
    }
    obj
}
