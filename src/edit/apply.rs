//! How each command changes a map: `Command::apply` lives here, beside
//! the code it runs, so that `command` (the types) uses nothing of it.

use std::sync::Arc;

use crate::model::{Card, Emotion, LaneId, LaneKind, Map, StageId};

use super::checks::{check_cell, missing};
use super::command::{CardField, Command, EditError, LaneField, StageField};

impl Command {
    /// Applies the command. On error the map is unchanged. Returns the ids
    /// it handed out, in order (one per stage, lane, persona or card added).
    pub fn apply(&self, map: &mut Map) -> Result<Vec<u64>, EditError> {
        // All or nothing: work on a copy (cheap, cards are shared).
        let mut copy = map.clone();
        let created = self.apply_to_copy(&mut copy)?;
        *map = copy;
        Ok(created)
    }

    /// Applies the command to a map the caller will throw away on error
    /// (the document applies to its own copy, so it clones only once).
    pub(super) fn apply_to_copy(&self, map: &mut Map) -> Result<Vec<u64>, EditError> {
        let mut created = Vec::new();
        apply_one(self, map, &mut created)?;
        Ok(created)
    }
}

/// A fresh id from the map's counter, checked against every id in use (a
/// hand-edited file may carry a stale counter).
fn fresh_id(map: &mut Map) -> Result<u64, EditError> {
    map.repair_next_id();
    let id = map.new_id();
    let used = map.stages.iter().any(|s| s.id.0 == id)
        || map.lanes.iter().any(|l| l.id.0 == id)
        || map.personas.iter().any(|p| p.id.0 == id)
        || map.cards.iter().any(|c| c.id.0 == id);
    if used {
        Err(EditError(format!("the id {id} is already in use")))
    } else {
        Ok(id)
    }
}

fn card_mut(map: &mut Map, id: crate::model::CardId) -> Result<&mut Card, EditError> {
    map.cards
        .iter_mut()
        .find(|c| c.id == id)
        .map(Arc::make_mut)
        .ok_or_else(|| missing("card", id))
}

fn set_card_field(card: &mut Card, field: &CardField) {
    match field {
        CardField::Title(v) => card.title = v.clone(),
        CardField::Notes(v) => card.notes = v.clone(),
        CardField::Channel(v) => card.channel = v.clone(),
        CardField::Medium(v) => card.medium = *v,
        CardField::Owner(v) => card.owner = v.clone(),
        CardField::Metric(v) => card.metric = v.clone(),
        CardField::Emotion(v) => card.emotion = v.clone(),
        CardField::Personas(v) => card.personas = v.clone(),
        CardField::Evidence(v) => card.evidence = *v,
        CardField::Source(v) => card.source = v.clone(),
        CardField::FailPoint(v) => card.fail_point = *v,
    }
}

fn set_stage_field(stage: &mut crate::model::Stage, field: &StageField) {
    match field {
        StageField::Name(v) => stage.name = v.clone(),
        StageField::Goal(v) => stage.goal = v.clone(),
        StageField::Focus(v) => stage.focus = v.clone(),
        StageField::Emotion(v) => stage.emotion = v.clone(),
        StageField::Role(v) => stage.role = *v,
        StageField::Volume(v) => stage.volume = *v,
        StageField::Period(v) => stage.period = v.clone(),
    }
}

fn set_lane_field(lane: &mut crate::model::Lane, field: &LaneField) {
    match field {
        LaneField::Name(v) => {
            lane.name = v.clone();
            // A custom lane is known by its name: renaming it renames its kind.
            if let LaneKind::Custom(kind) = &mut lane.kind {
                *kind = v.clone();
            }
        }
        LaneField::Kind(v) => lane.kind = v.clone(),
    }
}

