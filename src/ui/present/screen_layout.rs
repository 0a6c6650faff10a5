//! The map laid out for the screen it is presented on: the presentation's
//! short cards side by side in wide columns, as many as the screen's width
//! leaves room for beside the pinned lane names (see [`Style::presentation`]).

use egui::Rect;

use crate::layout::{Layout, MAX_CARDS_ACROSS, Style, layout};
use crate::model::{IdMap, LaneId, Map, StageId};

use super::camera::{FRAME_MARGIN, LANE_ROOM, readable_zoom};

/// The presentation's cards are at most the editor's width, and narrow to
/// this to put one more side by side.
const NARROWEST_CARD: f32 = 180.0;

/// The map laid out for presenting on `canvas`: short cards, as many side
/// by side as the fullest cell holds, as far as a stage of that width and
/// the lane names beside it fit the screen at the readable zoom. A cell of
/// three touchpoints then takes one row rather than three, and a stage of
/// five lanes fits one screen (see [`Style::presentation`]).
pub fn present_layout(map: &Map, canvas: Rect) -> Layout {
    let mut counts: IdMap<(StageId, LaneId), usize> = IdMap::default();
    let mut fullest = 0;
    for card in &map.cards {
        let n = counts.entry((card.stage, card.lane)).or_default();
        *n += 1;
        fullest = fullest.max(*n);
    }
    let widest = Style::default().card_size.x;
    let room = if canvas.height() > 1.0 {
        let sides = 2.0 * (Style::presentation(1, widest).stage_gap + FRAME_MARGIN);
        canvas.width() / readable_zoom(canvas.height()) - LANE_ROOM - sides
    } else {
        f32::INFINITY
    };
    // The most cards across that fit, each as wide as the room allows.
    let style = (1..=fullest.clamp(1, MAX_CARDS_ACROSS))
        .rev()
        .map(|k| {
            let probe = Style::presentation(k, widest);
            let spare = probe.column_width() - k as f32 * widest;
            let width = ((room - spare) / k as f32).min(widest);
            (k, width)
        })
        .find(|&(k, width)| k == 1 || width >= NARROWEST_CARD)
        .map_or_else(
            || Style::presentation(1, widest),
            |(k, width)| Style::presentation(k, width.max(NARROWEST_CARD)),
        );
    layout(map, &style)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::interchange::sample::sample_map;
    use crate::ui::present::camera::{stage_frame, stage_stops};
    use egui::{Pos2, vec2};

    fn screen(w: f32, h: f32) -> Rect {
        Rect::from_min_size(Pos2::ZERO, vec2(w, h))
    }

    /// Presses of → from the first stage's first stop to the last stage's
    /// last.
    fn presses_through(map: &Map, canvas: Rect) -> (usize, Vec<usize>) {
        let layout = present_layout(map, canvas);
        let stops: Vec<usize> = (0..layout.stages.len())
            .map(|s| stage_stops(&layout, s, canvas))
            .collect();
        (stops.iter().sum::<usize>() - 1, stops)
    }

    #[test]
    fn the_sample_takes_at_most_eight_presses_on_a_projector_and_a_1080p_screen() {
        let map = sample_map();
        for (w, h) in [(1280.0, 720.0), (1920.0, 1080.0), (1600.0, 1000.0)] {
            let (presses, stops) = presses_through(&map, screen(w, h));
            eprintln!("{w}×{h}: {presses} presses, stops per stage {stops:?}");
            assert!(presses <= 8, "{w}×{h}: {presses} presses: {stops:?}");
        }
    }

    #[test]
    fn the_editors_layout_would_take_more_than_twice_the_presses() {
        // The near miss: the editor's one-card-wide columns of tall cards.
        let map = sample_map();
        let canvas = screen(1920.0, 1080.0);
        let layout = layout(&map, &Style::default());
        let stops: usize = (0..layout.stages.len())
            .map(|s| stage_stops(&layout, s, canvas))
            .sum();
        assert!(stops - 1 > 2 * presses_through(&map, canvas).0, "{stops}");
    }

    #[test]
    fn cells_go_side_by_side_only_as_far_as_the_neighbours_stay_in_view() {
        let map = sample_map();
        // The sample's fullest cell holds three touchpoints.
        let wide = present_layout(&map, screen(1920.0, 1080.0));
        assert_eq!(wide.style.cards_across, 3);
        // A portrait screen has room for fewer.
        let tall = present_layout(&map, screen(1080.0, 1920.0));
        assert!(tall.style.cards_across < 3, "{}", tall.style.cards_across);
        for (layout, canvas) in [
            (&wide, screen(1920.0, 1080.0)),
            (&tall, screen(1080.0, 1920.0)),
        ] {
            // One across is the least there is, whatever the screen.
            if layout.style.cards_across > 1 {
                let frame = stage_frame(layout, 0).unwrap();
                let zoom = readable_zoom(canvas.height());
                assert!(frame.width() * zoom <= canvas.width() + 0.5);
            }
        }
        // One card a cell needs no more than one across.
        let mut one = Map::blank();
        let (stage, lane) = (one.stages[0].id, one.lanes[0].id);
        let id = one.new_card_id();
        one.cards.push(std::sync::Arc::new(crate::model::Card::new(
            id, stage, lane, "Ad",
        )));
        assert_eq!(
            present_layout(&one, screen(1920.0, 1080.0))
                .style
                .cards_across,
            1
        );
    }
}
