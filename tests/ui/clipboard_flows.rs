//! Cut, copy, paste, duplicate and find on the real app through
//! egui_kittest: each flow checks the map, then that one undo takes it
//! back. The platform turns Ctrl+C/X/V into `Event::Copy/Cut/Paste`, so
//! the tests send those events, as egui-winit does.

use crate::common;

use std::collections::HashSet;

use egui::accesskit::Role;
use egui::{Event, Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;

use waymark::app::WaymarkApp;

use common::app::{editor, map, show_an_error_dialog};
use waymark::app::dialogs::ScriptedDialogs;
use waymark::edit::Document;
use waymark::interchange::sample::sample_map;
use waymark::model::{CardId, LaneKind, Map};
use waymark::ui::find::FindScope;
use waymark::ui::view::Highlight;

fn send(h: &mut Harness<'_, WaymarkApp>, event: Event) {
    h.event(event);
    h.run();
}

fn undo(h: &mut Harness<'_, WaymarkApp>) {
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
}

fn selected(h: &Harness<'_, WaymarkApp>) -> HashSet<CardId> {
    h.state().view_state().selection.cards.clone()
}

fn new_cards(before: &Map, after: &Map) -> Vec<CardId> {
    let old: HashSet<CardId> = before.cards.iter().map(|c| c.id).collect();
    after
        .cards
        .iter()
        .filter(|c| !old.contains(&c.id))
        .map(|c| c.id)
        .collect()
}

fn status(h: &Harness<'_, WaymarkApp>) -> String {
    h.state()
        .status()
        .map(|s| s.text.clone())
        .unwrap_or_default()
}

#[test]
fn copy_two_cards_and_paste_them_into_another_stage_then_undo() {
    let mut h = editor(Document::new(sample_map()), &ScriptedDialogs::default());
    let before = map(&h);
    let first = &before.stages[0];
    let target = &before.stages[2];
    let two: Vec<CardId> = before.stage_cards(first.id).take(2).map(|c| c.id).collect();
    h.state_mut().view_state_mut().selection.cards = two.iter().copied().collect();
    send(&mut h, Event::Copy);
    let text = h.state().copied_text().expect("copied").to_owned();
    assert_eq!(text.lines().count(), 3, "a header and two rows:\n{text}");
    assert!(text.starts_with("stage\tlane\ttitle\t"));

    h.get_by_label(&format!("Stage {}", target.name)).click();
    h.run();
    send(&mut h, Event::Paste(text));
    let after = map(&h);
    let added = new_cards(&before, &after);
    assert_eq!(added.len(), 2);
    for new in &added {
        let new = after.card(*new).unwrap();
        let old = two
            .iter()
            .filter_map(|id| before.card(*id))
            .find(|c| c.title == new.title)
            .expect("a pasted card is one of the copied");
        assert_ne!(new.id, old.id, "pasted cards get fresh ids");
        assert_eq!(new.stage, target.id);
        assert_eq!(new.lane, old.lane);
        assert_eq!(
            (
                &new.title,
                &new.notes,
                &new.emotion,
                &new.channel,
                &new.owner
            ),
            (
                &old.title,
                &old.notes,
                &old.emotion,
                &old.channel,
                &old.owner
            )
        );
        assert_eq!(new.personas, old.personas);
    }
    assert_eq!(selected(&h), added.iter().copied().collect());
    assert_eq!(after.stages.len(), before.stages.len());

    undo(&mut h);
    assert_eq!(map(&h), before, "one paste is one undo step");
}

#[test]
fn cut_then_paste_into_another_stage_and_undo_both() {
    let mut h = editor(Document::new(sample_map()), &ScriptedDialogs::default());
    let before = map(&h);
    let title = "Instagram trail video ad";
    h.get_by_label(title).click();
    h.run();
    send(&mut h, Event::Cut);
    assert!(map(&h).cards.iter().all(|c| c.title != title));
    assert!(h.state().copied_text().unwrap().contains(title));
    assert_eq!(status(&h), "Cut 1 card");

    let target = before.stages.last().unwrap().clone();
    h.get_by_label(&format!("Stage {}", target.name)).click();
    h.run();
    let text = h.state().copied_text().unwrap().to_owned();
    send(&mut h, Event::Paste(text));
    let after = map(&h);
    let card = after
        .cards
        .iter()
        .find(|c| c.title == title)
        .expect("pasted");
    assert_eq!(card.stage, target.id);
    assert_eq!(after.cards.len(), before.cards.len());

    undo(&mut h);
    assert!(map(&h).cards.iter().all(|c| c.title != title));
    undo(&mut h);
    assert_eq!(map(&h), before);
}

#[test]
fn ctrl_d_duplicates_a_card_right_after_itself_in_one_step() {
    let mut h = editor(Document::new(sample_map()), &ScriptedDialogs::default());
    let before = map(&h);
    let title = "Instagram trail video ad";
    h.get_by_label(title).click();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::D);
    h.run();
    let after = map(&h);
    let added = new_cards(&before, &after);
    assert_eq!(added.len(), 1);
    let original = before.cards.iter().find(|c| c.title == title).unwrap();
    let copy = after.card(added[0]).unwrap();
    assert_eq!(copy.title, title);
    let cell: Vec<CardId> = after
        .cell_cards(original.stage, original.lane)
        .map(|c| c.id)
        .collect();
    let at = cell.iter().position(|id| *id == original.id).unwrap();
    assert_eq!(
        cell[at + 1],
        copy.id,
        "the copy sits right after the original"
    );
    assert_eq!(selected(&h), HashSet::from([copy.id]));

    undo(&mut h);
    assert_eq!(map(&h), before);
}

