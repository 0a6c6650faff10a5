//! UI flows on the real app through egui_kittest, with no display:
//! add a stage, add a card and type its title, set its emotion, drag it to
//! another stage, undo and redo, save and reload.

use crate::common;

use egui::{Modifiers, Pos2, pos2};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;

use waymark::app::WaymarkApp;

use common::app::{editor, map};
use waymark::app::dialogs::{Picked, ScriptedDialogs};
use waymark::edit::Document;
use waymark::format;
use waymark::interchange::sample::sample_map;
use waymark::model::{Map, Score};

fn card_stage_name(h: &Harness<'_, WaymarkApp>, title: &str) -> String {
    let m = map(h);
    let card = m
        .cards
        .iter()
        .find(|c| c.title == title)
        .expect("card exists");
    m.stage(card.stage).expect("stage").name.clone()
}

fn center(h: &Harness<'_, WaymarkApp>, label: &str) -> Pos2 {
    h.get_by_label(label).rect().center()
}

#[test]
fn build_a_journey_by_hand_then_undo_redo_and_save() {
    let dialogs = ScriptedDialogs::default();
    let mut h = editor(Document::new(sample_map()), &dialogs);
    let stages_before = map(&h).stages.len();

    // 1. Add a stage and name it.
    h.get_by_label("+ Stage").click();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, egui::Key::A);
    h.get_by_label("Edit stage name").type_text("Loyalty");
    h.key_press(egui::Key::Enter);
    h.run();
    let m = map(&h);
    assert_eq!(m.stages.len(), stages_before + 1);
    assert_eq!(m.stages.last().unwrap().name, "Loyalty");

    // 2. Add a card there and type its title.
    h.get_by_label("+ Card").click();
    h.run();
    h.get_by_label("Edit card title").type_text("Welcome call");
    h.key_press(egui::Key::Enter);
    h.run();
    assert_eq!(card_stage_name(&h, "Welcome call"), "Loyalty");

    // 3. Set its emotion with the clickable scale in the inspector.
    h.get_by_label("Emotion +2 very positive").click();
    h.run();
    let m = map(&h);
    let card = m.cards.iter().find(|c| c.title == "Welcome call").unwrap();
    assert_eq!(
        card.emotion.as_ref().map(|e| e.score),
        Some(Score::clamped(2))
    );

    // 4. Drag it to the Awareness stage, same lane.
    h.get_by_label("Fit").click();
    h.run();
    let from = center(&h, "Welcome call");
    let to = pos2(center(&h, "Stage Awareness").x, from.y);
    h.drag_at(from);
    h.run();
    for i in 1..=10 {
        h.hover_at(from + (to - from) * (i as f32 / 10.0));
        h.run();
    }
    h.drop_at(to);
    h.run();
    assert_eq!(card_stage_name(&h, "Welcome call"), "Awareness");

    // 5. Undo puts it back; redo moves it again. The drag was one step.
    h.key_press_modifiers(Modifiers::COMMAND, egui::Key::Z);
    h.run();
    assert_eq!(card_stage_name(&h, "Welcome call"), "Loyalty");
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, egui::Key::Z);
    h.run();
    assert_eq!(card_stage_name(&h, "Welcome call"), "Awareness");
    h.key_press_modifiers(Modifiers::COMMAND, egui::Key::Z);
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, egui::Key::Y);
    h.run();
    assert_eq!(card_stage_name(&h, "Welcome call"), "Awareness");

    // 6. Save to a temporary file and reload it: the same map.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("journey.ron");
    dialogs.push(Picked::Path(path.clone()));
    h.key_press_modifiers(Modifiers::COMMAND, egui::Key::S);
    h.run();
    assert!(!h.state().document().is_dirty());
    let reloaded = format::load(&path).expect("saved file loads");
    assert_eq!(reloaded, map(&h));
}

#[test]
fn ctrl_s_on_an_unchanged_file_rewrites_identical_bytes() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("sample.ron");
    format::save(&sample_map(), &path).unwrap();
    let before = std::fs::read(&path).unwrap();
    let modified_before = std::fs::metadata(&path).unwrap().modified().unwrap();
    std::thread::sleep(std::time::Duration::from_millis(20));
    let dialogs = ScriptedDialogs::default();
    let mut h = editor(Document::open(&path).unwrap(), &dialogs);
    h.key_press_modifiers(Modifiers::COMMAND, egui::Key::S);
    h.run();
    assert_eq!(std::fs::read(&path).unwrap(), before);
    let modified_after = std::fs::metadata(&path).unwrap().modified().unwrap();
    assert!(modified_after > modified_before, "Ctrl+S always writes");
}

