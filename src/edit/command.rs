//! Commands: the only way a [`Map`](crate::model::Map) changes.
//!
//! The UI never edits the map while it draws; it emits commands, and the
//! app applies them after the frame through [`crate::edit::Document`],
//! where undo, the dirty mark and autosave hook in.
//!
//! Commands that add something hand out its id when they are applied (the
//! id inside the value passed in is ignored) and report it, so the UI never
//! predicts an id. Commands that edit one field name that field alone, so
//! two edits of one card in one frame both land.

use crate::compare::Choice;
use crate::interchange::clipboard::ClipCard;
use crate::model::{
    Card, CardId, Channel, Conflict, Dismissal, Emotion, Evidence, Lane, LaneId, LaneKind, Link,
    Medium, Persona, PersonaId, Score, Stage, StageId, StageRole,
};

/// One field of a card, with its new value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CardField {
    /// The title.
    Title(String),
    /// The notes.
    Notes(String),
    /// The channel.
    Channel(Channel),
    /// Digital or physical.
    Medium(Medium),
    /// The owner.
    Owner(String),
    /// The metric.
    Metric(String),
    /// The emotion, or none.
    Emotion(Option<Emotion>),
    /// The personas it applies to.
    Personas(Vec<PersonaId>),
    /// How the team knows it: observed, measured or assumed.
    Evidence(Evidence),
    /// Where the evidence comes from.
    Source(String),
    /// Whether the card is a service blueprint's fail point.
    FailPoint(bool),
}

/// One field of a stage, with its new value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StageField {
    /// The name.
    Name(String),
    /// The customer's goal in the stage.
    Goal(String),
    /// The team's focus in the stage.
    Focus(String),
    /// The stage's own emotion, or none (then it comes from its cards).
    Emotion(Option<Emotion>),
    /// The stage's role in the funnel, or none (then it is guessed).
    Role(Option<StageRole>),
    /// How many customers reached the stage, or unknown.
    Volume(Option<u64>),
    /// The period the volume counts.
    Period(String),
}

/// A stage's count from the team's analytics, as an import sets it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StageVolume {
    /// The stage.
    pub stage: StageId,
    /// How many customers reached it.
    pub volume: u64,
    /// The period counted; `None` keeps the stage's own.
    pub period: Option<String>,
}

/// One field of a lane, with its new value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LaneField {
    /// The name. A custom lane's kind takes the name too.
    Name(String),
    /// What the lane holds.
    Kind(LaneKind),
}

