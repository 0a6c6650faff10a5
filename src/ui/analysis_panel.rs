//! The analysis panel: findings grouped by stage and stage pair, a summary
//! per stage, dismissing with a reason, and the dismissed list.
//!
//! The panel never changes the map. It returns a [`PanelAction`]; the app
//! turns it into a [`Command`] (see [`PanelAction::command`]) and applies it
//! after drawing, like every other edit.

use egui::{Color32, CornerRadius, Response, RichText, Role, Sense, Stroke, Ui, Vec2, WidgetInfo};

use crate::analysis::{Analysis, Finding, Group, Place, Rule, Severity, StageSummary};
use crate::edit::Command;
use crate::model::{Dismissal, Map, StageId};
use crate::theme::emotion_color;

use super::Action;

/// The canvas marks gaps at stage boundaries from these; re-exported so the
/// canvas needs only this module.
pub use crate::analysis::{StageGap, stage_gaps};

/// What the user asked for in the panel this frame.
#[derive(Clone, Debug, PartialEq)]
pub enum PanelAction {
    /// Select the place, scroll the canvas to it, highlight it.
    Locate(Place),
    /// Ask for a reason, then dismiss a finding.
    AskDismiss {
        /// The finding's rule.
        rule: Rule,
        /// The finding's key ([`Finding::key`]).
        key: String,
        /// The finding's message.
        message: String,
    },
    /// Dismiss a finding with a reason.
    Dismiss {
        /// The finding's rule.
        rule: Rule,
        /// The finding's key ([`Finding::key`]).
        key: String,
        /// Why, as typed; may be empty.
        reason: String,
    },
    /// Bring a dismissed finding back.
    Restore {
        /// The finding's rule.
        rule: Rule,
        /// The finding's key.
        key: String,
    },
}

impl PanelAction {
    /// The action this stands for, in the app's one queue.
    pub fn into_action(self) -> Action {
        match self {
            PanelAction::Locate(place) => Action::Locate(place),
            PanelAction::AskDismiss { rule, key, message } => {
                Action::AskDismiss { rule, key, message }
            }
            other => Action::Edit {
                command: other
                    .command()
                    .expect("only Locate and AskDismiss change no map"),
                merge: None,
            },
        }
    }

    /// The edit this action stands for, if it changes the map.
    pub fn command(&self) -> Option<Command> {
        match self {
            PanelAction::Locate(_) | PanelAction::AskDismiss { .. } => None,
            PanelAction::Dismiss { rule, key, reason } => Some(Command::Dismiss(Dismissal {
                rule: rule.id().to_owned(),
                place: key.clone(),
                reason: reason.trim().to_owned(),
            })),
            PanelAction::Restore { rule, key } => Some(Command::Undismiss {
                rule: rule.id().to_owned(),
                place: key.clone(),
            }),
        }
    }
}

/// The panel's own view state: which finding is picked. Not saved in the
/// file.
#[derive(Clone, Debug, Default)]
pub struct AnalysisPanel {
    /// The finding last clicked, by rule and key, to show it selected.
    picked: Option<(Rule, String)>,
}

/// The colour of a severity's mark.
pub fn severity_color(severity: Severity) -> Color32 {
    match severity {
        Severity::Error => Color32::from_rgb(214, 54, 56),
        Severity::Warning => Color32::from_rgb(224, 150, 30),
        Severity::Info => Color32::from_rgb(70, 130, 200),
    }
}

/// Paints a severity mark: a filled disc for an error, a triangle for a
/// warning, a ring for info. Shapes differ as well as colours, so the marks
/// read without colour vision, and no emoji glyph is needed.
pub fn severity_mark(ui: &mut Ui, severity: Severity) -> Response {
    let size = ui.text_style_height(&egui::TextStyle::Body);
    let (rect, response) = ui.allocate_exact_size(Vec2::splat(size), Sense::hover());
    let color = severity_color(severity);
    let c = rect.center();
    let r = size * 0.32;
    let painter = ui.painter();
    match severity {
        Severity::Error => {
            painter.circle_filled(c, r, color);
        }
        Severity::Warning => {
            let pts = vec![
                c + Vec2::new(0.0, -r * 1.1),
                c + Vec2::new(r * 1.05, r * 0.8),
                c + Vec2::new(-r * 1.05, r * 0.8),
            ];
            painter.add(egui::Shape::convex_polygon(pts, color, Stroke::NONE));
        }
        Severity::Info => {
            painter.circle_stroke(c, r * 0.9, Stroke::new(1.5, color));
        }
    }
    response.widget_info(|| WidgetInfo::labeled(Role::Label, true, severity.id()));
    response.on_hover_text(severity.id())
}

