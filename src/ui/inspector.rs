//! The inspector panel: every field of the selection, editable.
//!
//! Fields are bound to a copy of the model value each frame and emit an
//! edit of that one field when it changes, so two fields changed in one
//! frame both land; edits to one field merge into one undo step, so typing
//! a word is one step, not one per key.

use egui::{ComboBox, TextEdit, Ui};

use crate::edit::{CardField, Command, LaneField, StageField};
use crate::model::{
    Card, Channel, Emotion, Evidence, Lane, LaneKind, Map, Medium, Persona, Stage, StageRole,
};

use super::emotion_picker::{emotion_scale, with_score};
use super::view::{Selection, ViewState};
use super::{Actions, UiCommand};

/// Shows the inspector for the current selection.
pub fn inspector_ui(ui: &mut Ui, map: &Map, view: &mut ViewState, out: &mut Actions) {
    let selection = view.selection.clone();
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            ui.spacing_mut().item_spacing.y = 6.0;
            if let Some(stage) = selection.stage.and_then(|id| map.stage(id)) {
                stage_ui(ui, map, stage, out);
            } else if let Some(lane) = selection.lane.and_then(|id| map.lane(id)) {
                lane_ui(ui, map, lane, out);
            } else {
                let ids = selection.cards_in_order(map);
                match ids.as_slice() {
                    [] => map_ui(ui, map, view, out),
                    [one] => {
                        if let Some(card) = map.card(*one) {
                            card_ui(ui, map, card, view, out);
                        }
                    }
                    many => many_ui(ui, many, out),
                }
            }
        });
}

fn heading(ui: &mut Ui, text: &str) {
    ui.add_space(4.0);
    ui.label(egui::RichText::new(text).heading().strong());
    ui.separator();
}

/// A labelled single-line field. Returns the new text when it changed.
fn text_field(ui: &mut Ui, label: &str, value: &str, hint: &str) -> Option<String> {
    text_field_with_id(ui, label, value, hint, None)
}

/// [`text_field`], with a known id for a field the app focuses.
fn text_field_with_id(
    ui: &mut Ui,
    label: &str,
    value: &str,
    hint: &str,
    id: Option<egui::Id>,
) -> Option<String> {
    let mut text = value.to_owned();
    let l = ui.label(label);
    let mut edit = TextEdit::singleline(&mut text)
        .hint_text(hint)
        .desired_width(f32::INFINITY);
    if let Some(id) = id {
        edit = edit.id(id);
    }
    let response = ui.add(edit).labelled_by(l.id);
    response.changed().then_some(text)
}

/// A labelled multi-line field.
fn text_area(ui: &mut Ui, label: &str, value: &str, hint: &str) -> Option<String> {
    let mut text = value.to_owned();
    let l = ui.label(label);
    let response = ui
        .add(
            TextEdit::multiline(&mut text)
                .hint_text(hint)
                .desired_rows(3)
                .desired_width(f32::INFINITY),
        )
        .labelled_by(l.id);
    response.changed().then_some(text)
}

