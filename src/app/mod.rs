//! The eframe application: owns the document and the session around it,
//! lays out the panels, and applies the frame's actions after drawing.

mod clipboard;
mod compare;
mod delete;
mod derived;
mod dialog_types;
pub mod dialogs;
mod dispatch;
mod export;
mod export_dialog;
mod fields;
mod files;
mod frame;
mod import;
mod modals;
mod present;
mod recovery;
mod room;
mod safety;
mod safety_dialogs;
mod status;
mod watch;

use std::path::PathBuf;
use std::process::ExitCode;

use egui::Id;

use crate::analysis::Analysis;
use crate::edit::Document;
use crate::model::Map;
use crate::recovery::RecoveryDir;
use crate::theme::Theme;
use crate::ui::analysis_panel::AnalysisPanel;
use crate::ui::appearance::Appearance;
use crate::ui::find::FindBar;
use crate::ui::panels::Panels;
use crate::ui::view::ViewState;

use derived::Derived;
pub use dialog_types::{DeleteQuestion, Dialog, PathPrompt, Pending, PromptPurpose};
use dialogs::{FileDialogs, NativeDialogs};
pub use status::Status;

/// One open document and everything derived from it or shown about it:
/// the view (pan, zoom, selection, edits, drags), the analysis panel's
/// state and the cached layout and findings. Opening another document
/// builds a new session, so nothing of one map leaks into the next.
struct Session {
    doc: Document,
    view: ViewState,
    panel: AnalysisPanel,
    derived: Derived,
    find: FindBar,
    /// The map compared with another file, while that is shown.
    compare: Option<compare::CompareView>,
    /// The workshop room: the vote, the phones' server, their notes. A
    /// new document ends them (the server stops with it).
    room: room::Room,
}

impl Session {
    fn new(doc: Document) -> Self {
        let derived = Derived::new(&doc);
        Self {
            doc,
            view: ViewState::default(),
            panel: AnalysisPanel::new(),
            derived,
            find: FindBar::default(),
            compare: None,
            room: room::Room::default(),
        }
    }

    /// Brings everything derived from the document up to date. With the
    /// frame's time, a comparison of a big map may wait for typing to
    /// pause: the answer is then the seconds until it is due.
    fn refresh(&mut self, now: Option<f64>) -> Option<f64> {
        self.derived.refresh(&self.doc);
        self.compare
            .as_mut()
            .and_then(|compare| compare.refresh(&self.doc, now))
    }

    /// The layout the canvas shows (as of the last [`Self::refresh`]):
    /// while comparing, the one with room for the ghosts of removed cards.
    fn shown_layout(&self) -> &crate::layout::Layout {
        self.compare
            .as_ref()
            .map_or(&self.derived.layout, |c| &c.layout)
    }
}

/// The editor.
pub struct WaymarkApp {
    session: Session,
    /// The map's colours, following the editor's light or dark look.
    theme: Theme,
    /// What the user chose in View → Theme; remembered across launches.
    theme_choice: Appearance,
    export_job: Option<export::ExportJob>,
    exporter: export::Exporter,
    /// The export dialog's last choices (scale, theme, background).
    export_options: crate::export::ExportOptions,
    /// Which side panels are shown; they fold away on small windows.
    panels: Panels,
    /// The window's width last frame, for the panels' automatic rule.
    window_width: f32,
    dialogs: Box<dyn FileDialogs>,
    recent: Vec<PathBuf>,
    /// Open dialogs, the top one last. While any is open it owns the
    /// keyboard and pointer: no shortcut or canvas input reaches the map.
    modals: Vec<Dialog>,
    /// The top dialog has just appeared: give its first field the focus.
    modal_fresh: bool,
    /// What "Save changes?" was answered Save for, while the save itself
    /// waits on another dialog.
    after_save: Option<Pending>,
    status: Option<Status>,
    /// Scripts of the open map that no font covers, said once per opened
    /// document until dismissed.
    font_notice: Option<String>,
    /// Another map's unsaved work, left by a program that crashed, which
    /// the status bar mentions until it is opened or hidden.
    recovery_notice: Option<crate::recovery::Recovery>,
    allow_close: bool,
    last_title: String,
    last_focus: Option<Id>,
    /// Actions queued from outside a frame (benchmarks, embedding), run
    /// with the next frame's own.
    queued: Vec<crate::ui::Action>,
    /// The text last copied or cut, as it went to the system clipboard.
    copied: Option<String>,
    /// The last click was in the analysis panel: Ctrl+F searches findings.
    panel_focus: bool,
    /// Presentation mode, while presenting.
    present: Option<present::Presenting>,
    /// Presentation mode's colours.
    present_theme: crate::theme::PresentTheme,
    /// Autosave and crash recovery (off unless given a folder).
    recovery: recovery::AppRecovery,
    /// The open file as last seen on disk.
    disk: safety::DiskCheck,
    /// The egui context, for threads that ask for a frame (the room server).
    egui_ctx: egui::Context,
}

