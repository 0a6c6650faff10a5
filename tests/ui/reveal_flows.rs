//! Going to a place (a finding, a compare entry) shows it whole: clear of
//! the pinned stage headers and lane labels, and at a zoom where its text
//! reads.

use egui::Rect;
use egui_kittest::kittest::Queryable as _;

use crate::common::app::{editor, file_menu, map};
use waymark::analysis::Place;
use waymark::app::dialogs::{Picked, ScriptedDialogs};
use waymark::edit::Document;
use waymark::interchange::sample::sample_map;
use waymark::layout::{Style, layout};
use waymark::paint::card_titles_shown;
use waymark::ui::Action;

#[test]
fn a_located_card_is_revealed_clear_of_the_pinned_headers_and_labels() {
    let mut h = editor(Document::new(sample_map()), &ScriptedDialogs::default());
    let m = map(&h);
    let l = layout(&m, &Style::default());
    let card = m.cards[0].clone();
    let card_box = l.card(card.id).expect("laid out").rect;
    // Zoomed in and scrolled so that the card sits in the top-left corner
    // of the canvas, where the pinned labels and headers are drawn.
    let view = h.state_mut().view_state_mut();
    view.fit_pending = false;
    view.fitted = false;
    view.zoom = 1.5;
    view.pan = egui::vec2(5.0, 5.0) - card_box.min.to_vec2() * 1.5;
    h.run();
    h.state_mut().queue(Action::Locate(Place::Card {
        card: card.id,
        stage: card.stage,
        lane: card.lane,
    }));
    h.run();
    let view = h.state().view_state();
    let shown: Rect = view.view(view.canvas).rect(card_box);
    let labels = l.lanes[0].label.width() * view.zoom;
    let headers = l.stages[0].header.height() * view.zoom;
    assert!(
        shown.left() >= view.canvas.left() + labels - 0.5,
        "the card {shown:?} is right of the pinned lane labels ({labels} wide)"
    );
    assert!(
        shown.top() >= view.canvas.top() + headers - 0.5,
        "the card {shown:?} is below the pinned stage headers ({headers} tall)"
    );
}

#[test]
fn a_comparison_opens_on_its_first_change_with_readable_titles() {
    let dir = tempfile::tempdir().unwrap();
    let older = dir.path().join("older.ron");
    let mut theirs = sample_map();
    std::sync::Arc::make_mut(&mut theirs.cards[3]).title = "An older title".into();
    waymark::format::save(&theirs, &older).unwrap();
    let dialogs = ScriptedDialogs::default();
    let mut h = editor(Document::new(sample_map()), &dialogs);
    dialogs.push(Picked::Path(older));
    file_menu(&mut h, "Compare with…");
    h.run();
    assert!(h.state().comparing_with().is_some());
    let m = map(&h);
    let l = layout(&m, &Style::default());
    let zoom = h.state().view_state().zoom;
    assert!(card_titles_shown(&l, zoom), "titles read at {zoom}");
    let changed = &m.cards[3];
    assert!(
        h.query_all_by_label(&changed.title).next().is_some(),
        "the changed card is on screen"
    );
}
