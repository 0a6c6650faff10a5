//! One frame of the editor: shortcuts, panels, canvas and dialogs are
//! drawn from the document as it is; what they ask for is queued and
//! applied after drawing.

use crate::ui::analysis_panel::shows_finding;
use crate::ui::canvas::{CanvasInput, canvas_ui};
use crate::ui::compare_panel::{ComparePanelInput, compare_panel_ui};
use crate::ui::find::{FindInput, find_bar_ui};
use crate::ui::inspector::inspector_ui;
use crate::ui::menu::{MenuState, menu_bar_ui, toolbar_ui};
use crate::ui::panels::Panel;
use crate::ui::{Action, Actions, UiCommand};

use super::WaymarkApp;

impl WaymarkApp {
    /// One frame of the whole editor.
    pub fn frame_ui(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        // What the phones sent lands before anything is drawn.
        self.room_tick();
        // Presenting: the map full screen instead of the editor.
        if self.present.is_some() {
            self.present_frame_ui(ui);
            self.update_title(&ctx);
            return;
        }
        // A dialog owns the keyboard and pointer: no shortcut, and a canvas
        // that only draws. egui's Modal blocks the pointer of what lies
        // under it, but not reads of `ctx.input`, so check first.
        let dialog_open = !self.modals.is_empty();
        let dialogs_before = self.modals.clone();
        // A field asked for last frame and not drawn this one (a folded
        // panel, a card deleted) must not hold the shortcuts for ever.
        let focus_wanted = self.session.view.focus_next;
        // Esc that closes a dropdown or menu closes only that.
        let menu_was_open = egui::Popup::is_any_open(&ctx);
        let mut out = Actions::default();
        for action in self.queued.drain(..) {
            out.push(action);
        }
        if !dialog_open {
            shortcuts(&ctx, self.session.view.typing_soon(), &mut out);
            if !menu_was_open {
                self.compare_keys(&ctx, &mut out);
            }
        }
        self.window_width = ctx.content_rect().width();
        // "Follow System" changes look while running.
        if self.theme.dark != (ctx.theme() == egui::Theme::Dark) {
            self.theme = super::map_theme(ctx.theme());
        }
        self.panels.follow_width(self.window_width);
        let show_analysis = self.panels.shown(Panel::Findings, self.window_width);
        let show_inspector = self.panels.shown(Panel::Inspector, self.window_width);
        let can_save_future = self.session.doc.map().state == crate::model::MapState::Current;
        let can_compare_current = self.current_file().is_some();
        let session = &mut self.session;
        let now = ctx.input(|i| i.time);
        if let Some(left) = session.refresh(Some(now)) {
            ctx.request_repaint_after(std::time::Duration::from_secs_f64(left));
        }
        let doc_id = session.doc.id();

        let history = session.doc.history();
        let state = MenuState {
            undo: history.undo_label(),
            redo: history.redo_label(),
            has_selection: !session.view.selection.is_empty(),
            recent: &self.recent,
            zoom: session.view.zoom,
            findings: session.derived.analysis.findings.len(),
            show_analysis,
            show_inspector,
            theme: self.theme_choice,
            can_save_future,
            can_compare_current,
            vote: session.room.vote.as_ref().map(|v| v.revealed()),
            has_votes: session.doc.map().cards.iter().any(|c| c.votes > 0),
            room_open: session.room.server.is_some(),
        };
        egui::Panel::top("menu").show(ui, |ui| menu_bar_ui(ui, &state, &mut out));
        egui::Panel::top("toolbar").show(ui, |ui| {
            ui.add_space(2.0);
            toolbar_ui(ui, &state, &mut out);
            ui.add_space(2.0);
        });
        egui::Panel::bottom("status").show(ui, |ui| self.status_bar_ui(ui));
        self.notices_ui(ui);
        self.room_bars_ui(ui, &mut out);
        let session = &mut self.session;
        // Panel sizes are remembered per document, like everything else
        // shown about it.
        if show_inspector {
            egui::Panel::right(("inspector", doc_id))
                .default_size(300.0)
                .size_range(240.0..=480.0)
                .resizable(true)
                .show(ui, |ui| {
                    inspector_ui(ui, session.doc.map(), &mut session.view, &mut out);
                });
        }
        if let Some(compare) = &session.compare {
            egui::Panel::right(("compare", doc_id))
                .default_size(340.0)
                .size_range(240.0..=520.0)
                .resizable(true)
                .show(ui, |ui| {
                    let other = compare.path.file_name().map_or_else(
                        || compare.path.display().to_string(),
                        |n| n.to_string_lossy().into_owned(),
                    );
                    let input = ComparePanelInput {
                        comparison: &compare.comparison,
                        other: &other,
                        picked: compare.picked,
                    };
                    compare_panel_ui(ui, &input, &mut out);
                });
        }
        session.panel.filter = session.find.findings_filter().map(str::to_owned);
        session.panel.votes_hidden = session.room.vote.as_ref().is_some_and(|v| !v.revealed());
        if show_analysis {
            let panel = egui::Panel::left(("analysis", doc_id))
                .default_size(320.0)
                .size_range(240.0..=480.0)
                .resizable(true)
                .show(ui, |ui| {
                    let analysis = &session.derived.analysis;
                    if let Some(action) = session.panel.ui(ui, session.doc.map(), analysis) {
                        out.push(action.into_action());
                    }
                });
            // Ctrl+F searches the findings after a click in the panel.
            let pressed = ctx.input(|i| {
                i.pointer
                    .any_pressed()
                    .then(|| i.pointer.interact_pos())
                    .flatten()
            });
            if let Some(pos) = pressed {
                self.panel_focus = panel.response.rect.contains(pos);
            }
        }
        egui::CentralPanel::no_frame().show(ui, |ui| {
            let findings = session.find.findings_filter().map(|filter| {
                let findings = &session.derived.analysis.findings;
                findings.iter().filter(|f| shows_finding(filter, f)).count()
            });
            // While comparing, the layout keeps slots for the ghosts (a
            // borrow of the two fields, so the view stays free to change).
            let shown = session
                .compare
                .as_ref()
                .map_or(&session.derived.layout, |c| &c.layout);
            let find = FindInput {
                map: session.doc.map(),
                layout: shown,
                key: session.doc.key(),
                findings,
                interactive: !dialog_open,
            };
            find_bar_ui(ui, &mut session.find, &find, &mut session.view);
            let input = CanvasInput {
                map: session.doc.map(),
                layout: shown,
                theme: &self.theme,
                gaps: &session.derived.gaps,
                interactive: !dialog_open,
                found: session.find.marks(),
                compare: session.compare.as_ref().map(|c| c.marks(session.doc.map())),
                menu_was_open,
                votes: session.room.marks(),
            };
            canvas_ui(ui, &input, &mut session.view, &mut out);
        });
        if focus_wanted.is_some() && self.session.view.focus_next == focus_wanted {
            self.session.view.focus_next = None;
        }
        if let Some(done) = self.modals_ui(&ctx) {
            self.dialog_done(done);
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
            out.push(Action::OpenFile(path));
        }
        let before = self.session.doc.key();
        self.dispatch(&ctx, out);
        // The map changed after it was drawn, or a place waits to be
        // revealed: draw it again.
        if self.session.doc.key() != before || self.session.view.reveal.is_some() {
            ctx.request_repaint();
        }

        let focus = ctx.memory(|m| m.focused());
        if focus != self.last_focus {
            self.session.doc.close_step();
            self.last_focus = focus;
        }
        self.autosave_tick();
        self.disk_tick(&ctx);
        // A dialog opened or closed after it could be drawn: show it now,
        // not at the next input.
        if self.modals != dialogs_before {
            ctx.request_repaint();
        }
        self.handle_close(&ctx);
        self.update_title(&ctx);
    }

