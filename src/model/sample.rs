//! The sample map the editor opens on first start, built from the journeys
//! in the articles the product grew from: awareness through advocacy, with
//! touchpoints, thoughts, pain points and opportunities.

use std::sync::Arc;

use super::{
    Card, Channel, Emotion, Evidence, Lane, LaneId, LaneKind, Map, Medium, Persona, PersonaId,
    Stage, StageId,
};

/// Builds cards into a map with little ceremony.
struct Builder {
    map: Map,
}

/// One card to add: (lane index, title, channel, medium, owner, metric, emotion).
type CardSpec<'a> = (
    usize,
    &'a str,
    Channel,
    Medium,
    &'a str,
    &'a str,
    Option<(i32, &'a str)>,
);

impl Builder {
    fn stage(&mut self, name: &str, goal: &str, focus: &str) -> StageId {
        let id = self.map.new_stage_id();
        let mut stage = Stage::new(id, name);
        stage.goal = goal.to_owned();
        stage.focus = focus.to_owned();
        self.map.stages.push(stage);
        id
    }

    fn lane(&mut self, kind: LaneKind) -> LaneId {
        let id = self.map.new_lane_id();
        self.map.lanes.push(Lane::new(id, kind));
        id
    }

    fn persona(&mut self, name: &str, description: &str) -> PersonaId {
        let id = self.map.new_persona_id();
        self.map.personas.push(Persona {
            id,
            name: name.to_owned(),
            description: description.to_owned(),
        });
        id
    }

    fn cards(&mut self, stage: StageId, lanes: &[LaneId], specs: Vec<CardSpec<'_>>) {
        for (lane, title, channel, medium, owner, metric, emotion) in specs {
            let id = self.map.new_card_id();
            let mut card = Card::new(id, stage, lanes[lane], title);
            card.channel = channel;
            card.medium = medium;
            card.owner = owner.to_owned();
            card.metric = metric.to_owned();
            card.emotion = emotion.map(|(score, word)| Emotion::new(score, word));
            self.map.cards.push(Arc::new(card));
        }
    }
}

