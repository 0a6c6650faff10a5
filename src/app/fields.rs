//! The first field of a dialog, which takes the focus: used by the dialog
//! bodies in `modals` and `export_dialog`.

use egui::Ui;

/// A text field that takes the focus when its dialog opens, with its text
/// selected so typing replaces it.
pub(super) fn first_field(
    ui: &mut Ui,
    label: &str,
    text: &mut String,
    fresh: bool,
) -> egui::Response {
    let l = ui.label(label);
    let output = egui::TextEdit::singleline(text)
        .desired_width(f32::INFINITY)
        .show(ui);
    let response = output.response.response.labelled_by(l.id);
    if fresh {
        let mut state = output.state;
        state
            .cursor
            .set_char_range(Some(egui::text::CCursorRange::select_all_str(text)));
        state.store(ui.ctx(), response.id);
        response.request_focus();
    }
    response
}
