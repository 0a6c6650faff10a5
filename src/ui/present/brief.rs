//! What is said about one stage while presenting it: its goal, its
//! emotion, its findings and the notes taken on it. The info overlay and
//! the presenter window both show it.

use crate::analysis::{Analysis, Place, Rule};
use crate::layout::Layout;
use crate::model::{LaneKind, Map, StageId};

/// The most findings listed for a stage; the rest are counted.
pub const MAX_FINDINGS: usize = 6;

/// One stage, as the presenter speaks of it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct StageBrief {
    /// "Stage 2 of 6".
    pub position: String,
    /// The stage's name.
    pub name: String,
    /// The customer's goal in it, if written.
    pub goal: String,
    /// The emotion's score, -2..=2, if the stage has one.
    pub score: Option<f32>,
    /// The emotion in words, as under its point on the curve.
    pub emotion: String,
    /// The first lines of what the analysis says of this stage, in the
    /// analysis' order (see `stage_findings`).
    pub findings: Vec<String>,
    /// How many such lines there are in all.
    pub finding_count: usize,
    /// Cards in its Thoughts and Opportunities lanes: (lane, title).
    pub notes: Vec<(String, String)>,
}

/// Whether a place is in a stage.
fn in_stage(place: &Place, stage: StageId) -> bool {
    match *place {
        Place::Stage(s) => s == stage,
        Place::Stages(a, b) => a == stage || b == stage,
        Place::Card { stage: s, .. } => s == stage,
        Place::Persona(_) | Place::Map => false,
    }
}

/// What the analysis says of one stage, a line each: a finding placed in
/// the stage in its own words; a finding that gathers places across the
/// map (no owner, no metric, a persona's gaps) as what it says here, so
/// the room hears "No owner: Checkout", not "5 touchpoints have no owner".
fn stage_findings(map: &Map, analysis: &Analysis, stage: StageId) -> Vec<String> {
    let mut lines = Vec::new();
    for finding in &analysis.findings {
        if in_stage(&finding.place, stage) {
            lines.push(finding.message.clone());
            continue;
        }
        // A part is named with its stage, "\"Checkout\" (Purchase)": here
        // the stage goes without saying.
        let suffix = map.stage(stage).map(|s| format!(" ({})", s.name));
        let here: Vec<&str> = finding
            .parts
            .iter()
            .filter(|p| in_stage(&p.place, stage))
            .map(|p| {
                let name = p.name.as_str();
                suffix
                    .as_deref()
                    .and_then(|s| name.strip_suffix(s))
                    .unwrap_or(name)
            })
            .collect();
        if here.is_empty() {
            continue;
        }
        let line = match (finding.rule, &finding.place) {
            (Rule::MissingOwner, _) => format!("No owner: {}", here.join(", ")),
            (Rule::MissingMetric, _) => format!("No metric: {}", here.join(", ")),
            (Rule::PersonaGap, Place::Persona(id)) => match map.persona(*id) {
                Some(p) => format!("{} has no touchpoint here", p.name),
                None => finding.message.clone(),
            },
            (Rule::AssumedLowPoint, _) => {
                format!(
                    "The low point rests only on an assumption: {}",
                    here.join(", ")
                )
            }
            _ => finding.message.clone(),
        };
        lines.push(line);
    }
    lines
}

/// The brief of the stage at `index`, or `None` past the last.
pub fn stage_brief(
    map: &Map,
    layout: &Layout,
    analysis: &Analysis,
    index: usize,
) -> Option<StageBrief> {
    let stage = map.stages.get(index)?;
    let point = layout.emotion_points.iter().find(|p| p.stage == stage.id);
    let named = stage_findings(map, analysis, stage.id);
    let note_lanes: Vec<(crate::model::LaneId, &str)> = map
        .lanes
        .iter()
        .filter(|l| matches!(l.kind, LaneKind::Thoughts | LaneKind::Opportunities))
        .map(|l| (l.id, l.name.as_str()))
        .collect();
    let notes = note_lanes
        .iter()
        .flat_map(|(lane, name)| {
            map.cards
                .iter()
                .filter(move |c| c.stage == stage.id && c.lane == *lane)
                .map(move |c| ((*name).to_owned(), c.title.clone()))
        })
        .collect();
    Some(StageBrief {
        position: format!("Stage {} of {}", index + 1, map.stages.len()),
        name: stage.name.clone(),
        goal: stage.goal.clone(),
        score: point.map(|p| p.score),
        emotion: point.map(|p| p.label.clone()).unwrap_or_default(),
        findings: named.iter().take(MAX_FINDINGS).cloned().collect(),
        finding_count: named.len(),
        notes,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::interchange::sample::sample_map;
    use crate::layout::{Style, layout};

    #[test]
    fn a_stage_brief_gathers_its_goal_emotion_findings_and_notes() {
        let map = sample_map();
        let layout = layout(&map, &Style::default());
        let analysis = crate::analysis::analyze(&map);
        let mut total_findings = 0;
        let mut total_notes = 0;
        for i in 0..map.stages.len() {
            let brief = stage_brief(&map, &layout, &analysis, i).unwrap();
            assert_eq!(brief.name, map.stages[i].name);
            assert_eq!(brief.position, format!("Stage {} of 6", i + 1));
            assert!(brief.findings.len() <= brief.finding_count);
            total_findings += brief.finding_count;
            total_notes += brief.notes.len();
            for (lane, _) in &brief.notes {
                assert!(lane == "Thoughts" || lane == "Opportunities", "{lane}");
            }
        }
        assert!(total_findings > 0, "the sample has findings on stages");
        assert!(total_notes > 0, "the sample has thoughts and opportunities");
        assert!(stage_brief(&map, &layout, &analysis, 6).is_none());
    }

    #[test]
    fn a_whole_map_finding_is_told_as_what_it_says_of_the_stage() {
        let map = sample_map();
        let layout = layout(&map, &Style::default());
        let analysis = crate::analysis::analyze(&map);
        // The sample's one card with no owner is in Awareness.
        let owner = analysis
            .findings
            .iter()
            .find(|f| f.rule == Rule::MissingOwner)
            .expect("the sample has a card with no owner");
        let part = &owner.parts[0];
        let Place::Card { stage, .. } = part.place else {
            panic!("a card part");
        };
        let index = map.stage_index(stage).unwrap();
        let brief = stage_brief(&map, &layout, &analysis, index).unwrap();
        let title = part.name.split(" (").next().unwrap();
        let line = format!("No owner: {title}");
        assert!(brief.findings.contains(&line), "{:?}", brief.findings);
        assert!(
            !brief.findings.contains(&owner.message),
            "not the whole map's count"
        );
        assert_eq!(
            brief.finding_count,
            brief.findings.len(),
            "a count that matches"
        );
        // A stage where no card lacks an owner says nothing of owners.
        let other = (0..map.stages.len()).find(|i| *i != index).unwrap();
        let brief = stage_brief(&map, &layout, &analysis, other).unwrap();
        assert!(brief.findings.iter().all(|f| !f.starts_with("No owner")));
    }
}