#[test]
fn typing_a_title_in_the_inspector_is_one_undo_step() {
    let dialogs = ScriptedDialogs::default();
    let mut h = editor(Document::new(sample_map()), &dialogs);
    let first = map(&h).cards[0].title.clone();
    h.get_by_label(&first).click();
    h.run();
    h.get_by_label("Title").focus();
    h.run();
    h.key_press(egui::Key::End);
    h.get_by_label("Title").type_text(" now");
    h.run();
    h.get_by_label("Title").type_text("!");
    h.run();
    assert_eq!(map(&h).cards[0].title, format!("{first} now!"));
    h.key_press(egui::Key::Escape);
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, egui::Key::Z);
    h.run();
    assert_eq!(map(&h).cards[0].title, first);
    assert_eq!(map(&h), sample_map());
}

#[test]
fn keys_delete_set_emotion_and_move_the_selection() {
    let dialogs = ScriptedDialogs::default();
    let mut h = editor(Document::new(sample_map()), &dialogs);
    let m = map(&h);
    let card = m.cards[0].clone();
    h.get_by_label(&card.title).click();
    h.run();
    h.key_press(egui::Key::Num1);
    h.run();
    assert_eq!(
        map(&h)
            .card(card.id)
            .unwrap()
            .emotion
            .as_ref()
            .map(|e| e.score.value()),
        Some(-2)
    );
    h.key_press(egui::Key::ArrowRight);
    h.run();
    assert_eq!(map(&h).card(card.id).unwrap().stage, m.stages[1].id);
    h.key_press(egui::Key::Delete);
    h.run();
    assert!(map(&h).card(card.id).is_none());
    h.key_press_modifiers(Modifiers::COMMAND, egui::Key::Z);
    h.run();
    assert!(map(&h).card(card.id).is_some());
}

#[test]
fn rubber_band_selects_cards_and_deletes_them_together() {
    let dialogs = ScriptedDialogs::default();
    let mut h = editor(Document::new(sample_map()), &dialogs);
    let m = map(&h);
    // From the cell padding above-left of the first card (background) to
    // the middle of the second, which stands below it in the same cell.
    let a = h.get_by_label(&m.cards[0].title).rect();
    let start = a.left_top() - egui::vec2(4.0, 4.0);
    let end = center(&h, &m.cards[1].title);
    h.event_modifiers(
        egui::Event::PointerButton {
            pos: start,
            button: egui::PointerButton::Primary,
            pressed: true,
            modifiers: Modifiers::SHIFT,
        },
        Modifiers::SHIFT,
    );
    h.run();
    for i in 1..=5 {
        h.event_modifiers(
            egui::Event::PointerMoved(start + (end - start) * (i as f32 / 5.0)),
            Modifiers::SHIFT,
        );
        h.run();
    }
    h.event_modifiers(
        egui::Event::PointerButton {
            pos: end,
            button: egui::PointerButton::Primary,
            pressed: false,
            modifiers: Modifiers::SHIFT,
        },
        Modifiers::SHIFT,
    );
    h.run();
    let selected = &h.state().view_state().selection.cards;
    assert!(
        selected.contains(&m.cards[0].id) && selected.contains(&m.cards[1].id),
        "{selected:?}"
    );
    h.key_press(egui::Key::Delete);
    h.run();
    assert!(map(&h).card(m.cards[0].id).is_none());
    assert!(map(&h).card(m.cards[1].id).is_none());
}

#[test]
fn without_a_file_dialog_the_app_asks_for_a_typed_path() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("typed.ron");
    let dialogs = ScriptedDialogs::default();
    dialogs.push(Picked::Unavailable);
    let mut h = editor(Document::new(sample_map()), &dialogs);
    h.key_press_modifiers(Modifiers::COMMAND, egui::Key::S);
    h.run();
    let field = h.get_by_label("Path");
    field.focus();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, egui::Key::A);
    h.run();
    h.get_by_label("Path")
        .type_text(&path.display().to_string());
    h.run();
    h.get_by_label("Save").click();
    h.run();
    let status = h.state().status().cloned();
    assert_eq!(format::load(&path).ok(), Some(sample_map()), "{status:?}");
}

#[test]
fn new_with_unsaved_changes_asks_first() {
    let dialogs = ScriptedDialogs::default();
    let mut h = editor(Document::new(sample_map()), &dialogs);
    h.key_press(egui::Key::Num5); // nothing selected: no change
    h.get_by_label("+ Stage").click();
    h.run();
    h.key_press(egui::Key::Enter);
    h.run();
    assert!(h.state().document().is_dirty());
    h.key_press_modifiers(Modifiers::COMMAND, egui::Key::N);
    h.run();
    h.get_by_label("Cancel").click();
    h.run();
    assert_eq!(map(&h).title, sample_map().title);
    h.key_press_modifiers(Modifiers::COMMAND, egui::Key::N);
    h.run();
    h.get_by_label("Don't Save").click();
    h.run();
    assert_eq!(map(&h), Map::blank());
}

