//! Applying the frame's actions, after drawing: the one place the map
//! changes, and where the view follows what the document handed out.

use std::path::{Path, PathBuf};

use egui::ViewportCommand;

use crate::analysis::Place;
use crate::edit::Command;
use crate::model::{CardId, Dismissal, Lane, LaneId, LaneKind, Map, Stage, StageId};
use crate::ui::edits::new_card;
use crate::ui::find::FindScope;
use crate::ui::panels::Panel;
use crate::ui::view::{EditTarget, Extent, Highlight, Selection};
use crate::ui::{Action, Actions, UiCommand};

use super::WaymarkApp;
use super::dialog_types::{Dialog, DialogDone, Outcome, Pending, PromptPurpose};

impl WaymarkApp {
    /// Applies the frame's actions in order.
    pub(super) fn dispatch(&mut self, ctx: &egui::Context, mut actions: Actions) {
        for action in actions.drain() {
            // A status line belongs to the action that set it.
            if !matches!(action, Action::Edit { merge: Some(_), .. }) {
                self.status = None;
            }
            match action {
                Action::Edit { command, merge } => {
                    if let Err(err) = self.session.doc.apply_merging(command, merge) {
                        self.set_error_status(format!("Could not apply the change: {err}"));
                    }
                }
                Action::Command(cmd) => self.run_command(ctx, cmd),
                Action::AddCardIn { stage, lane } => self.add_card(stage, lane),
                Action::Locate(place) => self.locate(place),
                Action::AskDismiss { rule, key, message } => {
                    self.push_dialog(Dialog::DismissReason {
                        rule,
                        key,
                        message,
                        reason: String::new(),
                    });
                }
                Action::Paste(text) => self.paste(&text),
                Action::OpenFile(path) => self.guard(Pending::OpenFile(path)),
                Action::Template(id) => self.guard(Pending::Template(id)),
                // The comparison is view state: no revision moves, so ask
                // for the frame that shows it.
                Action::CompareWith(path) => {
                    self.compare_with(&path);
                    ctx.request_repaint();
                }
                Action::CompareGo(entry) => {
                    self.compare_go(entry);
                    ctx.request_repaint();
                }
                Action::LeaveCompare => {
                    self.leave_compare();
                    ctx.request_repaint();
                }
                Action::SetTheme(choice) => self.set_theme(ctx, choice),
                Action::Vote { card, add } => self.local_vote(card, add),
                Action::NextVoter => self.next_voter(),
                Action::AcceptNote(id) => self.accept_note(id),
                Action::RejectNote(id) => self.reject_note(id),
            }
            let map = self.session.doc.map();
            self.session.view.retain_existing(map);
        }
    }

    /// Applies one edit now, as its own undo step. Returns the ids it
    /// handed out.
    pub(super) fn apply_edit(&mut self, command: Command) -> Vec<u64> {
        match self.session.doc.apply(command) {
            Ok(created) => {
                let map = self.session.doc.map();
                self.session.view.retain_existing(map);
                created
            }
            Err(err) => {
                self.set_error_status(format!("Could not apply the change: {err}"));
                Vec::new()
            }
        }
    }

    /// Adds a card at the end of a cell, selects it and edits its title.
    fn add_card(&mut self, stage: StageId, lane: LaneId) {
        let command = new_card(self.session.doc.map(), stage, lane);
        if let Some(&id) = self.apply_edit(command).first() {
            let id = CardId(id);
            let view = &mut self.session.view;
            view.selection = Selection::card(id);
            view.start_edit(EditTarget::Card(id), "");
            self.reveal_selection();
        }
    }

