//! Recognising meaning from the words people type: stage names and
//! touchpoint titles.
//!
//! Matching is on whole words, case-insensitive, with punctuation read as a
//! space, so "Post-purchase", "post purchase" and "POST PURCHASE" all read
//! the same and "use" does not match inside "user".

use crate::model::{Card, Channel, Stage, StageRole};

/// Lower-cases a text and turns every run of non-alphanumeric characters
/// into one space, padded with a space at each end so that a keyword can be
/// found as `" word "`.
pub(crate) fn normalise(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push(' ');
    for c in text.chars() {
        if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
        } else if !out.ends_with(' ') {
            out.push(' ');
        }
    }
    if !out.ends_with(' ') {
        out.push(' ');
    }
    out
}

/// The byte position of the earliest whole-word match of any keyword in a
/// [`normalise`]d text.
fn earliest(padded: &str, keywords: &[&str]) -> Option<usize> {
    keywords.iter().filter_map(|kw| find_word(padded, kw)).min()
}

/// The first whole-word match of one keyword, without allocating: this runs
/// for touchpoint titles while the user types, so it must stay cheap.
fn find_word(padded: &str, keyword: &str) -> Option<usize> {
    let bytes = padded.as_bytes();
    padded.match_indices(keyword).map(|(i, _)| i).find(|&i| {
        let before = i.checked_sub(1).map(|b| bytes[b]);
        let after = bytes.get(i + keyword.len()).copied();
        before == Some(b' ') && after == Some(b' ')
    })
}

/// Whether a [`normalise`]d text holds any of the keywords as whole words.
fn contains_any(padded: &str, keywords: &[&str]) -> bool {
    earliest(padded, keywords).is_some()
}

/// Words that name each funnel role, including common synonyms. Stage names
/// in the wild vary a lot ("Discover", "Research", "Checkout", "Onboarding");
/// these lists are what lets stage-order and ends-at-purchase work on maps
/// that never set a role.
const ROLE_WORDS: [(StageRole, &[&str]); 6] = [
    (
        StageRole::Awareness,
        &[
            "awareness",
            "aware",
            "discover",
            "discovery",
            "discovering",
            "attract",
            "attraction",
            "attention",
            "inspiration",
            "inspire",
            "trigger",
            "need",
            "needs",
            "need recognition",
            "problem recognition",
            "first contact",
            "reach",
            "notice",
        ],
    ),
    (
        StageRole::Consideration,
        &[
            "consideration",
            "consider",
            "considering",
            "research",
            "researching",
            "evaluate",
            "evaluation",
            "evaluating",
            "compare",
            "comparison",
            "comparing",
            "explore",
            "exploration",
            "exploring",
            "interest",
            "browse",
            "browsing",
            "search",
            "searching",
            "shop around",
            "shopping around",
            "assessment",
            "familiarity",
        ],
    ),
    (
        StageRole::Decision,
        &[
            "decision",
            "decide",
            "deciding",
            "intent",
            "intention",
            "choose",
            "choosing",
            "choice",
            "select",
            "selection",
            "desire",
            "commit",
            "commitment",
            "preference",
        ],
    ),
    (
        StageRole::Purchase,
        &[
            "purchase",
            "purchasing",
            "buy",
            "buying",
            "checkout",
            "check out",
            "order",
            "ordering",
            "conversion",
            "convert",
            "transaction",
            "payment",
            "pay",
            "paying",
            "sign up",
            "signup",
            "subscribe",
            "subscription",
            "booking",
            "book",
            "sale",
            "enrolment",
            "enrollment",
            "registration",
        ],
    ),
    (
        StageRole::Retention,
        &[
            "retention",
            "retain",
            "loyalty",
            "loyal",
            "onboarding",
            "onboard",
            "use",
            "usage",
            "using",
            "post purchase",
            "after purchase",
            "after sale",
            "after sales",
            "aftercare",
            "aftersales",
            "service",
            "support",
            "delivery",
            "deliver",
            "receive",
            "unboxing",
            "engagement",
            "engage",
            "renewal",
            "renew",
            "repeat",
            "repurchase",
            "adoption",
            "ownership",
            "relationship",
            "care",
            "fulfilment",
            "fulfillment",
            "installation",
            "first use",
            "expansion",
            "upsell",
        ],
    ),
    (
        StageRole::Advocacy,
        &[
            "advocacy",
            "advocate",
            "advocates",
            "recommend",
            "recommendation",
            "referral",
            "refer",
            "share",
            "sharing",
            "review",
            "reviews",
            "promoter",
            "ambassador",
            "word of mouth",
            "evangelism",
            "testimonial",
        ],
    ),
];

