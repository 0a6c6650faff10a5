//! Presenting and coming back leaves the editor and the file as they were.

use crate::clipboard::sample_file;
use crate::session::{Session, difference, without_pointer};
use crate::spots;

#[test]
fn f5_right_esc_leaves_the_editor_as_it_was_and_saving_writes_the_same_bytes() {
    let text = sample_file();
    let Some(mut s) = Session::with_map("present", "journey.ron", &text) else {
        return;
    };
    // The pointer out of the map, so no hover or tooltip differs.
    let (x, y) = spots::QUIET;
    s.move_pointer(x, y);
    let editor = without_pointer(s.settled_screen("the editor to settle"), spots::QUIET);
    let title = s.title();
    s.key("F5");
    s.wait_until("F5 to start presenting", |s| s.screen() != editor);
    let first = s.settled_screen("the first stage to settle");
    s.key("Right");
    s.wait_until("Right to go to the next stop", |s| s.screen() != first);
    s.key("Escape");
    let back = without_pointer(s.settled_screen("the editor to come back"), spots::QUIET);
    if let Some((bbox, n)) = difference(&editor, &back) {
        let path = s.keep(&editor, "before");
        panic!(
            "after F5, Right, Esc the editor looks different: {n} pixels in {bbox:?} \
             differ from before ({})",
            path.display()
        );
    }
    assert_eq!(
        s.title(),
        title,
        "the title (and its unsaved mark) is as before"
    );
    let saved = s.save();
    assert!(saved == text, "saving an unchanged map changed its bytes");
}
