//! Editing a title in place, then saving.

use crate::clipboard::{parse, sample_file};
use crate::session::Session;
use crate::spots;

#[test]
fn ctrl_s_while_a_title_is_edited_in_place_saves_the_typed_title() {
    let Some(mut s) = Session::with_map("save_while_editing", "journey.ron", &sample_file()) else {
        return;
    };
    let map = parse(&sample_file());
    let card = map
        .cards
        .iter()
        .find(|c| c.title == spots::CARD_TITLE)
        .expect("the sample's card");
    let (x, y) = spots::CARD;
    s.and_wait("a click to select the card", |s| s.click(x, y));
    s.and_wait("Enter to open the title field", |s| s.key("Return"));
    s.and_wait("the title to be typed", |s| {
        s.type_text("Boot fitting reel")
    });
    let saved = parse(&s.save());
    let after = saved
        .cards
        .iter()
        .find(|c| c.id == card.id)
        .expect("the card");
    assert_eq!(
        after.title, "Boot fitting reel",
        "the file has what the field shows"
    );
}