/// Paints a count badge: a small pill with a number, coloured by the worst
/// severity it counts (grey when there is none).
pub fn count_badge(ui: &mut Ui, count: usize, worst: Option<Severity>) -> Response {
    let text = count.to_string();
    let font = egui::TextStyle::Small.resolve(ui.style());
    let galley = ui
        .painter()
        .layout_no_wrap(text.clone(), font, Color32::WHITE);
    let size = galley.size() + Vec2::new(10.0, 2.0);
    let size = Vec2::new(size.x.max(size.y), size.y);
    let (rect, response) = ui.allocate_exact_size(size, Sense::hover());
    let fill = worst.map_or(Color32::from_gray(130), severity_color);
    ui.painter()
        .rect_filled(rect, CornerRadius::same((size.y / 2.0) as u8), fill);
    ui.painter()
        .galley(rect.center() - galley.size() / 2.0, galley, Color32::WHITE);
    response.widget_info(|| WidgetInfo::labeled(Role::Label, true, &text));
    response
}

/// The findings of one panel section.
struct Section<'a> {
    group: Group,
    findings: Vec<&'a Finding>,
}

/// Sections in panel order: each stage (with or without findings, since
/// every stage shows its summary), followed by the stage pairs that start
/// at it. Findings in a section keep the analysis order.
fn sections<'a>(map: &Map, analysis: &'a Analysis) -> Vec<Section<'a>> {
    let mut out: Vec<Section<'a>> = map
        .stages
        .iter()
        .map(|s| Section {
            group: Group::Stage(s.id),
            findings: Vec::new(),
        })
        .collect();
    for finding in &analysis.findings {
        let group = finding.place.group();
        match out.iter_mut().find(|s| s.group == group) {
            Some(section) => section.findings.push(finding),
            None => out.push(Section {
                group,
                findings: vec![finding],
            }),
        }
    }
    // Stable: a pair goes right after the stage it starts at; sections
    // whose stage is gone (the map changed under the analysis) go last.
    let pos = |id: StageId| map.stage_index(id).unwrap_or(usize::MAX / 2);
    out.sort_by_key(|s| match s.group {
        Group::Stage(id) => pos(id) * 2,
        Group::Boundary(a, _) => pos(a) * 2 + 1,
    });
    out
}

/// A stage's summary as one line: touchpoints, channels, average emotion.
pub fn summary_text(summary: &StageSummary) -> String {
    let touchpoints = match summary.touchpoints {
        1 => "1 touchpoint".to_owned(),
        n => format!("{n} touchpoints"),
    };
    let channels = if summary.channels.is_empty() {
        "no channel".to_owned()
    } else {
        summary
            .channels
            .iter()
            .map(|c| c.label())
            .collect::<Vec<_>>()
            .join(", ")
    };
    let emotion = match summary.emotion {
        Some(e) => format!("emotion {}", crate::analysis::emotion::show(e)),
        None => "no emotion".to_owned(),
    };
    format!("{touchpoints} \u{b7} {channels} \u{b7} {emotion}")
}

impl AnalysisPanel {
    /// A panel with nothing picked.
    pub fn new() -> Self {
        Self::default()
    }

    /// Shows the panel. Returns what the user asked for, if anything.
    pub fn ui(&mut self, ui: &mut Ui, map: &Map, analysis: &Analysis) -> Option<PanelAction> {
        let mut action = None;
        ui.horizontal(|ui| {
            ui.heading("Findings");
            count_badge(ui, analysis.findings.len(), analysis.worst());
        });
        ui.horizontal(|ui| {
            for severity in Severity::ALL {
                severity_mark(ui, severity);
                ui.small(format!("{} {}", analysis.count(severity), severity.id()));
            }
        });
        ui.separator();
        egui::ScrollArea::vertical()
            .id_salt("analysis_findings")
            .auto_shrink([false, true])
            .show(ui, |ui| {
                for section in sections(map, analysis) {
                    self.section_ui(ui, map, analysis, &section, &mut action);
                }
                self.dismissed_ui(ui, analysis, &mut action);
            });
        action
    }

