//! The eframe application: owns the document and the view state, lays out
//! the panels, and applies the frame's actions after drawing.

pub mod dialogs;
mod export;
mod files;
pub mod view;

use std::path::PathBuf;
use std::process::ExitCode;

use egui::{Id, ViewportCommand};

use crate::analysis::{Analysis, Place, Severity, analyze, stage_gaps};
use crate::edit::{Command, Document};
use crate::layout::{Layout, Style, layout};
use crate::model::{Lane, LaneId, LaneKind, Map, Stage, StageId, sample::sample_map};
use crate::theme::Theme;
use crate::ui::analysis_panel::{AnalysisPanel, PanelAction, severity_color};
use crate::ui::canvas::{CanvasInput, GapMark, add_card, canvas_ui};
use crate::ui::inspector::inspector_ui;
use crate::ui::menu::{MenuState, menu_bar_ui, toolbar_ui};
use crate::ui::{Actions, UiCommand};

use dialogs::{FileDialogs, NativeDialogs};
pub use files::{PathPrompt, Pending};
use view::{EditTarget, Highlight, InlineEdit, Selection, ViewState};

/// A message in the status bar.
#[derive(Clone, Debug, PartialEq)]
pub struct Status {
    /// The text.
    pub text: String,
    /// Whether it reports a failure.
    pub error: bool,
}

/// The editor.
pub struct WaymarkApp {
    doc: Document,
    view: ViewState,
    theme: Theme,
    layout: Option<(u64, Layout)>,
    analysis: Option<(u64, Analysis)>,
    analysis_panel: AnalysisPanel,
    export_job: Option<export::ExportJob>,
    show_analysis: bool,
    dialogs: Box<dyn FileDialogs>,
    recent: Vec<PathBuf>,
    /// An action waiting for the answer to "save changes first?".
    pending: Option<Pending>,
    /// A typed-path prompt, when no file dialog can be shown.
    prompt: Option<PathPrompt>,
    /// An error to show in a dialog.
    error: Option<String>,
    status: Option<Status>,
    allow_close: bool,
    last_title: String,
    last_focus: Option<Id>,
}

/// The key under which recent files are stored.
const RECENT_KEY: &str = "waymark.recent";

impl WaymarkApp {
    /// An editor on a document, with the given file dialogs.
    pub fn new(
        cc: &eframe::CreationContext<'_>,
        doc: Document,
        dialogs: Box<dyn FileDialogs>,
    ) -> Self {
        Self::with_context(&cc.egui_ctx, cc.storage, doc, dialogs)
    }

    /// An editor on a bare egui context: for benchmarks and embedding.
    pub fn with_context(
        ctx: &egui::Context,
        storage: Option<&dyn eframe::Storage>,
        doc: Document,
        dialogs: Box<dyn FileDialogs>,
    ) -> Self {
        ctx.set_fonts(crate::paint::font_definitions());
        ctx.set_theme(egui::Theme::Light);
        ctx.all_styles_mut(|style| {
            style.spacing.button_padding = egui::vec2(8.0, 4.0);
            style.spacing.interact_size.y = 24.0;
        });
        let recent = storage
            .and_then(|s| eframe::get_value::<Vec<PathBuf>>(s, RECENT_KEY))
            .unwrap_or_default();
        Self {
            doc,
            view: ViewState::default(),
            theme: Theme::light(),
            layout: None,
            analysis: None,
            analysis_panel: AnalysisPanel::new(),
            export_job: None,
            show_analysis: true,
            dialogs,
            recent,
            pending: None,
            prompt: None,
            error: None,
            status: None,
            allow_close: false,
            last_title: String::new(),
            last_focus: None,
        }
    }

    /// The open document.
    pub fn document(&self) -> &Document {
        &self.doc
    }

    /// The view state: pan, zoom, selection.
    pub fn view_state(&self) -> &ViewState {
        &self.view
    }

    /// The view state, for tests that set up a view.
    pub fn view_state_mut(&mut self) -> &mut ViewState {
        &mut self.view
    }

    /// The status bar message.
    pub fn status(&self) -> Option<&Status> {
        self.status.as_ref()
    }

    /// The layout of the current map, recomputed only when it changed.
    fn current_layout(&mut self) -> &Layout {
        let revision = self.doc.revision();
        if self.layout.as_ref().is_none_or(|(r, _)| *r != revision) {
            self.layout = Some((revision, layout(self.doc.map(), &Style::default())));
        }
        &self.layout.as_ref().expect("just computed").1
    }

    /// The analysis of the current map, rerun only when it changed (it is
    /// cheap: well under a millisecond for 2,000 cards).
    pub fn current_analysis(&mut self) -> &Analysis {
        let revision = self.doc.revision();
        if self.analysis.as_ref().is_none_or(|(r, _)| *r != revision) {
            self.analysis = Some((revision, analyze(self.doc.map())));
        }
        &self.analysis.as_ref().expect("just computed").1
    }

