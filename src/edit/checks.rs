//! Checks shared by applying and pasting: a leaf, so `apply` and `paste`
//! both use it and neither uses the other for it.

use crate::model::{LaneId, Map, StageId};

use super::command::EditError;

/// The error for an id the map does not hold.
pub(super) fn missing(what: &str, id: impl std::fmt::Display) -> EditError {
    EditError(format!("there is no {what} with id {id}"))
}

/// The stage and the lane of a cell both exist.
pub(super) fn check_cell(map: &Map, stage: StageId, lane: LaneId) -> Result<(), EditError> {
    map.stage(stage).ok_or_else(|| missing("stage", stage))?;
    map.lane(lane).ok_or_else(|| missing("lane", lane))?;
    Ok(())
}