    fn run_command(&mut self, ctx: &egui::Context, cmd: UiCommand) {
        // A title being typed in place is part of the map the command acts
        // on (Ctrl+S saved the old title). Undo and Redo are the field's own.
        if !matches!(cmd, UiCommand::Undo | UiCommand::Redo)
            && let Some(rename) =
                crate::ui::finish_edit(&mut self.session.view, self.session.doc.map())
        {
            self.apply_edit(rename);
        }
        let map = self.session.doc.map().clone();
        match cmd {
            UiCommand::New => self.guard(Pending::New),
            UiCommand::Open => self.guard(Pending::Open),
            UiCommand::OpenPath => self.guard(Pending::OpenPrompt),
            UiCommand::Import => self.guard(Pending::Import),
            UiCommand::ImportInto => self.ask_import_into(),
            UiCommand::ImportVolumes => self.ask_import_volumes(),
            UiCommand::Shortcuts => self.push_dialog(Dialog::Shortcuts),
            UiCommand::AddPersona => self.add_persona(),
            UiCommand::Quit => ctx.send_viewport_cmd(ViewportCommand::Close),
            UiCommand::Save => {
                self.save();
            }
            UiCommand::SaveAs => {
                self.save_as();
            }
            UiCommand::Undo => {
                if self.session.doc.undo() {
                    self.set_status("Undone");
                }
            }
            UiCommand::Redo => {
                if self.session.doc.redo() {
                    self.set_status("Redone");
                }
            }
            UiCommand::AddCard => match self.target_cell(&map) {
                (Some(stage), Some(lane)) => self.add_card(stage, lane),
                _ => self.set_status("Add a stage and a lane first"),
            },
            UiCommand::AddStage => {
                let view = &self.session.view;
                let index = view
                    .selection
                    .stage
                    .and_then(|s| map.stage_index(s))
                    .map_or(map.stages.len(), |i| i + 1);
                let stage = Stage::new(StageId(0), "New stage");
                if let Some(&id) = self.apply_edit(Command::AddStage { index, stage }).first() {
                    let id = StageId(id);
                    let view = &mut self.session.view;
                    view.selection = Selection::stage(id);
                    view.start_edit(EditTarget::Stage(id), "New stage");
                    self.reveal_selection();
                }
            }
            UiCommand::AddLane => {
                let view = &self.session.view;
                let index = view
                    .selection
                    .lane
                    .and_then(|l| map.lane_index(l))
                    .map_or(map.lanes.len(), |i| i + 1);
                let mut lane = Lane::new(LaneId(0), LaneKind::Custom("New lane".into()));
                lane.name = "New lane".into();
                if let Some(&id) = self.apply_edit(Command::AddLane { index, lane }).first() {
                    let id = LaneId(id);
                    let view = &mut self.session.view;
                    view.selection = Selection::lane(id);
                    view.start_edit(EditTarget::Lane(id), "New lane");
                    self.reveal_selection();
                }
            }
            UiCommand::Delete => self.delete_selection(),
            UiCommand::EditSelection => {
                let sel = &self.session.view.selection;
                let target = if let Some(s) = sel.stage {
                    map.stage(s)
                        .map(|s| (EditTarget::Stage(s.id), s.name.clone()))
                } else if let Some(l) = sel.lane {
                    map.lane(l)
                        .map(|l| (EditTarget::Lane(l.id), l.name.clone()))
                } else {
                    let ids = sel.cards_in_order(&map);
                    ids.first()
                        .and_then(|id| map.card(*id))
                        .map(|c| (EditTarget::Card(c.id), c.title.clone()))
                };
                if let Some((target, text)) = target {
                    self.session.view.start_edit(target, &text);
                }
            }
            UiCommand::SelectAll => {
                self.session.view.selection = Selection {
                    cards: map.cards.iter().map(|c| c.id).collect(),
                    ..Default::default()
                };
            }
            UiCommand::ZoomIn | UiCommand::ZoomOut => {
                let factor = if cmd == UiCommand::ZoomIn { 1.25 } else { 0.8 };
                let view = &mut self.session.view;
                let canvas = view.canvas;
                view.zoom_around(factor, canvas.center(), canvas);
            }
            UiCommand::ZoomFit => self.session.view.fit_pending = true,
            UiCommand::ZoomSelection => self.zoom_to_selection(),
            UiCommand::Copy => {
                self.copy(ctx);
            }
            UiCommand::Cut => self.cut(ctx),
            // The platform answers with the clipboard's text as a paste
            // event, which becomes `Action::Paste` next frame.
            UiCommand::Paste => ctx.send_viewport_cmd(ViewportCommand::RequestPaste),
            UiCommand::Duplicate => self.duplicate(),
            UiCommand::Find => {
                let findings_shown = self.panels.shown(Panel::Findings, self.window_width);
                let scope = if findings_shown && self.panel_focus {
                    FindScope::Findings
                } else {
                    FindScope::Map
                };
                let session = &mut self.session;
                session.find.open(scope, &session.view);
            }
            UiCommand::ZoomReset => {
                let view = &mut self.session.view;
                let canvas = view.canvas;
                view.zoom_to(1.0, canvas.center(), canvas);
            }
            UiCommand::ToggleAnalysis => self.panels.toggle(Panel::Findings, self.window_width),
            UiCommand::ToggleInspector => {
                self.panels.toggle(Panel::Inspector, self.window_width);
            }
            UiCommand::ExportPng => self.export_as("png"),
            UiCommand::ExportSvg => self.export_as("svg"),
            UiCommand::ExportPdf => self.export_as("pdf"),
            UiCommand::ExportMermaid => self.export_as("mmd"),
            UiCommand::ExportCsv => self.export_as("csv"),
            UiCommand::Present => self.present(ctx, false),
            UiCommand::PresenterWindow => self.present(ctx, true),
            UiCommand::CompareWith => {
                self.ask_compare();
                ctx.request_repaint();
            }
            UiCommand::SaveFuture => self.save_future(),
            UiCommand::StartVote => self.ask_start_vote(),
            UiCommand::RevealVotes => self.reveal_votes(),
            UiCommand::EndVote => self.end_vote(),
            UiCommand::ClearVotes => self.clear_votes(),
            UiCommand::InviteRoom => self.ask_invite(),
            UiCommand::CloseRoom => self.close_room(),
            UiCommand::CompareWithCurrent => {
                self.compare_with_current();
                ctx.request_repaint();
            }
        }
    }

