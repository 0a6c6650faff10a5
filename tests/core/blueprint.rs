//! Service blueprints and funnel numbers: the new fields in the file, the
//! link commands and their undo, the two rules on maps that trigger them
//! and near misses, the stage-counts reader, and the layout of the lines,
//! arrows and funnel band.

use std::sync::Arc;

use waymark::analysis::{Place, Rule};
use waymark::edit::{CardField, Command, Document, StageField, StageVolume};
use waymark::format;
use waymark::interchange::csv;
use waymark::layout::{Style, layout};
use waymark::model::{
    BlueprintLine, Card, CardId, Emotion, Lane, LaneId, LaneKind, Link, Map, Stage, StageId,
};

/// A small blueprint: stages Browse, Basket, Checkout; rows customer
/// actions, frontstage, backstage, support; one card per cell.
pub(crate) struct Blueprint {
    pub map: Map,
    pub stages: Vec<StageId>,
    pub lanes: Vec<LaneId>,
    /// `cards[stage][lane]`.
    pub cards: Vec<Vec<CardId>>,
}

pub(crate) fn blueprint() -> Blueprint {
    let mut map = Map::new("Boots: service blueprint");
    let stages: Vec<StageId> = ["Browse", "Basket", "Checkout"]
        .iter()
        .map(|name| {
            let id = map.new_stage_id();
            map.stages.push(Stage::new(id, name));
            id
        })
        .collect();
    let lanes: Vec<LaneId> = [
        LaneKind::Actions,
        LaneKind::Frontstage,
        LaneKind::Backstage,
        LaneKind::Support,
    ]
    .into_iter()
    .map(|kind| {
        let id = map.new_lane_id();
        map.lanes.push(Lane::new(id, kind));
        id
    })
    .collect();
    let mut cards = Vec::new();
    for (si, &stage) in stages.iter().enumerate() {
        let mut row = Vec::new();
        for (li, &lane) in lanes.iter().enumerate() {
            let id = map.new_card_id();
            let title = format!("{} {}", map.stages[si].name, map.lanes[li].name);
            map.cards.push(Arc::new(Card::new(id, stage, lane, &title)));
            row.push(id);
        }
        cards.push(row);
    }
    Blueprint {
        map,
        stages,
        lanes,
        cards,
    }
}

fn set_volumes(map: &mut Map, volumes: &[Option<u64>]) {
    for (stage, v) in map.stages.iter_mut().zip(volumes) {
        stage.volume = *v;
        stage.period = "March 2026".into();
    }
}

fn card_mut(map: &mut Map, id: CardId) -> &mut Card {
    let card = map.cards.iter_mut().find(|c| c.id == id).unwrap();
    Arc::make_mut(card)
}

#[test]
fn links_fail_points_and_volumes_round_trip_through_the_file() {
    let mut b = blueprint();
    b.map.links.push(Link::new(b.cards[0][1], b.cards[0][2]));
    card_mut(&mut b.map, b.cards[0][1]).fail_point = true;
    set_volumes(&mut b.map, &[Some(12_000), None, Some(1_800)]);
    let text = format::to_string(&b.map);
    assert!(text.contains("fail_point: true"), "{text}");
    assert!(text.contains("volume: Some(12000),"), "{text}");
    assert!(text.contains("period: \"March 2026\""), "{text}");
    assert!(text.contains("kind: Frontstage"), "{text}");
    let back = format::from_str(&text, "b.ron").unwrap();
    assert_eq!(back, b.map);
    assert_eq!(format::to_string(&back), text);
    // A stage without a count writes no volume line; a card that is no
    // fail point, no fail_point line.
    assert_eq!(text.matches("volume:").count(), 2);
    assert_eq!(text.matches("fail_point").count(), 1);
}

