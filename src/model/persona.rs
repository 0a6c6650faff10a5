//! Personas: whose journey a map describes.

use serde::{Deserialize, Serialize};

use super::PersonaId;

/// A persona: a named kind of customer.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Persona {
    /// Stable id.
    pub id: PersonaId,
    /// The persona's name, such as "Busy parent".
    pub name: String,
    /// Who they are and what they need.
    #[serde(default)]
    pub description: String,
}

/// A finding of the analysis that the team has looked at and set aside.
/// Kept in the file so the whole team sees the same list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Dismissal {
    /// The rule id, such as `empty-stage`.
    pub rule: String,
    /// The place the finding names, as a stable key made of ids.
    pub place: String,
    /// Why it was dismissed.
    #[serde(default)]
    pub reason: String,
}
