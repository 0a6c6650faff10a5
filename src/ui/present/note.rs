//! The quick note: a line typed in the room, saved as an ordinary card on
//! the current stage, in its Opportunities lane or (Tab) its Thoughts.
//! It is a dialog on the app's modal stack, so it owns the keyboard.

use egui::{Key, Modifiers, Ui};

use crate::model::{LaneKind, StageId};

/// Which lane a note goes to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NoteLane {
    /// An idea for the journey.
    Opportunities,
    /// What someone in the room thinks the customer thinks.
    Thoughts,
}

impl NoteLane {
    /// The lane kind it goes to.
    pub fn kind(self) -> LaneKind {
        match self {
            NoteLane::Opportunities => LaneKind::Opportunities,
            NoteLane::Thoughts => LaneKind::Thoughts,
        }
    }

    /// The other one (Tab).
    pub fn toggled(self) -> Self {
        match self {
            NoteLane::Opportunities => NoteLane::Thoughts,
            NoteLane::Thoughts => NoteLane::Opportunities,
        }
    }
}

/// A note being typed.
#[derive(Clone, Debug, PartialEq)]
pub struct NoteDraft {
    /// The stage it is about.
    pub stage: StageId,
    /// The stage's name, for the dialog's heading.
    pub stage_name: String,
    /// The text so far.
    pub text: String,
    /// Where it goes.
    pub lane: NoteLane,
}

impl NoteDraft {
    /// An empty note on a stage, for its Opportunities lane.
    pub fn new(stage: StageId, stage_name: &str) -> Self {
        Self {
            stage,
            stage_name: stage_name.to_owned(),
            text: String::new(),
            lane: NoteLane::Opportunities,
        }
    }
}

/// What the user did with the note dialog's buttons.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NoteChoice {
    /// Add the card.
    Add,
    /// Forget the note.
    Cancel,
}

/// The note dialog's content. Tab switches the lane; Enter and Esc are
/// the modal stack's (add and cancel).
pub fn note_ui(ui: &mut Ui, draft: &mut NoteDraft, fresh: bool) -> Option<NoteChoice> {
    if ui.input_mut(|i| i.consume_key(Modifiers::NONE, Key::Tab)) {
        draft.lane = draft.lane.toggled();
    }
    // The room reads the note as it is typed: text the size of the map's.
    let body = (ui.ctx().content_rect().height() / 40.0).clamp(16.0, 48.0);
    for (style, size) in [
        (egui::TextStyle::Body, body),
        (egui::TextStyle::Button, body * 0.85),
        (egui::TextStyle::Small, body * 0.7),
        (egui::TextStyle::Heading, body * 1.3),
    ] {
        ui.style_mut()
            .text_styles
            .insert(style, egui::FontId::proportional(size));
    }
    ui.set_width(body * 26.0);
    ui.heading(format!("Note on “{}”", draft.stage_name));
    let label = ui.label("Note");
    let field = egui::TextEdit::singleline(&mut draft.text)
        .desired_width(f32::INFINITY)
        .hint_text("What did the room say?")
        // Tab switches the lane rather than moving the focus.
        .lock_focus(true)
        .show(ui)
        .response
        .response
        .labelled_by(label.id);
    if fresh {
        field.request_focus();
    }
    ui.horizontal(|ui| {
        ui.label("Goes to:");
        for lane in [NoteLane::Opportunities, NoteLane::Thoughts] {
            let kind = lane.kind();
            if ui
                .selectable_label(draft.lane == lane, kind.label())
                .clicked()
            {
                draft.lane = lane;
            }
        }
        ui.weak("(Tab switches)");
    });
    ui.add_space(6.0);
    let mut choice = None;
    ui.horizontal(|ui| {
        if ui.button("Add Note").clicked() {
            choice = Some(NoteChoice::Add);
        }
        if ui.button("Cancel").clicked() {
            choice = Some(NoteChoice::Cancel);
        }
    });
    choice
}
