//! Why each rule exists, when exactly it fires, and an example: for
//! `waymark check --explain RULE`, the panel's tooltips and `docs/check.md`.

use super::types::Rule;

/// A rule explained for people.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Explanation {
    /// Why the rule matters to a team working on the journey.
    pub reason: &'static str,
    /// Exactly when it fires, and what it leaves out.
    pub condition: &'static str,
    /// A small map that triggers it, and its message.
    pub example: &'static str,
}

impl Rule {
    /// The rule's reason, condition and an example.
    pub fn explain(self) -> Explanation {
        match self {
            Rule::EmptyStage => Explanation {
                reason: "A stage nobody reaches is a hole in the journey: the customer is \
                         there, but the brand is not.",
                condition: "The stage has no card in a Touchpoints lane. Cards in other lanes \
                            (thoughts, actions) do not count.",
                example: "Stage \"Onboarding\" holds only the thought \"Where do I start?\" -> \
                          error empty-stage \"Onboarding\".",
            },
            Rule::MissingEmotion => Explanation {
                reason: "Without an emotion the curve has a hole, and the drop and anxiety \
                         rules cannot see the stage.",
                condition: "Neither the stage nor any of its cards carries an emotion. Stages \
                            with no cards at all are left to empty-stage.",
                example: "Stage \"Decision\" has two touchpoints, neither with an emotion -> \
                          warning missing-emotion \"Decision\".",
            },
            Rule::EmotionDrop => Explanation {
                reason: "A sharp fall in how the customer feels is a moment of truth; if \
                         nothing on the map names its cause or answers it, the team has not \
                         looked at it yet.",
                condition: "Between two consecutive stages with an emotion (own, or the mean \
                            of their cards), the emotion falls by 2 or more, or from above 0 to \
                            below 0; and the later stage has no pain point, no opportunity, and \
                            no support or follow-up touchpoint that does not itself feel bad. A \
                            support line where the customer waits forty minutes (emotion -2) is \
                            a cause, not a cure.",
                example: "Consideration +1, Purchase -1, the only touchpoint in Purchase is \
                          \"Support hotline\" at -2 -> warning emotion-drop \"Consideration\" > \
                          \"Purchase\".",
            },
            Rule::ChannelDropped => Explanation {
                reason: "Customers are stranded where the channel they were mostly in \
                         disappears and nobody shows them the way on. Most channels end for \
                         good reasons (an ad hands over, a parcel arrives once), so the rule \
                         only speaks where customers really must switch.",
                condition: "For two consecutive stages: take the earlier stage's main \
                            channels (known channels other than ad, search, word of mouth and \
                            email, which point elsewhere by nature; those carrying the most of \
                            its touchpoints, all of them when tied). A main channel the later \
                            stage does not use fires, unless the later stage has no touchpoint \
                            (empty-stage) or hands the customer over: an email touchpoint, or \
                            one whose words say follow-up, reminder, link, QR, invitation, \
                            confirmation, appointment or booking, and that does not itself feel \
                            bad. Touchpoints with no channel (Mermaid imports, empty CSV cells) \
                            are ignored.",
                example: "\"In store\" has three Store touchpoints and one Website one; \
                          \"Checkout\" has only Website touchpoints and no email or follow-up -> \
                          info channel-dropped \"In store\" > \"Checkout\": Store.",
            },
            Rule::SingleChannelStage => Explanation {
                reason: "Customers who do not use the one channel cannot reach the stage.",
                condition: "Every touchpoint of the stage has the same known channel. A stage \
                            with a touchpoint of unknown channel is skipped.",
                example: "All three touchpoints of \"Awareness\" are Social -> info \
                          single-channel-stage \"Awareness\".",
            },
            Rule::EndsAtPurchase => Explanation {
                reason: "Most of a customer's value comes after the sale: onboarding, use, \
                         loyalty, advocacy. A map that stops at the checkout hides them.",
                condition: "The map has a decision or purchase stage (by role or name), and no \
                            stage after the last of them has a role other than awareness, \
                            consideration, decision or purchase.",
                example: "Stages Awareness, Consideration, Purchase -> error ends-at-purchase \
                          \"Purchase\".",
            },
            Rule::MissingOwner => Explanation {
                reason: "A touchpoint nobody owns is a touchpoint nobody improves.",
                condition: "Touchpoints whose owner is blank. One finding for the whole map, \
                            listing the cards, so a map that never names owners says so once.",
                example: "Three touchpoints without an owner -> info missing-owner: 3 \
                          touchpoints have no owner: \"Checkout\" (Purchase), ...",
            },
            Rule::MissingMetric => Explanation {
                reason: "Without a metric the team cannot tell whether a touchpoint works, or \
                         whether a change helped.",
                condition: "Touchpoints whose metric is blank. One finding for the whole map, \
                            listing the cards.",
                example: "Two touchpoints without a metric -> info missing-metric: 2 \
                          touchpoints have no metric: ...",
            },
            Rule::UnansweredPainPoint => Explanation {
                reason: "A pain the map names but no opportunity answers is a known problem \
                         without a plan.",
                condition: "A card in a Pain points lane, in a stage with no card in an \
                            Opportunities lane. One opportunity answers every pain of its \
                            stage: cards do not say which pain an idea is for.",
                example: "Pain point \"Forced sign-up\" in \"Purchase\", no opportunity there -> \
                          warning unanswered-pain-point.",
            },
            Rule::AnxiousDecision => Explanation {
                reason: "At the moment of commitment a worried customer needs proof and a \
                         safety net, or they leave.",
                condition: "A stage whose role is decision or purchase has a negative emotion \
                            (own, or the mean of its cards), and no reassurance touchpoint that \
                            does not itself feel bad: support or chat, reviews or ratings, a \
                            guarantee, warranty or free returns, a trust signal, word of mouth.",
                example: "\"Checkout\" at -1 whose only reassurance is \"Reviews page\" at -1 \
                          (skeptical) -> warning anxious-decision \"Checkout\".",
            },
            Rule::PersonaGap => Explanation {
                reason: "A persona with no touchpoint in a stage is a customer the brand \
                         leaves alone there.",
                condition: "For each persona: the stages that have touchpoints, none of which \
                            applies to the persona (a touchpoint with no personas applies to \
                            everyone). One finding per persona, listing the stages. Stages with \
                            no touchpoint at all are left to empty-stage.",
                example: "Tom is named only on store touchpoints, and Awareness and \
                          Consideration have none for him -> warning persona-gap: Persona \
                          \"Tom\" has no touchpoint in 2 stages: \"Awareness\", \
                          \"Consideration\".",
            },
            Rule::StageOrder => Explanation {
                reason: "Stages out of funnel order usually mean a misplaced column, which \
                         confuses the curve and every boundary rule.",
                condition: "A stage whose role (explicit, or recognised from its name) comes \
                            earlier in the funnel than the role of a stage before it. Stages \
                            without a role are skipped.",
                example: "Retention before Purchase -> warning stage-order \"Retention\" > \
                          \"Purchase\".",
            },
            Rule::AssumedLowPoint => Explanation {
                reason: "The low points are where a team acts first. If the lowest moment of \
                         a stage is only the team's belief, they may fix the wrong thing at \
                         the moment that matters most.",
                condition: "A stage whose lowest card emotion is negative, and every card at \
                            that lowest score has the evidence level assumed (not observed or \
                            measured). One finding for the map, listing each such stage's \
                            lowest card.",
                example: "In \"Purchase\", \"Forced account creation\" at -2 is assumed -> \
                          warning assumed-low-point: The lowest point of 1 stage rests only on \
                          assumptions: \"Forced account creation\" (Purchase).",
            },
            Rule::MergeConflict => Explanation {
                reason: "A merge kept our side and recorded theirs: until someone chooses, the \
                         map says one thing while a teammate meant another.",
                condition: "The map records a conflict from `waymark merge` (a field both \
                            sides changed differently, or a delete against an edit) that has not \
                            been resolved. One finding per conflict.",
                example: "Both sides renamed the stage \"Buy\", to \"Checkout\" and to \
                          \"Purchase\" -> error merge-conflict.",
            },
            Rule::FailPointUnsupported => Explanation {
                reason: "A fail point is where the team knows the service tends to go wrong. If \
                         no backstage work or support process stands behind it, nobody prevents \
                         the failure or catches it when it happens.",
                condition: "A card marked as a fail point has no link, in either direction, to \
                            a card in a Backstage or Support processes lane other than its own \
                            lane. All such fail points are listed in one finding.",
                example: "The frontstage card \"Size guide page\" is a fail point with no \
                          arrow to any backstage card -> warning fail-point-unsupported: 1 fail \
                          point has no backstage or support card behind it.",
            },
            Rule::BiggestDropOff => Explanation {
                reason: "The stage where most customers leave is where a fix pays most; the \
                         cards of that stage and the one before are what customers met just \
                         before they left.",
                condition: "Among stages with a volume, each is compared with the counted stage \
                            before it (stages without a volume are passed over). The stage with \
                            the largest relative loss is flagged; but when at some loss the \
                            stage's emotion is also lower than the stage before's, the largest \
                            such loss is flagged instead. No finding without at least one loss. \
                            The finding lists the touchpoints of both stages (all their cards \
                            when neither has a touchpoint).",
                example: "Browse 12,000, Basket 3,000, Checkout 1,800 -> warning \
                          biggest-drop-off \"Browse\" > \"Basket\": \"Basket\" loses 75 % of \
                          the customers who reached \"Browse\" (12,000 → 3,000).",
            },
        }
    }
}

/// The whole explanation of a rule as text: id, severity, summary, then
/// reason, condition and example, wrapped at `width` columns.
pub fn explain_text(rule: Rule, width: usize) -> String {
    let e = rule.explain();
    let mut out = format!(
        "{} ({})\n{}\n",
        rule.id(),
        rule.severity(),
        rule.description()
    );
    for (heading, text) in [
        ("Why", e.reason),
        ("When", e.condition),
        ("Example", e.example),
    ] {
        out.push('\n');
        out.push_str(heading);
        out.push_str(":\n");
        out.push_str(&wrap(text, width, "  "));
    }
    out
}

/// Wraps text at word boundaries, each line indented.
fn wrap(text: &str, width: usize, indent: &str) -> String {
    let mut out = String::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        if !line.is_empty() && indent.len() + line.len() + 1 + word.len() > width {
            out.push_str(indent);
            out.push_str(&line);
            out.push('\n');
            line.clear();
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() {
        out.push_str(indent);
        out.push_str(&line);
        out.push('\n');
    }
    out
}