    fn update_title(&mut self, ctx: &egui::Context) {
        let doc = &self.session.doc;
        let file = doc
            .path()
            .and_then(|p| p.file_name())
            .map(|n| n.to_string_lossy().into_owned());
        let title = window_title(&doc.map().title, file.as_deref(), doc.is_dirty());
        if title != self.last_title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.last_title = title;
        }
    }
}

/// The window's title: the map's title (cut short: a title may be a
/// megabyte), then the file's name once saved, then the app's name; a dot
/// first while changes are unsaved.
fn window_title(map_title: &str, file: Option<&str>, dirty: bool) -> String {
    const MAX: usize = 80;
    // One line, and only as much of it as can show.
    let mut title = String::new();
    let mut count = 0;
    for word in map_title.split_whitespace() {
        if count > MAX {
            break;
        }
        if !title.is_empty() {
            title.push(' ');
            count += 1;
        }
        for c in word.chars().take(MAX + 1 - count.min(MAX + 1)) {
            title.push(c);
            count += 1;
        }
    }
    if count > MAX {
        title = title.chars().take(MAX - 1).collect::<String>() + "…";
    }
    let mut parts: Vec<&str> = Vec::new();
    if !title.is_empty() {
        parts.push(&title);
    }
    match file {
        Some(file) => parts.push(file),
        None if title.is_empty() => parts.push("Untitled"),
        None => {}
    }
    parts.push("Waymark");
    let mark = if dirty { "● " } else { "" };
    format!("{mark}{}", parts.join(" — "))
}

