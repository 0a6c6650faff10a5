//! Persona rules: does each persona meet the brand at every stage.

use super::index::{Index, MAX_PARTS, name_list, quoted};
use super::types::{Finding, Rule, count_noun};

/// `persona-gap` (warning): a persona of the map with no touchpoint in
/// some stages: one finding per persona, listing the stages. A touchpoint
/// whose persona list is empty applies to everyone, as the model defines
/// it. Stages with no touchpoint at all are left to `empty-stage`, so one
/// hole is not reported once per persona.
///
/// Linear: a stage with a touchpoint for everyone covers every persona at
/// once, so only the other stages are walked per persona, and each persona
/// lists at most [`MAX_PARTS`] of them; its gap count comes from the
/// stages its own cards name. A 20,000-section Mermaid file with an actor
/// per section used to give one finding per (persona, stage): N².
pub(crate) fn persona_gap(index: &Index<'_>, out: &mut Vec<Finding>) {
    // Stages that have touchpoints, none of them for everyone: the only
    // places a persona can miss.
    let open: Vec<usize> = index
        .stages
        .iter()
        .enumerate()
        .filter(|(_, f)| !f.touchpoints.is_empty() && !f.for_everyone)
        .map(|(si, _)| si)
        .collect();
    if open.is_empty() {
        return;
    }
    for (pi, persona) in index.map.personas.iter().enumerate() {
        let named = &index.persona_stages[pi];
        // Stages a persona's cards name are all open ones: a touchpoint
        // naming them sits in a stage with touchpoints, and a stage for
        // everyone is not open. So the gap count is a subtraction.
        let covered_open = named
            .iter()
            .filter(|&&si| !index.stages[si].for_everyone)
            .count();
        let total = open.len() - covered_open.min(open.len());
        if total == 0 {
            continue;
        }
        // Walk the open stages and the named ones together (both sorted),
        // stopping once enough are listed: each step lists a stage or
        // passes one the persona's own cards name.
        let mut missing = Vec::with_capacity(total.min(MAX_PARTS));
        let mut k = 0;
        for &si in &open {
            if missing.len() == MAX_PARTS {
                break;
            }
            while k < named.len() && named[k] < si {
                k += 1;
            }
            if named.get(k) != Some(&si) {
                missing.push(si);
            }
        }
        let name = quoted(&persona.name);
        let stage_names: Vec<String> = missing
            .iter()
            .map(|&si| quoted(&index.stages[si].stage.name))
            .collect();
        let list = name_list(stage_names.iter().map(String::as_str), total);
        out.push(index.persona_finding(
            Rule::PersonaGap,
            pi,
            &missing,
            format!(
                "Persona {name} has no touchpoint in {}: {list}.",
                count_noun(total, "stage", "stages")
            ),
            format!(
                "Add a touchpoint for {name} in each, or mark an existing one as applying to \
                 them."
            ),
        ));
    }
}
