//! Persona rules: does each persona meet the brand at every stage.

use super::index::{Index, quoted};
use super::types::{Finding, Rule};

/// `persona-gap` (warning): a persona of the map with no touchpoint in a
/// stage. A touchpoint whose persona list is empty applies to everyone, as
/// the model defines it. Stages with no touchpoint at all are left to
/// `empty-stage`, so one hole is not reported once per persona.
pub(crate) fn persona_gap(index: &Index<'_>, out: &mut Vec<Finding>) {
    for (si, facts) in index.stages.iter().enumerate() {
        if facts.touchpoints.is_empty() {
            continue;
        }
        let stage = quoted(&facts.stage.name);
        for (pi, covered) in facts.persona_covered.iter().enumerate() {
            if *covered {
                continue;
            }
            let Some(persona) = index.map.personas.get(pi) else {
                continue;
            };
            let name = quoted(&persona.name);
            out.push(index.persona_finding(
                Rule::PersonaGap,
                (pi, si),
                format!("Persona {name} has no touchpoint in {stage}."),
                format!(
                    "Add a touchpoint for {name} in {stage}, or mark an existing one as \
                     applying to them."
                ),
            ));
        }
    }
}
