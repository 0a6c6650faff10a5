//! Presentation mode driven as a facilitator would, through egui_kittest:
//! F5, step through the stages with clicker keys, take a note and undo
//! it, blank the screen, look at the whole map, and leave with Esc to find
//! the editor exactly as it was.

use crate::common;

use egui::{Key, Modifiers, vec2};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;

use common::app::{app_harness, app_map, press, press_with};
use waymark::app::WaymarkApp;
use waymark::app::dialogs::ScriptedDialogs;
use waymark::edit::Document;
use waymark::interchange::sample::sample_map;
use waymark::model::{LaneKind, Map};
use waymark::ui::present::{Blank, PresentKey};
use waymark::ui::{Action, UiCommand};

fn sample() -> Harness<'static, WaymarkApp> {
    app_harness(
        Document::new(sample_map()),
        &ScriptedDialogs::default(),
        vec2(1600.0, 1000.0),
    )
}

/// The current stage's index while presenting.
fn current(h: &Harness<'_, WaymarkApp>) -> usize {
    h.state().presentation().expect("presenting").stage
}

/// Steps forward until the stage changes; returns the presses it took.
fn next_stage(h: &mut Harness<'_, WaymarkApp>) -> usize {
    let from = current(h);
    for presses in 1..=10 {
        press(h, Key::ArrowRight);
        if current(h) != from {
            return presses;
        }
    }
    panic!("→ never left stage {from}");
}

/// The editor's view as the user sees it: pan, zoom, selection, the
/// canvas (which the panels' widths shape) and the analysis panel.
#[derive(Debug, PartialEq)]
struct EditorLook {
    pan: egui::Vec2,
    zoom: f32,
    selection: waymark::ui::view::Selection,
    canvas: egui::Rect,
    panels: waymark::ui::panels::Panels,
    fitted: bool,
}

fn look(h: &Harness<'_, WaymarkApp>) -> EditorLook {
    let app = h.state();
    let v = app.view_state();
    EditorLook {
        pan: v.pan,
        zoom: v.zoom,
        selection: v.selection.clone(),
        canvas: v.canvas,
        panels: app.panels(),
        fitted: v.fitted,
    }
}

#[test]
fn f5_presents_stage_by_stage_and_esc_restores_the_editor_exactly() {
    let mut h = sample();
    // An editor that is not at its defaults: zoomed, panned, a card
    // selected, the analysis panel hidden.
    press_with(&mut h, Modifiers::COMMAND, Key::Equals);
    h.state_mut().view_state_mut().pan += vec2(-37.0, 12.5);
    let card = app_map(&h).cards[3].id;
    h.state_mut().view_state_mut().selection = waymark::ui::view::Selection::card(card);
    press(&mut h, Key::F9);
    h.run();
    let before = look(&h);
    assert!(!before.fitted);
    assert_eq!(
        before.panels.findings,
        Some(false),
        "the findings panel was hidden by hand"
    );
    assert!(
        h.query_by_label("File").is_some(),
        "the editor's menu is shown"
    );

    press(&mut h, Key::F5);
    let map = app_map(&h);
    // It starts on the selected card's stage.
    let start = map.stage_index(map.card(card).unwrap().stage).unwrap();
    assert_eq!(current(&h), start);
    assert!(
        h.query_by_label("File").is_none(),
        "no menu while presenting"
    );
    assert!(
        h.query_by_label("+ Card").is_none(),
        "no toolbar while presenting"
    );

    press(&mut h, Key::Home);
    assert_eq!(current(&h), 0);
    h.get_by_label(&format!("Presenting stage 1 of 6: {}", map.stages[0].name));
    for (i, stage) in map.stages.iter().enumerate().skip(1) {
        next_stage(&mut h);
        assert_eq!(current(&h), i);
        h.get_by_label(&format!("Presenting stage {} of 6: {}", i + 1, stage.name));
    }
    // At the end, → stays on the last stage; End and PageUp and Space too.
    for _ in 0..6 {
        press(&mut h, Key::ArrowRight);
    }
    assert_eq!(current(&h), 5);
    press(&mut h, Key::Home);
    press(&mut h, Key::Space);
    press(&mut h, Key::PageDown);
    // Every stage of the sample fits one screen: a press is a stage.
    assert_eq!(current(&h), 2);
    press(&mut h, Key::End);
    assert_eq!(current(&h), 5);
    press(&mut h, Key::PageUp);
    press(&mut h, Key::ArrowLeft);
    press(&mut h, Key::ArrowLeft);
    press(&mut h, Key::ArrowLeft);
    assert_eq!(current(&h), 1);

    press(&mut h, Key::Escape);
    assert!(h.state().presentation().is_none());
    assert_eq!(look(&h), before);
    assert!(h.query_by_label("File").is_some(), "the menu is back");
    assert_eq!(app_map(&h), sample_map(), "presenting changed nothing");
}