    fn section_ui(
        &mut self,
        ui: &mut Ui,
        map: &Map,
        analysis: &Analysis,
        section: &Section<'_>,
        action: &mut Option<PanelAction>,
    ) {
        let name = |id: StageId| map.stage(id).map_or("(removed stage)", |s| s.name.as_str());
        let (title, summary) = match section.group {
            Group::Stage(id) => (name(id).to_owned(), analysis.summary(id)),
            Group::Boundary(a, b) => (format!("{} > {}", name(a), name(b)), None),
        };
        let salt = match section.group {
            Group::Stage(id) => ("stage", id.0, 0),
            Group::Boundary(a, b) => ("pair", a.0, b.0),
        };
        ui.push_id(salt, |ui| {
            ui.horizontal(|ui| {
                let text = RichText::new(title).strong();
                ui.label(if matches!(section.group, Group::Boundary(..)) {
                    text.italics()
                } else {
                    text
                });
                if !section.findings.is_empty() {
                    let worst = section.findings.iter().map(|f| f.severity).max();
                    count_badge(ui, section.findings.len(), worst);
                }
            });
            if let Some(summary) = summary {
                let color = summary.emotion.map(emotion_color);
                ui.horizontal(|ui| {
                    if let Some(color) = color {
                        let (rect, _) =
                            ui.allocate_exact_size(Vec2::new(4.0, 12.0), Sense::hover());
                        ui.painter().rect_filled(rect, CornerRadius::same(1), color);
                    }
                    ui.small(RichText::new(summary_text(summary)).weak());
                });
            }
            for finding in &section.findings {
                self.finding_ui(ui, finding, action);
            }
            ui.add_space(6.0);
        });
    }

    fn finding_ui(&mut self, ui: &mut Ui, finding: &Finding, action: &mut Option<PanelAction>) {
        let key = finding.key();
        let id = (finding.rule, key.clone());
        ui.push_id(&id, |ui| {
            ui.horizontal(|ui| {
                severity_mark(ui, finding.severity);
                let picked = self.picked.as_ref() == Some(&id);
                let response = ui
                    .add(egui::Button::selectable(picked, finding.message.as_str()).wrap())
                    .on_hover_text(format!(
                        "{}\nNext step: {}",
                        finding.rule, finding.suggestion
                    ));
                if response.clicked() {
                    self.picked = Some(id.clone());
                    *action = Some(PanelAction::Locate(finding.place));
                }
            });
            {
                ui.horizontal_wrapped(|ui| {
                    ui.add_space(ui.text_style_height(&egui::TextStyle::Body) + 4.0);
                    ui.small(RichText::new(&finding.suggestion).weak());
                    if ui
                        .small_button("Dismiss")
                        .on_hover_text("Set this finding aside, with a reason the team will see")
                        .clicked()
                    {
                        *action = Some(PanelAction::AskDismiss {
                            rule: finding.rule,
                            key: key.clone(),
                            message: finding.message.clone(),
                        });
                    }
                });
            }
        });
    }

    fn dismissed_ui(&mut self, ui: &mut Ui, analysis: &Analysis, action: &mut Option<PanelAction>) {
        if analysis.dismissed.is_empty() {
            return;
        }
        ui.separator();
        egui::CollapsingHeader::new(format!("Dismissed ({})", analysis.dismissed.len()))
            .id_salt("analysis_dismissed")
            .default_open(false)
            .show(ui, |ui| {
                for dismissed in &analysis.dismissed {
                    let finding = &dismissed.finding;
                    let key = finding.key();
                    ui.push_id((finding.rule, &key), |ui| {
                        ui.horizontal(|ui| {
                            severity_mark(ui, finding.severity);
                            ui.label(RichText::new(&finding.message).weak());
                        });
                        ui.horizontal(|ui| {
                            if !dismissed.reason.is_empty() {
                                ui.small(RichText::new(&dismissed.reason).italics());
                            }
                            if ui.small_button("Restore").clicked() {
                                *action = Some(PanelAction::Restore {
                                    rule: finding.rule,
                                    key: key.clone(),
                                });
                            }
                        });
                    });
                }
            });
    }
}