/// One change to a map.
#[derive(Clone, Debug, PartialEq)]
pub enum Command {
    /// Renames the map.
    SetTitle(String),
    /// Changes the map's description.
    SetDescription(String),
    /// Inserts a stage at a position (clamped to the end); it gets a fresh id.
    AddStage {
        /// Where, left to right.
        index: usize,
        /// The new stage; its id is replaced by a fresh one.
        stage: Stage,
    },
    /// Replaces a stage's fields (name, goal, focus, emotion, role).
    UpdateStage(Stage),
    /// Changes one field of a stage.
    EditStage {
        /// The stage.
        id: StageId,
        /// The field and its new value.
        field: StageField,
    },
    /// Deletes a stage and every card in it.
    DeleteStage(StageId),
    /// Moves a stage to a new position.
    MoveStage {
        /// The stage.
        id: StageId,
        /// Its new index.
        to: usize,
    },
    /// Inserts a lane at a position (clamped to the end); it gets a fresh id.
    AddLane {
        /// Where, top to bottom.
        index: usize,
        /// The new lane; its id is replaced by a fresh one.
        lane: Lane,
    },
    /// Replaces a lane's fields.
    UpdateLane(Lane),
    /// Changes one field of a lane.
    EditLane {
        /// The lane.
        id: LaneId,
        /// The field and its new value.
        field: LaneField,
    },
    /// Deletes a lane and every card in it.
    DeleteLane(LaneId),
    /// Moves a lane to a new position.
    MoveLane {
        /// The lane.
        id: LaneId,
        /// Its new index.
        to: usize,
    },
    /// Adds a persona; it gets a fresh id.
    AddPersona(Persona),
    /// Replaces a persona's fields.
    UpdatePersona(Persona),
    /// Deletes a persona and removes it from every card.
    DeletePersona(PersonaId),
    /// Adds a card to its cell; it gets a fresh id.
    AddCard {
        /// The card; its stage and lane must exist, its id is replaced.
        card: Card,
        /// Its position among the cell's cards; `None` puts it last.
        position: Option<usize>,
    },
    /// Replaces a card's fields, keeping its place in the cell order.
    UpdateCard(Card),
    /// Changes one field of a card.
    EditCard {
        /// The card.
        id: CardId,
        /// The field and its new value.
        field: CardField,
    },
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
    /// Sets (or clears) the score of several cards, keeping each card's word.
    SetScore {
        /// The cards.
        ids: Vec<CardId>,
        /// The score, or `None` to clear the emotion.
        score: Option<Score>,
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
    /// Pastes cards: each goes to the stage and lane it names (made if
    /// missing, as CSV import does), or to `cell` when it names no stage.
    /// Every card, and anything made for it, gets a fresh id.
    PasteCards {
        /// The cards, in order; each lands at the end of its cell.
        cards: Vec<ClipCard>,
        /// The cell for cards that name no stage.
        cell: Option<(StageId, LaneId)>,
        /// The stage every card goes to, whatever it names (the user
        /// picked a stage to paste into).
        stage: Option<StageId>,
        /// The lane every card goes to, whatever it names.
        lane: Option<LaneId>,
    },
    /// Copies cards, each put right after itself in its cell with a fresh
    /// id. Linear in the size of the map, however many are copied.
    DuplicateCards(Vec<CardId>),
    /// Settles a recorded merge conflict: keeps ours, or takes theirs.
    ResolveConflict {
        /// The conflict, as recorded in the map (boxed: it holds two whole
        /// cards, and every command would pay for its size otherwise).
        conflict: Box<Conflict>,
        /// Which side to keep.
        choice: Choice,
    },
    /// Draws an arrow from one card to another (once per pair).
    AddLink(Link),
    /// Takes an arrow away.
    DeleteLink(Link),
    /// Sets the volumes (and periods) of several stages: an import of the
    /// team's analytics, as one undo step.
    SetVolumes(Vec<StageVolume>),
    /// One more dot on a card in a dot vote.
    AddVote(CardId),
    /// One dot fewer on a card (none below zero).
    RemoveVote(CardId),
    /// Takes every dot off every card.
    ClearVotes,
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

impl Command {
    /// A short description for the Undo/Redo menu items.
    pub fn label(&self) -> String {
        match self {
            Command::SetTitle(_) => "rename map".into(),
            Command::SetDescription(_) => "edit description".into(),
            Command::AddStage { .. } => "add stage".into(),
            Command::UpdateStage(_) | Command::EditStage { .. } => "edit stage".into(),
            Command::DeleteStage(_) => "delete stage".into(),
            Command::MoveStage { .. } => "move stage".into(),
            Command::AddLane { .. } => "add lane".into(),
            Command::UpdateLane(_) | Command::EditLane { .. } => "edit lane".into(),
            Command::DeleteLane(_) => "delete lane".into(),
            Command::MoveLane { .. } => "move lane".into(),
            Command::AddPersona(_) => "add persona".into(),
            Command::UpdatePersona(_) => "edit persona".into(),
            Command::DeletePersona(_) => "delete persona".into(),
            Command::AddCard { .. } => "add card".into(),
            Command::UpdateCard(_) | Command::EditCard { .. } => "edit card".into(),
            Command::DeleteCards(ids) if ids.len() == 1 => "delete card".into(),
            Command::DeleteCards(_) => "delete cards".into(),
            Command::MoveCards { ids, .. } if ids.len() == 1 => "move card".into(),
            Command::MoveCards { .. } => "move cards".into(),
            Command::SetEmotion { .. } | Command::SetScore { .. } => "set emotion".into(),
            Command::Dismiss(_) => "dismiss finding".into(),
            Command::Undismiss { .. } => "restore finding".into(),
            Command::PasteCards { cards, .. } if cards.len() == 1 => "paste card".into(),
            Command::PasteCards { .. } => "paste cards".into(),
            Command::DuplicateCards(ids) if ids.len() == 1 => "duplicate card".into(),
            Command::DuplicateCards(_) => "duplicate cards".into(),
            Command::ResolveConflict {
                choice: Choice::Ours,
                ..
            } => "keep ours".into(),
            Command::ResolveConflict {
                choice: Choice::Theirs,
                ..
            } => "take theirs".into(),
            Command::AddLink(_) => "link cards".into(),
            Command::DeleteLink(_) => "delete link".into(),
            Command::SetVolumes(_) => "import stage volumes".into(),
            Command::AddVote(_) => "add a dot".into(),
            Command::RemoveVote(_) => "take back a dot".into(),
            Command::ClearVotes => "clear votes".into(),
            Command::Batch(cmds) => cmds.first().map(Command::label).unwrap_or_default(),
        }
    }
}
