//! Whether a map holds together: unique ids, and references that point
//! at something. Problems name their place so a loader can give the
//! line:column.

use std::collections::HashSet;

use super::Map;

/// Where a problem is, by list index in the map.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ProblemPlace {
    /// The id of `stages[i]`.
    Stage(usize),
    /// The id of `lanes[i]`.
    Lane(usize),
    /// The id of `personas[i]`.
    Persona(usize),
    /// The id of `cards[i]`.
    Card(usize),
    /// The stage of `cards[i]`.
    CardStage(usize),
    /// The lane of `cards[i]`.
    CardLane(usize),
    /// `cards[i].personas[j]`.
    CardPersona(usize, usize),
    /// The card `links[i]` starts at.
    LinkFrom(usize),
    /// The card `links[i]` points to.
    LinkTo(usize),
    /// The map as a whole.
    Map,
}

/// A map that contradicts itself: what and where.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// In plain words.
    pub message: String,
    /// Where.
    pub place: ProblemPlace,
}

impl Map {
    /// Checks that ids are unique and that every card points at an
    /// existing stage, lane and persona. Returns the first problem found.
    pub fn check(&self) -> Result<(), Problem> {
        let problem = |message: String, place| Err(Problem { message, place });
        let mut seen = HashSet::new();
        let ids = (self.stages.iter().enumerate())
            .map(|(i, s)| ("stage", s.id.0, ProblemPlace::Stage(i)))
            .chain(
                (self.lanes.iter().enumerate())
                    .map(|(i, l)| ("lane", l.id.0, ProblemPlace::Lane(i))),
            )
            .chain(
                (self.cards.iter().enumerate())
                    .map(|(i, c)| ("card", c.id.0, ProblemPlace::Card(i))),
            )
            .chain(
                (self.personas.iter().enumerate())
                    .map(|(i, p)| ("persona", p.id.0, ProblemPlace::Persona(i))),
            );
        for (what, id, place) in ids {
            if !seen.insert(id) {
                return problem(
                    format!("the id {id} is used twice (again by a {what})"),
                    place,
                );
            }
        }
        let stages: HashSet<_> = self.stages.iter().map(|s| s.id).collect();
        let lanes: HashSet<_> = self.lanes.iter().map(|l| l.id).collect();
        let personas: HashSet<_> = self.personas.iter().map(|p| p.id).collect();
        for (i, card) in self.cards.iter().enumerate() {
            if !stages.contains(&card.stage) {
                return problem(
                    format!(
                        "card {} \"{}\" is in stage {}, which does not exist",
                        card.id, card.title, card.stage
                    ),
                    ProblemPlace::CardStage(i),
                );
            }
            if !lanes.contains(&card.lane) {
                return problem(
                    format!(
                        "card {} \"{}\" is in lane {}, which does not exist",
                        card.id, card.title, card.lane
                    ),
                    ProblemPlace::CardLane(i),
                );
            }
            if let Some((j, p)) =
                (card.personas.iter().enumerate()).find(|(_, p)| !personas.contains(p))
            {
                return problem(
                    format!(
                        "card {} \"{}\" names persona {}, which does not exist",
                        card.id, card.title, p
                    ),
                    ProblemPlace::CardPersona(i, j),
                );
            }
        }
        if !self.links.is_empty() {
            let cards: HashSet<_> = self.cards.iter().map(|c| c.id).collect();
            let mut pairs = HashSet::new();
            for (i, link) in self.links.iter().enumerate() {
                for (end, id, place) in [
                    ("starts at", link.from, ProblemPlace::LinkFrom(i)),
                    ("points to", link.to, ProblemPlace::LinkTo(i)),
                ] {
                    if !cards.contains(&id) {
                        return problem(
                            format!("link {} {end} card {id}, which does not exist", i + 1),
                            place,
                        );
                    }
                }
                if link.from == link.to {
                    return problem(
                        format!("link {} points from card {} to itself", i + 1, link.from),
                        ProblemPlace::LinkTo(i),
                    );
                }
                if !pairs.insert(*link) {
                    return problem(
                        format!(
                            "link {} from card {} to card {} is there twice",
                            i + 1,
                            link.from,
                            link.to
                        ),
                        ProblemPlace::LinkFrom(i),
                    );
                }
            }
        }
        Ok(())
    }
}
