//! A stage keeps its colour for life: deleting, adding or moving other
//! stages never recolours it, on screen or in a saved file.

use waymark::edit::{Command, Document};
use waymark::format;
use waymark::interchange::sample::sample_map;
use waymark::layout::{Style, layout};
use waymark::model::{Map, Stage, StageId};

/// Each stage's palette slot, by id, as the layout paints it.
fn colours(map: &Map) -> Vec<(StageId, usize)> {
    let l = layout(map, &Style::default());
    l.stages.iter().map(|s| (s.id, s.palette)).collect()
}

fn without(colours: &[(StageId, usize)], gone: StageId) -> Vec<(StageId, usize)> {
    colours
        .iter()
        .copied()
        .filter(|(id, _)| *id != gone)
        .collect()
}

#[test]
fn deleting_a_stage_recolours_no_other_stage() {
    let mut doc = Document::new(sample_map());
    let before = colours(doc.map());
    let gone = doc.map().stages[1].id;
    doc.apply(Command::DeleteStage(gone)).unwrap();
    assert_eq!(colours(doc.map()), without(&before, gone));
    // And the colours survive a save and a load.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("map.ron");
    format::save(doc.map(), &path).unwrap();
    assert_eq!(
        colours(&format::load(&path).unwrap()),
        without(&before, gone)
    );
}

#[test]
fn moving_a_stage_keeps_every_colour() {
    let mut doc = Document::new(sample_map());
    let before = colours(doc.map());
    let id = doc.map().stages[0].id;
    doc.apply(Command::MoveStage { id, to: 4 }).unwrap();
    let mut after = colours(doc.map());
    after.sort();
    let mut expected = before.clone();
    expected.sort();
    assert_eq!(after, expected);
}

#[test]
fn a_new_stage_takes_a_colour_its_neighbours_do_not_wear() {
    let mut doc = Document::new(sample_map());
    let before = colours(doc.map());
    let created = doc
        .apply(Command::AddStage {
            index: 1,
            stage: Stage::new(StageId(0), "Research"),
        })
        .unwrap();
    let new = StageId(created[0]);
    let after = colours(doc.map());
    let mut others = after.clone();
    others.retain(|(id, _)| *id != new);
    assert_eq!(others, before, "the others keep theirs");
    let slot = |i: usize| after[i].1;
    assert_eq!(after[1].0, new);
    assert_ne!(slot(1), slot(0));
    assert_ne!(slot(1), slot(2));
}

#[test]
fn an_unchanged_older_file_saves_without_colours() {
    // Files from before stored colours round-trip byte for byte.
    let text = format::to_string(&sample_map());
    assert!(
        !text.contains("color"),
        "no colour is written until one is stored"
    );
}