#[test]
fn a_link_is_one_undo_step_and_goes_with_its_card() {
    let b = blueprint();
    let link = Link::new(b.cards[1][1], b.cards[1][2]);
    let mut doc = Document::new(b.map.clone());
    doc.apply(Command::AddLink(link)).unwrap();
    assert_eq!(doc.map().links, [link]);
    // Twice, or to itself: refused, nothing changes.
    assert!(doc.apply(Command::AddLink(link)).is_err());
    assert!(
        doc.apply(Command::AddLink(Link::new(link.from, link.from)))
            .is_err()
    );
    // Deleting the backstage card takes its arrow; undo brings both back.
    doc.apply(Command::DeleteCards(vec![link.to])).unwrap();
    assert!(doc.map().links.is_empty());
    assert!(doc.undo());
    assert_eq!(doc.map().links, [link]);
    assert!(doc.map().card(link.to).is_some());
    // So do deleting the stage or the lane.
    doc.apply(Command::DeleteLane(b.lanes[2])).unwrap();
    assert!(doc.map().links.is_empty());
    assert!(doc.undo());
    doc.apply(Command::DeleteStage(b.stages[1])).unwrap();
    assert!(doc.map().links.is_empty());
    assert!(doc.undo());
    // Deleting the link itself, and undoing that.
    doc.apply(Command::DeleteLink(link)).unwrap();
    assert!(doc.map().links.is_empty());
    assert!(doc.undo());
    assert_eq!(doc.map().links, [link]);
    assert!(doc.undo());
    assert!(doc.map().links.is_empty());
    // Duplicating a linked card copies the card, not its arrows: the copy
    // serves nobody until someone says so.
    doc.apply(Command::AddLink(link)).unwrap();
    doc.apply(Command::DuplicateCards(vec![link.from])).unwrap();
    assert_eq!(doc.map().links, [link]);
}

#[test]
fn volumes_fail_points_and_imports_are_edits_with_undo() {
    let b = blueprint();
    let mut doc = Document::new(b.map.clone());
    doc.apply(Command::EditStage {
        id: b.stages[0],
        field: StageField::Volume(Some(500)),
    })
    .unwrap();
    doc.apply(Command::EditCard {
        id: b.cards[0][1],
        field: CardField::FailPoint(true),
    })
    .unwrap();
    assert_eq!(doc.map().stages[0].volume, Some(500));
    assert!(doc.map().card(b.cards[0][1]).unwrap().fail_point);
    let import = Command::SetVolumes(vec![
        StageVolume {
            stage: b.stages[0],
            volume: 12_000,
            period: Some("March 2026".into()),
        },
        StageVolume {
            stage: b.stages[2],
            volume: 1_800,
            period: None,
        },
    ]);
    doc.apply(import).unwrap();
    let m = doc.map();
    assert_eq!(
        m.stages.iter().map(|s| s.volume).collect::<Vec<_>>(),
        [Some(12_000), None, Some(1_800)]
    );
    assert_eq!(m.stages[0].period, "March 2026");
    // One step: a single undo takes the whole import out.
    assert!(doc.undo());
    assert_eq!(doc.map().stages[0].volume, Some(500));
    assert_eq!(doc.map().stages[2].volume, None);
}

#[test]
fn the_funnel_measures_each_stage_from_the_last_counted_one() {
    let mut b = blueprint();
    set_volumes(&mut b.map, &[Some(1_000), None, Some(250)]);
    let f = b.map.funnel();
    assert_eq!(f[0].share, Some(1.0));
    assert_eq!(f[0].drop, None);
    assert_eq!(f[1].volume, None);
    assert_eq!(f[2].previous, Some(0));
    assert_eq!(f[2].share, Some(0.25));
    assert_eq!(f[2].drop, Some(0.75));
    assert_eq!(waymark::model::format_count(1_234_567), "1,234,567");
    assert_eq!(waymark::model::format_share(0.746), "75 %");
    assert_eq!(waymark::model::format_share(0.058), "5.8 %");
}

fn drop_off(map: &Map) -> Vec<waymark::analysis::Finding> {
    Rule::BiggestDropOff.check(map)
}

