//! The window title, as the window manager (and the task bar) gets it.

use crate::clipboard::sample_file;
use crate::session::Session;

#[test]
fn the_window_title_names_the_open_file() {
    let Some(mut s) = Session::with_map("title", "boots-journey.ron", &sample_file()) else {
        return;
    };
    s.wait_until("the title to name the file", |s| {
        s.title().contains("boots-journey.ron")
    });
    let title = s.title();
    let map = crate::clipboard::parse(&sample_file()).title;
    assert!(title.contains(&map), "{title:?} names the map, {map:?}");
}