/// Applies one command that is not a batch; ids handed out go to `created`.
pub(super) fn apply_one(
    command: &Command,
    map: &mut Map,
    created: &mut Vec<u64>,
) -> Result<(), EditError> {
    match command {
        Command::SetTitle(title) => map.title = title.clone(),
        Command::SetDescription(text) => map.description = text.clone(),
        Command::AddStage { index, stage } => {
            let mut stage = stage.clone();
            stage.id = StageId(fresh_id(map)?);
            created.push(stage.id.0);
            let index = (*index).min(map.stages.len());
            map.freeze_stage_colors();
            stage.color.get_or_insert(map.color_for_new_stage(index));
            map.stages.insert(index, stage);
        }
        Command::UpdateStage(stage) => {
            let slot = map
                .stages
                .iter_mut()
                .find(|s| s.id == stage.id)
                .ok_or_else(|| missing("stage", stage.id))?;
            *slot = stage.clone();
        }
        Command::EditStage { id, field } => {
            let slot = map
                .stages
                .iter_mut()
                .find(|s| s.id == *id)
                .ok_or_else(|| missing("stage", id))?;
            set_stage_field(slot, field);
        }
        Command::DeleteStage(id) => {
            let index = map.stage_index(*id).ok_or_else(|| missing("stage", id))?;
            map.freeze_stage_colors();
            map.stages.remove(index);
            map.cards.retain(|c| c.stage != *id);
            map.drop_dangling_links();
        }
        Command::MoveStage { id, to } => {
            let from = map.stage_index(*id).ok_or_else(|| missing("stage", id))?;
            let stage = map.stages.remove(from);
            map.stages.insert((*to).min(map.stages.len()), stage);
        }
        Command::AddLane { index, lane } => {
            let mut lane = lane.clone();
            lane.id = LaneId(fresh_id(map)?);
            created.push(lane.id.0);
            map.lanes.insert((*index).min(map.lanes.len()), lane);
        }
        Command::UpdateLane(lane) => {
            let slot = map
                .lanes
                .iter_mut()
                .find(|l| l.id == lane.id)
                .ok_or_else(|| missing("lane", lane.id))?;
            *slot = lane.clone();
        }
        Command::EditLane { id, field } => {
            let slot = map
                .lanes
                .iter_mut()
                .find(|l| l.id == *id)
                .ok_or_else(|| missing("lane", id))?;
            set_lane_field(slot, field);
        }
        Command::DeleteLane(id) => {
            let index = map.lane_index(*id).ok_or_else(|| missing("lane", id))?;
            map.lanes.remove(index);
            map.cards.retain(|c| c.lane != *id);
            map.drop_dangling_links();
        }
        Command::MoveLane { id, to } => {
            let from = map.lane_index(*id).ok_or_else(|| missing("lane", id))?;
            let lane = map.lanes.remove(from);
            map.lanes.insert((*to).min(map.lanes.len()), lane);
        }
        Command::AddPersona(persona) => {
            let mut persona = persona.clone();
            persona.id = crate::model::PersonaId(fresh_id(map)?);
            created.push(persona.id.0);
            map.personas.push(persona);
        }
        Command::UpdatePersona(persona) => {
            let slot = map
                .personas
                .iter_mut()
                .find(|p| p.id == persona.id)
                .ok_or_else(|| missing("persona", persona.id))?;
            *slot = persona.clone();
        }
        Command::DeletePersona(id) => {
            let index = map
                .personas
                .iter()
                .position(|p| p.id == *id)
                .ok_or_else(|| missing("persona", id))?;
            map.personas.remove(index);
            for card in &mut map.cards {
                if card.personas.contains(id) {
                    Arc::make_mut(card).personas.retain(|p| p != id);
                }
            }
        }
        Command::AddCard { card, position } => {
            check_cell(map, card.stage, card.lane)?;
            let mut card = card.clone();
            card.id = crate::model::CardId(fresh_id(map)?);
            created.push(card.id.0);
            let at = insertion_index(map, card.stage, card.lane, *position);
            map.cards.insert(at, Arc::new(card));
        }
        Command::UpdateCard(card) => {
            check_cell(map, card.stage, card.lane)?;
            let slot = map
                .cards
                .iter_mut()
                .find(|c| c.id == card.id)
                .ok_or_else(|| missing("card", card.id))?;
            *slot = Arc::new(card.clone());
        }
        Command::EditCard { id, field } => set_card_field(card_mut(map, *id)?, field),
        Command::DeleteCards(ids) => {
            for id in ids {
                map.card_index(*id).ok_or_else(|| missing("card", id))?;
            }
            let ids: crate::model::IdSet<_> = ids.iter().copied().collect();
            map.cards.retain(|c| !ids.contains(&c.id));
            // A card's arrows go with it; undo brings both back.
            map.drop_dangling_links();
        }
        Command::MoveCards {
            ids,
            stage,
            lane,
            position,
        } => {
            check_cell(map, *stage, *lane)?;
            for id in ids {
                map.card_index(*id).ok_or_else(|| missing("card", id))?;
            }
            let (mut moving, rest): (Vec<_>, Vec<_>) =
                map.cards.drain(..).partition(|c| ids.contains(&c.id));
            map.cards = rest;
            let at = insertion_index(map, *stage, *lane, *position);
            for card in &mut moving {
                let card = Arc::make_mut(card);
                card.stage = *stage;
                card.lane = *lane;
            }
            map.cards.splice(at..at, moving);
        }
        Command::SetEmotion { ids, emotion } => {
            for id in ids {
                card_mut(map, *id)?.emotion = emotion.clone();
            }
        }
        Command::SetScore { ids, score } => {
            for id in ids {
                let card = card_mut(map, *id)?;
                card.emotion = score.map(|score| Emotion {
                    score,
                    word: card
                        .emotion
                        .as_ref()
                        .map(|e| e.word.clone())
                        .unwrap_or_default(),
                });
            }
        }
        Command::Dismiss(dismissal) => {
            map.dismissals
                .retain(|d| !(d.rule == dismissal.rule && d.place == dismissal.place));
            map.dismissals.push(dismissal.clone());
        }
        Command::Undismiss { rule, place } => {
            map.dismissals
                .retain(|d| !(d.rule == *rule && d.place == *place));
        }
        Command::PasteCards {
            cards,
            cell,
            stage,
            lane,
        } => {
            let into = super::paste::PasteInto {
                cell: *cell,
                stage: *stage,
                lane: *lane,
            };
            let had = map.stages.len();
            super::paste::paste(map, cards, into, created)?;
            // Stages the paste made get colours of their own, as added ones do.
            for index in had..map.stages.len() {
                let mut stage = map.stages.remove(index);
                map.freeze_stage_colors();
                stage.color = Some(map.color_for_new_stage(index));
                map.stages.insert(index, stage);
            }
        }
        Command::DuplicateCards(ids) => super::paste::duplicate(map, ids, created)?,
        Command::ResolveConflict { conflict, choice } => {
            crate::compare::resolve(map, conflict, *choice).map_err(EditError)?;
        }
        Command::AddLink(link) => {
            for end in [link.from, link.to] {
                map.card_index(end).ok_or_else(|| missing("card", end))?;
            }
            if link.from == link.to {
                return Err(EditError("a card cannot link to itself".to_owned()));
            }
            if map.links.contains(link) {
                return Err(EditError("these cards are linked already".to_owned()));
            }
            map.links.push(*link);
        }
        Command::DeleteLink(link) => {
            let at = (map.links.iter().position(|l| l == link))
                .ok_or_else(|| EditError("that link is not on the map".to_owned()))?;
            map.links.remove(at);
        }
        Command::SetVolumes(volumes) => {
            let index: crate::model::IdMap<StageId, usize> = (map.stages.iter().enumerate())
                .map(|(i, s)| (s.id, i))
                .collect();
            for v in volumes {
                let &i = index
                    .get(&v.stage)
                    .ok_or_else(|| missing("stage", v.stage))?;
                let stage = &mut map.stages[i];
                stage.volume = Some(v.volume);
                if let Some(period) = &v.period {
                    stage.period = period.clone();
                }
            }
        }
        Command::AddVote(id) => {
            let card = card_mut(map, *id)?;
            card.votes = card.votes.saturating_add(1);
        }
        Command::RemoveVote(id) => {
            let card = map.card(*id).ok_or_else(|| missing("card", id))?;
            // A card without dots stays shared: no change, no undo step.
            if card.votes > 0 {
                let card = card_mut(map, *id)?;
                card.votes -= 1;
            }
        }
        Command::ClearVotes => {
            for card in map.cards.iter_mut().filter(|c| c.votes > 0) {
                Arc::make_mut(card).votes = 0;
            }
        }
        Command::Batch(commands) => {
            for command in commands {
                apply_one(command, map, created)?;
            }
        }
    }
    Ok(())
}
/// Where in `map.cards` a card lands to stand at `position` in its cell.
fn insertion_index(map: &Map, stage: StageId, lane: LaneId, position: Option<usize>) -> usize {
    let mut in_cell = map
        .cards
        .iter()
        .enumerate()
        .filter(|(_, c)| c.stage == stage && c.lane == lane)
        .map(|(i, _)| i);
    match position {
        Some(p) => match in_cell.nth(p) {
            Some(i) => i,
            None => last_cell_index(map, stage, lane),
        },
        None => last_cell_index(map, stage, lane),
    }
}

/// Just after the cell's last card; for an empty cell, after the cards of
/// the cells before it, so the file stays grouped by stage and lane.
fn last_cell_index(map: &Map, stage: StageId, lane: LaneId) -> usize {
    if let Some(i) = map
        .cards
        .iter()
        .rposition(|c| c.stage == stage && c.lane == lane)
    {
        return i + 1;
    }
    let stage_rank = map.stage_index(stage).unwrap_or(usize::MAX);
    let lane_rank = map.lane_index(lane).unwrap_or(usize::MAX);
    let key = |c: &Card| {
        (
            map.stage_index(c.stage).unwrap_or(usize::MAX),
            map.lane_index(c.lane).unwrap_or(usize::MAX),
        )
    };
    map.cards
        .iter()
        .rposition(|c| key(c) < (stage_rank, lane_rank))
        .map_or(0, |i| i + 1)
}