#[test]
fn biggest_drop_off_names_the_stage_and_what_customers_met() {
    let mut b = blueprint();
    set_volumes(&mut b.map, &[Some(12_000), Some(3_000), Some(2_400)]);
    let found = drop_off(&b.map);
    assert_eq!(found.len(), 1, "{found:#?}");
    let f = &found[0];
    assert_eq!(f.place, Place::Stages(b.stages[0], b.stages[1]));
    assert!(
        f.message.starts_with(
            "\"Basket\" loses 75 % of the customers who reached \"Browse\" (12,000 → 3,000)"
        ),
        "{}",
        f.message
    );
    // The frontstage cards of both stages: what the customers met.
    let parts: Vec<String> = f.parts.iter().map(|p| p.name.clone()).collect();
    assert_eq!(
        parts,
        [
            "\"Browse Frontstage\" (Browse)",
            "\"Basket Frontstage\" (Basket)"
        ]
    );
    assert_eq!(f.names.volumes[0], Some((12_000, "March 2026".to_owned())));
}

/// Near misses: a funnel that never loses anyone, and one counted stage.
#[test]
fn biggest_drop_off_is_quiet_without_a_loss() {
    let mut b = blueprint();
    set_volumes(&mut b.map, &[Some(1_000), Some(1_000), Some(1_200)]);
    assert!(drop_off(&b.map).is_empty());
    set_volumes(&mut b.map, &[Some(1_000), None, None]);
    assert!(drop_off(&b.map).is_empty());
    set_volumes(&mut b.map, &[None, None, None]);
    assert!(drop_off(&b.map).is_empty());
}

/// A smaller loss where the emotion falls comes before a larger one where
/// it holds; with the emotion level everywhere, the larger loss is the one.
#[test]
fn a_drop_off_where_the_emotion_falls_is_flagged_first() {
    let mut b = blueprint();
    set_volumes(&mut b.map, &[Some(10_000), Some(4_000), Some(3_000)]);
    let emotion = |map: &mut Map, si: usize, score: i32| {
        map.stages[si].emotion = Some(Emotion::new(score, ""));
    };
    for si in 0..3 {
        emotion(&mut b.map, si, 1);
    }
    let found = drop_off(&b.map);
    assert_eq!(found[0].place, Place::Stages(b.stages[0], b.stages[1]));
    emotion(&mut b.map, 2, -1);
    let found = drop_off(&b.map);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].place, Place::Stages(b.stages[1], b.stages[2]));
    assert!(
        found[0]
            .message
            .contains("the largest loss overall, 60 %, is at \"Basket\""),
        "{}",
        found[0].message
    );
}

#[test]
fn an_unsupported_fail_point_is_flagged_and_a_linked_one_is_not() {
    let mut b = blueprint();
    let fail = b.cards[2][1];
    card_mut(&mut b.map, fail).fail_point = true;
    let found = Rule::FailPointUnsupported.check(&b.map);
    assert_eq!(found.len(), 1);
    assert_eq!(
        found[0].message,
        "1 fail point has no backstage or support card behind it: \"Checkout Frontstage\" \
         (Checkout)."
    );
    assert!(matches!(found[0].parts[0].place, Place::Card { card, .. } if card == fail));
    // Near miss: a link to a card in the customer's own row is no support.
    b.map.links.push(Link::new(fail, b.cards[2][0]));
    assert_eq!(Rule::FailPointUnsupported.check(&b.map).len(), 1);
    // A link from the support process to it, in either direction, is.
    b.map.links.push(Link::new(b.cards[2][3], fail));
    assert!(Rule::FailPointUnsupported.check(&b.map).is_empty());
    // No fail point at all: quiet.
    card_mut(&mut b.map, fail).fail_point = false;
    b.map.links.clear();
    assert!(Rule::FailPointUnsupported.check(&b.map).is_empty());
}

#[test]
fn the_three_lines_fall_between_the_right_lanes() {
    let b = blueprint();
    let l = layout(&b.map, &Style::default());
    let lines: Vec<(BlueprintLine, f32)> =
        l.blueprint_lines.iter().map(|x| (x.line, x.y)).collect();
    assert_eq!(lines.len(), 3);
    for (k, (line, y)) in lines.iter().enumerate() {
        assert_eq!(*line, BlueprintLine::ALL[k]);
        // Between lane k (above) and lane k + 1 (below).
        assert!(l.lanes[k].row.bottom() < *y && *y < l.lanes[k + 1].row.top());
    }
    // A journey map's lanes draw none, and neither does one blueprint row.
    let journey = waymark::interchange::sample::sample_map();
    assert!(
        layout(&journey, &Style::default())
            .blueprint_lines
            .is_empty()
    );
    let mut one = b.map.clone();
    one.lanes.truncate(1);
    assert!(layout(&one, &Style::default()).blueprint_lines.is_empty());
}

