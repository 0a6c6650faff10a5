//! Which side panels the editor shows. On a small screen (a 1280×720
//! projector, a laptop) the map needs the width, so the panels fold away
//! by themselves below [`Panels::COLLAPSE_BELOW`]; a choice the user makes
//! (View menu, F9, F10) wins over that until the window changes size
//! class.

/// The side panels' visibility.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Panels {
    /// The findings panel: `None` follows the window width.
    pub findings: Option<bool>,
    /// The inspector: `None` follows the window width.
    pub inspector: Option<bool>,
    /// Whether the window was narrow when the user last chose; a change
    /// of size class hands the panels back to the automatic rule.
    narrow: Option<bool>,
}

/// A side panel.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Panel {
    /// The findings of the analysis, on the left.
    Findings,
    /// The inspector, on the right.
    Inspector,
}

impl Panels {
    /// Below this window width (points) the panels start folded away: at
    /// 1280 points the two panels took half the width and left the map at
    /// 37 %, every card an empty box.
    pub const COLLAPSE_BELOW: f32 = 1400.0;

    /// Whether a panel is shown in a window `width` points wide.
    pub fn shown(&self, panel: Panel, width: f32) -> bool {
        let choice = match panel {
            Panel::Findings => self.findings,
            Panel::Inspector => self.inspector,
        };
        choice.unwrap_or(width >= Self::COLLAPSE_BELOW)
    }

    /// Shows a hidden panel or hides a shown one.
    pub fn toggle(&mut self, panel: Panel, width: f32) {
        let shown = !self.shown(panel, width);
        self.narrow = Some(width < Self::COLLAPSE_BELOW);
        match panel {
            Panel::Findings => self.findings = Some(shown),
            Panel::Inspector => self.inspector = Some(shown),
        }
    }

    /// Called each frame with the window width: when the window crosses
    /// the threshold (a projector plugged in, a window maximised), the
    /// automatic rule takes over again.
    pub fn follow_width(&mut self, width: f32) {
        let narrow = width < Self::COLLAPSE_BELOW;
        if self.narrow.is_some_and(|n| n != narrow) {
            *self = Self::default();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn panels_fold_away_on_a_narrow_window_and_show_on_a_wide_one() {
        let p = Panels::default();
        assert!(!p.shown(Panel::Findings, 1280.0));
        assert!(!p.shown(Panel::Inspector, 1280.0));
        assert!(p.shown(Panel::Findings, 1600.0));
        assert!(p.shown(Panel::Inspector, 1600.0));
    }

    #[test]
    fn a_choice_holds_until_the_window_changes_size_class() {
        let mut p = Panels::default();
        p.toggle(Panel::Inspector, 1280.0);
        p.follow_width(1300.0);
        assert!(p.shown(Panel::Inspector, 1300.0));
        assert!(!p.shown(Panel::Findings, 1300.0));
        p.follow_width(1920.0);
        assert!(p.shown(Panel::Findings, 1920.0));
        p.toggle(Panel::Findings, 1920.0);
        p.follow_width(1920.0);
        assert!(!p.shown(Panel::Findings, 1920.0));
    }
}
