//! Touchpoint cards: the things a customer meets on the journey.

use serde::{Deserialize, Serialize};

use super::{CardId, Emotion, LaneId, PersonaId, StageId};

/// The channel through which a touchpoint reaches the customer.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Channel {
    /// Paid advertising: display, video, print, outdoor.
    Ad,
    /// Search engines, organic or paid.
    Search,
    /// Social networks and communities.
    Social,
    /// The brand's own website.
    Website,
    /// Email and newsletters.
    Email,
    /// A physical store or branch.
    Store,
    /// Events, fairs, webinars.
    Event,
    /// Phone calls and customer support.
    Phone,
    /// A mobile or desktop app.
    App,
    /// Recommendations from friends, reviews by word of mouth.
    WordOfMouth,
    /// Any other channel, named by the user.
    Custom(String),
    /// No channel is known: an imported Mermaid task, a CSV row with an
    /// empty `channel` cell, a card nobody has classified yet. Drawn with
    /// no channel mark, and skipped by the channel rules, so an import
    /// never invents a channel the analysis then reasons about.
    ///
    /// A variant rather than `Option<Channel>`: ron reads an `Option` field
    /// only as `Some(Website)`, so every existing file, which says
    /// `channel: Website`, would stop loading. A variant keeps those files
    /// as they are, and a file without the field reads as unknown.
    #[default]
    Unknown,
}

impl Channel {
    /// The built-in channels, in menu order.
    pub const BUILT_IN: [Channel; 10] = [
        Channel::Ad,
        Channel::Search,
        Channel::Social,
        Channel::Website,
        Channel::Email,
        Channel::Store,
        Channel::Event,
        Channel::Phone,
        Channel::App,
        Channel::WordOfMouth,
    ];

    /// The name people read in the UI and in exports.
    pub fn label(&self) -> &str {
        match self {
            Channel::Ad => "Ad",
            Channel::Search => "Search",
            Channel::Social => "Social",
            Channel::Website => "Website",
            Channel::Email => "Email",
            Channel::Store => "Store",
            Channel::Event => "Event",
            Channel::Phone => "Phone / support",
            Channel::App => "App",
            Channel::WordOfMouth => "Word of mouth",
            Channel::Custom(name) => name,
            Channel::Unknown => "No channel",
        }
    }

    /// Whether a channel is known; [`Channel::Unknown`] is not.
    pub fn is_known(&self) -> bool {
        !matches!(self, Channel::Unknown)
    }

    /// Recognises a channel from a label or a common synonym, case-insensitively.
    /// An empty text (or "none", "unknown") is [`Channel::Unknown`]; any
    /// other unrecognised name becomes a custom channel.
    pub fn parse(text: &str) -> Channel {
        let key: String = text
            .trim()
            .to_lowercase()
            .chars()
            .filter(|c| c.is_alphanumeric())
            .collect();
        match key.as_str() {
            "ad" | "ads" | "advert" | "advertising" | "paidad" | "display" => Channel::Ad,
            "search" | "seo" | "sem" => Channel::Search,
            "social" | "socialmedia" => Channel::Social,
            "website" | "web" | "site" | "webpage" => Channel::Website,
            "email" | "mail" | "newsletter" => Channel::Email,
            "store" | "shop" | "instore" | "retail" => Channel::Store,
            "event" | "events" | "webinar" => Channel::Event,
            "phone" | "phonesupport" | "support" | "call" | "callcenter" => Channel::Phone,
            "app" | "mobileapp" => Channel::App,
            "wordofmouth" | "wom" | "referral" => Channel::WordOfMouth,
            "" | "none" | "unknown" | "nochannel" => Channel::Unknown,
            _ => Channel::Custom(text.trim().to_owned()),
        }
    }
}

/// Whether a touchpoint happens on a screen or in the physical world.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Medium {
    /// On a screen: web, app, email, ads.
    #[default]
    Digital,
    /// In person or on paper: store, event, parcel, phone.
    Physical,
}

impl Medium {
    /// The name people read.
    pub fn label(self) -> &'static str {
        match self {
            Medium::Digital => "Digital",
            Medium::Physical => "Physical",
        }
    }
}