    /// The cell a new card goes to: the selected card's, else the first
    /// touchpoints cell of the selected (or first) stage.
    pub(super) fn target_cell(&self, map: &Map) -> (Option<StageId>, Option<LaneId>) {
        let selection = &self.session.view.selection;
        if let Some(card) = selection
            .cards_in_order(map)
            .first()
            .and_then(|id| map.card(*id))
        {
            return (Some(card.stage), Some(card.lane));
        }
        let stage = selection.stage.or(map.stages.first().map(|s| s.id));
        let lane = selection.lane.or_else(|| {
            map.lanes
                .iter()
                .find(|l| l.kind == LaneKind::Touchpoints)
                .or(map.lanes.first())
                .map(|l| l.id)
        });
        (stage, lane)
    }

    /// Selects, reveals and highlights the place a finding names.
    fn locate(&mut self, place: Place) {
        let map = self.session.doc.map();
        let (selection, highlight) = match place {
            Place::Card { card, .. } if map.card(card).is_some() => {
                (Selection::card(card), Highlight::Card(card))
            }
            Place::Card { stage, .. } | Place::Stage(stage) => {
                (Selection::stage(stage), Highlight::Stage(stage))
            }
            Place::Stages(_, later) => (Selection::stage(later), Highlight::Stage(later)),
            // Aggregated findings are located through their parts.
            Place::Persona(_) | Place::Map => return,
        };
        self.session.view.selection = selection;
        self.session.view.highlight = Some(highlight);
        self.reveal_selection();
    }

    /// Scrolls the selection into view on the next frame.
    pub(super) fn reveal_selection(&mut self) {
        let session = &mut self.session;
        session.refresh(None);
        let (map, layout) = (session.doc.map(), session.shown_layout());
        session.view.reveal = session.view.selection.rect(map, layout, Extent::Label);
    }
}

