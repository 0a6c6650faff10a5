//! Edit builders: the commands the canvas, the inspector and the app build
//! from a user's gesture, in one place so none of them depends on another.

use crate::edit::{CardField, Command, LaneField, StageField};
use crate::model::{Card, CardId, Channel, LaneId, LaneKind, Map, StageId};

use super::view::EditTarget;

/// The default title of a card made by double-clicking or pressing N.
pub const NEW_CARD_TITLE: &str = "New touchpoint";

/// A new card at the end of a cell. Cards outside the touchpoints lane
/// (thoughts, pain points) get no channel of their own.
pub fn new_card(map: &Map, stage: StageId, lane: LaneId) -> Command {
    let mut card = Card::new(CardId(0), stage, lane, NEW_CARD_TITLE);
    if map
        .lane(lane)
        .is_some_and(|l| l.kind != LaneKind::Touchpoints)
    {
        card.channel = Channel::default();
    }
    Command::AddCard {
        card,
        position: None,
    }
}

/// The command that renames what an in-place edit targets, if the text
/// is new and not empty.
pub fn rename(map: &Map, target: EditTarget, text: &str) -> Option<Command> {
    let text = text.trim();
    if text.is_empty() {
        return None;
    }
    let text = text.to_owned();
    match target {
        EditTarget::Card(id) => {
            map.card(id)
                .filter(|c| c.title != text)
                .map(|_| Command::EditCard {
                    id,
                    field: CardField::Title(text),
                })
        }
        EditTarget::Stage(id) => {
            map.stage(id)
                .filter(|s| s.name != text)
                .map(|_| Command::EditStage {
                    id,
                    field: StageField::Name(text),
                })
        }
        EditTarget::Lane(id) => {
            map.lane(id)
                .filter(|l| l.name != text)
                .map(|_| Command::EditLane {
                    id,
                    field: LaneField::Name(text),
                })
        }
    }
}
