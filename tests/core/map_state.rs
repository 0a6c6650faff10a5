//! The map's `state` (current or future) and its `conflicts`: new fields
//! that leave existing files byte for byte as they were.

use waymark::export::{self, ExportOptions};
use waymark::interchange::sample::sample_map;
use waymark::model::{Map, MapState};

#[test]
fn a_current_map_without_conflicts_saves_without_the_new_fields() {
    let text = waymark::format::to_string(&sample_map());
    assert!(!text.contains("state:"), "{text}");
    assert!(!text.contains("conflicts:"), "{text}");
    let back = waymark::format::from_str(&text, "sample.ron").unwrap();
    assert_eq!(back.state, MapState::Current);
    assert!(back.conflicts.is_empty());
}

#[test]
fn a_future_state_round_trips_and_labels_the_export() {
    let mut map: Map = sample_map();
    map.state = MapState::Future;
    let text = waymark::format::to_string(&map);
    assert!(text.contains("state: Future,"), "{text}");
    let back = waymark::format::from_str(&text, "future.ron").unwrap();
    assert_eq!(back, map);

    let svg = export::render_svg(&map, &ExportOptions::default()).expect("renders");
    assert!(svg.contains("Future state"), "the header names the state");
    let current = export::render_svg(&sample_map(), &ExportOptions::default()).expect("renders");
    assert!(!current.contains("Future state") && !current.contains("Current state"));
}