/// The bundled sample: an outdoor-gear shop's journey for buying hiking boots.
pub fn sample_map() -> Map {
    use Channel as C;
    use Medium::{Digital as D, Physical as P};
    const TP: usize = 0;
    const ACT: usize = 1;
    const THINK: usize = 2;
    const PAIN: usize = 3;
    const OPP: usize = 4;

    let mut b = Builder {
        map: Map::new("Trailhead Outfitters: buying hiking boots"),
    };
    b.map.description = "How a first-time customer finds, buys and comes back for hiking boots, \
        online and in store. Built from the team's journey workshop."
        .to_owned();
    let maya = b.persona(
        "Maya, weekend hiker",
        "32, plans trips on her phone, reads reviews before any purchase over 50 euros.",
    );
    let tom = b.persona(
        "Tom, gift buyer",
        "45, buys gear for his family, prefers to ask staff in store.",
    );

    let lanes = [
        b.lane(LaneKind::Touchpoints),
        b.lane(LaneKind::Actions),
        b.lane(LaneKind::Thoughts),
        b.lane(LaneKind::PainPoints),
        b.lane(LaneKind::Opportunities),
    ];

    let awareness = b.stage(
        "Awareness",
        "Find boots that won't hurt on a long trail",
        "Clear messaging, brand visibility",
    );
    b.cards(
        awareness,
        &lanes,
        vec![
            (
                TP,
                "Instagram trail video ad",
                C::Social,
                D,
                "Social team",
                "Reach, video completion",
                Some((1, "curious")),
            ),
            (
                TP,
                "Search: best hiking boots 2026",
                C::Search,
                D,
                "SEO lead",
                "Organic clicks",
                Some((0, "uncertain")),
            ),
            (
                TP,
                "Friend's recommendation",
                C::WordOfMouth,
                P,
                "",
                "Referral code uses",
                Some((2, "trusting")),
            ),
            (
                ACT,
                "Watches a boot fitting reel",
                C::Social,
                D,
                "",
                "",
                None,
            ),
            (
                THINK,
                "Are my old boots the reason my feet hurt?",
                C::Custom("Self-talk".into()),
                P,
                "",
                "",
                Some((-1, "uncertain")),
            ),
            (
                OPP,
                "Blog: how to choose trail boots",
                C::Website,
                D,
                "Content team",
                "Time on page",
                Some((1, "curious")),
            ),
        ],
    );

    let consideration = b.stage(
        "Consideration",
        "Compare models, prices and fit",
        "Informative content, social proof",
    );
    b.cards(
        consideration,
        &lanes,
        vec![
            (
                TP,
                "Product pages with size guide",
                C::Website,
                D,
                "E-commerce team",
                "Add-to-cart rate",
                Some((1, "hopeful")),
            ),
            (
                TP,
                "Review sites and ratings",
                C::Custom("Review site".into()),
                D,
                "Community manager",
                "Average rating",
                Some((0, "skeptical")),
            ),
            (
                TP,
                "Comparison email series",
                C::Email,
                D,
                "CRM team",
                "Click-through rate",
                Some((1, "interested")),
            ),
            (
                ACT,
                "Reads reviews, compares three brands",
                C::Website,
                D,
                "",
                "",
                None,
            ),
            (
                THINK,
                "Will they fit my wide feet?",
                C::Custom("Self-talk".into()),
                P,
                "",
                "",
                Some((-1, "skeptical")),
            ),
            (
                PAIN,
                "Size guide is hard to read on mobile",
                C::Website,
                D,
                "",
                "",
                Some((-1, "frustrated")),
            ),
            (
                OPP,
                "Virtual fit finder with foot photo",
                C::App,
                D,
                "Product team",
                "Fit finder completions",
                None,
            ),
        ],
    );

    let decision = b.stage(
        "Decision",
        "Be sure it is the right pair at a fair price",
        "Simplified purchase, trust signals",
    );
    b.cards(
        decision,
        &lanes,
        vec![
            (
                TP,
                "Free returns promise",
                C::Website,
                D,
                "Customer service",
                "Return-policy views",
                Some((1, "reassured")),
            ),
            (
                TP,
                "Store try-on appointment",
                C::Store,
                P,
                "Store manager",
                "Bookings per week",
                Some((2, "confident")),
            ),
            (
                TP,
                "Live chat with gear expert",
                C::Phone,
                D,
                "Support team",
                "Chat satisfaction",
                Some((1, "reassured")),
            ),
            (
                THINK,
                "What if they pinch after ten kilometres?",
                C::Custom("Self-talk".into()),
                P,
                "",
                "",
                Some((-1, "anxious")),
            ),
            (
                PAIN,
                "Shipping cost appears only at checkout",
                C::Website,
                D,
                "",
                "",
                Some((-2, "annoyed")),
            ),
            (
                OPP,
                "Show delivery cost on product page",
                C::Website,
                D,
                "E-commerce team",
                "Checkout abandonment",
                None,
            ),
        ],
    );

    let purchase = b.stage(
        "Purchase",
        "Pay quickly and safely",
        "Frictionless checkout",
    );
    b.cards(
        purchase,
        &lanes,
        vec![
            (
                TP,
                "Checkout",
                C::Website,
                D,
                "E-commerce team",
                "Conversion rate",
                Some((0, "impatient")),
            ),
            (
                TP,
                "Order confirmation email",
                C::Email,
                D,
                "CRM team",
                "Open rate",
                Some((1, "relieved")),
            ),
            (
                TP,
                "In-store purchase",
                C::Store,
                P,
                "Store manager",
                "Basket size",
                Some((1, "satisfied")),
            ),
            (
                ACT,
                "Creates an account to pay",
                C::Website,
                D,
                "",
                "",
                None,
            ),
            (
                PAIN,
                "Forced account creation",
                C::Website,
                D,
                "E-commerce team",
                "Drop-off at sign-up",
                Some((-2, "frustrated")),
            ),
            (
                OPP,
                "Guest checkout with wallet pay",
                C::Website,
                D,
                "E-commerce team",
                "Checkout time",
                None,
            ),
        ],
    );

    let retention = b.stage(
        "Retention",
        "Break the boots in and enjoy the first hike",
        "Personalized offers, engagement",
    );
    b.cards(
        retention,
        &lanes,
        vec![
            (
                TP,
                "Unboxing with care card",
                C::Custom("Parcel".into()),
                P,
                "Logistics",
                "Damage rate",
                Some((2, "delighted")),
            ),
            (
                TP,
                "Break-in tips follow-up email",
                C::Email,
                D,
                "CRM team",
                "Open rate",
                Some((1, "cared for")),
            ),
            (
                TP,
                "Loyalty programme invite",
                C::App,
                D,
                "Loyalty team",
                "Sign-up rate",
                Some((0, "indifferent")),
            ),
            (
                THINK,
                "Did I pick the right size?",
                C::Custom("Self-talk".into()),
                P,
                "",
                "",
                Some((-1, "doubtful")),
            ),
            (
                PAIN,
                "Exchange needs a printed label",
                C::Custom("Parcel".into()),
                P,
                "",
                "Exchange completion",
                Some((-1, "annoyed")),
            ),
            (
                OPP,
                "QR-code exchange at any store",
                C::Store,
                P,
                "Store operations",
                "Exchanges in store",
                None,
            ),
        ],
    );

    let advocacy = b.stage(
        "Advocacy",
        "Share the trail and the gear that made it",
        "Reviews, referrals, community",
    );
    b.cards(
        advocacy,
        &lanes,
        vec![
            (
                TP,
                "Review request after first hike",
                C::Email,
                D,
                "Community manager",
                "Reviews written",
                Some((1, "proud")),
            ),
            (
                TP,
                "Refer-a-friend reward",
                C::App,
                D,
                "Loyalty team",
                "Referrals",
                Some((2, "generous")),
            ),
            (
                ACT,
                "Posts trail photos tagging the brand",
                C::Social,
                D,
                "",
                "",
                Some((2, "proud")),
            ),
            (
                OPP,
                "Feature customer trails on the blog",
                C::Website,
                D,
                "Content team",
                "User-generated posts",
                None,
            ),
        ],
    );

    // Personas: Tom lives in stores and on the phone; Maya online.
    for card in &mut b.map.cards {
        let card = Arc::make_mut(card);
        card.personas = match (card.channel.clone(), card.medium) {
            (Channel::Store | Channel::Phone, _) => vec![tom],
            (Channel::Social | Channel::App | Channel::Search, _) => vec![maya],
            _ => Vec::new(),
        };
    }

    // What the team has checked, and where from. Everything else is the
    // workshop's belief, and stays assumed.
    let evidence: [(&str, Evidence, &str); 14] = [
        (
            "Instagram trail video ad",
            Evidence::Measured,
            "Ads report: video completion, spring campaign",
        ),
        (
            "Search: best hiking boots 2026",
            Evidence::Measured,
            "Search Console: top queries",
        ),
        (
            "Friend's recommendation",
            Evidence::Measured,
            "Post-purchase survey: how did you hear of us?",
        ),
        (
            "Product pages with size guide",
            Evidence::Measured,
            "Web analytics: size-guide views",
        ),
        (
            "Size guide is hard to read on mobile",
            Evidence::Observed,
            "Usability test, March: 5 of 8 gave up on the size table",
        ),
        (
            "Store try-on appointment",
            Evidence::Measured,
            "Booking system: try-on appointments kept",
        ),
        (
            "Live chat with gear expert",
            Evidence::Measured,
            "Chat transcripts and satisfaction scores",
        ),
        (
            "Shipping cost appears only at checkout",
            Evidence::Measured,
            "Checkout funnel: 38% leave at the shipping step",
        ),
        ("Checkout", Evidence::Measured, "Checkout funnel analytics"),
        (
            "Forced account creation",
            Evidence::Observed,
            "Usability test, March: 6 of 8 hesitated at sign-up",
        ),
        (
            "Unboxing with care card",
            Evidence::Observed,
            "Unboxing videos customers posted",
        ),
        (
            "Exchange needs a printed label",
            Evidence::Measured,
            "Returns survey, Q1",
        ),
        (
            "Review request after first hike",
            Evidence::Measured,
            "Email report: open and review rates",
        ),
        (
            "Posts trail photos tagging the brand",
            Evidence::Observed,
            "Tagged posts on Instagram",
        ),
    ];
    for card in &mut b.map.cards {
        if let Some((_, level, source)) = evidence.iter().find(|(t, ..)| *t == card.title) {
            let card = Arc::make_mut(card);
            card.evidence = *level;
            card.source = (*source).to_owned();
        }
    }
    b.map
}