/// Recognises a funnel role from a stage name, in any case, with common
/// synonyms. When a name holds words of several roles, the word that comes
/// first wins ("Post-purchase support" is retention, "Purchase decision" is
/// purchase); a phrase beats the single word inside it because it starts at
/// or before it ("post purchase" starts before "purchase").
pub fn recognise_role(name: &str) -> Option<StageRole> {
    let padded = normalise(name);
    ROLE_WORDS
        .iter()
        .filter_map(|(role, words)| earliest(&padded, words).map(|pos| (pos, *role)))
        .min_by_key(|(pos, _)| *pos)
        .map(|(_, role)| role)
}

/// A stage's funnel role: the one it sets explicitly, or else the one its
/// name suggests.
pub fn stage_role(stage: &Stage) -> Option<StageRole> {
    stage.role.or_else(|| recognise_role(&stage.name))
}

/// Words in a touchpoint's title that mean it helps a customer after
/// something went wrong, or keeps in touch with them: what answers an
/// emotion drop.
const SUPPORT_WORDS: &[&str] = &[
    "support",
    "help",
    "helpdesk",
    "helpline",
    "hotline",
    "chat",
    "chatbot",
    "follow up",
    "followup",
    "check in",
    "checkin",
    "callback",
    "call back",
    "call",
    "contact",
    "customer service",
    "customer care",
    "care",
    "faq",
    "faqs",
    "assistance",
    "assist",
    "advice",
    "advisor",
    "adviser",
    "expert",
    "concierge",
    "onboarding",
    "how to",
    "tips",
    "tutorial",
    "guide",
    "reminder",
    "thank you",
];

/// Words that mean a touchpoint lowers the risk a customer feels before
/// committing: proof from others, promises, and safety nets.
const REASSURANCE_WORDS: &[&str] = &[
    "review",
    "reviews",
    "rating",
    "ratings",
    "testimonial",
    "testimonials",
    "guarantee",
    "guaranteed",
    "warranty",
    "return",
    "returns",
    "refund",
    "refunds",
    "money back",
    "trust",
    "trusted",
    "secure",
    "security",
    "safe",
    "certified",
    "certification",
    "badge",
    "try on",
    "trial",
    "price match",
    "social proof",
    "case study",
    "case studies",
    "demo",
    "sample",
];

/// Words that mean a touchpoint carries the customer on to the next step,
/// whatever the channel: what answers a channel the customer must leave.
const HANDOVER_WORDS: &[&str] = &[
    "follow up",
    "followup",
    "reminder",
    "link",
    "qr",
    "invite",
    "invitation",
    "confirmation",
    "notification",
    "appointment",
    "booking",
    "callback",
    "call back",
    "hand over",
    "handover",
];

/// The text a touchpoint is judged by: its title, plus the name of a custom
/// channel (a "Review site" channel is a review touchpoint whatever its title).
fn card_text(card: &Card) -> String {
    match &card.channel {
        Channel::Custom(name) => normalise(&format!("{} {}", card.title, name)),
        _ => normalise(&card.title),
    }
}

/// What a touchpoint offers a customer who struggles, judged from its
/// channel and the words of its title.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct CardTraits {
    /// Support or follow-up: the phone channel, or words such as support,
    /// help, chat, follow-up, check-in, FAQ, tips.
    pub support: bool,
    /// Reassurance before a commitment: any support touchpoint, word of
    /// mouth, or words such as review, rating, guarantee, warranty, returns,
    /// refund, trust, secure, try-on, trial.
    pub reassurance: bool,
    /// Hands the customer over to the next step: the email channel (it
    /// reaches customers wherever they are and links on), or words such as
    /// follow-up, reminder, link, QR, invitation, confirmation, booking.
    pub handover: bool,
}

/// Reads a touchpoint's [`CardTraits`].
pub(crate) fn card_traits(card: &Card) -> CardTraits {
    let text = card_text(card);
    let support = card.channel == Channel::Phone || contains_any(&text, SUPPORT_WORDS);
    let reassurance =
        support || card.channel == Channel::WordOfMouth || contains_any(&text, REASSURANCE_WORDS);
    let handover = card.channel == Channel::Email || contains_any(&text, HANDOVER_WORDS);
    CardTraits {
        support,
        reassurance,
        handover,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalise_pads_and_folds() {
        assert_eq!(normalise("Post-Purchase  (care)"), " post purchase care ");
        assert_eq!(normalise(""), " ");
    }

    #[test]
    fn whole_words_only() {
        assert_eq!(
            recognise_role("User research"),
            Some(StageRole::Consideration)
        );
        assert_eq!(recognise_role("Users"), None);
    }
}