#[test]
fn spreadsheet_rows_with_a_header_make_cards_and_stages_in_one_step() {
    let mut h = editor(Document::new(sample_map()), &ScriptedDialogs::default());
    let before = map(&h);
    let anchor = "Instagram trail video ad";
    h.get_by_label(anchor).click();
    h.run();
    let rows = "Stage\tTitle\tOwner\tEmotion score\n\
                Loyalty Club\tWelcome pack\tCRM\t2\n\
                \tLoose note\t\t\n";
    send(&mut h, Event::Paste(rows.to_owned()));
    let after = map(&h);
    assert_eq!(after.cards.len(), before.cards.len() + 2);
    let club = after
        .stages
        .iter()
        .find(|s| s.name == "Loyalty Club")
        .expect("the missing stage is made");
    let pack = after
        .cards
        .iter()
        .find(|c| c.title == "Welcome pack")
        .unwrap();
    assert_eq!(pack.stage, club.id);
    assert_eq!(pack.owner, "CRM");
    assert_eq!(pack.emotion.as_ref().unwrap().score.value(), 2);
    let anchor_card = before.cards.iter().find(|c| c.title == anchor).unwrap();
    let loose = after
        .cards
        .iter()
        .find(|c| c.title == "Loose note")
        .unwrap();
    assert_eq!(
        (loose.stage, loose.lane),
        (anchor_card.stage, anchor_card.lane),
        "a row without a stage goes into the selected cell"
    );
    assert_eq!(selected(&h), HashSet::from([pack.id, loose.id]));

    undo(&mut h);
    assert_eq!(map(&h), before);
}

#[test]
fn plain_lines_make_one_card_each_in_the_first_touchpoints_cell() {
    let mut h = editor(Document::new(sample_map()), &ScriptedDialogs::default());
    let before = map(&h);
    send(
        &mut h,
        Event::Paste("Newsletter\n\n  Webinar \n".to_owned()),
    );
    let after = map(&h);
    let added = new_cards(&before, &after);
    let titles: Vec<&str> = added
        .iter()
        .map(|id| after.card(*id).unwrap().title.as_str())
        .collect();
    assert_eq!(titles, ["Newsletter", "Webinar"]);
    let touchpoints = before
        .lanes
        .iter()
        .find(|l| l.kind == LaneKind::Touchpoints)
        .unwrap();
    for id in &added {
        let card = after.card(*id).unwrap();
        assert_eq!(
            (card.stage, card.lane),
            (before.stages[0].id, touchpoints.id)
        );
    }
    assert_eq!(selected(&h), added.iter().copied().collect());

    undo(&mut h);
    assert_eq!(map(&h), before);
}

