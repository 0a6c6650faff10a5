//! Orders of ids: which items kept their relative order, and the three-way
//! merge of an order.

use std::collections::{HashMap, HashSet};

/// Marks the members of one longest strictly increasing subsequence of
/// `seq`, in O(n log n).
pub(crate) fn longest_increasing(seq: &[usize]) -> Vec<bool> {
    // tails[k]: index in `seq` of the smallest tail of a run of length k+1.
    let mut tails: Vec<usize> = Vec::new();
    let mut prev: Vec<Option<usize>> = vec![None; seq.len()];
    for (i, &x) in seq.iter().enumerate() {
        let k = tails.partition_point(|&t| seq[t] < x);
        prev[i] = k.checked_sub(1).map(|k| tails[k]);
        if k == tails.len() {
            tails.push(i);
        } else {
            tails[k] = i;
        }
    }
    let mut keep = vec![false; seq.len()];
    let mut at = tails.last().copied();
    while let Some(i) = at {
        keep[i] = true;
        at = prev[i];
    }
    keep
}

/// The three-way merge of an order.
pub(crate) struct MergedOrder {
    /// The merged order of the ids in `keep`.
    pub order: Vec<u64>,
    /// Both sides reordered the items they share, differently: ours won.
    /// Holds (ours, theirs) orders of the shared items.
    pub conflict: Option<(Vec<u64>, Vec<u64>)>,
}

/// Merges the order of the ids in `keep` (the items the merged map has).
///
/// The items all three sides share decide whose order leads: the side that
/// reordered them, ours when both did the same, ours with a conflict when
/// both did differently. Items only the other side has go right after the
/// item they follow there. Linear in the lengths.
pub(crate) fn merge_order(
    base: &[u64],
    ours: &[u64],
    theirs: &[u64],
    keep: &HashSet<u64>,
) -> MergedOrder {
    let in_base: HashSet<u64> = base.iter().copied().collect();
    let in_ours: HashSet<u64> = ours.iter().copied().collect();
    let in_theirs: HashSet<u64> = theirs.iter().copied().collect();
    let shared = |id: &u64| {
        keep.contains(id) && in_base.contains(id) && in_ours.contains(id) && in_theirs.contains(id)
    };
    let b: Vec<u64> = base.iter().copied().filter(shared).collect();
    let o: Vec<u64> = ours.iter().copied().filter(shared).collect();
    let t: Vec<u64> = theirs.iter().copied().filter(shared).collect();

    let (lead, other, conflict) = if t == b || o == t {
        (ours, theirs, None)
    } else if o == b {
        (theirs, ours, None)
    } else {
        (ours, theirs, Some((o, t)))
    };

    // Items of `other` that `lead` lacks, grouped under the nearest kept
    // item before them in `other` (None: at the start).
    let in_lead: HashSet<u64> = lead
        .iter()
        .copied()
        .filter(|id| keep.contains(id))
        .collect();
    let mut after: HashMap<Option<u64>, Vec<u64>> = HashMap::new();
    let mut pred = None;
    for &id in other {
        if !keep.contains(&id) {
            continue;
        }
        if !in_lead.contains(&id) {
            after.entry(pred).or_default().push(id);
        }
        pred = Some(id);
    }

    let mut order = Vec::with_capacity(keep.len());
    let mut placed: HashSet<u64> = HashSet::with_capacity(keep.len());
    // An explicit stack, so a long chain of insertions cannot overflow.
    let mut stack: Vec<u64> = Vec::new();
    let mut emit = |start: Option<u64>, order: &mut Vec<u64>, placed: &mut HashSet<u64>| {
        if let Some(list) = after.remove(&start) {
            stack.extend(list.into_iter().rev());
        }
        while let Some(id) = stack.pop() {
            if placed.insert(id) {
                order.push(id);
                if let Some(list) = after.remove(&Some(id)) {
                    stack.extend(list.into_iter().rev());
                }
            }
        }
    };
    // Each group goes after its item and after the lead's own additions that
    // follow it, just before the next item both sides have: when both sides
    // append, ours come first.
    let in_other: HashSet<u64> = other
        .iter()
        .copied()
        .filter(|id| keep.contains(id))
        .collect();
    let mut pending: Option<Option<u64>> = Some(None);
    for &id in lead {
        if !keep.contains(&id) {
            continue;
        }
        let anchor = in_other.contains(&id);
        if anchor && let Some(start) = pending.take() {
            emit(start, &mut order, &mut placed);
        }
        if placed.insert(id) {
            order.push(id);
        }
        if anchor {
            pending = Some(Some(id));
        }
    }
    if let Some(start) = pending {
        emit(start, &mut order, &mut placed);
    }
    // Anything left (kept by neither side's order): in base order, then by id.
    if placed.len() < keep.len() {
        for &id in base {
            if keep.contains(&id) && placed.insert(id) {
                order.push(id);
            }
        }
        let mut rest: Vec<u64> = keep
            .iter()
            .copied()
            .filter(|id| !placed.contains(id))
            .collect();
        rest.sort_unstable();
        order.extend(rest);
    }
    MergedOrder { order, conflict }
}

