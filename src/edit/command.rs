//! Commands: the only way a [`Map`] changes.
//!
//! The UI never edits the map while it draws; it emits commands, and the
//! app applies them after the frame through [`crate::edit::Document`],
//! where undo, the dirty mark and (later) autosave hook in.

use std::sync::Arc;

use crate::compare::{self, Choice};
use crate::model::{
    Card, CardId, Conflict, Dismissal, Emotion, Lane, LaneId, Map, Persona, PersonaId, Stage,
    StageId,
};

/// One change to a map.
#[derive(Clone, Debug, PartialEq)]
pub enum Command {
    /// Renames the map.
    SetTitle(String),
    /// Changes the map's description.
    SetDescription(String),
    /// Inserts a stage at a position (clamped to the end).
    AddStage {
        /// Where, left to right.
        index: usize,
        /// The new stage; its id must be fresh.
        stage: Stage,
    },
    /// Replaces a stage's fields (name, goal, focus, emotion, role).
    UpdateStage(Stage),
    /// Deletes a stage and every card in it.
    DeleteStage(StageId),
    /// Moves a stage to a new position.
    MoveStage {
        /// The stage.
        id: StageId,
        /// Its new index.
        to: usize,
    },
    /// Inserts a lane at a position (clamped to the end).
    AddLane {
        /// Where, top to bottom.
        index: usize,
        /// The new lane; its id must be fresh.
        lane: Lane,
    },
    /// Replaces a lane's fields.
    UpdateLane(Lane),
    /// Deletes a lane and every card in it.
    DeleteLane(LaneId),
    /// Moves a lane to a new position.
    MoveLane {
        /// The lane.
        id: LaneId,
        /// Its new index.
        to: usize,
    },
    /// Adds a persona.
    AddPersona(Persona),
    /// Replaces a persona's fields.
    UpdatePersona(Persona),
    /// Deletes a persona and removes it from every card.
    DeletePersona(PersonaId),
    /// Adds a card to its cell.
    AddCard {
        /// The card; its id must be fresh and its stage and lane must exist.
        card: Card,
        /// Its position among the cell's cards; `None` puts it last.
        position: Option<usize>,
    },
    /// Replaces a card's fields, keeping its place in the cell order.
    UpdateCard(Card),
    /// Deletes cards.
    DeleteCards(Vec<CardId>),
    /// Moves cards, in their current order, into a cell at a position.
    MoveCards {
        /// The cards to move.
        ids: Vec<CardId>,
        /// The target stage.
        stage: StageId,
        /// The target lane.
        lane: LaneId,
        /// Position among the target cell's other cards; `None` puts them last.
        position: Option<usize>,
    },
    /// Sets (or clears) the emotion of several cards at once.
    SetEmotion {
        /// The cards.
        ids: Vec<CardId>,
        /// The emotion, or `None` to clear it.
        emotion: Option<Emotion>,
    },
    /// Dismisses an analysis finding.
    Dismiss(Dismissal),
    /// Brings a dismissed finding back.
    Undismiss {
        /// The rule id.
        rule: String,
        /// The place key.
        place: String,
    },
    /// Settles a recorded merge conflict: keeps ours, or takes theirs.
    ResolveConflict {
        /// The conflict, as recorded in the map.
        conflict: Conflict,
        /// Which side to keep.
        choice: Choice,
    },
    /// Several commands as one undo step, applied in order.
    Batch(Vec<Command>),
}

/// Why a command could not be applied. The map is left unchanged.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EditError(pub String);

impl std::fmt::Display for EditError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for EditError {}

fn missing(what: &str, id: impl std::fmt::Display) -> EditError {
    EditError(format!("there is no {what} with id {id}"))
}

impl Command {
    /// A short description for the Undo/Redo menu items.
    pub fn label(&self) -> String {
        match self {
            Command::SetTitle(_) => "rename map".into(),
            Command::SetDescription(_) => "edit description".into(),
            Command::AddStage { .. } => "add stage".into(),
            Command::UpdateStage(_) => "edit stage".into(),
            Command::DeleteStage(_) => "delete stage".into(),
            Command::MoveStage { .. } => "move stage".into(),
            Command::AddLane { .. } => "add lane".into(),
            Command::UpdateLane(_) => "edit lane".into(),
            Command::DeleteLane(_) => "delete lane".into(),
            Command::MoveLane { .. } => "move lane".into(),
            Command::AddPersona(_) => "add persona".into(),
            Command::UpdatePersona(_) => "edit persona".into(),
            Command::DeletePersona(_) => "delete persona".into(),
            Command::AddCard { .. } => "add card".into(),
            Command::UpdateCard(_) => "edit card".into(),
            Command::DeleteCards(ids) if ids.len() == 1 => "delete card".into(),
            Command::DeleteCards(_) => "delete cards".into(),
            Command::MoveCards { ids, .. } if ids.len() == 1 => "move card".into(),
            Command::MoveCards { .. } => "move cards".into(),
            Command::SetEmotion { .. } => "set emotion".into(),
            Command::Dismiss(_) => "dismiss finding".into(),
            Command::Undismiss { .. } => "restore finding".into(),
            Command::ResolveConflict {
                choice: Choice::Ours,
                ..
            } => "keep ours".into(),
            Command::ResolveConflict {
                choice: Choice::Theirs,
                ..
            } => "take theirs".into(),
            Command::Batch(cmds) => cmds.first().map(Command::label).unwrap_or_default(),
        }
    }

