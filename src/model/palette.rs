//! Which colour of the stage palette each stage wears.
//!
//! A stage keeps its colour for life. Files from before colours were
//! stored carry none, and their stages take the rank of their id among the
//! stages' ids (ids never change, so moving a stage keeps its colour). The
//! first command that could shift those ranks, adding or deleting a stage,
//! stores every stage's colour first, so no later stage is recoloured.

use super::Map;

/// How many colours the stage palette has; themes provide this many.
pub const STAGE_PALETTE: usize = 6;

impl Map {
    /// Each stage's palette slot, in stage order: its stored colour, or the
    /// rank of its id for stages that store none.
    pub fn stage_palette(&self) -> Vec<usize> {
        let mut by_id: Vec<(u64, usize)> = self
            .stages
            .iter()
            .enumerate()
            .map(|(i, st)| (st.id.0, i))
            .collect();
        by_id.sort_unstable();
        let mut palette = vec![0; self.stages.len()];
        for (rank, (_, index)) in by_id.into_iter().enumerate() {
            palette[index] = rank % STAGE_PALETTE;
        }
        for (slot, stage) in palette.iter_mut().zip(&self.stages) {
            if let Some(color) = stage.color {
                *slot = usize::from(color) % STAGE_PALETTE;
            }
        }
        palette
    }

    /// Stores the colour every stage wears now, so that adding or removing
    /// a stage cannot recolour the others.
    pub fn freeze_stage_colors(&mut self) {
        if self.stages.iter().all(|s| s.color.is_some()) {
            return;
        }
        let palette = self.stage_palette();
        for (stage, slot) in self.stages.iter_mut().zip(palette) {
            stage.color.get_or_insert(slot as u8);
        }
    }

    /// The colour for a stage about to be inserted at `index`: one its
    /// neighbours do not wear, and of those the one fewest stages wear.
    pub fn color_for_new_stage(&self, index: usize) -> u8 {
        let palette = self.stage_palette();
        let mut uses = [0usize; STAGE_PALETTE];
        for slot in &palette {
            uses[*slot] += 1;
        }
        let left = index.checked_sub(1).and_then(|i| palette.get(i));
        let right = palette.get(index);
        (0..STAGE_PALETTE)
            .min_by_key(|slot| {
                let next_to = Some(slot) == left || Some(slot) == right;
                (next_to, uses[*slot], *slot)
            })
            .unwrap_or(0) as u8
    }
}

#[cfg(test)]
mod tests {
    use crate::model::{Map, Stage, StageId};

    fn map(ids: &[u64]) -> Map {
        let mut map = Map::default();
        map.stages = ids.iter().map(|id| Stage::new(StageId(*id), "S")).collect();
        map
    }

    #[test]
    fn stages_without_a_stored_colour_take_the_rank_of_their_id() {
        assert_eq!(map(&[8, 15, 23]).stage_palette(), vec![0, 1, 2]);
        assert_eq!(map(&[23, 8, 15]).stage_palette(), vec![2, 0, 1]);
    }

    #[test]
    fn frozen_colours_survive_a_deleted_stage() {
        let mut m = map(&[8, 15, 23, 30]);
        m.freeze_stage_colors();
        m.stages.remove(1);
        assert_eq!(m.stage_palette(), vec![0, 2, 3]);
    }

    #[test]
    fn a_new_stage_differs_from_its_neighbours_and_takes_an_unused_colour() {
        let mut m = map(&[1, 2, 3]);
        m.freeze_stage_colors();
        // Between slot 0 and slot 1; 3, 4 and 5 are unused: the first.
        assert_eq!(m.color_for_new_stage(1), 3);
        let six = map(&[1, 2, 3, 4, 5, 6]);
        // Every colour used once: not 0 or 1, its neighbours.
        assert_eq!(six.color_for_new_stage(1), 2);
    }
}