/// Puts the ids listed in `wanted` into that order, in the slots they take
/// in `items` now; the other items keep their places. Ids not present are
/// ignored.
pub(crate) fn reorder_subset<T>(items: &mut [T], id: impl Fn(&T) -> u64, wanted: &[u64]) {
    let rank: HashMap<u64, usize> = wanted.iter().enumerate().map(|(i, &id)| (id, i)).collect();
    let slots: Vec<usize> = (0..items.len())
        .filter(|&i| rank.contains_key(&id(&items[i])))
        .collect();
    let mut ranked: Vec<(usize, usize)> =
        slots.iter().map(|&i| (rank[&id(&items[i])], i)).collect();
    ranked.sort_unstable();
    // Apply the permutation with swaps, following cycles.
    let targets: Vec<usize> = ranked.iter().map(|&(_, i)| i).collect();
    // targets[k] = current slot of the k-th wanted item; it must go to slots[k].
    let mut perm: HashMap<usize, usize> = HashMap::new(); // destination slot -> source slot
    for (k, &src) in targets.iter().enumerate() {
        perm.insert(slots[k], src);
    }
    let mut done: HashSet<usize> = HashSet::new();
    for &start in &slots {
        if done.contains(&start) {
            continue;
        }
        // Walk the cycle: slot `d` takes the item from `perm[d]`.
        let mut d = start;
        done.insert(d);
        loop {
            let s = perm[&d];
            if s == start {
                break;
            }
            items.swap(d, s);
            done.insert(s);
            d = s;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn longest_increasing_finds_one_run() {
        let keep = longest_increasing(&[0, 4, 1, 2, 3]);
        assert_eq!(keep, vec![true, false, true, true, true]);
        assert!(longest_increasing(&[]).is_empty());
    }

    #[test]
    fn reorder_subset_moves_only_listed_items() {
        let mut items = vec![1u64, 2, 3, 4, 5];
        reorder_subset(&mut items, |x| *x, &[4, 2]);
        assert_eq!(items, vec![1, 4, 3, 2, 5]);
        let mut items = vec![1u64, 2, 3, 4, 5];
        reorder_subset(&mut items, |x| *x, &[5, 3, 1]);
        assert_eq!(items, vec![5, 2, 3, 4, 1]);
        let mut items = vec![1u64, 2, 3, 4];
        reorder_subset(&mut items, |x| *x, &[4, 3, 2, 1]);
        assert_eq!(items, vec![4, 3, 2, 1]);
        let mut items = vec![1u64, 2, 3];
        reorder_subset(&mut items, |x| *x, &[2, 3, 1]);
        assert_eq!(items, vec![2, 3, 1]);
    }

    #[test]
    fn merge_order_takes_the_side_that_reordered_and_inserts_additions() {
        let keep: HashSet<u64> = [1, 2, 3, 4, 5].into();
        // Ours moved 3 to the front; theirs added 5 after 1 and 4 after 3.
        let m = merge_order(&[1, 2, 3], &[3, 1, 2], &[1, 5, 2, 3, 4], &keep);
        assert_eq!(m.order, vec![3, 4, 1, 5, 2]);
        assert!(m.conflict.is_none());
        // Both reordered differently: ours wins, with a conflict.
        let keep: HashSet<u64> = [1, 2, 3].into();
        let m = merge_order(&[1, 2, 3], &[3, 1, 2], &[2, 1, 3], &keep);
        assert_eq!(m.order, vec![3, 1, 2]);
        assert_eq!(m.conflict, Some((vec![3, 1, 2], vec![2, 1, 3])));
    }
}