#[test]
fn a_note_is_a_card_in_opportunities_and_undoes_in_one_step() {
    let mut h = sample();
    let before = look(&h);
    press(&mut h, Key::F5);
    press(&mut h, Key::Home);
    next_stage(&mut h);
    let map = app_map(&h);
    let stage = map.stages[1].id;
    let opportunities = map
        .lanes
        .iter()
        .find(|l| l.kind == LaneKind::Opportunities)
        .unwrap()
        .id;

    press(&mut h, Key::N);
    assert_eq!(h.state().dialogs_open().len(), 1);
    // The dialog owns the keyboard: → does not move the stage.
    h.get_by_label("Note").type_text("Free trial of boots");
    press(&mut h, Key::ArrowRight);
    assert_eq!(current(&h), 1);
    press(&mut h, Key::Enter);
    assert!(h.state().dialogs_open().is_empty());
    let after = app_map(&h);
    assert_eq!(after.cards.len(), map.cards.len() + 1);
    let note = after
        .cards
        .iter()
        .find(|c| c.title == "Free trial of boots")
        .expect("the note is a card");
    assert_eq!((note.stage, note.lane), (stage, opportunities));
    assert!(h.state().presentation().is_some(), "still presenting");

    press_with(&mut h, Modifiers::COMMAND, Key::Z);
    assert_eq!(app_map(&h), map, "one undo takes the note away");
    assert!(h.state().presentation().is_some(), "undo keeps presenting");
    press(&mut h, Key::Escape);
    assert_eq!(look(&h), before);
}

#[test]
fn tab_sends_the_note_to_thoughts_and_a_missing_lane_is_made_in_the_same_step() {
    let mut map = sample_map();
    map.lanes.retain(|l| l.kind != LaneKind::Thoughts);
    let lanes: Vec<_> = map.lanes.iter().map(|l| l.id).collect();
    map.cards.retain(|c| lanes.contains(&c.lane));
    let start: Map = map.clone();
    let mut h = app_harness(
        Document::new(map),
        &ScriptedDialogs::default(),
        vec2(1280.0, 720.0),
    );
    press(&mut h, Key::F5);
    press(&mut h, Key::N);
    h.get_by_label("Note").type_text("They doubt the sizes");
    press(&mut h, Key::Tab);
    press(&mut h, Key::Enter);
    let after = app_map(&h);
    let thoughts = after
        .lanes
        .iter()
        .find(|l| l.kind == LaneKind::Thoughts)
        .expect("a Thoughts lane was made");
    let note = after
        .cards
        .iter()
        .find(|c| c.title == "They doubt the sizes")
        .unwrap();
    assert_eq!(note.lane, thoughts.id);
    assert_eq!(note.stage, after.stages[0].id);
    press_with(&mut h, Modifiers::COMMAND, Key::Z);
    assert_eq!(app_map(&h), start, "lane and card undo together");
}

#[test]
fn esc_in_the_note_dialog_cancels_it_and_keeps_presenting() {
    let mut h = sample();
    press(&mut h, Key::F5);
    press(&mut h, Key::N);
    h.get_by_label("Note").type_text("never mind");
    press(&mut h, Key::Escape);
    assert!(h.state().dialogs_open().is_empty());
    assert!(h.state().presentation().is_some());
    assert_eq!(app_map(&h), sample_map());
}