    /// Applies the command. On error the map is unchanged.
    pub fn apply(&self, map: &mut Map) -> Result<(), EditError> {
        if let Command::Batch(cmds) = self {
            // All or nothing: try on a copy (cheap, cards are shared).
            let mut copy = map.clone();
            for cmd in cmds {
                cmd.apply(&mut copy)?;
            }
            *map = copy;
            return Ok(());
        }
        self.apply_one(map)
    }

    fn apply_one(&self, map: &mut Map) -> Result<(), EditError> {
        match self {
            Command::SetTitle(title) => map.title = title.clone(),
            Command::SetDescription(text) => map.description = text.clone(),
            Command::AddStage { index, stage } => {
                ensure_fresh(map, stage.id.0)?;
                map.stages
                    .insert((*index).min(map.stages.len()), stage.clone());
                map.next_id = map.next_id.max(stage.id.0 + 1);
            }
            Command::UpdateStage(stage) => {
                let slot = map
                    .stages
                    .iter_mut()
                    .find(|s| s.id == stage.id)
                    .ok_or_else(|| missing("stage", stage.id))?;
                *slot = stage.clone();
            }
            Command::DeleteStage(id) => {
                let index = map.stage_index(*id).ok_or_else(|| missing("stage", id))?;
                map.stages.remove(index);
                map.cards.retain(|c| c.stage != *id);
            }
            Command::MoveStage { id, to } => {
                let from = map.stage_index(*id).ok_or_else(|| missing("stage", id))?;
                let stage = map.stages.remove(from);
                map.stages.insert((*to).min(map.stages.len()), stage);
            }
            Command::AddLane { index, lane } => {
                ensure_fresh(map, lane.id.0)?;
                map.lanes
                    .insert((*index).min(map.lanes.len()), lane.clone());
                map.next_id = map.next_id.max(lane.id.0 + 1);
            }
            Command::UpdateLane(lane) => {
                let slot = map
                    .lanes
                    .iter_mut()
                    .find(|l| l.id == lane.id)
                    .ok_or_else(|| missing("lane", lane.id))?;
                *slot = lane.clone();
            }
            Command::DeleteLane(id) => {
                let index = map.lane_index(*id).ok_or_else(|| missing("lane", id))?;
                map.lanes.remove(index);
                map.cards.retain(|c| c.lane != *id);
            }
            Command::MoveLane { id, to } => {
                let from = map.lane_index(*id).ok_or_else(|| missing("lane", id))?;
                let lane = map.lanes.remove(from);
                map.lanes.insert((*to).min(map.lanes.len()), lane);
            }
            Command::AddPersona(persona) => {
                ensure_fresh(map, persona.id.0)?;
                map.personas.push(persona.clone());
                map.next_id = map.next_id.max(persona.id.0 + 1);
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
                ensure_fresh(map, card.id.0)?;
                check_cell(map, card.stage, card.lane)?;
                let at = insertion_index(map, card.stage, card.lane, *position);
                map.cards.insert(at, Arc::new(card.clone()));
                map.next_id = map.next_id.max(card.id.0 + 1);
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
            Command::DeleteCards(ids) => {
                for id in ids {
                    map.card_index(*id).ok_or_else(|| missing("card", id))?;
                }
                map.cards.retain(|c| !ids.contains(&c.id));
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
                    map.card_index(*id).ok_or_else(|| missing("card", id))?;
                }
                for card in &mut map.cards {
                    if ids.contains(&card.id) {
                        Arc::make_mut(card).emotion = emotion.clone();
                    }
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
            Command::ResolveConflict { conflict, choice } => {
                compare::resolve(map, conflict, *choice).map_err(EditError)?;
            }
            Command::Batch(_) => return self.apply(map),
        }
        Ok(())
    }
}

fn ensure_fresh(map: &Map, id: u64) -> Result<(), EditError> {
    let used = map.stages.iter().any(|s| s.id.0 == id)
        || map.lanes.iter().any(|l| l.id.0 == id)
        || map.personas.iter().any(|p| p.id.0 == id)
        || map.cards.iter().any(|c| c.id.0 == id);
    if used {
        Err(EditError(format!("the id {id} is already in use")))
    } else {
        Ok(())
    }
}

fn check_cell(map: &Map, stage: StageId, lane: LaneId) -> Result<(), EditError> {
    map.stage(stage).ok_or_else(|| missing("stage", stage))?;
    map.lane(lane).ok_or_else(|| missing("lane", lane))?;
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