#[test]
fn an_idle_editor_requests_no_repaint() {
    let dialogs = ScriptedDialogs::default();
    let mut h = editor(Document::new(sample_map()), &dialogs);
    // `try_run` fails if frames keep asking for more frames.
    assert!(h.try_run().is_ok());
    let steps = h.try_run().unwrap();
    assert!(steps <= 1, "idle app ran {steps} frames");
}

#[test]
fn clicking_a_finding_selects_its_card_and_dismissing_saves_in_the_map() {
    let dialogs = ScriptedDialogs::default();
    let mut h = editor(Document::new(sample_map()), &dialogs);
    let analysis = waymark::analysis::analyze(&sample_map());
    let finding = analysis
        .findings
        .iter()
        .find(|f| f.rule.id() == "missing-owner")
        .expect("the sample has a card without an owner");
    // An aggregated finding: its click locates its first card.
    let waymark::analysis::Place::Card { card, .. } = finding.parts[0].place else {
        panic!("missing-owner lists cards");
    };
    h.get_by_label(&finding.message).click();
    h.run();
    let selected = &h.state().view_state().selection.cards;
    assert_eq!(selected.iter().copied().collect::<Vec<_>>(), vec![card]);
    assert_eq!(map(&h).card(card).unwrap().title, "Friend's recommendation");
}

#[test]
fn dragging_a_stage_header_reorders_stages_in_one_undo_step() {
    let dialogs = ScriptedDialogs::default();
    let mut h = editor(Document::new(sample_map()), &dialogs);
    let from = center(&h, "Stage Advocacy");
    let awareness = h.get_by_label("Stage Awareness").rect();
    let to = pos2(awareness.left() + 5.0, from.y);
    h.drag_at(from);
    h.run();
    for i in 1..=8 {
        h.hover_at(from + (to - from) * (i as f32 / 8.0));
        h.run();
    }
    h.drop_at(to);
    h.run();
    let names: Vec<String> = map(&h).stages.iter().map(|s| s.name.clone()).collect();
    assert_eq!(names[0], "Advocacy", "{names:?}");
    h.key_press_modifiers(Modifiers::COMMAND, egui::Key::Z);
    h.run();
    assert_eq!(map(&h), sample_map());
}

fn wait_for_export(h: &mut Harness<'_, WaymarkApp>) {
    for _ in 0..600 {
        let done = h
            .state()
            .status()
            .is_some_and(|s| s.text.starts_with("Exported"));
        if done {
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
        h.run_steps(1);
    }
}

#[test]
fn ctrl_e_exports_a_png_with_the_dialogs_choices_off_the_ui_thread() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("journey.png");
    let dialogs = ScriptedDialogs::default();
    let mut h = editor(Document::new(sample_map()), &dialogs);
    h.key_press_modifiers(Modifiers::COMMAND, egui::Key::E);
    h.run();
    h.get_by_label("Export PNG");
    h.get_by_label("3×").click();
    h.get_by_label("Dark").click();
    h.run();
    // "Choose…" asks the system's file dialog, and the dialog stays open.
    dialogs.push(Picked::Path(path.clone()));
    h.get_by_label("Choose…").click();
    h.run();
    assert_eq!(
        h.get_by_label("Save to").value().as_deref(),
        Some(path.display().to_string().as_str())
    );
    h.key_press(egui::Key::Enter);
    h.run_steps(1);
    wait_for_export(&mut h);
    let status = h.state().status().cloned().expect("a message when done");
    assert!(status.text.contains("journey.png"), "{status:?}");
    let image = image::open(&path).expect("a PNG was written").to_rgba8();
    let one = waymark::export::render_image(&sample_map(), &Default::default()).unwrap();
    assert_eq!(image.width(), one.width() * 3, "exported at 3×");
    let corner = image.get_pixel(2, 2);
    assert!(
        corner.0[..3].iter().all(|c| *c < 100),
        "a dark background: {corner:?}"
    );
}