#[test]
fn presenting_goes_idle_once_the_camera_arrives() {
    let mut h = sample();
    press(&mut h, Key::F5);
    press(&mut h, Key::ArrowRight);
    press(&mut h, Key::ArrowRight);
    let camera = h.state().presentation().unwrap().camera.clone();
    assert!(!camera.is_moving());
    // `try_run` fails if frames keep asking for more frames.
    let steps = h.try_run().expect("settles");
    assert!(steps <= 1, "idle presentation ran {steps} frames");
    // A glide does ask for frames until it arrives.
    h.key_press(Key::ArrowRight);
    h.step();
    h.step();
    assert!(h.state().presentation().unwrap().camera.is_moving());
    assert!(h.try_run().is_ok());
    assert!(!h.state().presentation().unwrap().camera.is_moving());
}

#[test]
fn b_and_w_blank_the_screen_and_esc_or_the_key_again_returns() {
    let mut h = sample();
    press(&mut h, Key::F5);
    press(&mut h, Key::B);
    assert_eq!(h.state().presentation().unwrap().blank, Some(Blank::Black));
    h.get_by_label("Presentation, black screen");
    press(&mut h, Key::B);
    assert_eq!(h.state().presentation().unwrap().blank, None);
    press(&mut h, Key::W);
    assert_eq!(h.state().presentation().unwrap().blank, Some(Blank::White));
    press(&mut h, Key::Escape);
    assert_eq!(
        h.state().presentation().unwrap().blank,
        None,
        "Esc unblanks"
    );
    press(&mut h, Key::Escape);
    assert!(h.state().presentation().is_none(), "a second Esc leaves");
}

#[test]
fn o_shows_the_whole_map_and_i_the_stage_info() {
    let mut h = sample();
    press(&mut h, Key::F5);
    press(&mut h, Key::O);
    assert!(h.state().presentation().unwrap().overview);
    h.get_by_label("Presentation, the whole map");
    press(&mut h, Key::O);
    assert!(!h.state().presentation().unwrap().overview);
    press(&mut h, Key::I);
    assert!(h.state().presentation().unwrap().info);
    press(&mut h, Key::I);
    assert!(!h.state().presentation().unwrap().info);
}

#[test]
fn ctrl_s_saves_while_presenting() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("journey.ron");
    waymark::format::save(&sample_map(), &path).unwrap();
    let doc = Document::open(&path).unwrap();
    let mut h = app_harness(doc, &ScriptedDialogs::default(), vec2(1280.0, 720.0));
    press(&mut h, Key::F5);
    press(&mut h, Key::N);
    h.get_by_label("Note").type_text("Saved in the room");
    press(&mut h, Key::Enter);
    assert!(h.state().document().is_dirty());
    press_with(&mut h, Modifiers::COMMAND, Key::S);
    assert!(!h.state().document().is_dirty());
    assert!(h.state().presentation().is_some());
    let saved = std::fs::read_to_string(&path).unwrap();
    assert!(saved.contains("Saved in the room"));
}

#[test]
fn the_presenter_window_shows_the_current_and_next_stage() {
    let mut h = sample();
    h.state_mut()
        .queue(Action::Command(UiCommand::PresenterWindow));
    h.run();
    let state = h.state().presentation().expect("presenting");
    assert!(state.presenter);
    let map = app_map(&h);
    let info = h.state().presenter_snapshot().unwrap();
    assert_eq!(info.current.as_ref().unwrap().name, map.stages[0].name);
    assert_eq!(info.next.as_deref(), Some(map.stages[1].name.as_str()));
    // Without native windows, egui shows the viewport inside this one.
    h.get_by_label(&format!("Next: {}", map.stages[1].name));
    next_stage(&mut h);
    h.get_by_label(&format!("Next: {}", map.stages[2].name));
    // P closes it; presenting goes on.
    press(&mut h, Key::P);
    assert!(!h.state().presentation().unwrap().presenter);
    assert!(
        h.query_by_label(&format!("Next: {}", map.stages[2].name))
            .is_none()
    );
}

#[test]
fn the_pointer_highlight_fades_and_then_asks_for_no_frames() {
    let mut h = sample();
    press(&mut h, Key::F5);
    h.hover_at(egui::pos2(800.0, 500.0));
    h.step();
    let time = h.ctx.input(|i| i.time);
    let laser = &h.state().presentation().unwrap().laser;
    assert_eq!(laser.strength(time), 1.0, "shown while the pointer moves");
    // A still pointer: after the hold and the fade (under 2 s), nothing.
    h.run_steps(10);
    let time = h.ctx.input(|i| i.time);
    assert_eq!(h.state().presentation().unwrap().laser.strength(time), 0.0);
    let steps = h.try_run().expect("settles");
    assert!(steps <= 1, "a still pointer ran {steps} frames");
}