    /// Selects, reveals and highlights the place a finding names.
    fn locate(&mut self, place: Place) {
        let map = self.doc.map();
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
        self.view.selection = selection;
        self.view.highlight = Some(highlight);
        let layout = self.current_layout();
        let rect = match highlight {
            Highlight::Card(id) => layout.card(id).map(|c| c.rect),
            Highlight::Stage(id) => layout.stages.iter().find(|s| s.id == id).map(|s| s.header),
            Highlight::Lane(id) => layout.lanes.iter().find(|l| l.id == id).map(|l| l.label),
        };
        self.view.reveal = rect;
    }

    fn set_status(&mut self, text: impl Into<String>) {
        self.status = Some(Status {
            text: text.into(),
            error: false,
        });
    }

    fn shortcuts(&mut self, ctx: &egui::Context, out: &mut Actions) {
        let typing = ctx.egui_wants_keyboard_input();
        // Longer modifier sets first, so Ctrl+Shift+Z is not taken as Ctrl+Z.
        let mut commands = UiCommand::ALL.to_vec();
        commands.sort_by_key(|c| {
            std::cmp::Reverse(c.shortcut().map_or(0, |s| {
                s.modifiers.shift as u8 + s.modifiers.command as u8 + s.modifiers.alt as u8
            }))
        });
        for cmd in commands {
            if typing && cmd.is_plain_key() {
                continue;
            }
            if let Some(shortcut) = cmd.shortcut()
                && ctx.input_mut(|i| i.consume_shortcut(&shortcut))
            {
                out.command(cmd);
            }
        }
    }