/// How much a card rests on evidence: what the team saw, what it counted,
/// or what it believes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Evidence {
    /// Seen in research: an interview, a usability test, a store visit.
    Observed,
    /// Counted: analytics, survey data, support tickets.
    Measured,
    /// The team's belief, not yet checked. The default: a card is a guess
    /// until someone says where it comes from.
    #[default]
    Assumed,
}

impl Evidence {
    /// Every level, strongest first.
    pub const ALL: [Evidence; 3] = [Evidence::Observed, Evidence::Measured, Evidence::Assumed];

    /// The lower-case word used in the UI, in CSV and on the command line.
    pub fn label(self) -> &'static str {
        match self {
            Evidence::Observed => "observed",
            Evidence::Measured => "measured",
            Evidence::Assumed => "assumed",
        }
    }

    /// What the level means, for the legend and the card's tooltip, which
    /// explain its mark on the card (a filled dot, three bars, a ring).
    pub fn meaning(self) -> &'static str {
        match self {
            Evidence::Observed => "seen with customers: research, interviews",
            Evidence::Measured => "counted in data: analytics, surveys",
            Evidence::Assumed => "nobody has checked yet",
        }
    }

    /// Reads a level, case-insensitively; an empty text is
    /// [`Evidence::Assumed`]. `None` for any other word.
    pub fn parse(text: &str) -> Option<Evidence> {
        match text.trim().to_lowercase().as_str() {
            "observed" | "observation" | "research" => Some(Evidence::Observed),
            "measured" | "measurement" | "data" | "analytics" => Some(Evidence::Measured),
            "" | "assumed" | "assumption" => Some(Evidence::Assumed),
            _ => None,
        }
    }

    /// Whether the card rests on evidence (observed or measured).
    pub fn is_evidence(self) -> bool {
        !matches!(self, Evidence::Assumed)
    }
}

/// A touchpoint card in one (stage, lane) cell of the map.
///
/// Its position inside the cell is its order among the cell's cards in
/// [`crate::model::Map::cards`]; the model stores order, never pixels.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Card {
    /// Stable id.
    pub id: CardId,
    /// The stage (column) the card is in.
    pub stage: StageId,
    /// The lane (row) the card is in.
    pub lane: LaneId,
    /// What the touchpoint is, in a few words.
    pub title: String,
    /// Free notes.
    #[serde(default)]
    pub notes: String,
    /// Through which channel it reaches the customer.
    #[serde(default)]
    pub channel: Channel,
    /// Digital or physical.
    #[serde(default)]
    pub medium: Medium,
    /// Who in the company looks after it.
    #[serde(default)]
    pub owner: String,
    /// How its success is measured.
    #[serde(default)]
    pub metric: String,
    /// How the customer feels here, if known.
    #[serde(default)]
    pub emotion: Option<Emotion>,
    /// The personas this card applies to; empty means all of them.
    #[serde(default)]
    pub personas: Vec<PersonaId>,
    /// What the card rests on. Absent in files written before it existed,
    /// which read as assumed.
    #[serde(default)]
    pub evidence: Evidence,
    /// Where the evidence comes from: free text or a link.
    #[serde(default)]
    pub source: String,
    /// A service blueprint's fail point: where the service tends to go
    /// wrong. Left out of the file unless set.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub fail_point: bool,
    /// The dots the room gave the card in dot votes. Left out of the file
    /// while zero, so a map that never held a vote keeps its bytes.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub votes: u32,
}

/// Whether a count is zero: such counts are left out of the file.
fn is_zero(n: &u32) -> bool {
    *n == 0
}

impl Card {
    /// A new card with a title and default fields.
    pub fn new(id: CardId, stage: StageId, lane: LaneId, title: &str) -> Self {
        Self {
            id,
            stage,
            lane,
            title: title.to_owned(),
            notes: String::new(),
            channel: Channel::default(),
            medium: Medium::default(),
            owner: String::new(),
            metric: String::new(),
            emotion: None,
            personas: Vec::new(),
            evidence: Evidence::default(),
            source: String::new(),
            fail_point: false,
            votes: 0,
        }
    }
}
