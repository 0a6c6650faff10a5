//! The inspector for one card: every field, its evidence and source.

use egui::{ComboBox, Ui};

use crate::edit::{CardField, Command};
use crate::model::{Card, Channel, Emotion, Evidence, LaneKind, Link, Map, Medium};

use super::{heading, text_area, text_field, text_field_with_id};
use crate::ui::Actions;
use crate::ui::emotion_picker::{emotion_scale, with_score};
use crate::ui::view::ViewState;

/// What the inspector calls a card: the kind of thing its lane holds.
fn card_kind(map: &Map, card: &Card) -> &'static str {
    match map.lane(card.lane).map(|l| &l.kind) {
        Some(LaneKind::Touchpoints) => "Touchpoint",
        Some(LaneKind::Actions) => "Customer action",
        Some(LaneKind::Thoughts) => "Thought",
        Some(LaneKind::PainPoints) => "Pain point",
        Some(LaneKind::Opportunities) => "Opportunity",
        Some(LaneKind::PhysicalEvidence) => "Physical evidence",
        Some(LaneKind::Frontstage) => "Frontstage action",
        Some(LaneKind::Backstage) => "Backstage action",
        Some(LaneKind::Support) => "Support process",
        Some(LaneKind::Inbox) => "Note from the room",
        Some(LaneKind::Custom(_)) | None => "Card",
    }
}

/// The id of a card's custom channel field, focused when Custom… is chosen.
fn custom_channel_field(id: crate::model::CardId) -> egui::Id {
    egui::Id::unique(("custom-channel", id))
}

pub(super) fn card_ui(
    ui: &mut Ui,
    map: &Map,
    card: &Card,
    view: &mut ViewState,
    out: &mut Actions,
) {
    heading(ui, card_kind(map, card));
    let id = card.id;
    let edit = |out: &mut Actions, key: &str, field: CardField| {
        out.edit_merging(Command::EditCard { id, field }, format!("card:{id}:{key}"));
    };
    if let Some(t) = text_field(ui, "Title", &card.title, "What the customer meets") {
        edit(out, "title", CardField::Title(t));
    }
    ui.horizontal(|ui| {
        let stage = map.stage(card.stage).map_or("", |s| s.name.as_str());
        let lane = map.lane(card.lane).map_or("", |l| l.name.as_str());
        ui.weak(format!("{stage} · {lane}"));
    });

    let label = ui.label("Channel");
    let mut channel = card.channel.clone();
    ComboBox::from_id_salt(("channel", card.id))
        .selected_text(channel.label().to_owned())
        .width(ui.available_width() - 8.0)
        .show_ui(ui, |ui| {
            ui.selectable_value(&mut channel, Channel::Unknown, Channel::Unknown.label());
            for c in Channel::BUILT_IN {
                let label = c.label().to_owned();
                ui.selectable_value(&mut channel, c, label);
            }
            let custom = matches!(channel, Channel::Custom(_));
            if ui.selectable_label(custom, "Custom…").clicked() && !custom {
                channel = Channel::Custom("Other".into());
            }
        })
        .response
        .labelled_by(label.id);
    if matches!(channel, Channel::Custom(_)) && !matches!(card.channel, Channel::Custom(_)) {
        // The field for the channel's name appears next frame: type there.
        view.focus_next = Some(custom_channel_field(card.id));
    }
    if let Channel::Custom(name) = &card.channel {
        let field = custom_channel_field(card.id);
        view.take_focus(ui, field, name);
        if let Some(t) = text_field_with_id(ui, "Custom channel", name, "e.g. Podcast", Some(field))
        {
            channel = Channel::Custom(t);
        }
    }
    if channel != card.channel {
        edit(out, "channel", CardField::Channel(channel));
    }

    ui.horizontal(|ui| {
        for medium in [Medium::Digital, Medium::Physical] {
            if ui
                .selectable_label(card.medium == medium, medium.label())
                .clicked()
                && card.medium != medium
            {
                edit(out, "medium", CardField::Medium(medium));
            }
        }
    });
    if let Some(t) = text_field(ui, "Owner", &card.owner, "Who looks after it") {
        edit(out, "owner", CardField::Owner(t));
    }
    if let Some(t) = text_field(ui, "Metric", &card.metric, "How success is measured") {
        edit(out, "metric", CardField::Metric(t));
    }

    ui.label("Emotion");
    if let Some(score) = emotion_scale(ui, card.emotion.as_ref().map(|e| e.score)) {
        let emotion = with_score(card.emotion.as_ref(), score);
        edit(out, "emotion", CardField::Emotion(emotion));
    }
    if let Some(e) = &card.emotion
        && let Some(t) = text_field(ui, "Feeling", &e.word, "curious, anxious, relieved…")
    {
        let emotion = Some(Emotion {
            score: e.score,
            word: t,
        });
        edit(out, "emotion-word", CardField::Emotion(emotion));
    }

    if !map.personas.is_empty() {
        ui.label("Personas (none ticked: all)");
        for persona in &map.personas {
            let mut on = card.personas.contains(&persona.id);
            if ui.checkbox(&mut on, &persona.name).changed() {
                let mut personas = card.personas.clone();
                personas.retain(|p| *p != persona.id);
                if on {
                    personas.push(persona.id);
                }
                edit(out, "personas", CardField::Personas(personas));
            }
        }
    }
    for field in evidence_ui(ui, card) {
        let name = match field {
            CardField::Evidence(_) => "evidence",
            _ => "source",
        };
        edit(out, name, field);
    }
    if let Some(t) = text_area(ui, "Notes", &card.notes, "Anything worth knowing") {
        edit(out, "notes", CardField::Notes(t));
    }
    let mut fail = card.fail_point;
    if ui
        .checkbox(&mut fail, "Fail point")
        .on_hover_text("Where the service tends to go wrong: marked red on the card")
        .changed()
    {
        out.edit(Command::EditCard {
            id,
            field: CardField::FailPoint(fail),
        });
    }
    links_ui(ui, map, card, out);
    ui.add_space(8.0);
    if ui.button("Delete Card").clicked() {
        out.edit(Command::DeleteCards(vec![card.id]));
    }
}