impl WaymarkApp {
    /// After a save that a dialog held up: goes on with what "Save
    /// changes?" was asked for, once saved; forgets it when nothing is
    /// left to answer.
    fn continue_after_save(&mut self, saved: bool) {
        if saved {
            if let Some(action) = self.after_save.take() {
                self.proceed(action);
            }
        } else if self.modals.is_empty() {
            self.after_save = None;
        }
    }

    /// Acts on what the user chose in a dialog, after it was drawn, like
    /// every other action.
    pub(super) fn dialog_done(&mut self, done: DialogDone) {
        let (dialog, outcome) = match done {
            DialogDone::ChooseExportPath => {
                self.choose_export_path();
                return;
            }
            DialogDone::Closed(dialog, outcome) => (dialog, outcome),
        };
        match (dialog, outcome) {
            (Dialog::Restore(found), Outcome::Confirm) => self.restore(found),
            (Dialog::Restore(found), _) => self.discard_recovery(&found),
            (Dialog::ReloadOffer, Outcome::Confirm) => self.reload(),
            (Dialog::ReloadOffer, _) => self.keep_despite_disk(),
            (_, Outcome::Cancel) => self.after_save = None,
            (Dialog::ChangedOnDisk { gone: true }, Outcome::Confirm) => {
                let saved = self.overwrite();
                self.continue_after_save(saved);
            }
            (Dialog::ChangedOnDisk { .. }, Outcome::Confirm)
            | (Dialog::ChangedOnDisk { gone: true }, _)
            | (Dialog::DropFields(_), Outcome::Alternative)
            | (Dialog::ReadOnly(_) | Dialog::SaveFailed(_), _) => {
                let saved = self.save_as();
                self.continue_after_save(saved);
            }
            (Dialog::ChangedOnDisk { .. }, Outcome::Alternative) => {
                self.after_save = None;
                self.reload();
            }
            (Dialog::ChangedOnDisk { .. }, Outcome::Third) => {
                let saved = self.overwrite();
                self.continue_after_save(saved);
            }
            (Dialog::DropFields(_), _) => {
                let saved = self.save_checked(true);
                self.continue_after_save(saved);
            }
            (Dialog::UnknownFields(_), _) => {}
            (Dialog::Unsaved(action), Outcome::Confirm) => {
                if self.save() {
                    self.proceed(action);
                } else if !self.modals.is_empty() {
                    // The save asks something first (a changed file, a
                    // typed path...): go on once it is done.
                    self.after_save = Some(action);
                }
            }
            (Dialog::Unsaved(action), Outcome::Alternative | Outcome::Third) => {
                self.proceed(action)
            }
            (Dialog::Path(prompt), _) => {
                let path = PathBuf::from(prompt.text.trim());
                match prompt.purpose {
                    PromptPurpose::Open => self.open_file(&path),
                    PromptPurpose::Save => {
                        let saved = self.save_to(&path);
                        self.continue_after_save(saved);
                    }
                    PromptPurpose::Export => self.export_to(&path),
                    PromptPurpose::Compare => self.compare_with(&path),
                    PromptPurpose::ImportInto => self.import_into(&path),
                    PromptPurpose::ImportVolumes => self.import_volumes(&path),
                }
            }
            (Dialog::Export(form), _) => {
                self.export_options = form.options();
                self.export_to(Path::new(form.path.trim()));
            }
            (Dialog::Error(message), _) => self.set_error_status(message),
            (Dialog::ConfirmDelete(question), Outcome::Confirm) => self.delete(question),
            (Dialog::ConfirmDelete(_) | Dialog::Shortcuts, _) => {}
            (Dialog::Note(draft), _) => self.add_note(draft),
            (Dialog::StartVote(form), _) => self.start_vote(&form),
            (Dialog::Invite(form), _) => self.open_room(&form),
            (
                Dialog::DismissReason {
                    rule, key, reason, ..
                },
                _,
            ) => {
                self.apply_edit(crate::edit::Command::Dismiss(Dismissal {
                    rule: rule.id().to_owned(),
                    place: key,
                    reason: reason.trim().to_owned(),
                }));
            }
        }
    }
}