/// The key under which recent files are stored.
const RECENT_KEY: &str = "waymark.recent";
/// The key under which the theme choice is stored.
const THEME_KEY: &str = "waymark.theme";

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
        // CJK, Thai, ...: found among the system's fonts when first needed.
        ctx.set_font_providers(crate::paint::font_providers());
        let theme_choice = storage
            .and_then(|s| eframe::get_value::<Appearance>(s, THEME_KEY))
            .unwrap_or_default();
        ctx.set_theme(theme_choice.preference());
        ctx.all_styles_mut(|style| {
            style.spacing.button_padding = egui::vec2(8.0, 4.0);
            style.spacing.interact_size.y = 24.0;
            // Map text is scaled up to 3 % off its layout size (the size
            // ladder), so quarter-pixel glyph bitmaps buy nothing there,
            // and they double the font atlas (issue 14).
            style.visuals.text_options.subpixel_binning = false;
        });
        // Ctrl+= and Ctrl+− zoom the map, not the whole interface.
        ctx.options_mut(|o| o.zoom_with_keyboard = false);
        let recent = storage
            .and_then(|s| eframe::get_value::<Vec<PathBuf>>(s, RECENT_KEY))
            .unwrap_or_default();
        let font_notice = crate::paint::missing_fonts_warning(doc.map());
        let mut app = Self {
            session: Session::new(doc),
            theme: map_theme(ctx.theme()),
            theme_choice,
            export_job: None,
            exporter: crate::export::export_file,
            export_options: export::app_export_options(),
            panels: Panels::default(),
            window_width: f32::INFINITY,
            dialogs,
            recent,
            modals: Vec::new(),
            modal_fresh: false,
            after_save: None,
            status: None,
            font_notice,
            recovery_notice: None,
            allow_close: false,
            last_title: String::new(),
            last_focus: None,
            queued: Vec::new(),
            copied: None,
            panel_focus: false,
            present: None,
            present_theme: crate::theme::PresentTheme::new(),
            recovery: recovery::AppRecovery::default(),
            disk: safety::DiskCheck::new(ctx),
            egui_ctx: ctx.clone(),
        };
        app.opened_notices();
        app
    }

    /// The theme chosen in View → Theme.
    pub fn theme_choice(&self) -> Appearance {
        self.theme_choice
    }

    /// The colours the map is drawn in.
    pub fn map_theme(&self) -> &Theme {
        &self.theme
    }

    /// Switches the editor's theme; the map follows.
    fn set_theme(&mut self, ctx: &egui::Context, choice: Appearance) {
        self.theme_choice = choice;
        ctx.set_theme(choice.preference());
        self.theme = map_theme(ctx.theme());
    }

    /// The open document.
    pub fn document(&self) -> &Document {
        &self.session.doc
    }

    /// The view state: pan, zoom, selection.
    pub fn view_state(&self) -> &ViewState {
        &self.session.view
    }

    /// The view state, for tests that set up a view.
    pub fn view_state_mut(&mut self) -> &mut ViewState {
        &mut self.session.view
    }

    /// The analysis panel's own state.
    pub fn analysis_panel(&self) -> &AnalysisPanel {
        &self.session.panel
    }

    /// The status bar message.
    pub fn status(&self) -> Option<&Status> {
        self.status.as_ref()
    }

    /// The text last copied or cut from the map.
    pub fn copied_text(&self) -> Option<&str> {
        self.copied.as_deref()
    }

    /// The find bar.
    pub fn find_bar(&self) -> &FindBar {
        &self.session.find
    }

    /// The open dialogs, the top one last.
    pub fn dialogs_open(&self) -> &[Dialog] {
        &self.modals
    }

    /// Queues an action for the next frame, as if a widget had asked.
    pub fn queue(&mut self, action: crate::ui::Action) {
        self.queued.push(action);
    }

    /// The analysis of the current document, recomputed if it changed.
    pub fn current_analysis(&mut self) -> &Analysis {
        self.session.derived.refresh(&self.session.doc);
        &self.session.derived.analysis
    }

    /// Replaces the document with another: a fresh session, fresh view.
    fn replace_document(&mut self, doc: Document) {
        self.font_notice = crate::paint::missing_fonts_warning(doc.map());
        self.session = Session::new(doc);
    }
}

/// The map's colours for the editor's light or dark look.
fn map_theme(look: egui::Theme) -> Theme {
    match look {
        egui::Theme::Light => Theme::light(),
        egui::Theme::Dark => Theme::dark(),
    }
}

impl eframe::App for WaymarkApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.frame_ui(ui);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, RECENT_KEY, &self.recent);
        eframe::set_value(storage, THEME_KEY, &self.theme_choice);
    }

    /// Panel sizes and other egui memory belong to one document and one
    /// run: a fresh start looks like a fresh start.
    fn persist_egui_memory(&self) -> bool {
        false
    }

    fn raw_input_hook(&mut self, _ctx: &egui::Context, raw_input: &mut egui::RawInput) {
        crate::paint::cap_texture_side(raw_input);
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
                None => Document::new(crate::interchange::sample::sample_map()),
            };
            let mut app = WaymarkApp::new(cc, doc, Box::new(NativeDialogs));
            let recovery = RecoveryDir::user_default();
            match startup_error {
                None => {
                    if let Some(p) = &path {
                        app.remember(p);
                    }
                    // Unsaved work of a crashed run is offered back on start.
                    if let Some(dir) = recovery {
                        app = app.with_recovery(dir);
                    }
                }
                Some(message) => {
                    app.push_dialog(Dialog::error(message));
                    if let Some(dir) = recovery {
                        // The file is broken or gone; its unsaved work may
                        // still be in a recovery file.
                        app.enable_recovery(dir);
                        app.offer_recovery(path.as_deref());
                    }
                }
            }
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