#[test]
fn the_funnel_band_sits_under_the_headers_only_when_counted() {
    let mut b = blueprint();
    let plain = layout(&b.map, &Style::default());
    assert!(plain.funnel.is_none());
    set_volumes(&mut b.map, &[Some(100), Some(50), None]);
    let l = layout(&b.map, &Style::default());
    let band = l.funnel.as_ref().unwrap();
    assert!(band.row.top() > l.stages[0].header.bottom());
    assert!(band.row.bottom() < l.emotion_row.top());
    assert_eq!(band.cells.len(), 3);
    assert_eq!(band.period, "March 2026");
    // Everything below moved down by the band, and no more.
    let shift = l.lanes[0].row.top() - plain.lanes[0].row.top();
    assert!((shift - (band.row.height() + l.style.row_gap)).abs() < 0.01);
}

#[test]
fn arrows_follow_their_cards() {
    let mut b = blueprint();
    let link = Link::new(b.cards[0][1], b.cards[2][2]);
    b.map.links.push(link);
    let before = layout(&b.map, &Style::default());
    let arrow = &before.links[0];
    let from = before.card(link.from).unwrap().rect;
    let to = before.card(link.to).unwrap().rect;
    assert_eq!(arrow.curve[0], from.right_center());
    assert_eq!(arrow.curve[3], to.left_center());
    // Move the served card to the last stage: the arrow starts there now.
    Command::MoveCards {
        ids: vec![link.from],
        stage: b.stages[2],
        lane: b.lanes[1],
        position: None,
    }
    .apply(&mut b.map)
    .unwrap();
    let after = layout(&b.map, &Style::default());
    let from = after.card(link.from).unwrap().rect;
    assert_eq!(after.links[0].curve[0], from.right_center());
}

#[test]
fn stage_counts_are_read_by_name_with_unknown_names_reported() {
    let b = blueprint();
    let text = "Stage,Customers,Period\n\
                browse ,\"12,000\",March 2026\n\
                Chekout,1800,March 2026\n\
                Basket,3000,\n";
    let volumes = csv::read_volumes(&b.map, text).unwrap();
    let got: Vec<(StageId, u64, Option<String>)> = volumes
        .rows
        .iter()
        .map(|r| (r.stage, r.volume, r.period.clone()))
        .collect();
    assert_eq!(
        got,
        [
            (b.stages[0], 12_000, Some("March 2026".to_owned())),
            (b.stages[1], 3_000, None)
        ]
    );
    assert_eq!(volumes.unknown.len(), 1);
    assert_eq!(volumes.unknown[0].name, "Chekout");
    assert_eq!(volumes.unknown[0].line, 3);
    // Without a header: name, then count.
    let plain = csv::read_volumes(&b.map, "Browse,10\nCheckout,2\n").unwrap();
    assert_eq!(plain.rows.len(), 2);
}

#[test]
fn a_bad_count_names_its_line_and_column() {
    let b = blueprint();
    let err =
        csv::read_volumes(&b.map, "stage,count\nBrowse,12000\nBasket,about 3k\n").unwrap_err();
    assert_eq!(err.row, 3);
    assert_eq!(err.position, (3, 8));
    assert!(
        err.message.contains("`about 3k` is not a count"),
        "{}",
        err.message
    );
    let err = csv::read_volumes(&b.map, "Browse,1\nbrowse,2\n").unwrap_err();
    assert!(err.message.contains("on line 1"), "{}", err.message);
    assert!(csv::read_volumes(&b.map, "").is_err());
    assert!(csv::read_volumes(&b.map, "name,notes\nBrowse,x\n").is_err());
}