/// The card's links to other cards, each with a button that removes it.
/// New links are drawn on the canvas, from the card's edge.
fn links_ui(ui: &mut Ui, map: &Map, card: &Card, out: &mut Actions) {
    let links: Vec<Link> = map
        .links
        .iter()
        .filter(|l| l.touches(card.id))
        .copied()
        .collect();
    ui.add_space(6.0);
    ui.label("Links");
    if links.is_empty() {
        ui.weak("None: drag from the dot on the card's right edge to the card that serves it.");
        return;
    }
    for link in links {
        let (arrow, other) = if link.from == card.id {
            ("served by", link.to)
        } else {
            ("serves", link.from)
        };
        let Some(other) = map.card(other) else {
            continue;
        };
        ui.horizontal(|ui| {
            ui.label(format!("{arrow} “{}”", other.title));
            if ui
                .small_button("Remove")
                .on_hover_text("Remove this link")
                .clicked()
            {
                out.edit(Command::DeleteLink(link));
            }
        });
    }
}

/// The card's evidence: its level (observed, measured, assumed) and its
/// source. Each is its own field edit, so a click on a level and typing
/// in Source in one frame both land.
pub fn evidence_ui(ui: &mut Ui, card: &Card) -> Vec<CardField> {
    let mut changed = Vec::new();
    ui.label("Evidence");
    ui.horizontal(|ui| {
        for level in Evidence::ALL {
            let hint = match level {
                Evidence::Observed => "Seen in research: an interview, a usability test",
                Evidence::Measured => "Counted: analytics, survey data",
                Evidence::Assumed => "The team's belief, not yet checked",
            };
            if ui
                .selectable_label(card.evidence == level, level.label())
                .on_hover_text(hint)
                .clicked()
                && card.evidence != level
            {
                changed.push(CardField::Evidence(level));
            }
        }
    });
    if let Some(t) = text_field(
        ui,
        "Source",
        &card.source,
        "Interview notes, a dashboard link…",
    ) {
        changed.push(CardField::Source(t));
    }
    if let Some(url) = web_link(&card.source) {
        // Opens in the browser (eframe's `links` feature).
        ui.hyperlink_to(format!("Open {}", short(url, 48)), url)
            .on_hover_text(url);
    }
    changed
}

/// The web address in a source, if it is one a browser opens.
pub fn web_link(source: &str) -> Option<&str> {
    let source = source.trim();
    let scheme = source
        .split_once("://")
        .map(|(s, _)| s.to_ascii_lowercase());
    (matches!(scheme.as_deref(), Some("http" | "https")) && !source.contains(char::is_whitespace))
        .then_some(source)
}

/// At most `max` characters of `text`, with an ellipsis when cut.
fn short(text: &str, max: usize) -> String {
    match text.char_indices().nth(max) {
        Some((i, _)) => format!("{}…", &text[..i]),
        None => text.to_owned(),
    }
}
