//! What is said about one stage while presenting it: its goal, its
//! emotion, its findings and the notes taken on it. The info overlay and
//! the presenter window both show it.

use crate::analysis::{Analysis, Finding, Place};
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
    /// The first findings that name this stage, in the analysis' order.
    pub findings: Vec<String>,
    /// How many findings name the stage in all.
    pub finding_count: usize,
    /// Cards in its Thoughts and Opportunities lanes: (lane, title).
    pub notes: Vec<(String, String)>,
}

/// Whether a finding names a stage, by its place or one of its parts.
fn names_stage(finding: &Finding, stage: StageId) -> bool {
    let at = |place: &Place| match *place {
        Place::Stage(s) => s == stage,
        Place::Stages(a, b) => a == stage || b == stage,
        Place::Card { stage: s, .. } => s == stage,
        Place::Persona(_) | Place::Map => false,
    };
    at(&finding.place) || finding.parts.iter().any(|p| at(&p.place))
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
    let named: Vec<&Finding> = analysis
        .findings
        .iter()
        .filter(|f| names_stage(f, stage.id))
        .collect();
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
        findings: named
            .iter()
            .take(MAX_FINDINGS)
            .map(|f| f.message.clone())
            .collect(),
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
}