/// Queues the commands whose shortcuts were pressed this frame, and what
/// the platform's clipboard events ask, in the order they came: Ctrl+V then
/// Ctrl+S in one frame pastes, then saves. While a text field has the
/// keyboard, or is about to (`typing_soon`: one the app just made, not yet
/// drawn), the keys a field needs are left to it.
fn shortcuts(ctx: &egui::Context, typing_soon: bool, out: &mut Actions) {
    let typing = typing_soon || ctx.egui_wants_keyboard_input();
    // Longer modifier sets first, so Ctrl+Shift+Z is not taken as Ctrl+Z.
    let mut bindings: Vec<(UiCommand, egui::KeyboardShortcut)> = UiCommand::all()
        .filter(|cmd| !(typing && cmd.is_plain_key()))
        .flat_map(|cmd| cmd.shortcuts().into_iter().map(move |s| (cmd, s)))
        .collect();
    bindings.sort_by_key(|(_, s)| {
        std::cmp::Reverse(
            s.modifiers.shift as u8 + s.modifiers.command as u8 + s.modifiers.alt as u8,
        )
    });
    let actions = ctx.input_mut(|i| {
        let mut actions = Vec::new();
        i.events.retain(|event| {
            let action = match event {
                egui::Event::Key {
                    key,
                    modifiers,
                    pressed: true,
                    ..
                } => bindings
                    .iter()
                    .find(|(_, s)| {
                        s.logical_key == *key && modifiers.matches_logically(s.modifiers)
                    })
                    .map(|(cmd, _)| Action::Command(*cmd)),
                // The platform turns Ctrl+C, X and V into these events, not
                // keys; a focused text field keeps them for itself.
                egui::Event::Copy if !typing => Some(Action::Command(UiCommand::Copy)),
                egui::Event::Cut if !typing => Some(Action::Command(UiCommand::Cut)),
                egui::Event::Paste(text) if !typing => Some(Action::Paste(text.clone())),
                _ => None,
            };
            let taken = action.is_some();
            actions.extend(action);
            !taken
        });
        actions
    });
    for action in actions {
        out.push(action);
    }
}

#[cfg(test)]
mod tests {
    use super::window_title;

    #[test]
    fn the_title_names_the_map_then_its_file() {
        assert_eq!(
            window_title("Boots", Some("journey.ron"), false),
            "Boots — journey.ron — Waymark"
        );
        assert_eq!(window_title("Boots", None, true), "● Boots — Waymark");
        assert_eq!(window_title("  ", None, false), "Untitled — Waymark");
        assert_eq!(window_title("", Some("a.ron"), false), "a.ron — Waymark");
    }

    #[test]
    fn a_huge_title_is_cut_and_keeps_one_line() {
        let title = window_title(&"x\n".repeat(1_000_000), None, false);
        assert!(title.chars().count() < 100, "{}", title.len());
        assert!(!title.contains('\n'));
    }
}
