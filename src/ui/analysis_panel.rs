//! The analysis panel: findings with errors first, severity counters that
//! filter, an optional grouping by stage (with a summary per stage),
//! aggregated findings whose cards or stages are each one click away,
//! dismissing with a reason, and the dismissed list.
//!
//! The panel never changes the map. It returns a [`PanelAction`]; the app
//! turns it into a [`crate::edit::Command`] (see [`PanelAction::command`])
//! and applies it after drawing, like every other edit. A merge conflict
//! offers "Take theirs" and "Keep ours" instead of "Dismiss".

use std::collections::HashMap;

use egui::{Color32, CornerRadius, Response, RichText, Role, Sense, Stroke, Ui, Vec2, WidgetInfo};

use crate::analysis::{Analysis, Finding, Group, Place, Rule, Severity, StageSummary, count_noun};
use crate::model::{Map, StageId};
use crate::theme::emotion_color;

pub use super::finding_actions::PanelAction;
use super::finding_actions::{parts_ui, resolve_ui};

/// The canvas marks gaps at stage boundaries from these; re-exported so the
/// canvas needs only this module.
pub use crate::analysis::{StageGap, stage_gaps};

/// The panel's own view state: which finding is picked. Not saved in the
/// file.
#[derive(Clone, Debug, Default)]
pub struct AnalysisPanel {
    /// The finding last clicked, by rule and key, to show it selected.
    picked: Option<(Rule, String)>,
    /// Severities the user has filtered out with the counters.
    hidden: Vec<Severity>,
    /// Whether findings are grouped under their stages; otherwise one list,
    /// errors first.
    by_stage: bool,
    /// Words from the find bar: only findings holding them all are shown.
    pub filter: Option<String>,
    /// The pain-point list puts the most dot votes first.
    by_votes: bool,
    /// A vote is open: its counts are hidden here too.
    pub votes_hidden: bool,
}

/// Whether a finding holds every word of a find-bar filter (an empty
/// filter shows everything).
pub fn shows_finding(filter: &str, finding: &Finding) -> bool {
    filter.trim().is_empty()
        || super::find::matches_words(
            filter,
            &format!("{}\n{}", finding.message, finding.suggestion),
        )
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

/// Sections for the grouped view: map-wide findings first, then each stage
/// (with or without findings, since every stage shows its summary),
/// followed by the stage pairs that start at it. Findings in a section keep
/// the analysis order, so errors still come first within a stage. Linear:
/// sections are found by a hash lookup, not a search per finding.
fn sections<'a>(map: &Map, findings: &[&'a Finding]) -> Vec<Section<'a>> {
    let mut out: Vec<Section<'a>> = std::iter::once(Group::Map)
        .chain(map.stages.iter().map(|s| Group::Stage(s.id)))
        .map(|group| Section {
            group,
            findings: Vec::new(),
        })
        .collect();
    let mut at: HashMap<Group, usize> = out.iter().enumerate().map(|(i, s)| (s.group, i)).collect();
    for finding in findings {
        let group = finding.place.group();
        let i = *at.entry(group).or_insert_with(|| {
            out.push(Section {
                group,
                findings: Vec::new(),
            });
            out.len() - 1
        });
        out[i].findings.push(finding);
    }
    // Stable: a pair goes right after the stage it starts at; sections
    // whose stage is gone (the map changed under the analysis) go last.
    let positions: HashMap<StageId, usize> = map
        .stages
        .iter()
        .enumerate()
        .map(|(i, s)| (s.id, i))
        .collect();
    let pos = |id: StageId| positions.get(&id).map_or(usize::MAX / 4, |p| p + 1);
    out.sort_by_key(|s| match s.group {
        Group::Map => 0,
        Group::Stage(id) => pos(id) * 2,
        Group::Boundary(a, _) => pos(a) * 2 + 1,
    });
    out.retain(|s| s.group != Group::Map || !s.findings.is_empty());
    out
}

/// A severity's count as people read it: "1 error", "2 warnings", "3 info".
pub fn severity_count(severity: Severity, n: usize) -> String {
    match severity {
        Severity::Error => count_noun(n, "error", "errors"),
        Severity::Warning => count_noun(n, "warning", "warnings"),
        Severity::Info => format!("{n} info"),
    }
}