#[test]
fn view_present_in_the_menu_presents_and_presenter_keys_drive_the_map() {
    let mut h = sample();
    h.get_by_label("View").click();
    h.run();
    // The menu item's label carries its shortcut.
    h.get_by_label("Present F5").click();
    h.run();
    assert_eq!(current(&h), 0);
    // The presenter window's keys act on the same presentation.
    for _ in 0..10 {
        h.state_mut()
            .press_in_presenter(waymark::ui::present::PresentKey::Next);
        h.run();
        if current(&h) == 1 {
            break;
        }
    }
    assert_eq!(current(&h), 1);
    h.state_mut()
        .press_in_presenter(waymark::ui::present::PresentKey::Escape);
    h.run();
    assert!(h.state().presentation().is_none());
}

#[test]
fn presenting_a_map_without_stages_shows_it_and_takes_every_key() {
    let mut h = app_harness(
        Document::new(Map::new("No stages yet")),
        &ScriptedDialogs::default(),
        vec2(1280.0, 720.0),
    );
    press(&mut h, Key::F5);
    h.get_by_label("Presentation of an empty map");
    for key in [
        Key::ArrowRight,
        Key::ArrowLeft,
        Key::End,
        Key::Home,
        Key::I,
        Key::O,
        Key::O,
        Key::N,
        Key::Space,
    ] {
        press(&mut h, key);
    }
    assert!(
        h.state().dialogs_open().is_empty(),
        "no note without a stage"
    );
    assert_eq!(current(&h), 0);
    assert_eq!(app_map(&h), Map::new("No stages yet"));
    press(&mut h, Key::Escape);
    assert!(h.state().presentation().is_none());
}

#[test]
fn a_failed_save_while_presenting_opens_its_dialog_over_the_map() {
    let dir = tempfile::tempdir().unwrap();
    // A file whose folder is gone: the save cannot happen.
    let path = dir.path().join("gone").join("journey.ron");
    let doc = Document::opened(sample_map(), path);
    let mut h = app_harness(doc, &ScriptedDialogs::default(), vec2(1280.0, 720.0));
    press(&mut h, Key::F5);
    press_with(&mut h, Modifiers::COMMAND, Key::S);
    assert!(
        matches!(
            h.state().dialogs_open(),
            [waymark::app::Dialog::SaveFailed(_)]
        ),
        "{:?}",
        h.state().dialogs_open()
    );
    h.get_by_label("Could not save");
    // The dialog owns the keys: → does not move the presentation.
    let stage = current(&h);
    press(&mut h, Key::ArrowRight);
    assert_eq!(current(&h), stage);
    press(&mut h, Key::Escape);
    assert!(h.state().dialogs_open().is_empty());
    assert!(h.state().presentation().is_some(), "still presenting");
}

#[test]
fn an_error_stays_on_the_projected_screen_in_a_band() {
    use waymark::layout::{Style, layout};
    use waymark::theme::PresentTheme;
    use waymark::ui::present::{PresentInput, PresentState, present_ui};

    let map = sample_map();
    let layout = layout(&map, &Style::default());
    let theme = PresentTheme::new();
    let mut h = Harness::builder()
        .with_size(vec2(1280.0, 720.0))
        .build_ui_state(
            move |ui, (state, fonts): &mut (PresentState, bool)| {
                // The map's fonts first (its bold face): ready next frame.
                if !*fonts {
                    ui.ctx().set_fonts(waymark::paint::font_definitions());
                    *fonts = true;
                    return;
                }
                let input = PresentInput {
                    map: &map,
                    layout: &layout,
                    theme: &theme,
                    brief: None,
                    error: Some("Could not apply the change: the stage is gone"),
                    votes: Default::default(),
                    room: Default::default(),
                };
                present_ui(ui, &input, state);
            },
            (PresentState::new(0, 0.0), false),
        );
    h.run_steps(2);
    h.run();
    h.get_by_label("Could not apply the change: the stage is gone");
    h.get_by_label("Presenting stage 1 of 6: Awareness");
}

