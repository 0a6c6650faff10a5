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
    #[default]
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
        }
    }

    /// Recognises a channel from a label or a common synonym, case-insensitively.
    /// Anything unknown becomes a custom channel.
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
        }
    }
}
