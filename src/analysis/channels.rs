//! Channel rules: is the customer reached in more than one way, and does a
//! channel they use carry on from one stage to the next.
//!
//! Only touchpoints have channels that count here: a thought's or an
//! action's channel says where the customer is, not how the brand reaches
//! them.

use super::index::{Index, quoted};
use super::types::{Finding, Rule};
use crate::model::Channel;

/// Channels whose job is to bring a customer in and hand them over: an ad,
/// a search result, a friend's word. Their ending is the normal course of
/// a journey, not a break in it, so `channel-dropped` leaves them out.
pub fn is_entry_channel(channel: &Channel) -> bool {
    matches!(
        channel,
        Channel::Ad | Channel::Search | Channel::WordOfMouth
    )
}

/// `channel-dropped` (info): a channel used by a touchpoint in one stage
/// and by none in the next, while the journey goes on (the next stage has
/// touchpoints; an empty one is `empty-stage`'s finding). One finding per
/// channel, so each can be dismissed on its own. Entry channels
/// ([`is_entry_channel`]) are left out. Info, because many channels end for
/// good reasons; the finding asks the team to check the hand-over.
pub(crate) fn channel_dropped(index: &Index<'_>, out: &mut Vec<Finding>) {
    for (a, pair) in index.stages.windows(2).enumerate() {
        let [before, after] = pair else { continue };
        if after.touchpoints.is_empty() {
            continue;
        }
        let (n1, n2) = (quoted(&before.stage.name), quoted(&after.stage.name));
        for channel in &before.channels {
            if is_entry_channel(channel) || after.channels.contains(channel) {
                continue;
            }
            let label = channel.label();
            let mut finding = index.pair_finding(
                Rule::ChannelDropped,
                (a, a + 1),
                format!(
                    "{label} is used in {n1} but not in {n2}: customers who came that way \
                     must switch channels."
                ),
                format!(
                    "Carry {label} on into {n2}, for example with a follow-up, or hand the \
                     customer over to another channel on purpose."
                ),
            );
            finding.channel = Some((*channel).clone());
            out.push(finding);
        }
    }
}

/// `single-channel-stage` (info): a stage whose touchpoints all use one
/// channel. Customers who do not use that channel cannot reach the stage.
/// Info: a stage such as an in-store fitting may rightly have one channel.
pub(crate) fn single_channel_stage(index: &Index<'_>, out: &mut Vec<Finding>) {
    for (si, facts) in index.stages.iter().enumerate() {
        let [channel] = facts.channels.as_slice() else {
            continue;
        };
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