#[test]
fn t_runs_a_time_box_that_the_presenter_window_shows_and_t_stops_it() {
    let mut h = sample();
    h.state_mut()
        .queue(Action::Command(UiCommand::PresenterWindow));
    h.run();
    press(&mut h, Key::Plus);
    press(&mut h, Key::T);
    let timer = h.state().presentation().expect("presenting").timer;
    assert_eq!(timer.minutes, 6, "+ made it a minute longer");
    assert!(timer.started.is_some(), "T started it");
    // kittest's clock barely moves: the box shows its full length.
    h.get_by_label("Time-box 6:00");
    assert_eq!(app_map(&h), sample_map(), "the map is untouched");
    press(&mut h, Key::T);
    assert!(h.state().presentation().unwrap().timer.started.is_none());
    assert!(h.query_by_label_contains("Time-box").is_none());
}

/// Presses of → from the first stop to the last, and the screen shares
/// the current stage's column took at each stop.
fn walk_through(size: egui::Vec2) -> (usize, Vec<f32>) {
    let mut h = app_harness(
        Document::new(sample_map()),
        &ScriptedDialogs::default(),
        size,
    );
    press(&mut h, Key::F5);
    press(&mut h, Key::Home);
    let at = |h: &Harness<'_, WaymarkApp>| {
        let p = h.state().presentation().expect("presenting");
        (p.stage, p.stop)
    };
    let mut presses = 0;
    let mut shares = Vec::new();
    loop {
        shares.push(h.state().presented_stage_share().expect("a stage is shown"));
        let before = at(&h);
        press(&mut h, Key::ArrowRight);
        if at(&h) == before {
            break;
        }
        presses += 1;
        assert!(presses < 40, "→ never reached the end");
    }
    assert_eq!(at(&h).0, 5, "walked to the last stage");
    (presses, shares)
}

#[test]
fn the_sample_takes_at_most_eight_presses_and_each_stage_fills_the_screen() {
    for size in [vec2(1920.0, 1080.0), vec2(1280.0, 720.0)] {
        let (presses, shares) = walk_through(size);
        assert!(presses <= 8, "{size:?}: {presses} presses");
        // The stage in the spotlight takes most of the width; the veiled
        // neighbours are context at its sides, not half the screen.
        for share in shares {
            assert!(
                share >= 0.6,
                "{size:?}: the stage takes {share:.2} of the width"
            );
        }
    }
}

#[test]
fn n_in_the_presenter_window_opens_the_note_there_and_enter_adds_it() {
    let mut h = sample();
    h.state_mut()
        .queue(Action::Command(UiCommand::PresenterWindow));
    h.run();
    next_stage(&mut h);
    let map = app_map(&h).clone();
    h.state_mut().press_in_presenter(PresentKey::Note);
    h.run();
    h.run();
    // The note is typed in the presenter window, not on the projector: no
    // dialog opens over the map.
    assert!(
        h.state().dialogs_open().is_empty(),
        "no dialog on the projector"
    );
    h.get_by_label(&format!("Note on “{}”", map.stages[1].name));
    // Keys typed go into the note, not to the presentation (B would blank).
    common::app::type_like_a_keyboard(&mut h, "Bring boots");
    let p = h.state().presentation().expect("still presenting");
    assert_eq!((p.stage, p.blank), (1, None));
    press(&mut h, Key::Enter);
    h.run();
    let after = app_map(&h);
    assert_eq!(after.cards.len(), map.cards.len() + 1);
    let note = after
        .cards
        .iter()
        .find(|c| map.card(c.id).is_none())
        .expect("a new card");
    assert_eq!(note.title, "Bring boots");
    assert_eq!(note.stage, map.stages[1].id);
    assert!(h.query_by_label_contains("Note on").is_none(), "closed");
    // Esc in the note forgets it and leaves the presentation running.
    h.state_mut().press_in_presenter(PresentKey::Note);
    h.run();
    h.run();
    common::app::type_like_a_keyboard(&mut h, "gone");
    press(&mut h, Key::Escape);
    h.run();
    assert!(h.query_by_label_contains("Note on").is_none());
    assert!(
        h.state().presentation().is_some(),
        "Esc closed the note only"
    );
    assert_eq!(app_map(&h).cards.len(), map.cards.len() + 1);
}
