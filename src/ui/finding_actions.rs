//! What a finding in the analysis panel offers besides its message: the
//! cards or stages an aggregated finding gathers, each a link, and a merge
//! conflict's two choices. All of it comes back as a [`PanelAction`].

use egui::Ui;

use crate::analysis::{Finding, Place, Rule, count_noun};
use crate::compare::Choice;
use crate::edit::Command;
use crate::model::{Conflict, Dismissal};

use super::Action;

/// What the user asked for in the panel this frame.
#[derive(Clone, Debug, PartialEq)]
pub enum PanelAction {
    /// Select the place, scroll the canvas to it, highlight it.
    Locate(Place),
    /// Ask for a reason, then dismiss a finding.
    AskDismiss {
        /// The finding's rule.
        rule: Rule,
        /// The finding's key ([`Finding::key`]).
        key: String,
        /// The finding's message.
        message: String,
    },
    /// Dismiss a finding with a reason.
    Dismiss {
        /// The finding's rule.
        rule: Rule,
        /// The finding's key ([`Finding::key`]).
        key: String,
        /// Why, as typed; may be empty.
        reason: String,
    },
    /// Bring a dismissed finding back.
    Restore {
        /// The finding's rule.
        rule: Rule,
        /// The finding's key.
        key: String,
    },
    /// Settle a merge conflict: take theirs or keep ours.
    Resolve {
        /// The conflict, as recorded in the map.
        conflict: Box<Conflict>,
        /// The side chosen.
        choice: Choice,
    },
}

impl PanelAction {
    /// The action this stands for, in the app's one queue.
    pub fn into_action(self) -> Action {
        match self {
            PanelAction::Locate(place) => Action::Locate(place),
            PanelAction::AskDismiss { rule, key, message } => {
                Action::AskDismiss { rule, key, message }
            }
            other => Action::Edit {
                command: other
                    .command()
                    .expect("only Locate and AskDismiss change no map"),
                merge: None,
            },
        }
    }

    /// The edit this action stands for, if it changes the map.
    pub fn command(&self) -> Option<Command> {
        match self {
            PanelAction::Locate(_) | PanelAction::AskDismiss { .. } => None,
            PanelAction::Dismiss { rule, key, reason } => Some(Command::Dismiss(Dismissal {
                rule: rule.id().to_owned(),
                place: key.clone(),
                reason: reason.trim().to_owned(),
            })),
            PanelAction::Restore { rule, key } => Some(Command::Undismiss {
                rule: rule.id().to_owned(),
                place: key.clone(),
            }),
            PanelAction::Resolve { conflict, choice } => Some(Command::ResolveConflict {
                conflict: conflict.clone(),
                choice: *choice,
            }),
        }
    }
}

/// "Take theirs" and "Keep ours" under a merge conflict's finding (whose
/// message names both values): each is one undoable command.
pub(super) fn resolve_ui(ui: &mut Ui, conflict: &Conflict, action: &mut Option<PanelAction>) {
    ui.horizontal(|ui| {
        ui.add_space(ui.text_style_height(&egui::TextStyle::Body) + 4.0);
        for (label, choice, hint) in [
            (
                "Take theirs",
                Choice::Theirs,
                "Change the map to their version",
            ),
            (
                "Keep ours",
                Choice::Ours,
                "Keep the map as it is and drop the conflict",
            ),
        ] {
            if ui.button(label).on_hover_text(hint).clicked() {
                *action = Some(PanelAction::Resolve {
                    conflict: Box::new(conflict.clone()),
                    choice,
                });
            }
        }
    });
}

/// The cards or stages an aggregated finding gathers, each a link that
/// locates it. Collapsed by default: a map without owners lists them all.
pub(super) fn parts_ui(ui: &mut Ui, finding: &Finding, action: &mut Option<PanelAction>) {
    let noun = match finding.parts.first().map(|p| p.place) {
        Some(Place::Stage(_)) => ("stage", "stages"),
        _ => ("card", "cards"),
    };
    egui::CollapsingHeader::new(format!(
        "Show {}",
        count_noun(finding.parts.len(), noun.0, noun.1)
    ))
    .id_salt("parts")
    .default_open(false)
    .show(ui, |ui| {
        for (i, part) in finding.parts.iter().enumerate() {
            ui.push_id(i, |ui| {
                if ui.link(&part.name).clicked() {
                    *action = Some(PanelAction::Locate(part.place));
                }
            });
        }
    });
}