#[test]
fn a_bad_row_pastes_nothing_and_says_which_row_and_column() {
    let mut h = editor(Document::new(sample_map()), &ScriptedDialogs::default());
    let before = map(&h);
    send(
        &mut h,
        Event::Paste("title\temotion_score\nFine\t1\nBad\t9\n".to_owned()),
    );
    assert_eq!(map(&h), before, "nothing changes");
    let shown = h.state().status().expect("an error is shown").clone();
    assert!(shown.error);
    assert!(
        shown.text.contains("row 3") && shown.text.contains("emotion_score"),
        "{}",
        shown.text
    );
    h.get_by_label_contains("`9` is not an emotion score");
    // No undo step was made either.
    assert!(h.state().document().history().undo_label().is_none());
    undo(&mut h);
    assert_eq!(map(&h), before);
}

#[test]
fn find_highlights_steps_through_matches_and_esc_restores_the_view() {
    let mut h = editor(Document::new(sample_map()), &ScriptedDialogs::default());
    let before = map(&h);
    // Zoomed in, so stepping has to move the view to show each match.
    for _ in 0..4 {
        h.key_press_modifiers(Modifiers::COMMAND, Key::Equals);
        h.run();
    }
    let (pan, zoom) = {
        let v = h.state().view_state();
        (v.pan, v.zoom)
    };
    h.key_press_modifiers(Modifiers::COMMAND, Key::F);
    h.run();
    assert!(h.state().find_bar().open);
    h.get_by_role_and_label(Role::TextInput, "Find")
        .type_text("CHECKOUT");
    h.run();
    // Every card whose words hold "checkout", whatever the case.
    let expected: HashSet<CardId> = before
        .cards
        .iter()
        .filter(|c| {
            [&c.title, &c.notes, &c.owner, &c.metric]
                .iter()
                .any(|t| t.to_lowercase().contains("checkout"))
        })
        .map(|c| c.id)
        .collect();
    let found: Vec<Highlight> = h.state().find_bar().matches().to_vec();
    let found_cards: HashSet<CardId> = found
        .iter()
        .filter_map(|m| match m {
            Highlight::Card(id) => Some(*id),
            _ => None,
        })
        .collect();
    assert!(expected.len() >= 2, "the sample has several checkout cards");
    assert_eq!(found_cards, expected);
    let n = found.len();
    h.get_by_label(&format!("1 of {n}"));
    assert_eq!(h.state().view_state().highlight, Some(found[0]));

    h.key_press(Key::Enter);
    h.run();
    h.get_by_label(&format!("2 of {n}"));
    assert_eq!(h.state().view_state().highlight, Some(found[1]));
    h.key_press_modifiers(Modifiers::SHIFT, Key::Enter);
    h.run();
    h.key_press_modifiers(Modifiers::SHIFT, Key::Enter);
    h.run();
    h.get_by_label(&format!("{n} of {n}"));
    assert_eq!(h.state().view_state().highlight, Some(found[n - 1]));

    assert_ne!(h.state().view_state().pan, pan, "the matches were revealed");

    h.key_press(Key::Escape);
    h.run();
    assert!(!h.state().find_bar().open);
    let v = h.state().view_state();
    assert_eq!((v.pan, v.zoom), (pan, zoom), "Esc puts the view back");
    assert_eq!(v.highlight, None);
    // Finding is not an edit: nothing to undo, the map as it was.
    assert!(h.state().document().history().undo_label().is_none());
    assert_eq!(map(&h), before);
}

#[test]
fn find_ignores_accents() {
    let mut h = editor(Document::new(sample_map()), &ScriptedDialogs::default());
    let title = h.state().document().map().cards[0].title.clone();
    // Rename a card to an accented title, then look for it unaccented.
    let id = h.state().document().map().cards[0].id;
    h.state_mut().queue(waymark::ui::Action::Edit {
        command: waymark::edit::Command::EditCard {
            id,
            field: waymark::edit::CardField::Title(format!("{title} Crème brûlée")),
        },
        merge: None,
    });
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::F);
    h.run();
    h.get_by_role_and_label(Role::TextInput, "Find")
        .type_text("creme BRULEE");
    h.run();
    assert_eq!(h.state().find_bar().matches(), [Highlight::Card(id)]);
}

