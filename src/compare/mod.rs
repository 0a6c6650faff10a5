//! Comparing and merging maps: the core behind `waymark diff`,
//! `waymark merge` and the editor's comparison. Pure: no egui, no files.
//!
//! Maps are compared **by ids**: stages, lanes, personas and cards keep
//! their ids through every edit, so "the card 27 moved from Decision to
//! Purchase" is a fact, not a guess. A card's place is its (stage, lane,
//! position in the cell). Files that carry no shared ids (Mermaid, CSV, or
//! a map rebuilt by hand) are first [aligned by names](align_by_names).
//!
//! - [`diff`] lists the changes from one map to another as typed
//!   [`Change`]s; [`text`] and serde (JSON) are two views of that list, and
//!   [`apply`] replays it, so a diff is also a patch.
//! - [`merge()`] joins two maps that came from one base, field by field, and
//!   records what overlaps as [`crate::model::Conflict`]s in the map.
//! - [`resolve`] settles one recorded conflict, for an undoable command.
//! - [`Comparison`] prepares a diff for the canvas (marks, ghosts of removed
//!   cards, a list whose entries lead to places); [`future_path`] and
//!   [`future_copy`] serve "Save as future state".

mod apply;
mod change;
mod describe;
mod diff;
mod items;
pub mod merge;
mod names;
mod order;
mod renumber;
mod resolve;
mod state;
pub mod text;
mod values;
mod view;

pub use apply::apply;
pub use change::{CardPlace, Change, Diff, ItemRef, Kind};
pub use describe::{Names, describe, describe_with};
pub use diff::diff;
pub use merge::{Merged, merge};
pub use names::align_by_names;
pub use resolve::{Choice, resolve};
pub use state::{current_path, future_copy, future_path};
pub use values::show_value;
pub use view::{CardMark, Comparison, Entry, Ghost, Target};
