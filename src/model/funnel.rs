//! The funnel: how many customers reach each stage, what share of the
//! first stage that is, and how many were lost since the stage before.
//! One computation for the funnel band, the analysis and the CLI.

use super::Map;

/// One stage's place in the funnel.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct FunnelStep {
    /// The stage's count, if it has one.
    pub volume: Option<u64>,
    /// The volume as a share of the first counted stage's, 0 to 1 (or more,
    /// when a later stage counts more customers).
    pub share: Option<f64>,
    /// The counted stage before this one (by position), whose volume the
    /// drop-off is measured from.
    pub previous: Option<usize>,
    /// The share of the previous counted stage's customers that did not
    /// reach this one, 0 to 1; negative when more arrived than left.
    pub drop: Option<f64>,
}

impl Map {
    /// The funnel, one step per stage, left to right. A stage without a
    /// volume is skipped over: the next counted stage measures its
    /// drop-off from the last counted one before it. Linear.
    pub fn funnel(&self) -> Vec<FunnelStep> {
        let mut first: Option<u64> = None;
        let mut last: Option<(usize, u64)> = None;
        self.stages
            .iter()
            .enumerate()
            .map(|(i, stage)| {
                let Some(volume) = stage.volume else {
                    return FunnelStep {
                        volume: None,
                        share: None,
                        previous: None,
                        drop: None,
                    };
                };
                let base = *first.get_or_insert(volume);
                let share = (base > 0).then(|| volume as f64 / base as f64);
                let (previous, drop) = match last {
                    Some((p, before)) if before > 0 => {
                        (Some(p), Some(1.0 - volume as f64 / before as f64))
                    }
                    Some((p, _)) => (Some(p), None),
                    None => (None, None),
                };
                last = Some((i, volume));
                FunnelStep {
                    volume: Some(volume),
                    share,
                    previous,
                    drop,
                }
            })
            .collect()
    }

    /// Whether any stage carries a volume: the funnel band is drawn then.
    pub fn has_funnel(&self) -> bool {
        self.stages.iter().any(|s| s.volume.is_some())
    }
}

/// A count with its thousands separated, as the funnel shows it: 12,000.
pub fn format_count(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, d) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(d);
    }
    out
}

/// A share as a percentage: whole above 10 %, else with one decimal when
/// it has one: "85 %", "4.5 %", "3 %".
pub fn format_share(share: f64) -> String {
    let pc = share * 100.0;
    if pc.abs() < 9.95 && (pc * 10.0).round() % 10.0 != 0.0 {
        format!("{pc:.1} %")
    } else {
        format!("{pc:.0} %")
    }
}