    fn run_command(&mut self, ctx: &egui::Context, cmd: UiCommand) {
        let map = self.doc.map().clone();
        match cmd {
            UiCommand::New => self.guard(Pending::New),
            UiCommand::Open => self.guard(Pending::Open),
            UiCommand::OpenPath => self.guard(Pending::OpenPrompt),
            UiCommand::Quit => ctx.send_viewport_cmd(ViewportCommand::Close),
            UiCommand::Save => {
                self.save();
            }
            UiCommand::SaveAs => {
                self.save_as();
            }
            UiCommand::Undo => {
                if self.doc.undo() {
                    self.set_status("Undone");
                }
            }
            UiCommand::Redo | UiCommand::RedoAlt => {
                if self.doc.redo() {
                    self.set_status("Redone");
                }
            }
            UiCommand::AddCard => {
                let (stage, lane) = self.target_cell(&map);
                if let (Some(stage), Some(lane)) = (stage, lane) {
                    let mut out = Actions::default();
                    add_card(&map, stage, lane, &mut self.view, &mut out);
                    self.apply(out);
                    self.reveal_selection();
                } else {
                    self.set_status("Add a stage and a lane first");
                }
            }
            UiCommand::AddStage => {
                let index = self
                    .view
                    .selection
                    .stage
                    .and_then(|s| map.stage_index(s))
                    .map_or(map.stages.len(), |i| i + 1);
                let id = StageId(map.peek_id());
                let stage = Stage::new(id, "New stage");
                self.apply_edit(Command::AddStage { index, stage });
                self.view.selection = Selection::stage(id);
                self.view.editing = Some(InlineEdit {
                    target: EditTarget::Stage(id),
                    text: "New stage".into(),
                    focused: false,
                });
                self.reveal_selection();
            }
            UiCommand::AddLane => {
                let index = self
                    .view
                    .selection
                    .lane
                    .and_then(|l| map.lane_index(l))
                    .map_or(map.lanes.len(), |i| i + 1);
                let id = LaneId(map.peek_id());
                let mut lane = Lane::new(id, LaneKind::Custom("New lane".into()));
                lane.name = "New lane".into();
                self.apply_edit(Command::AddLane { index, lane });
                self.view.selection = Selection::lane(id);
                self.view.editing = Some(InlineEdit {
                    target: EditTarget::Lane(id),
                    text: "New lane".into(),
                    focused: false,
                });
                self.reveal_selection();
            }
            UiCommand::Delete => {
                let sel = &self.view.selection;
                let command = if let Some(stage) = sel.stage {
                    Some(Command::DeleteStage(stage))
                } else if let Some(lane) = sel.lane {
                    Some(Command::DeleteLane(lane))
                } else {
                    let ids = sel.cards_in_order(&map);
                    (!ids.is_empty()).then_some(Command::DeleteCards(ids))
                };
                if let Some(command) = command {
                    self.apply_edit(command);
                }
            }
            UiCommand::EditSelection => {
                let sel = &self.view.selection;
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
                    self.view.editing = Some(InlineEdit {
                        target,
                        text,
                        focused: false,
                    });
                }
            }
            UiCommand::SelectAll => {
                self.view.selection = Selection {
                    cards: map.cards.iter().map(|c| c.id).collect(),
                    ..Default::default()
                };
            }
            UiCommand::ZoomIn | UiCommand::ZoomOut => {
                let factor = if cmd == UiCommand::ZoomIn { 1.25 } else { 0.8 };
                let canvas = self.view.canvas;
                self.view.zoom_around(factor, canvas.center(), canvas);
            }
            UiCommand::ZoomFit => self.view.fit_pending = true,
            UiCommand::ToggleAnalysis => self.show_analysis = !self.show_analysis,
            UiCommand::Import => self.guard(Pending::Import),
            UiCommand::ExportPng => self.export_as("png"),
            UiCommand::ExportSvg => self.export_as("svg"),
            UiCommand::ExportMermaid => self.export_as("mmd"),
            UiCommand::ExportCsv => self.export_as("csv"),
            UiCommand::ZoomReset => {
                let canvas = self.view.canvas;
                self.view
                    .zoom_around(1.0 / self.view.zoom, canvas.center(), canvas);
            }
        }
    }

    /// The cell a new card goes to: the selected card's, else the first
    /// touchpoints cell of the selected (or first) stage.
    fn target_cell(
        &self,
        map: &Map,
    ) -> (Option<crate::model::StageId>, Option<crate::model::LaneId>) {
        if let Some(card) = self
            .view
            .selection
            .cards_in_order(map)
            .first()
            .and_then(|id| map.card(*id))
        {
            return (Some(card.stage), Some(card.lane));
        }
        let stage = self
            .view
            .selection
            .stage
            .or(map.stages.first().map(|s| s.id));
        let lane = self.view.selection.lane.or_else(|| {
            map.lanes
                .iter()
                .find(|l| l.kind == LaneKind::Touchpoints)
                .or(map.lanes.first())
                .map(|l| l.id)
        });
        (stage, lane)
    }

    fn reveal_selection(&mut self) {
        self.view.reveal = None;
        let map = self.doc.map().clone();
        let sel = self.view.selection.clone();
        let layout = self.current_layout();
        let rect = if let Some(s) = sel.stage {
            layout.stages.iter().find(|b| b.id == s).map(|b| b.header)
        } else if let Some(l) = sel.lane {
            layout.lanes.iter().find(|b| b.id == l).map(|b| b.label)
        } else {
            sel.cards_in_order(&map)
                .first()
                .and_then(|id| layout.card(*id))
                .map(|c| c.rect)
        };
        self.view.reveal = rect;
    }

    fn apply_edit(&mut self, command: Command) {
        let mut out = Actions::default();
        out.edit(command);
        self.apply(out);
    }

    /// Applies the frame's edits: the one place the map changes.
    fn apply(&mut self, out: Actions) {
        for edit in out.edits {
            if let Err(err) = self.doc.apply_merging(edit.command, edit.merge) {
                self.status = Some(Status {
                    text: format!("Could not apply the change: {err}"),
                    error: true,
                });
            }
        }
        self.view.selection.retain_existing(self.doc.map());
    }

    fn update_title(&mut self, ctx: &egui::Context) {
        let mark = if self.doc.is_dirty() { "● " } else { "" };
        let title = format!("{mark}{} — Waymark", self.doc.display_name());
        if title != self.last_title {
            ctx.send_viewport_cmd(ViewportCommand::Title(title.clone()));
            self.last_title = title;
        }
    }

    fn status_bar_ui(&mut self, ui: &mut egui::Ui) {
        ui.horizontal(|ui| {
            self.export_status_ui(ui);
            match &self.status {
                Some(Status { text, error: true }) => {
                    ui.colored_label(ui.visuals().error_fg_color, text);
                }
                Some(Status { text, .. }) => {
                    ui.label(text);
                }
                None => {
                    ui.weak("Drag the background to pan · Ctrl+scroll to zoom · Shift+drag to select several cards · 1–5 set the emotion");
                }
            }
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                let map = self.doc.map();
                ui.weak(format!("{} cards · {} stages", map.cards.len(), map.stages.len()));
                if self.doc.is_dirty() {
                    ui.weak("Unsaved changes ·");
                }
            });
        });
    }
}

impl eframe::App for WaymarkApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.frame_ui(ui);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, RECENT_KEY, &self.recent);
    }
}

