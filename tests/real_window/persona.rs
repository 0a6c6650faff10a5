//! Keyboard focus: after Add Persona, typing goes to the new persona's
//! name, not to the map's shortcuts (where `N` adds a card).

use crate::clipboard::{parse, sample_file};
use crate::session::Session;
use crate::spots;

#[test]
fn typing_a_name_right_after_add_persona_names_the_persona_and_adds_no_card() {
    let Some(mut s) = Session::with_map("add_persona", "journey.ron", &sample_file()) else {
        return;
    };
    let before = parse(&sample_file());
    // Nothing selected, so the inspector shows the map and its personas.
    s.key("Escape");
    let (x, y) = spots::ADD_PERSONA;
    // Typed at once, before the new persona shows: the field the click
    // makes takes the keys of the frames until it is drawn.
    s.click(x, y);
    s.and_wait("the name to be typed", |s| {
        s.type_text("Anna, planning parent")
    });
    let saved = parse(&s.save());
    let names: Vec<&str> = saved.personas.iter().map(|p| p.name.as_str()).collect();
    let added: Vec<&str> = saved
        .cards
        .iter()
        .filter(|c| !before.cards.iter().any(|b| b.id == c.id))
        .map(|c| c.title.as_str())
        .collect();
    assert!(
        added.is_empty(),
        "typing the name added cards {added:?}; personas: {names:?}"
    );
    assert!(
        names.contains(&"Anna, planning parent"),
        "no persona named so; personas: {names:?}"
    );
}
