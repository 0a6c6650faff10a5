//! The find bar (Ctrl+F): words matched against cards, stages and lanes,
//! ignoring case and accents; matches outlined and the rest dimmed; Enter
//! and Shift+Enter step through them; Esc closes and puts the view back.
//! While the analysis panel has the focus it filters the findings instead.

use egui::{Key, Modifiers, Ui, Vec2};

use crate::edit::DocKey;
use crate::layout::Layout;
use crate::model::Map;
use crate::paint::{CurrentMark, FindMarks};

use super::view::{Highlight, ViewState};

/// What the bar searches.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum FindScope {
    /// Cards, stages and lanes on the canvas.
    #[default]
    Map,
    /// The analysis panel's findings.
    Findings,
}

/// The find bar's state. Closed, it holds nothing that matters.
#[derive(Clone, Debug, Default)]
pub struct FindBar {
    /// Whether the bar is shown.
    pub open: bool,
    /// The words typed.
    pub query: String,
    /// What is searched.
    pub scope: FindScope,
    /// The match shown, an index into the matches.
    current: usize,
    /// Give the text field the focus on the next frame.
    focus: bool,
    /// The view when the bar opened, put back on Esc: pan, zoom, fitted.
    saved: Option<(Vec2, f32, bool)>,
    /// Matches for (document, revision, query), in stepping order.
    cache: Option<(DocKey, String)>,
    matches: Vec<Highlight>,
    marks: FindMarks,
}

impl FindBar {
    /// Opens the bar (or gives it the focus again), remembering the view
    /// to go back to.
    pub fn open(&mut self, scope: FindScope, view: &ViewState) {
        if !self.open {
            self.saved = Some((view.pan, view.zoom, view.fitted));
            self.current = 0;
            self.cache = None;
        }
        self.open = true;
        self.scope = scope;
        self.focus = true;
    }

    /// Closes the bar and puts the view back as it was when it opened.
    pub fn close(&mut self, view: &mut ViewState) {
        self.open = false;
        if let Some((pan, zoom, fitted)) = self.saved.take() {
            view.pan = pan;
            view.zoom = zoom;
            view.fitted = fitted;
        }
        view.highlight = None;
        view.reveal = None;
    }

    /// The matches, in stepping order (empty when the bar searches the
    /// findings or is closed).
    pub fn matches(&self) -> &[Highlight] {
        if self.open && self.scope == FindScope::Map {
            &self.matches
        } else {
            &[]
        }
    }

    /// What the canvas draws: the matches, when the bar searches the map
    /// and has words.
    pub fn marks(&self) -> Option<&FindMarks> {
        let active = self.open && self.scope == FindScope::Map && !words(&self.query).is_empty();
        active.then_some(&self.marks)
    }

    /// The words the findings are filtered by, when the bar searches them.
    pub fn findings_filter(&self) -> Option<&str> {
        (self.open && self.scope == FindScope::Findings).then_some(self.query.as_str())
    }

    fn refresh(&mut self, key: DocKey, map: &Map, layout: &Layout) {
        if self
            .cache
            .as_ref()
            .is_some_and(|(k, q)| *k == key && *q == self.query)
        {
            return;
        }
        self.matches = find_matches(map, layout, &self.query);
        self.current = self.current.min(self.matches.len().saturating_sub(1));
        let mut marks = FindMarks::default();
        for m in &self.matches {
            match *m {
                Highlight::Card(id) => marks.cards.insert(id),
                Highlight::Stage(id) => marks.stages.insert(id),
                Highlight::Lane(id) => marks.lanes.insert(id),
            };
        }
        self.marks = marks;
        self.cache = Some((key, self.query.clone()));
    }

    /// Moves to the match `step` away (wrapping) and reveals it.
    fn step(&mut self, step: isize, layout: &Layout, view: &mut ViewState) {
        let n = self.matches.len();
        if n == 0 {
            return;
        }
        self.current = (self.current as isize + step).rem_euclid(n as isize) as usize;
        self.show_current(layout, view);
    }

    fn show_current(&mut self, layout: &Layout, view: &mut ViewState) {
        let Some(&found) = self.matches.get(self.current) else {
            self.marks.current = None;
            view.highlight = None;
            return;
        };
        view.highlight = Some(found);
        self.marks.current = Some(match found {
            Highlight::Card(id) => CurrentMark::Card(id),
            Highlight::Stage(id) => CurrentMark::Stage(id),
            Highlight::Lane(id) => CurrentMark::Lane(id),
        });
        view.reveal = match found {
            Highlight::Card(id) => layout.card(id).map(|c| c.rect),
            Highlight::Stage(id) => layout.stages.iter().find(|s| s.id == id).map(|s| s.header),
            Highlight::Lane(id) => layout.lanes.iter().find(|l| l.id == id).map(|l| l.label),
        };
    }
}

/// Everything the bar reads.
pub struct FindInput<'a> {
    /// The map.
    pub map: &'a Map,
    /// Its layout.
    pub layout: &'a Layout,
    /// The document and revision the map is.
    pub key: DocKey,
    /// How many findings match, when the bar searches the findings.
    pub findings: Option<usize>,
    /// False while a dialog owns the keyboard: the bar reads no keys.
    pub interactive: bool,
}