#[test]
fn ctrl_f_after_a_click_in_the_analysis_panel_filters_the_findings() {
    let mut h = editor(Document::new(sample_map()), &ScriptedDialogs::default());
    let total = h.state_mut().current_analysis().findings.len();
    h.get_by_label("Findings").click();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::F);
    h.run();
    assert_eq!(h.state().find_bar().scope, FindScope::Findings);
    h.get_by_label(&format!("{total} findings"));
    h.get_by_role_and_label(Role::TextInput, "Find in findings")
        .type_text("checkout");
    h.run();
    let expected = h
        .state_mut()
        .current_analysis()
        .findings
        .iter()
        .filter(|f| {
            format!("{}\n{}", f.message, f.suggestion)
                .to_lowercase()
                .contains("checkout")
        })
        .count();
    assert!(expected < total);
    h.get_by_label(&format!("{expected} findings"));
}

#[test]
fn select_all_in_a_stage_from_its_menu_then_zoom_to_the_selection() {
    let mut h = editor(Document::new(sample_map()), &ScriptedDialogs::default());
    let m = map(&h);
    let stage = &m.stages[1];
    h.get_by_label(&format!("Stage {}", stage.name))
        .click_secondary();
    h.run();
    h.get_by_label("Select All Cards in Stage").click();
    h.run();
    let expected: HashSet<CardId> = m.stage_cards(stage.id).map(|c| c.id).collect();
    assert!(!expected.is_empty());
    assert_eq!(selected(&h), expected);

    let zoom = h.state().view_state().zoom;
    h.key_press_modifiers(Modifiers::COMMAND, Key::Num2);
    h.run();
    assert!(
        h.state().view_state().zoom > zoom,
        "one stage fills more of the window"
    );
    // Every selected card is on screen.
    let canvas = h.state().view_state().canvas;
    for title in m.stage_cards(stage.id).map(|c| c.title.clone()) {
        assert!(
            canvas.contains_rect(h.get_by_label(&title).rect()),
            "{title}"
        );
    }
}

#[test]
fn a_focused_text_field_keeps_its_own_paste() {
    let mut h = editor(Document::new(sample_map()), &ScriptedDialogs::default());
    let title = "Instagram trail video ad";
    h.get_by_label(title).click();
    h.run();
    h.get_by_label("Owner").focus();
    h.run();
    let before = map(&h);
    send(&mut h, Event::Paste("Zed".to_owned()));
    let after = map(&h);
    assert_eq!(after.cards.len(), before.cards.len(), "no card was pasted");
    let card = after.cards.iter().find(|c| c.title == title).unwrap();
    assert!(card.owner.contains("Zed"), "owner: {}", card.owner);
}

#[test]
fn esc_on_a_dialog_closes_the_dialog_and_leaves_the_find_bar_open() {
    let mut h = editor(Document::new(sample_map()), &ScriptedDialogs::default());
    h.key_press_modifiers(Modifiers::COMMAND, Key::F);
    h.run();
    show_an_error_dialog(&mut h);
    h.key_press(Key::Escape);
    h.run();
    assert!(h.query_by_label("Something went wrong").is_none());
    assert!(h.state().find_bar().open, "Esc went past the dialog");
}

#[test]
fn a_stage_copied_from_one_map_is_recreated_in_another() {
    let mut from = editor(Document::new(sample_map()), &ScriptedDialogs::default());
    let sample = map(&from);
    let stage = sample.stages[2].clone();
    from.get_by_label(&format!("Stage {}", stage.name)).click();
    from.run();
    send(&mut from, Event::Copy);
    let text = from.state().copied_text().expect("copied").to_owned();

    let dialogs = ScriptedDialogs::default();
    let mut to = Harness::builder()
        .with_size(egui::vec2(1600.0, 1000.0))
        .build_eframe(move |cc| {
            WaymarkApp::new(cc, Document::new(Map::new("Colleague")), Box::new(dialogs))
        });
    to.run();
    send(&mut to, Event::Paste(text));
    let pasted = map(&to);
    assert_eq!(pasted.stages.len(), 1);
    assert_eq!(pasted.stages[0].name, stage.name);
    let titles = |m: &Map, s| -> Vec<String> {
        m.stage_cards(s)
            .map(|c| c.title.clone())
            .collect::<Vec<_>>()
    };
    let mut want = titles(&sample, stage.id);
    let mut got = titles(&pasted, pasted.stages[0].id);
    want.sort();
    got.sort();
    assert_eq!(got, want);
    undo(&mut to);
    assert_eq!(map(&to), Map::new("Colleague"));
}