/// A generated map with `cards` cards spread over ten stages and the five
/// usual lanes: for benchmarks and stress tests.
pub fn large_map(cards: usize) -> Map {
    let mut map = Map::new("Generated journey");
    let roles = [
        "Awareness",
        "Consideration",
        "Decision",
        "Purchase",
        "Onboarding",
        "Use",
        "Support",
        "Renewal",
        "Loyalty",
        "Advocacy",
    ];
    for name in roles {
        let id = map.new_stage_id();
        map.stages.push(Stage::new(id, name));
    }
    for kind in LaneKind::BUILT_IN {
        let id = map.new_lane_id();
        map.lanes.push(Lane::new(id, kind));
    }
    let persona = map.new_persona_id();
    map.personas.push(Persona {
        id: persona,
        name: "Everyone".into(),
        description: String::new(),
    });
    let cells = map.stages.len() * map.lanes.len();
    for i in 0..cards {
        let cell = i % cells;
        let stage = map.stages[cell / map.lanes.len()].id;
        let lane = map.lanes[cell % map.lanes.len()].id;
        let id = map.new_card_id();
        let mut card = Card::new(id, stage, lane, &format!("Touchpoint number {i}"));
        card.channel = Channel::BUILT_IN[i % Channel::BUILT_IN.len()].clone();
        card.owner = format!("Team {}", i % 7);
        card.metric = "Conversion rate".into();
        card.emotion = Some(Emotion::new((i % 5) as i32 - 2, "curious"));
        card.notes = "Generated for a benchmark.".into();
        map.cards.push(Arc::new(card));
    }
    // Group the cards by cell, as a saved map would be.
    let order: std::collections::HashMap<_, _> = map
        .stages
        .iter()
        .enumerate()
        .map(|(i, s)| (s.id, i))
        .collect();
    let lanes: std::collections::HashMap<_, _> = map
        .lanes
        .iter()
        .enumerate()
        .map(|(i, l)| (l.id, i))
        .collect();
    map.cards.sort_by_key(|c| (order[&c.stage], lanes[&c.lane]));
    map
}
