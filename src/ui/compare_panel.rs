//! The list beside the canvas while comparing: one entry per change, in
//! plain words, each one click from its place on the canvas.

use egui::{Color32, CornerRadius, RichText, Sense, Ui, Vec2};

use crate::compare::{Change, Comparison, Target};

use super::{Action, Actions};

/// The outline and tag of something new.
pub const ADDED: Color32 = Color32::from_rgb(38, 150, 70);
/// The tag of something changed or moved.
pub const CHANGED: Color32 = Color32::from_rgb(214, 140, 20);
/// The mark of something removed.
pub const REMOVED: Color32 = Color32::from_gray(150);

/// What the list shows.
pub struct ComparePanelInput<'a> {
    /// The comparison.
    pub comparison: &'a Comparison,
    /// The file compared with, as a name to read.
    pub other: &'a str,
    /// The entry last clicked.
    pub picked: Option<usize>,
}

/// The colour of a change's mark: green for new, amber for changed or
/// moved, grey for removed.
fn change_color(change: &Change) -> Color32 {
    match change {
        Change::Added { .. } => ADDED,
        Change::Removed { .. } => REMOVED,
        _ => CHANGED,
    }
}

/// Shows the list. Clicking an entry queues [`Action::CompareGo`]; the
/// button at the top queues [`Action::LeaveCompare`].
pub fn compare_panel_ui(ui: &mut Ui, input: &ComparePanelInput<'_>, out: &mut Actions) {
    let ComparePanelInput {
        comparison,
        other,
        picked,
    } = *input;
    ui.heading("Comparison");
    ui.label(format!("What this map changes from {other}"));
    ui.horizontal_wrapped(|ui| {
        for (color, text) in [(ADDED, "new"), (CHANGED, "changed"), (REMOVED, "removed")] {
            swatch(ui, color);
            ui.small(text);
        }
    });
    if ui
        .button("Leave comparison")
        .on_hover_text("Back to the map alone (Esc)")
        .clicked()
    {
        out.push(Action::LeaveCompare);
    }
    ui.separator();
    let entries = &comparison.entries;
    ui.strong(match entries.len() {
        0 => "No differences.".to_owned(),
        1 => "1 change".to_owned(),
        n => format!("{n} changes"),
    });
    let entry_ui = |ui: &mut Ui, i: usize, wrap: bool, out: &mut Actions| {
        let entry = &entries[i];
        ui.horizontal(|ui| {
            if let Some(change) = comparison.diff.changes.get(i) {
                swatch(ui, change_color(change));
            }
            if entry.target == Target::Nowhere {
                let label = egui::Label::new(RichText::new(&entry.text).weak());
                ui.add(if wrap { label.wrap() } else { label.truncate() });
                return;
            }
            let button = egui::Button::selectable(picked == Some(i), &entry.text);
            let response = ui.add(if wrap {
                button.wrap()
            } else {
                button.truncate()
            });
            let response = if wrap {
                response
            } else {
                response.on_hover_text(&entry.text)
            };
            if response.clicked() {
                out.push(Action::CompareGo(i));
            }
        });
    };
    let scroll = egui::ScrollArea::vertical()
        .id_salt("compare_entries")
        .auto_shrink([false, false]);
    if entries.len() <= WRAPPED_ENTRIES {
        scroll.show(ui, |ui| {
            for i in 0..entries.len() {
                entry_ui(ui, i, true, out);
            }
        });
    } else {
        // A comparison of two big maps may list thousands of changes:
        // one line each, and only the rows in view are built.
        let row_height = ui.spacing().interact_size.y;
        scroll.show_rows(ui, row_height, entries.len(), |ui, rows| {
            for i in rows {
                entry_ui(ui, i, false, out);
            }
        });
    }
}

/// Up to this many entries, each is shown whole, wrapped over lines.
const WRAPPED_ENTRIES: usize = 300;

/// A small square of a mark's colour.
fn swatch(ui: &mut Ui, color: Color32) {
    let (rect, _) = ui.allocate_exact_size(Vec2::splat(10.0), Sense::hover());
    ui.painter().rect_filled(rect, CornerRadius::same(2), color);
}
