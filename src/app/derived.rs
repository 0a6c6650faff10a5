//! Everything derived from a document, cached under the document's key
//! (identity and revision): a hit needs both, so one map's layout or
//! findings can never be shown for another's.

use crate::analysis::{Analysis, Severity, analyze, stage_gaps};
use crate::edit::{DocKey, Document};
use crate::layout::{Layout, Style, layout};
use crate::ui::analysis_panel::severity_color;
use crate::ui::canvas::GapMark;

/// The layout, the analysis and the gap marks of one document revision.
pub(super) struct Derived {
    key: DocKey,
    pub(super) layout: Layout,
    pub(super) analysis: Analysis,
    pub(super) gaps: Vec<GapMark>,
}

impl Derived {
    /// Computes everything for the document as it is.
    pub(super) fn new(doc: &Document) -> Self {
        let analysis = analyze(doc.map());
        let gaps = gap_marks(&analysis);
        Self {
            key: doc.key(),
            layout: layout(doc.map(), &Style::default()),
            analysis,
            gaps,
        }
    }

    /// Recomputes if the document is not the one, or not at the revision,
    /// this was computed for.
    pub(super) fn refresh(&mut self, doc: &Document) {
        if self.key != doc.key() {
            *self = Self::new(doc);
        }
    }
}

/// Warning-level and worse gaps, as marks on stage boundaries.
fn gap_marks(analysis: &Analysis) -> Vec<GapMark> {
    stage_gaps(analysis, Severity::Warning)
        .into_iter()
        .map(|gap| GapMark {
            after: gap.from,
            color: severity_color(gap.severity),
            text: gap.text,
        })
        .collect()
}
