//! Channel rules: is the customer reached in more than one way, and does
//! the channel they are in carry on from one stage to the next.
//!
//! Only touchpoints have channels that count here: a thought's or an
//! action's channel says where the customer is, not how the brand reaches
//! them. Unknown channels (imports that name none) are skipped entirely.

use super::index::{Index, StageFacts, quoted};
use super::types::{Finding, Rule};
use crate::model::Channel;

/// Channels whose touchpoints point the customer somewhere else: an ad, a
/// search result, a friend's word bring them in; an email links on. A
/// customer is never "in" such a channel for a stage, so its ending is the
/// normal course of a journey, not a switch, and `channel-dropped` leaves
/// them out.
pub fn is_entry_channel(channel: &Channel) -> bool {
    matches!(
        channel,
        Channel::Ad | Channel::Search | Channel::WordOfMouth | Channel::Email
    )
}

/// The channels where a stage mostly happens: among its known, non-entry
/// channels, those carrying the most touchpoints. When several tie, all of
/// them: customers are spread evenly and any of them may be where a
/// customer is.
pub(crate) fn main_channels<'a>(facts: &StageFacts<'a>) -> Vec<&'a Channel> {
    let places = facts.channels.iter().filter(|(c, _)| !is_entry_channel(c));
    let most = places.clone().map(|(_, n)| *n).max().unwrap_or(0);
    places
        .filter(|(_, n)| *n == most)
        .map(|(c, _)| *c)
        .collect()
}

/// `channel-dropped` (info): customers really must switch channels between
/// two stages. It fires for a channel when
/// 1. it is one of the earlier stage's [`main_channels`] (known, not an
///    entry channel, carrying the most of the stage's touchpoints);
/// 2. the later stage has touchpoints, none of them in that channel (an
///    empty stage is `empty-stage`'s finding);
/// 3. nothing in the later stage hands the customer over: no email, no
///    follow-up, reminder, link, QR code, invitation, confirmation or
///    booking, that does not itself feel bad.
///
/// Why: the old rule fired for every channel that did not go on, and most
/// channels end for good reasons (an ad's job is to hand over; a parcel
/// arrives once). A customer is stranded only where the channel they were
/// mostly in disappears and nobody shows them the way. One finding per
/// channel, so each can be dismissed on its own.
pub(crate) fn channel_dropped(index: &Index<'_>, out: &mut Vec<Finding>) {
    for (a, pair) in index.stages.windows(2).enumerate() {
        let [before, after] = pair else { continue };
        if after.touchpoints.is_empty() || after.channels.is_empty() {
            continue;
        }
        let dropped: Vec<&Channel> = main_channels(before)
            .into_iter()
            .filter(|c| !after.uses(c))
            .collect();
        if dropped.is_empty() || after.has_handover() {
            continue;
        }
        let (n1, n2) = (quoted(&before.stage.name), quoted(&after.stage.name));
        for channel in dropped {
            let label = channel.label();
            let mut finding = index.pair_finding(
                Rule::ChannelDropped,
                (a, a + 1),
                format!(
                    "{n1} happens mostly through {label}, which {n2} does not use, and nothing \
                     in {n2} hands the customer over: they must find their own way to another \
                     channel."
                ),
                format!(
                    "Carry {label} on into {n2}, or hand the customer over on purpose: a \
                     follow-up email, a link, a booking, a QR code."
                ),
            );
            finding.channel = Some(channel.clone());
            out.push(finding);
        }
    }
}

/// `single-channel-stage` (info): a stage whose touchpoints all use one
/// known channel. Customers who do not use that channel cannot reach the
/// stage. Info: a stage such as an in-store fitting may rightly have one
/// channel. Touchpoints with no known channel say nothing either way, so
/// a stage with one known channel and some unknown ones still counts.
pub(crate) fn single_channel_stage(index: &Index<'_>, out: &mut Vec<Finding>) {
    for (si, facts) in index.stages.iter().enumerate() {
        let [(channel, _)] = facts.channels.as_slice() else {
            continue;
        };
        // Unknown channels might be anything: only speak when every
        // touchpoint's channel is known.
        if facts.touchpoints.iter().any(|c| !c.channel.is_known()) {
            continue;
        }
        let name = quoted(&facts.stage.name);
        let label = channel.label();
        let mut finding = index.stage_finding(
            Rule::SingleChannelStage,
            si,
            format!("{name} is reached through one channel only: {label}."),
            format!(
                "Add a touchpoint in another channel to {name}, so customers who do not use \
                 {label} still reach it."
            ),
        );
        finding.channel = Some((*channel).clone());
        out.push(finding);
    }
}
