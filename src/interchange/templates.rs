//! The maps offered by File → New from template. Each is an ordinary map
//! file in `assets/templates/`, bundled into the binary.

use crate::format;
use crate::model::Map;

/// A bundled template.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Template {
    /// A stable key, the file's name without `.ron`.
    pub id: &'static str,
    /// The name shown in the menu.
    pub name: &'static str,
    /// One sentence on what the template maps.
    pub description: &'static str,
    /// The map file's text.
    pub ron: &'static str,
}

/// Every bundled template, in menu order.
pub const TEMPLATES: [Template; 5] = [
    Template {
        id: "b2c-ecommerce",
        name: "B2C e-commerce",
        description: "An online shop: from an ad or a friend's tip to checkout, delivery, \
                      reviews and repeat orders.",
        ron: include_str!("../../assets/templates/b2c-ecommerce.ron"),
    },
    Template {
        id: "b2b-saas-trial",
        name: "B2B SaaS: trial to paid",
        description: "A software team's free trial, the upgrade decision with several \
                      stakeholders, onboarding and expansion.",
        ron: include_str!("../../assets/templates/b2b-saas-trial.ron"),
    },
    Template {
        id: "store-visit",
        name: "Store visit",
        description: "A visit to a physical store: planning the trip, advice in the aisles, \
                      the checkout queue and aftercare at home.",
        ron: include_str!("../../assets/templates/store-visit.ron"),
    },
    Template {
        id: "subscription-retention",
        name: "Subscription retention",
        description: "After the sign-up: first delivery, habit, churn risk, renewal, \
                      win-back and referrals.",
        ron: include_str!("../../assets/templates/subscription-retention.ron"),
    },
    Template {
        id: "service-blueprint",
        name: "Service blueprint",
        description: "A hotel stay as a service blueprint: physical evidence, guest actions, \
                      frontstage, backstage and support processes, with the work behind each \
                      touchpoint linked.",
        ron: include_str!("../../assets/templates/service-blueprint.ron"),
    },
];

/// Every bundled template, in menu order.
pub fn all() -> &'static [Template] {
    &TEMPLATES
}

/// The template with this id.
pub fn by_id(id: &str) -> Option<&'static Template> {
    TEMPLATES.iter().find(|t| t.id == id)
}

/// The template's map, ready to edit. The texts are bundled and each is
/// loaded by the tests, so they always parse.
pub fn load(template: &Template) -> Map {
    format::from_str(template.ron, template.id)
        .unwrap_or_else(|err| panic!("bundled template {} does not load: {err}", template.id))
}
