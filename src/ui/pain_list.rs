//! The analysis panel's list of pain points, in map order or with the most
//! dot votes first; a click shows the card. While a vote is open the
//! counts are hidden here too, and the list keeps the map's order.

use egui::{RichText, Ui};

use crate::analysis::Place;
use crate::model::{Card, LaneKind, Map};

use super::finding_actions::PanelAction;

/// The most pain points listed: a hostile map may hold thousands.
const MAX_LISTED: usize = 200;

/// The pain points, in the order the list shows them.
pub fn pain_points(map: &Map, by_votes: bool) -> Vec<&Card> {
    let lanes: Vec<_> = map
        .lanes
        .iter()
        .filter(|l| l.kind == LaneKind::PainPoints)
        .map(|l| l.id)
        .collect();
    let mut cards: Vec<&Card> = map
        .cards
        .iter()
        .map(|c| &**c)
        .filter(|c| lanes.contains(&c.lane))
        .collect();
    if by_votes {
        // Stable: equal counts keep the map's order.
        cards.sort_by_key(|c| std::cmp::Reverse(c.votes));
    }
    cards
}

/// Shows the list under a collapsing header.
pub fn pain_list_ui(
    ui: &mut Ui,
    map: &Map,
    by_votes: &mut bool,
    votes_hidden: bool,
    action: &mut Option<PanelAction>,
) {
    let cards = pain_points(map, *by_votes && !votes_hidden);
    egui::CollapsingHeader::new(format!("Pain points ({})", cards.len()))
        .id_salt("pain points")
        .default_open(false)
        .show(ui, |ui| {
            ui.add_enabled_ui(!votes_hidden, |ui| {
                ui.checkbox(by_votes, "Most votes first");
            });
            if votes_hidden {
                ui.weak("Counts are hidden until the vote is revealed.");
            }
            for card in cards.iter().take(MAX_LISTED) {
                let stage = map.stage(card.stage).map_or("", |s| s.name.as_str());
                let text = if votes_hidden {
                    format!("{} · {stage}", card.title)
                } else {
                    format!(
                        "{} · {stage} · {}",
                        card.title,
                        crate::analysis::count_noun(card.votes as usize, "dot", "dots")
                    )
                };
                if ui.selectable_label(false, RichText::new(text)).clicked() {
                    *action = Some(PanelAction::Locate(Place::Card {
                        card: card.id,
                        stage: card.stage,
                        lane: card.lane,
                    }));
                }
            }
            if cards.len() > MAX_LISTED {
                ui.weak(format!("and {} more", cards.len() - MAX_LISTED));
            }
        });
}
