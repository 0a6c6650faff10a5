//! The emotion curve's layout: each stage's band and value, the low-point
//! marks, labels whose word and number share a source, and per-persona
//! curves.

use crate::common;

use common::Builder;
use waymark::interchange::sample::sample_map;
use waymark::layout::{Style, layout};
use waymark::model::{Channel, Emotion, Evidence};

/// A stage with three cards at +2, 0 and -2 (the last a pain point).
fn three_feelings() -> (Builder, Vec<waymark::model::CardId>) {
    let mut b = Builder::new();
    let s = b.stage("Checkout");
    let pain = b.pain;
    let ids = vec![
        b.touch(s, "Wallet pay", Channel::App),
        b.touch(s, "Order summary", Channel::Website),
        b.card_in(s, pain, "Shipping cost shown late", Channel::Website),
    ];
    for (id, (score, word)) in ids
        .iter()
        .zip([(2, "delighted"), (0, "calm"), (-2, "annoyed")])
    {
        b.edit(*id, |c| c.emotion = Some(Emotion::new(score, word)));
    }
    (b, ids)
}

#[test]
fn the_band_spans_the_cards_and_the_curve_runs_through_their_mean() {
    let (b, _) = three_feelings();
    let l = layout(&b.map, &Style::default());
    let point = &l.emotion_points[0];
    assert_eq!(point.score, 0.0);
    assert_eq!(point.label, "mean of 3 cards 0");
    let band = point
        .band
        .as_ref()
        .expect("cards with emotions give a band");
    assert_eq!((band.low, band.high), (-2.0, 2.0));
    assert_eq!(band.rect.top(), l.emotion_y(2.0));
    assert_eq!(band.rect.bottom(), l.emotion_y(-2.0));
    assert!(band.rect.x_range().contains(point.pos.x));
}

#[test]
fn a_stage_own_emotion_sets_the_value_and_the_label_together() {
    let (mut b, _) = three_feelings();
    b.map.stages[0].emotion = Some(Emotion::new(-1, "tense"));
    let l = layout(&b.map, &Style::default());
    let point = &l.emotion_points[0];
    assert_eq!(point.score, -1.0);
    assert_eq!(point.pos.y, l.emotion_y(-1.0));
    assert_eq!(point.label, "tense -1");
    // The band still shows the cards' range.
    let band = point.band.as_ref().expect("a band");
    assert_eq!((band.low, band.high), (-2.0, 2.0));
}

#[test]
fn the_lowest_card_of_each_stage_is_marked_with_its_id_and_position() {
    let (b, ids) = three_feelings();
    let l = layout(&b.map, &Style::default());
    assert_eq!(l.low_points.len(), 1);
    let low = &l.low_points[0];
    assert_eq!(low.card, ids[2]);
    assert_eq!(low.score, -2);
    assert_eq!(low.label, "annoyed -2");
    assert_eq!(low.pos.y, l.emotion_y(-2.0));
    assert_eq!(low.pos.x, l.emotion_points[0].pos.x);
    // The canvas finds it under the pointer, to select the card on a click.
    assert_eq!(l.low_point_at(low.pos).map(|p| p.card), Some(ids[2]));
    let beside = low.pos + egui::vec2(low.radius + 1.0, 0.0);
    assert!(l.low_point_at(beside).is_none());
    // A stage with no card emotion has no low point, no band, no value.
    let mut b = b;
    let quiet = b.stage("Quiet");
    let card = b.touch(quiet, "Page", Channel::Website);
    b.edit(card, |c| c.emotion = None);
    let l = layout(&b.map, &Style::default());
    assert_eq!(l.low_points.len(), 1);
    assert_eq!(l.emotion_points.len(), 1);
}

#[test]
fn ties_for_the_lowest_card_go_to_the_first_in_map_order() {
    let (mut b, ids) = three_feelings();
    b.edit(ids[0], |c| c.emotion = Some(Emotion::new(-2, "first")));
    let l = layout(&b.map, &Style::default());
    assert_eq!(l.low_points[0].card, ids[0]);
}

#[test]
fn each_persona_has_a_curve_through_the_cards_that_apply_to_them() {
    let mut b = Builder::new();
    let maya = b.persona("Maya");
    let tom = b.persona("Tom");
    let (s1, s2) = (b.stage("Browse"), b.stage("Buy"));
    let everyone = b.touch(s1, "Shop window", Channel::Store);
    let online = b.touch(s2, "Online checkout", Channel::Website);
    let till = b.touch(s2, "Till queue", Channel::Store);
    b.edit(everyone, |c| c.emotion = Some(Emotion::new(1, "")));
    b.edit(online, |c| {
        c.emotion = Some(Emotion::new(2, ""));
        c.personas = vec![maya];
    });
    b.edit(till, |c| {
        c.emotion = Some(Emotion::new(-2, ""));
        c.personas = vec![tom];
    });
    let l = layout(&b.map, &Style::default());
    assert_eq!(l.persona_curves.len(), 2);
    let scores = |i: usize| -> Vec<f32> {
        l.persona_curves[i]
            .points
            .iter()
            .map(|(_, s, _)| *s)
            .collect()
    };
    assert_eq!(l.persona_curves[0].persona, maya);
    assert_eq!(scores(0), vec![1.0, 2.0]);
    assert_eq!(l.persona_curves[1].persona, tom);
    assert_eq!(scores(1), vec![1.0, -2.0]);
    // Where they differ, the map shows it: Tom's point sits lower.
    let (_, _, maya_buy) = l.persona_curves[0].points[1];
    let (_, _, tom_buy) = l.persona_curves[1].points[1];
    assert!(tom_buy.y > maya_buy.y);
    // The overall curve is the mean of all three... of both Buy cards.
    assert_eq!(l.emotion_points[1].score, 0.0);
    // One legend toggle per persona, under the legend's other rows.
    assert_eq!(l.legend_personas.len(), 2);
    assert!(
        l.legend_personas
            .iter()
            .all(|(_, r)| l.legend.contains_rect(*r))
    );
}

#[test]
fn the_header_counts_cards_observed_or_measured() {
    let map = sample_map();
    let l = layout(&map, &Style::default());
    assert_eq!(l.evidence.total, map.cards.len());
    assert_eq!(l.evidence.text(), "14 of 35 cards observed or measured");
    let mut b = Builder::new();
    let s = b.stage("Only");
    let card = b.touch(s, "Page", Channel::Website);
    b.edit(card, |c| c.evidence = Evidence::Observed);
    let l = layout(&b.map, &Style::default());
    assert_eq!(l.evidence.text(), "1 of 1 card observed or measured");
}

#[test]
fn unknown_channels_have_no_legend_entry() {
    let mut b = Builder::new();
    let s = b.stage("Only");
    b.touch(s, "Imported task", Channel::Unknown);
    b.touch(s, "Page", Channel::Website);
    let l = layout(&b.map, &Style::default());
    assert_eq!(l.channels, vec![Channel::Website]);
}
