//! File → Import into This Map adds a file's cards to the open map, each
//! in the stage and lane it names (made if missing), as one undo step;
//! Import as New Map opens it alone.

use egui::{Key, Modifiers};

use crate::common::app::{editor, map, press_with};
use waymark::app::dialogs::{Picked, ScriptedDialogs};
use waymark::edit::Document;
use waymark::interchange::sample::sample_map;

const ROWS: &str = "stage,lane,title,owner\n\
                    Awareness,Touchpoints,Podcast ad,Marketing\n\
                    Onboarding,Touchpoints,Welcome email,CRM team\n";

fn research_file() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("research.csv");
    std::fs::write(&path, ROWS).unwrap();
    (dir, path)
}

#[test]
fn ctrl_i_imports_rows_into_the_open_map_as_one_undo_step() {
    let (_dir, path) = research_file();
    let dialogs = ScriptedDialogs::default();
    let mut h = editor(Document::new(sample_map()), &dialogs);
    dialogs.push(Picked::Path(path));
    press_with(&mut h, Modifiers::COMMAND, Key::I);
    let m = map(&h);
    assert_eq!(m.title, sample_map().title, "still the same map");
    assert_eq!(m.cards.len(), sample_map().cards.len() + 2);
    let awareness = m.stages.iter().find(|s| s.name == "Awareness").unwrap();
    let ad = m.cards.iter().find(|c| c.title == "Podcast ad").unwrap();
    assert_eq!(ad.stage, awareness.id, "a row goes to the stage it names");
    assert_eq!(ad.owner, "Marketing");
    let onboarding = m.stages.iter().find(|s| s.name == "Onboarding");
    assert!(onboarding.is_some(), "a missing stage is made");
    assert_eq!(m.stages.len(), sample_map().stages.len() + 1);
    let status = h.state().status().expect("a status line");
    assert!(
        status.text.contains("Imported 2 cards from research.csv"),
        "{}",
        status.text
    );

    press_with(&mut h, Modifiers::COMMAND, Key::Z);
    assert_eq!(
        map(&h),
        sample_map(),
        "one undo takes the whole import back"
    );
}

#[test]
fn import_as_new_map_opens_the_rows_alone() {
    let (_dir, path) = research_file();
    let dialogs = ScriptedDialogs::default();
    let mut h = editor(Document::new(sample_map()), &dialogs);
    dialogs.push(Picked::Path(path));
    press_with(&mut h, Modifiers::COMMAND | Modifiers::SHIFT, Key::I);
    let m = map(&h);
    assert_eq!(m.cards.len(), 2, "a new map of the two rows");
}

#[test]
fn a_broken_file_imports_nothing_and_says_where() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("broken.csv");
    std::fs::write(
        &path,
        "stage,lane,title\nAwareness,Touchpoints,\"unclosed\n",
    )
    .unwrap();
    let dialogs = ScriptedDialogs::default();
    let mut h = editor(Document::new(sample_map()), &dialogs);
    dialogs.push(Picked::Path(path));
    press_with(&mut h, Modifiers::COMMAND, Key::I);
    assert_eq!(map(&h), sample_map(), "nothing imported");
    let dialogs_open = h.state().dialogs_open();
    let text = format!("{dialogs_open:?}");
    assert!(
        text.contains("broken.csv"),
        "the error names the file: {text}"
    );
}
