//! The inspector for a stage or a lane.

use egui::{ComboBox, Ui};

use crate::edit::{Command, LaneField, StageField};
use crate::model::{Emotion, Lane, LaneKind, Map, Stage, StageRole};

use super::{heading, text_area, text_field};
use crate::ui::Actions;
use crate::ui::emotion_picker::{emotion_scale, with_score};

pub(super) fn stage_ui(ui: &mut Ui, map: &Map, stage: &Stage, out: &mut Actions) {
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
    volume_ui(ui, stage, &mut |key, field| edit(out, key, field));
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

/// The stage's funnel numbers: how many customers reached it, and in
/// which period. The count takes digits only (separators typed with it
/// are dropped); an empty field means no count.
fn volume_ui(ui: &mut Ui, stage: &Stage, edit: &mut impl FnMut(&str, StageField)) {
    ui.add_space(6.0);
    let shown = stage.volume.map(|v| v.to_string()).unwrap_or_default();
    if let Some(t) = text_field(
        ui,
        "Customers reached",
        &shown,
        "A count from analytics, e.g. 12000",
    ) {
        let digits: String = t.chars().filter(char::is_ascii_digit).collect();
        let volume = if digits.is_empty() {
            None
        } else {
            // Beyond u64 is no count of customers: keep the one there.
            digits.parse().ok().or(stage.volume)
        };
        if volume != stage.volume {
            edit("volume", StageField::Volume(volume));
        }
    }
    if let Some(t) = text_field(ui, "Period", &stage.period, "e.g. March 2026") {
        edit("period", StageField::Period(t));
    }
}

pub(super) fn lane_ui(ui: &mut Ui, map: &Map, lane: &Lane, out: &mut Actions) {
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
            for k in LaneKind::KNOWN {
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
