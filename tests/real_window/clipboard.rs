//! The system clipboard: Ctrl+C, Ctrl+V and a paste into a title field,
//! checked through xclip and the saved file.

use waymark::format;
use waymark::interchange::sample::sample_map;
use waymark::model::Map;

use crate::session::{Session, wait_for};
use crate::spots;

/// The sample map as Waymark saves it.
pub fn sample_file() -> String {
    format::to_string(&sample_map())
}

/// Reads a saved map's text.
pub fn parse(text: &str) -> Map {
    format::from_str(text, "saved.ron").unwrap_or_else(|e| panic!("the saved map: {e}"))
}

/// Tab-separated text as (header, rows).
fn tsv(text: &str) -> (Vec<String>, Vec<Vec<String>>) {
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(b'\t')
        .from_reader(text.as_bytes());
    let header = reader
        .headers()
        .expect("a header row")
        .iter()
        .map(str::to_owned)
        .collect();
    let rows = reader
        .records()
        .map(|r| {
            r.expect("a tab-separated row")
                .iter()
                .map(str::to_owned)
                .collect()
        })
        .collect();
    (header, rows)
}

#[test]
fn ctrl_a_ctrl_c_puts_one_tab_separated_row_per_card_on_the_system_clipboard() {
    let Some(s) = Session::sample("copy_all") else {
        return;
    };
    assert_eq!(
        s.clipboard(),
        None,
        "a fresh X server has an empty clipboard"
    );
    s.key("ctrl+a");
    s.key("ctrl+c");
    let text = wait_for("Ctrl+C to fill the system clipboard", || {
        s.clipboard().filter(|t| t.contains("title"))
    });
    let (header, rows) = tsv(&text);
    let title = header
        .iter()
        .position(|h| h == "title")
        .unwrap_or_else(|| panic!("no title column in the header {header:?}"));
    assert!(
        header.iter().any(|h| h == "stage") && header.iter().any(|h| h == "lane"),
        "the header names the cells too: {header:?}"
    );
    let map = sample_map();
    assert_eq!(rows.len(), map.cards.len(), "one row per card:\n{text}");
    let mut copied: Vec<&str> = rows.iter().map(|r| r[title].as_str()).collect();
    let mut titles: Vec<&str> = map.cards.iter().map(|c| c.title.as_str()).collect();
    copied.sort_unstable();
    titles.sort_unstable();
    assert_eq!(copied, titles);
}

/// Puts two spreadsheet rows on the system clipboard, pastes them with
/// Ctrl+V and saves with Ctrl+S: once the paste shows, or at once (the
/// two keys may then land in one frame). Checks the saved file.
fn paste_rows_and_save(test: &'static str, look_before_saving: bool) {
    let Some(mut s) = Session::with_map(test, "journey.ron", &sample_file()) else {
        return;
    };
    let before = parse(&sample_file());
    // As a spreadsheet copies them: a header, tabs, a line per row.
    s.set_clipboard(
        "stage\tlane\ttitle\n\
         Awareness\tTouchpoints\tTrail podcast sponsorship\n\
         Purchase\tPain points\tCard reader declined twice\n",
    );
    s.key("Escape");
    if look_before_saving {
        s.and_wait("Ctrl+V to paste the rows", |s| s.key("ctrl+v"));
    } else {
        s.key("ctrl+v");
    }
    let saved = parse(&s.save());
    assert_eq!(
        saved.cards.len(),
        before.cards.len() + 2,
        "the saved map has the two pasted cards"
    );
    for (stage, lane, title) in [
        ("Awareness", "Touchpoints", "Trail podcast sponsorship"),
        ("Purchase", "Pain points", "Card reader declined twice"),
    ] {
        let card = saved
            .cards
            .iter()
            .find(|c| c.title == title)
            .unwrap_or_else(|| panic!("no card {title:?} in the saved map"));
        let stage_of = saved.stages.iter().find(|st| st.id == card.stage);
        let lane_of = saved.lanes.iter().find(|l| l.id == card.lane);
        let (stage_of, lane_of) = (
            stage_of.expect("the card's stage"),
            lane_of.expect("the card's lane"),
        );
        assert_eq!(
            (stage_of.name.as_str(), lane_of.name.as_str()),
            (stage, lane)
        );
    }
}

#[test]
fn spreadsheet_rows_on_the_system_clipboard_paste_as_cards_and_are_saved() {
    paste_rows_and_save("paste_rows", true);
}

#[test]
fn ctrl_v_then_ctrl_s_at_once_saves_the_pasted_rows() {
    paste_rows_and_save("paste_rows_at_once", false);
}

#[test]
fn text_from_the_system_clipboard_pastes_into_a_card_title() {
    let Some(mut s) = Session::with_map("paste_title", "journey.ron", &sample_file()) else {
        return;
    };
    let map = parse(&sample_file());
    let card = map
        .cards
        .iter()
        .find(|c| c.title == spots::CARD_TITLE)
        .expect("the sample's card");
    s.set_clipboard("Trail video with a discount code");
    let (x, y) = spots::CARD;
    s.and_wait("a click to select the card", |s| s.click(x, y));
    // Pasted at once, before the field shows.
    s.key("Return");
    s.and_wait("Ctrl+V to paste into the field", |s| s.key("ctrl+v"));
    s.and_wait("Enter to close the field", |s| s.key("Return"));
    let saved = parse(&s.save());
    let after = saved
        .cards
        .iter()
        .find(|c| c.id == card.id)
        .expect("the card");
    assert_eq!(after.title, "Trail video with a discount code");
    assert_eq!(saved.cards.len(), map.cards.len());
}
