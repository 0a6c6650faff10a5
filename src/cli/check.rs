//! `waymark check`: analysis for scripts and CI.
//!
//! Prints the active findings (dismissed ones are the team's decision and
//! stay quiet), errors first, then a one-line summary in text mode; then
//! exits 0 when nothing is at or above `--fail-on`, 1 when something is,
//! and 2 when the map cannot be read. `--explain RULE` prints a rule's
//! reason, condition and an example instead.
//!
//! Output is streamed, one finding at a time, through a buffered writer:
//! never built whole in memory.

use std::collections::HashMap;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use serde_json::{Value, json};

use crate::analysis::{Analysis, Finding, Place, Rule, Severity, analyze, count_noun};
use crate::model::{CardId, Map};

/// Arguments of `waymark check`.
#[derive(clap::Args, Debug)]
pub struct CheckArgs {
    /// The map to check.
    #[arg(required_unless_present = "explain")]
    pub map: Option<PathBuf>,
    /// Explain a rule (its reason, condition and an example) instead of
    /// checking a map, such as `--explain channel-dropped`.
    #[arg(long, value_name = "RULE")]
    pub explain: Option<String>,
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
    if let Some(id) = &args.explain {
        return explain(id);
    }
    let Some(path) = &args.map else {
        eprintln!("waymark check: name a map to check, or --explain RULE");
        return ExitCode::from(2);
    };
    let map = match crate::io::load_any_with_warnings(path) {
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
    let mut out = io::BufWriter::new(io::stdout().lock());
    let written = match args.format {
        Format::Text => write_text(&mut out, &analysis, &file_name(path)),
        Format::Json => write_json(&mut out, &analysis, &map),
    };
    // A closed pipe (`waymark check map.ron | head -1`) is not a failure of
    // the map; the exit code still reports the findings.
    let _ = written.and_then(|()| out.flush());
    if fails(&analysis, args.fail_on.severity()) {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// `--explain RULE`: the rule's reason, condition and example; exit 2 with
/// the list of rules when the id is unknown.
fn explain(id: &str) -> ExitCode {
    match Rule::from_id(id.trim()) {
        Some(rule) => {
            print!("{}", crate::analysis::explain::explain_text(rule, 78));
            ExitCode::SUCCESS
        }
        None => {
            let ids: Vec<&str> = Rule::ALL.iter().map(|r| r.id()).collect();
            eprintln!("unknown rule `{id}`; the rules are: {}", ids.join(", "));
            ExitCode::from(2)
        }
    }
}

/// The name the summary gives the map: its file name, as typed otherwise.
fn file_name(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}

/// Whether any active finding is at or above `level`.
pub fn fails(analysis: &Analysis, level: Severity) -> bool {
    analysis.findings.iter().any(|f| f.severity >= level)
}

/// Writes one finding per line (see [`text_line`]), then the summary line
/// (see [`summary_line`]).
pub fn write_text(out: &mut impl Write, analysis: &Analysis, name: &str) -> io::Result<()> {
    for f in &analysis.findings {
        writeln!(out, "{}", text_line(f))?;
    }
    writeln!(out, "{}", summary_line(analysis, name))
}

/// The text report as a string: the findings, one a line, then the summary.
pub fn text_report(analysis: &Analysis, name: &str) -> String {
    let mut out = Vec::new();
    // Writing to a Vec cannot fail.
    let _ = write_text(&mut out, analysis, name);
    String::from_utf8_lossy(&out).into_owned()
}

/// The last line of the text report: "no findings in map.ron", or
/// "3 findings: 1 error, 2 warnings" (severities with no finding left out).
pub fn summary_line(analysis: &Analysis, name: &str) -> String {
    let total = analysis.findings.len();
    if total == 0 {
        return format!("no findings in {name}");
    }
    let parts: Vec<String> = Severity::ALL
        .iter()
        .map(|&s| (s, analysis.count(s)))
        .filter(|(_, n)| *n > 0)
        .map(|(s, n)| match s {
            Severity::Error => count_noun(n, "error", "errors"),
            Severity::Warning => count_noun(n, "warning", "warnings"),
            Severity::Info => format!("{n} info"),
        })
        .collect();
    format!(
        "{}: {}",
        count_noun(total, "finding", "findings"),
        parts.join(", ")
    )
}

/// One finding as a line of text: `severity rule-id place: message`. The
/// place is the stages' names joined by ` > ` for a pair, the persona's
/// name, or `map` for a map-wide finding.
pub fn text_line(f: &Finding) -> String {
    let place = match f.place {
        Place::Map => "map".to_owned(),
        Place::Persona(_) => f.names.persona.clone().unwrap_or_default(),
        _ => f.names.stages.join(" > "),
    };
    format!("{} {} {place}: {}", f.severity, f.rule, f.message)
}

/// Writes a JSON array with one object per active finding, one object at
/// a time, pretty-printed, with a final newline. Cards carry their dot
/// votes from `map`.
pub fn write_json(out: &mut impl Write, analysis: &Analysis, map: &Map) -> io::Result<()> {
    let votes: HashMap<CardId, u32> = map
        .cards
        .iter()
        .filter(|c| c.votes > 0)
        .map(|c| (c.id, c.votes))
        .collect();
    if analysis.findings.is_empty() {
        return writeln!(out, "[]");
    }
    writeln!(out, "[")?;
    for (i, f) in analysis.findings.iter().enumerate() {
        let text =
            serde_json::to_string_pretty(&finding_json(f, &votes)).map_err(io::Error::other)?;
        let comma = if i + 1 < analysis.findings.len() {
            ","
        } else {
            ""
        };
        writeln!(out, "  {}{comma}", text.replace('\n', "\n  "))?;
    }
    writeln!(out, "]")
}

/// The JSON report as a string.
pub fn json_report(analysis: &Analysis, map: &Map) -> String {
    let mut out = Vec::new();
    let _ = write_json(&mut out, analysis, map);
    String::from_utf8_lossy(&out).into_owned()
}

/// One finding as JSON: rule, severity, message, suggestion, the dismissal
/// key, the stages' ids and names (with their volume and period when they
/// have one), and the card, lane, persona, channel and
/// parts (for aggregated findings) when the finding has them. A card, as
/// the finding's place or as a part, carries its dot `votes` (by card id).
pub fn finding_json(f: &Finding, votes: &HashMap<CardId, u32>) -> Value {
    let votes_of = |card: CardId| votes.get(&card).copied().unwrap_or(0);
    let stages: Vec<Value> = f
        .place
        .stages()
        .iter()
        .zip(&f.names.stages)
        .enumerate()
        .map(|(i, (id, name))| {
            let mut stage = json!({ "id": id.0, "name": name });
            // The funnel's numbers, for the stages that carry one.
            if let (Some(Some((volume, period))), Some(fields)) =
                (f.names.volumes.get(i), stage.as_object_mut())
            {
                fields.insert("volume".into(), json!(volume));
                if !period.is_empty() {
                    fields.insert("period".into(), json!(period));
                }
            }
            stage
        })
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
                    json!({ "id": card.0, "title": f.names.card, "votes": votes_of(card) }),
                );
                fields.insert("lane".into(), json!({ "id": lane.0, "name": f.names.lane }));
            }
            Place::Persona(persona) => {
                fields.insert(
                    "persona".into(),
                    json!({ "id": persona.0, "name": f.names.persona }),
                );
            }
            _ => {}
        }
        if !f.parts.is_empty() {
            let parts: Vec<Value> = f
                .parts
                .iter()
                .map(|p| match p.place {
                    Place::Card { card, .. } => json!({
                        "key": p.place.key(),
                        "name": p.name,
                        "votes": votes_of(card),
                    }),
                    _ => json!({ "key": p.place.key(), "name": p.name }),
                })
                .collect();
            fields.insert("parts".into(), Value::Array(parts));
        }
        if let Some(channel) = &f.channel {
            fields.insert("channel".into(), json!(channel.label()));
        }
    }
    obj
}