#[test]
fn file_export_pdf_writes_the_handout_the_dialog_chose() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("journey.pdf");
    let dialogs = ScriptedDialogs::default();
    let mut h = editor(Document::new(sample_map()), &dialogs);
    h.get_by_label("File").click();
    h.run();
    h.get_by_label("Export PDF…").click();
    h.run();
    h.get_by_label("Export PDF");
    h.get_by_label("Handout: title, stages, findings").click();
    h.get_by_label("A4").click();
    h.run();
    // Orientation is offered only for paper, not for pages fitted to the map.
    h.get_by_label("Portrait").click();
    h.run();
    dialogs.push(Picked::Path(path.clone()));
    h.get_by_label("Choose…").click();
    h.run();
    h.key_press(egui::Key::Enter);
    h.run_steps(1);
    wait_for_export(&mut h);
    let status = h.state().status().cloned().expect("a message when done");
    assert!(status.text.contains("journey.pdf"), "{status:?}");
    let written = std::fs::read(&path).expect("a PDF was written");
    assert!(written.starts_with(b"%PDF-"));
    // The dialog's choices reached the exporter: the same bytes as a
    // portrait A4 handout made directly.
    let options = waymark::export::ExportOptions {
        pdf: waymark::export::pdf::PdfOptions {
            page: waymark::export::pdf::PageSize::A4,
            orientation: waymark::export::pdf::Orientation::Portrait,
            layout: waymark::export::pdf::PdfLayout::Handout,
        },
        ..Default::default()
    };
    let expected = waymark::export::render_pdf(&sample_map(), &options).unwrap();
    assert_eq!(written.len(), expected.len());
    assert!(
        written == expected,
        "the same PDF as the handout options give"
    );
}

#[test]
fn the_export_dialog_starts_next_to_the_map_file() {
    let dir = tempfile::tempdir().unwrap();
    let map_path = dir.path().join("boots.ron");
    format::save(&sample_map(), &map_path).unwrap();
    let dialogs = ScriptedDialogs::default();
    let mut h = editor(Document::open(&map_path).unwrap(), &dialogs);
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, egui::Key::E);
    h.run();
    let expected = dir.path().join("boots.svg");
    assert_eq!(
        h.get_by_label("Save to").value().as_deref(),
        Some(expected.display().to_string().as_str())
    );
    // Esc leaves without exporting.
    h.key_press(egui::Key::Escape);
    h.run();
    assert!(h.state().dialogs_open().is_empty());
    assert!(!expected.exists());
}

#[test]
fn a_template_opens_as_a_new_unsaved_map() {
    let dialogs = ScriptedDialogs::default();
    let mut h = editor(Document::new(waymark::model::Map::blank()), &dialogs);
    h.get_by_label("File").click();
    h.run();
    h.get_by_label("New from Template").hover();
    h.run();
    let first = &waymark::interchange::templates::all()[0];
    h.get_by_label(first.name).click();
    h.run();
    assert_eq!(map(&h), waymark::interchange::templates::load(first));
}

#[test]
fn setting_a_card_evidence_and_source_in_the_inspector() {
    let dialogs = ScriptedDialogs::default();
    let mut h = editor(Document::new(sample_map()), &dialogs);
    let title = "Blog: how to choose trail boots";
    let find = |m: &Map| {
        m.cards
            .iter()
            .find(|c| c.title == title)
            .expect("the sample has it")
            .clone()
    };
    assert_eq!(find(&map(&h)).evidence, waymark::model::Evidence::Assumed);
    h.get_by_label(title).click();
    h.run();
    h.get_by_label("observed").click();
    h.run();
    h.get_by_label("Source").focus();
    h.run();
    h.get_by_label("Source").type_text("Blog analytics");
    h.run();
    let card = find(&map(&h));
    assert_eq!(card.evidence, waymark::model::Evidence::Observed);
    assert_eq!(card.source, "Blog analytics");
    // Typing the source is one undo step, the level another.
    h.key_press(egui::Key::Escape);
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, egui::Key::Z);
    h.run();
    assert_eq!(find(&map(&h)).source, "");
    h.key_press_modifiers(Modifiers::COMMAND, egui::Key::Z);
    h.run();
    assert_eq!(map(&h), sample_map());
}

#[test]
fn clicking_a_persona_chip_opens_it_and_its_description_is_edited_and_undone() {
    let dialogs = ScriptedDialogs::default();
    let mut h = editor(Document::new(sample_map()), &dialogs);
    let maya = map(&h).personas[0].clone();
    assert!(h.query_by_label("Description").is_some(), "the map's own");
    h.get_by_label(&maya.name).click();
    h.run();
    h.get_by_label("Persona");
    h.get_by_label("Show this persona's emotion curve");
    h.get_by_label("Description").focus();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, egui::Key::A);
    h.get_by_label("Description")
        .type_text("Hikes every weekend");
    h.run();
    let edited = map(&h).personas[0].clone();
    assert_eq!(edited.description, "Hikes every weekend");
    assert_eq!(edited.name, maya.name, "only the description changed");
    // Her curve, from the inspector.
    h.get_by_label("Show this persona's emotion curve").click();
    h.run();
    assert_eq!(h.state().view_state().persona_curves, vec![maya.id]);
    h.key_press(egui::Key::Escape);
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, egui::Key::Z);
    h.run();
    assert_eq!(map(&h), sample_map(), "one undo takes the description back");
}