fn card_ui(ui: &mut Ui, map: &Map, card: &Card, view: &mut ViewState, out: &mut Actions) {
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
    ui.add_space(8.0);
    if ui.button("Delete Card").clicked() {
        out.edit(Command::DeleteCards(vec![card.id]));
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

fn many_ui(ui: &mut Ui, ids: &[crate::model::CardId], out: &mut Actions) {
    heading(ui, &format!("{} cards selected", ids.len()));
    ui.label("Set the emotion of all of them");
    if let Some(score) = emotion_scale(ui, None) {
        out.edit(Command::SetScore {
            ids: ids.to_vec(),
            score,
        });
    }
    ui.add_space(8.0);
    ui.weak("Drag one of them to move them all, or use the arrow keys.");
    if ui.button("Delete Cards").clicked() {
        out.edit(Command::DeleteCards(ids.to_vec()));
    }
}

fn stage_ui(ui: &mut Ui, map: &Map, stage: &Stage, out: &mut Actions) {
    heading(ui, "Stage");
    let id = stage.id;
    let edit = |out: &mut Actions, key: &str, field: StageField| {
        out.edit_merging(
            Command::EditStage { id, field },
            format!("stage:{id}:{key}"),
        );
    };
    if let Some(t) = text_field(ui, "Name", &stage.name, "e.g. Consideration") {
        edit(out, "name", StageField::Name(t));
    }
    if let Some(t) = text_area(
        ui,
        "Customer goal",
        &stage.goal,
        "What the customer wants here",
    ) {
        edit(out, "goal", StageField::Goal(t));
    }
    if let Some(t) = text_area(
        ui,
        "Marketing focus",
        &stage.focus,
        "What marketing does here",
    ) {
        edit(out, "focus", StageField::Focus(t));
    }
    let label = ui.label("Funnel role");
    let mut role = stage.role;
    ComboBox::from_id_salt(("role", stage.id))
        .selected_text(role.map_or("Recognised from the name", StageRole::label))
        .show_ui(ui, |ui| {
            ui.selectable_value(&mut role, None, "Recognised from the name");
            for r in StageRole::ALL {
                ui.selectable_value(&mut role, Some(r), r.label());
            }
        })
        .response
        .labelled_by(label.id);
    if role != stage.role {
        edit(out, "role", StageField::Role(role));
    }
    ui.label("Stage emotion (otherwise the average of its cards)");
    if let Some(score) = emotion_scale(ui, stage.emotion.as_ref().map(|e| e.score)) {
        let emotion = with_score(stage.emotion.as_ref(), score);
        edit(out, "emotion", StageField::Emotion(emotion));
    }
    if let Some(e) = &stage.emotion
        && let Some(t) = text_field(ui, "Feeling", &e.word, "curious, anxious…")
    {
        let emotion = Some(Emotion {
            score: e.score,
            word: t,
        });
        edit(out, "emotion-word", StageField::Emotion(emotion));
    }
    if let Some(avg) = map.stage_emotion(stage) {
        ui.weak(format!("Emotion shown on the curve: {avg:+.1}"));
    }
    let index = map.stage_index(stage.id).unwrap_or(0);
    ui.add_space(8.0);
    ui.horizontal(|ui| {
        if ui
            .add_enabled(index > 0, egui::Button::new("Move Left"))
            .clicked()
        {
            out.edit(Command::MoveStage {
                id: stage.id,
                to: index - 1,
            });
        }
        if ui
            .add_enabled(
                index + 1 < map.stages.len(),
                egui::Button::new("Move Right"),
            )
            .clicked()
        {
            out.edit(Command::MoveStage {
                id: stage.id,
                to: index + 1,
            });
        }
    });
    let cards = map.stage_cards(stage.id).count();
    if ui
        .button("Delete Stage")
        .on_hover_text(format!("Also deletes its {cards} cards"))
        .clicked()
    {
        out.edit(Command::DeleteStage(stage.id));
    }
}

fn lane_ui(ui: &mut Ui, map: &Map, lane: &Lane, out: &mut Actions) {
    heading(ui, "Lane");
    let key = format!("lane:{}:name", lane.id);
    if let Some(t) = text_field(ui, "Name", &lane.name, "e.g. Touchpoints") {
        out.edit_merging(
            Command::EditLane {
                id: lane.id,
                field: LaneField::Name(t),
            },
            key,
        );
    }
    let label = ui.label("Kind");
    let mut kind = lane.kind.clone();
    ComboBox::from_id_salt(("kind", lane.id))
        .selected_text(kind.label().to_owned())
        .show_ui(ui, |ui| {
            for k in LaneKind::BUILT_IN {
                let label = k.label().to_owned();
                ui.selectable_value(&mut kind, k, label);
            }
            let custom = matches!(kind, LaneKind::Custom(_));
            if ui.selectable_label(custom, "Custom…").clicked() && !custom {
                kind = LaneKind::Custom(lane.name.clone());
            }
        })
        .response
        .labelled_by(label.id);
    if kind != lane.kind {
        out.edit(Command::EditLane {
            id: lane.id,
            field: LaneField::Kind(kind),
        });
    }
    let index = map.lane_index(lane.id).unwrap_or(0);
    ui.add_space(8.0);
    ui.horizontal(|ui| {
        if ui
            .add_enabled(index > 0, egui::Button::new("Move Up"))
            .clicked()
        {
            out.edit(Command::MoveLane {
                id: lane.id,
                to: index - 1,
            });
        }
        if ui
            .add_enabled(index + 1 < map.lanes.len(), egui::Button::new("Move Down"))
            .clicked()
        {
            out.edit(Command::MoveLane {
                id: lane.id,
                to: index + 1,
            });
        }
    });
    if ui.button("Delete Lane").clicked() {
        out.edit(Command::DeleteLane(lane.id));
    }
}

/// The id of a persona's name field, which Add Persona focuses.
pub fn persona_name_field(id: crate::model::PersonaId) -> egui::Id {
    egui::Id::unique(("persona-name", id))
}

/// The id of a card's custom channel field, focused when Custom… is chosen.
fn custom_channel_field(id: crate::model::CardId) -> egui::Id {
    egui::Id::unique(("custom-channel", id))
}

/// What the inspector calls a card: the kind of thing its lane holds.
fn card_kind(map: &Map, card: &Card) -> &'static str {
    match map.lane(card.lane).map(|l| &l.kind) {
        Some(LaneKind::Touchpoints) => "Touchpoint",
        Some(LaneKind::Actions) => "Customer action",
        Some(LaneKind::Thoughts) => "Thought",
        Some(LaneKind::PainPoints) => "Pain point",
        Some(LaneKind::Opportunities) => "Opportunity",
        Some(LaneKind::Custom(_)) | None => "Card",
    }
}

fn map_ui(ui: &mut Ui, map: &Map, view: &mut ViewState, out: &mut Actions) {
    heading(ui, "Journey map");
    if let Some(t) = text_field(ui, "Map title", &map.title, "Name of the journey") {
        out.edit_merging(Command::SetTitle(t), "map:title".into());
    }
    if let Some(t) = text_area(
        ui,
        "Description",
        &map.description,
        "What this journey is about",
    ) {
        out.edit_merging(Command::SetDescription(t), "map:description".into());
    }
    ui.add_space(6.0);
    ui.label(egui::RichText::new("Personas").strong());
    for persona in &map.personas {
        // Right to left, so the text field takes what the button leaves and
        // the panel never grows to fit its own content.
        let row = egui::vec2(ui.available_width(), ui.spacing().interact_size.y);
        ui.allocate_ui_with_layout(
            row,
            egui::Layout::right_to_left(egui::Align::Center),
            |ui| {
                if ui.small_button("Remove").clicked() {
                    out.edit(Command::DeletePersona(persona.id));
                }
                let mut name = persona.name.clone();
                let field = persona_name_field(persona.id);
                view.take_focus(ui, field, &name);
                let response = ui.add(
                    TextEdit::singleline(&mut name)
                        .id(field)
                        .desired_width(ui.available_width())
                        .hint_text("Persona name"),
                );
                response.widget_info(|| {
                    egui::WidgetInfo::labeled(
                        egui::Role::TextInput,
                        true,
                        format!("Persona {}", persona.name),
                    )
                });
                if response.changed() {
                    out.edit_merging(
                        Command::UpdatePersona(Persona {
                            name,
                            ..persona.clone()
                        }),
                        format!("persona:{}:name", persona.id),
                    );
                }
            },
        );
    }
    if ui.button("Add Persona").clicked() {
        out.command(UiCommand::AddPersona);
    }
    ui.add_space(10.0);
    ui.weak(format!(
        "{} stages · {} lanes · {} cards",
        map.stages.len(),
        map.lanes.len(),
        map.cards.len()
    ));
    ui.add_space(6.0);
    ui.weak("Double-click a cell to add a card. Click a card, stage or lane to edit it here.");
    if ui.button("Add Card").clicked() {
        view.selection = Selection::default();
        out.command(UiCommand::AddCard);
    }
}
