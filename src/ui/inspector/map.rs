//! The inspector when nothing is selected: the map's title, description
//! and personas.

use egui::{TextEdit, Ui};

use crate::edit::Command;
use crate::model::{Map, Persona};

use super::{heading, text_area, text_field};
use crate::ui::view::{Selection, ViewState};
use crate::ui::{Actions, UiCommand};

/// The id of a persona's name field, which Add Persona focuses.
pub fn persona_name_field(id: crate::model::PersonaId) -> egui::Id {
    egui::Id::unique(("persona-name", id))
}

pub(super) fn map_ui(ui: &mut Ui, map: &Map, view: &mut ViewState, out: &mut Actions) {
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
                if ui
                    .small_button("Open")
                    .on_hover_text("Its description, cards and curve")
                    .clicked()
                {
                    view.selection = Selection::persona(persona.id);
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

/// The inspector for a persona, opened by a click on its chip: its name
/// and description, how many cards name it, and its emotion curve.
pub(super) fn persona_ui(
    ui: &mut Ui,
    map: &Map,
    persona: &Persona,
    view: &mut ViewState,
    out: &mut Actions,
) {
    heading(ui, "Persona");
    let id = persona.id;
    if let Some(name) = text_field(ui, "Name", &persona.name, "Persona name") {
        out.edit_merging(
            Command::UpdatePersona(Persona {
                name,
                ..persona.clone()
            }),
            format!("persona:{id}:name"),
        );
    }
    if let Some(description) = text_area(
        ui,
        "Description",
        &persona.description,
        "Who they are and what they need",
    ) {
        out.edit_merging(
            Command::UpdatePersona(Persona {
                description,
                ..persona.clone()
            }),
            format!("persona:{id}:description"),
        );
    }
    let named = map
        .cards
        .iter()
        .filter(|c| c.personas.contains(&id))
        .count();
    ui.weak(match named {
        0 => "No card names this persona: every card without personas applies to all.".to_owned(),
        n => format!(
            "{} name this persona; cards without personas apply to everyone.",
            crate::analysis::count_noun(n, "card", "cards")
        ),
    });
    let mut shown = view.persona_curves.contains(&id);
    if ui
        .checkbox(&mut shown, "Show this persona's emotion curve")
        .changed()
    {
        view.persona_curves.retain(|p| *p != id);
        if shown {
            view.persona_curves.push(id);
        }
    }
    ui.add_space(6.0);
    ui.horizontal(|ui| {
        if ui.button("Remove Persona").clicked() {
            out.edit(Command::DeletePersona(id));
            view.selection = Selection::default();
        }
        if ui.button("All Personas").clicked() {
            view.selection = Selection::default();
        }
    });
}