/// Where a finding is, in a few words, for the flat (ungrouped) list.
fn place_text(finding: &Finding) -> String {
    match finding.place {
        Place::Map => "Whole map".to_owned(),
        Place::Persona(_) => finding.names.persona.clone().unwrap_or_default(),
        Place::Card { .. } => format!(
            "{} \u{b7} {}",
            finding.names.stages.join(" > "),
            finding.names.card.as_deref().unwrap_or_default()
        ),
        _ => finding.names.stages.join(" > "),
    }
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
        ui.horizontal_wrapped(|ui| {
            for severity in Severity::ALL {
                let shown = !self.hidden.contains(&severity);
                severity_mark(ui, severity);
                let text = severity_count(severity, analysis.count(severity));
                let hint = if shown { "Hide" } else { "Show" };
                if ui
                    .selectable_label(shown, text)
                    .on_hover_text(format!("{hint} {} findings", severity.id()))
                    .clicked()
                {
                    self.toggle(severity);
                }
            }
        });
        ui.checkbox(&mut self.by_stage, "Group by stage");
        ui.separator();
        // The counters' severities and the find bar's words, for both views.
        let filter = self.filter.clone().unwrap_or_default();
        let visible: Vec<&Finding> = analysis
            .findings
            .iter()
            .filter(|f| !self.hidden.contains(&f.severity) && shows_finding(&filter, f))
            .collect();
        egui::ScrollArea::vertical()
            .id_salt("analysis_findings")
            .auto_shrink([false, true])
            .show(ui, |ui| {
                if self.by_stage {
                    for section in sections(map, &visible) {
                        self.section_ui(ui, map, analysis, &section, &mut action);
                    }
                } else {
                    if visible.is_empty() {
                        ui.weak(if analysis.findings.is_empty() {
                            "No findings."
                        } else {
                            "Every finding is filtered out."
                        });
                    }
                    for finding in &visible {
                        ui.small(RichText::new(place_text(finding)).weak());
                        self.finding_ui(ui, map, analysis, finding, &mut action);
                        ui.add_space(4.0);
                    }
                }
                super::pain_list::pain_list_ui(
                    ui,
                    map,
                    &mut self.by_votes,
                    self.votes_hidden,
                    &mut action,
                );
                self.dismissed_ui(ui, analysis, &mut action);
            });
        action
    }

    /// Whether the pain-point list puts the most votes first.
    pub fn sorts_by_votes(&self) -> bool {
        self.by_votes
    }

    /// Whether findings of a severity are shown.
    pub fn shows(&self, severity: Severity) -> bool {
        !self.hidden.contains(&severity)
    }

    /// Shows or hides the findings of a severity, as its counter does.
    pub fn toggle(&mut self, severity: Severity) {
        if let Some(i) = self.hidden.iter().position(|s| *s == severity) {
            self.hidden.remove(i);
        } else {
            self.hidden.push(severity);
        }
    }

    /// Whether findings are grouped by stage.
    pub fn grouped_by_stage(&self) -> bool {
        self.by_stage
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
            Group::Map => ("Whole map".to_owned(), None),
            Group::Stage(id) => (name(id).to_owned(), analysis.summary(id)),
            Group::Boundary(a, b) => (format!("{} > {}", name(a), name(b)), None),
        };
        let salt = match section.group {
            Group::Map => ("map", 0, 0),
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
                self.finding_ui(ui, map, analysis, finding, action);
            }
            ui.add_space(6.0);
        });
    }

    fn finding_ui(
        &mut self,
        ui: &mut Ui,
        map: &Map,
        analysis: &Analysis,
        finding: &Finding,
        action: &mut Option<PanelAction>,
    ) {
        let key = finding.key();
        let id = (finding.rule, key.clone());
        ui.push_id(&id, |ui| {
            ui.horizontal(|ui| {
                severity_mark(ui, finding.severity);
                let picked = self.picked.as_ref() == Some(&id);
                let response = ui
                    .add(egui::Button::selectable(picked, finding.message.as_str()).wrap())
                    .on_hover_text(format!(
                        "{}: {}\nNext step: {}",
                        finding.rule,
                        finding.rule.explain().reason,
                        finding.suggestion
                    ));
                if response.clicked() {
                    self.picked = Some(id.clone());
                    // An aggregated finding locates its first part; the
                    // list below reaches the others.
                    let place = finding.parts.first().map_or(finding.place, |p| p.place);
                    *action = Some(PanelAction::Locate(place));
                }
            });
            if !finding.parts.is_empty() {
                parts_ui(ui, finding, action);
            }
            // A merge conflict is settled, not set aside: its two choices
            // replace "Dismiss".
            // Merge conflicts get "take theirs" and "keep ours".
            let conflict = analysis.conflict(map, finding);
            if let Some(conflict) = conflict {
                resolve_ui(ui, conflict, action);
            }
            if conflict.is_none() {
                // The next step, then its button on a line of its own: a button
                // wrapped in with several lines of small text overlapped them.
                ui.horizontal(|ui| {
                    ui.add_space(ui.text_style_height(&egui::TextStyle::Body) + 4.0);
                    ui.vertical(|ui| {
                        ui.add(
                            egui::Label::new(RichText::new(&finding.suggestion).small().weak())
                                .wrap(),
                        );
                        if ui
                            .small_button("Dismiss")
                            .on_hover_text(
                                "Set this finding aside, with a reason the team will see",
                            )
                            .clicked()
                        {
                            *action = Some(PanelAction::AskDismiss {
                                rule: finding.rule,
                                key: key.clone(),
                                message: finding.message.clone(),
                            });
                        }
                    });
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