impl WaymarkApp {
    /// One frame of the whole editor.
    pub fn frame_ui(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        let mut out = Actions::default();
        self.shortcuts(&ctx, &mut out);
        self.current_layout();

        let undo = self.doc.history().undo_label().map(str::to_owned);
        let redo = self.doc.history().redo_label().map(str::to_owned);
        let state = MenuState {
            undo: undo.as_deref(),
            redo: redo.as_deref(),
            has_selection: !self.view.selection.is_empty(),
            recent: &self.recent,
            zoom: self.view.zoom,
            findings: self.analysis.as_ref().map_or(0, |(_, a)| a.findings.len()),
            show_analysis: self.show_analysis,
        };
        let mut recent_pick = None;
        let mut template_pick = None;
        egui::Panel::top("menu").show(ui, |ui| {
            (recent_pick, template_pick) = menu_bar_ui(ui, &state, &mut out);
        });
        egui::Panel::top("toolbar").show(ui, |ui| {
            ui.add_space(2.0);
            toolbar_ui(ui, &state, &mut out);
            ui.add_space(2.0);
        });
        egui::Panel::bottom("status").show(ui, |ui| self.status_bar_ui(ui));
        egui::Panel::right("inspector")
            .default_size(300.0)
            .size_range(240.0..=480.0)
            .resizable(true)
            .show(ui, |ui| {
                inspector_ui(ui, self.doc.map(), &mut self.view, &mut out);
            });
        self.current_analysis();
        let analysis = self.analysis.take().map(|(_, a)| a).unwrap_or_default();
        let mut panel_action = None;
        if self.show_analysis {
            egui::Panel::left("analysis")
                .default_size(320.0)
                .size_range(240.0..=480.0)
                .resizable(true)
                .show(ui, |ui| {
                    panel_action = self.analysis_panel.ui(ui, self.doc.map(), &analysis);
                });
        }
        let gaps: Vec<GapMark> = stage_gaps(&analysis, Severity::Warning)
            .into_iter()
            .map(|gap| GapMark {
                after: gap.from,
                color: severity_color(gap.severity),
                text: gap.text,
            })
            .collect();
        self.analysis = Some((self.doc.revision(), analysis));
        let layout = self
            .layout
            .take()
            .map(|(_, l)| l)
            .unwrap_or_else(|| layout(self.doc.map(), &Style::default()));
        egui::CentralPanel::no_frame().show(ui, |ui| {
            let input = CanvasInput {
                map: self.doc.map(),
                layout: &layout,
                theme: &self.theme,
                gaps: &gaps,
            };
            canvas_ui(ui, &input, &mut self.view, &mut out);
        });
        self.layout = Some((self.doc.revision(), layout));
        self.modals_ui(&ctx);

        // After drawing: apply edits, then commands.
        let commands = std::mem::take(&mut out.commands);
        self.apply(out);
        for cmd in commands {
            self.run_command(&ctx, cmd);
        }
        match panel_action {
            Some(PanelAction::Locate(place)) => self.locate(place),
            Some(action) => {
                if let Some(command) = action.command() {
                    self.apply_edit(command);
                }
            }
            None => {}
        }
        // A dropped map, Mermaid journey or CSV opens like File → Open.
        let dropped = ctx.input(|i| {
            i.raw
                .dropped_files
                .iter()
                .map(|f| f.path().to_path_buf())
                .find(|p| !p.as_os_str().is_empty())
        });
        if let Some(path) = dropped {
            self.guard(Pending::OpenFile(path));
        }
        if let Some(template) = template_pick {
            self.guard(Pending::Template(template));
        }
        if let Some(path) = recent_pick {
            self.guard(Pending::OpenFile(path));
        }
        let focus = ctx.memory(|m| m.focused());
        if focus != self.last_focus {
            self.doc.close_step();
            self.last_focus = focus;
        }
        self.handle_close(&ctx);
        self.update_title(&ctx);
    }
}

/// Opens the editor window on a file, or on the sample map.
pub fn run(path: Option<PathBuf>) -> ExitCode {
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_inner_size([1600.0, 1000.0])
            .with_min_inner_size([640.0, 400.0])
            .with_title("Waymark")
            .with_app_id("waymark")
            .with_drag_and_drop(true),
        ..Default::default()
    };
    let result = eframe::run_native(
        "Waymark",
        options,
        Box::new(move |cc| {
            let mut startup_error = None;
            let doc = match &path {
                Some(p) => match Document::open_any(p) {
                    Ok(doc) => doc,
                    Err(err) => {
                        eprintln!("{err}");
                        startup_error = Some(err.to_string());
                        Document::new(Map::blank())
                    }
                },
                None => Document::new(sample_map()),
            };
            let mut app = WaymarkApp::new(cc, doc, Box::new(NativeDialogs));
            if let Some(p) = path.filter(|_| startup_error.is_none()) {
                app.remember(&p);
            }
            app.error = startup_error;
            Ok(Box::new(app))
        }),
    );
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("waymark: could not open a window: {err}");
            eprintln!("(`waymark export` and `waymark check` work without a display.)");
            ExitCode::from(1)
        }
    }
}
