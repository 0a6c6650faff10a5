//! Property tests of editing: random command sequences keep the map valid,
//! undoing all of them gives the original map back, and redoing all of
//! them gives the edited map again.

use crate::common::strategies;

use proptest::prelude::*;
use strategies::{Profile, arb_map, arb_ops};
use waymark::edit::Document;

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 256,
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn undoing_every_command_gives_the_original_map(
        map in arb_map(Profile::Ron),
        ops in arb_ops(40),
    ) {
        let mut doc = Document::new(map.clone());
        let mut steps = 0;
        for op in &ops {
            let Some(command) = op.command(doc.map()) else { continue };
            let before = doc.map().clone();
            match doc.apply(command.clone()) {
                Ok(_) => {
                    prop_assert!(
                        doc.map().validate().is_ok(),
                        "{command:?} left an invalid map: {:?}",
                        doc.map().validate()
                    );
                    if *doc.map() != before {
                        steps += 1;
                    }
                }
                Err(err) => {
                    prop_assert_eq!(doc.map(), &before, "a failed {:?} ({}) changed the map", command, err);
                }
            }
        }
        let edited = doc.map().clone();
        let mut undone = 0;
        while doc.undo() {
            undone += 1;
        }
        prop_assert_eq!(undone, steps, "one undo step per command that changed the map");
        prop_assert_eq!(doc.map(), &map);
        prop_assert!(!doc.is_dirty(), "undone to the start, the document is clean");
        while doc.redo() {}
        prop_assert_eq!(doc.map(), &edited);
    }
}
