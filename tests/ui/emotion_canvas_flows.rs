//! The emotion row and the legend on the real app, through egui_kittest:
//! a stage's low-point face takes the user to its card, and a persona's
//! legend toggle shows or hides that persona's own curve.

use crate::common;

use egui::Pos2;
use egui_kittest::Harness;

use waymark::app::WaymarkApp;

use common::app::editor_sized;
use waymark::layout::{Layout, Style, layout};

fn map_layout(h: &Harness<'_, WaymarkApp>) -> Layout {
    layout(h.state().document().map(), &Style::default())
}

/// Clicks at a map point, wherever the view has put it on screen.
fn click_map_point(h: &mut Harness<'_, WaymarkApp>, p: Pos2) {
    let view = h.state().view_state();
    let pos = view.view(view.canvas).to_screen(p);
    crate::common::app::click_at(h, pos);
    h.run();
}

#[test]
fn clicking_a_stage_low_point_selects_the_card_it_names() {
    let mut h = editor_sized(1600.0, 1000.0);
    let low = map_layout(&h)
        .low_points
        .into_iter()
        .next()
        .expect("the sample has a stage with a low point");
    assert!(h.state().view_state().selection.cards.is_empty());
    click_map_point(&mut h, low.pos);
    let selection = &h.state().view_state().selection;
    assert_eq!(selection.cards.len(), 1, "{selection:?}");
    assert!(selection.cards.contains(&low.card), "{selection:?}");
}

#[test]
fn a_persona_legend_toggle_shows_and_hides_that_personas_curve() {
    let mut h = editor_sized(1600.0, 1000.0);
    let (persona, rect) = map_layout(&h)
        .legend_personas
        .into_iter()
        .next()
        .expect("the sample has personas in the legend");
    assert!(h.state().view_state().persona_curves.is_empty());
    click_map_point(&mut h, rect.center());
    assert_eq!(h.state().view_state().persona_curves, vec![persona]);
    // Let the double-click window pass, so the second click is a click.
    for _ in 0..30 {
        h.step();
    }
    click_map_point(&mut h, rect.center());
    assert!(h.state().view_state().persona_curves.is_empty());
    // A view choice: the map is untouched.
    assert!(!h.state().document().is_dirty());
}