/// Shows the bar, when open, at the top of `ui`.
pub fn find_bar_ui(ui: &mut Ui, bar: &mut FindBar, input: &FindInput<'_>, view: &mut ViewState) {
    if !bar.open {
        return;
    }
    let FindInput {
        map,
        layout,
        key,
        findings,
        interactive,
    } = *input;
    bar.refresh(key, map, layout);
    let field_id = ui.make_persistent_id("find_field");
    // The keys are taken before the field sees them, so it keeps the focus.
    // Esc also closes the bar when nothing has the keyboard (after a
    // click on the canvas).
    let focused = interactive && ui.memory(|m| m.has_focus(field_id));
    let free = interactive && ui.memory(|m| m.focused().is_none());
    let (back, forward, escape) = ui.input_mut(|i| {
        (
            focused && i.consume_key(Modifiers::SHIFT, Key::Enter),
            focused && i.consume_key(Modifiers::NONE, Key::Enter),
            (focused || free) && i.consume_key(Modifiers::NONE, Key::Escape),
        )
    });
    let mut close = escape;
    let mut step = if back {
        -1
    } else if forward {
        1
    } else {
        0
    };
    let mut changed = false;
    egui::Frame::new()
        .inner_margin(egui::Margin::symmetric(8, 4))
        .fill(ui.visuals().panel_fill)
        .show(ui, |ui| {
            ui.horizontal(|ui| {
                let what = match bar.scope {
                    FindScope::Map => "Find",
                    FindScope::Findings => "Find in findings",
                };
                let label = ui.label(what);
                let response = ui
                    .add(
                        egui::TextEdit::singleline(&mut bar.query)
                            .id(field_id)
                            .desired_width(260.0)
                            .hint_text("words in titles, notes, owners…"),
                    )
                    .labelled_by(label.id);
                if bar.focus {
                    response.request_focus();
                    bar.focus = false;
                }
                changed = response.changed();
                let count = match (bar.scope, findings) {
                    (FindScope::Findings, Some(n)) => format!("{n} findings"),
                    _ if words(&bar.query).is_empty() => String::new(),
                    _ if bar.matches.is_empty() => "No matches".to_owned(),
                    _ => format!("{} of {}", bar.current + 1, bar.matches.len()),
                };
                ui.label(count);
                if bar.scope == FindScope::Map {
                    if ui.button("Previous").clicked() {
                        step = -1;
                    }
                    if ui.button("Next").clicked() {
                        step = 1;
                    }
                }
                if ui.button("Close").clicked() {
                    close = true;
                }
            });
        });
    if close {
        bar.close(view);
        return;
    }
    if changed {
        bar.current = 0;
        bar.refresh(key, map, layout);
        if bar.scope == FindScope::Map {
            bar.show_current(layout, view);
        }
    } else if step != 0 && bar.scope == FindScope::Map {
        bar.step(step, layout, view);
    }
}

/// The words of a query, folded.
fn words(query: &str) -> Vec<String> {
    fold(query).split_whitespace().map(str::to_owned).collect()
}

/// Whether every word of `query` is in `text`, ignoring case and accents.
/// An empty query matches nothing.
pub fn matches_words(query: &str, text: &str) -> bool {
    let words = words(query);
    !words.is_empty() && {
        let text = fold(text);
        words.iter().all(|w| text.contains(w.as_str()))
    }
}

/// Cards, stages and lanes whose text holds every word of `query`: stages
/// first, then lanes, then cards in layout order (stage by stage).
pub fn find_matches(map: &Map, layout: &Layout, query: &str) -> Vec<Highlight> {
    let words = words(query);
    if words.is_empty() {
        return Vec::new();
    }
    let hit = |parts: &[&str]| {
        let text = fold(&parts.join("\n"));
        words.iter().all(|w| text.contains(w.as_str()))
    };
    let mut found = Vec::new();
    for s in &map.stages {
        if hit(&[&s.name, &s.goal, &s.focus]) {
            found.push(Highlight::Stage(s.id));
        }
    }
    for l in &map.lanes {
        if hit(&[&l.name]) {
            found.push(Highlight::Lane(l.id));
        }
    }
    for cb in &layout.cards {
        let Some(c) = map.cards.get(cb.index) else {
            continue;
        };
        if hit(&[&c.title, &c.notes, &c.owner, &c.metric, c.channel.label()]) {
            found.push(Highlight::Card(c.id));
        }
    }
    found
}

/// Lowercase, with the accents of Latin letters taken off, so "Café"
/// finds "cafe" and "CAFÉ".
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars().flat_map(char::to_lowercase) {
        match unaccent(c) {
            Some(plain) => out.push_str(plain),
            None => out.push(c),
        }
    }
    out
}

/// The plain letters of an accented Latin letter (lowercase).
fn unaccent(c: char) -> Option<&'static str> {
    const TABLE: &[(&str, &str)] = &[
        ("àáâãäåāăą", "a"),
        ("çćĉċč", "c"),
        ("ďđ", "d"),
        ("èéêëēĕėęě", "e"),
        ("ĝğġģ", "g"),
        ("ĥħ", "h"),
        ("ìíîïĩīĭįı", "i"),
        ("ĵ", "j"),
        ("ķ", "k"),
        ("ĺļľŀł", "l"),
        ("ñńņňŉ", "n"),
        ("òóôõöøōŏő", "o"),
        ("ŕŗř", "r"),
        ("śŝşšș", "s"),
        ("ţťŧț", "t"),
        ("ùúûüũūŭůűų", "u"),
        ("ŵ", "w"),
        ("ýÿŷ", "y"),
        ("źżž", "z"),
        ("ß", "ss"),
        ("æ", "ae"),
        ("œ", "oe"),
    ];
    if c.is_ascii() {
        return None;
    }
    TABLE
        .iter()
        .find(|(from, _)| from.contains(c))
        .map(|(_, to)| *to)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_ignores_case_and_accents() {
        assert_eq!(fold("Café CRÈME Straße"), "cafe creme strasse");
        assert!(matches_words("cafe", "Le Café"));
        assert!(matches_words("CHECK out", "Quick checkout"));
        assert!(!matches_words("checkout", "check out"));
        assert!(!matches_words("  ", "anything"));
    }
}
