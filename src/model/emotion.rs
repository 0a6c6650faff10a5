//! How a customer feels at a card or a stage.

use serde::{Deserialize, Serialize};

/// An emotion score from -2 (very negative) to +2 (very positive).
///
/// The range is enforced when a file is read, so a bad score becomes a load
/// error with a position instead of a surprise later on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "i8", into = "i8")]
pub struct Score(i8);

impl Score {
    /// The lowest score.
    pub const MIN: i8 = -2;
    /// The highest score.
    pub const MAX: i8 = 2;
    /// Every score, from the lowest to the highest.
    pub const ALL: [Score; 5] = [Score(-2), Score(-1), Score(0), Score(1), Score(2)];

    /// A score, clamped to the valid range.
    pub fn clamped(value: i32) -> Self {
        Self(value.clamp(Self::MIN as i32, Self::MAX as i32) as i8)
    }

    /// The numeric value, -2..=2.
    pub fn value(self) -> i8 {
        self.0
    }

    /// A short plain-words label for the score.
    pub fn label(self) -> &'static str {
        match self.0 {
            -2 => "very negative",
            -1 => "negative",
            0 => "neutral",
            1 => "positive",
            _ => "very positive",
        }
    }
}

impl TryFrom<i8> for Score {
    type Error = String;

    fn try_from(value: i8) -> Result<Self, Self::Error> {
        if (Self::MIN..=Self::MAX).contains(&value) {
            Ok(Self(value))
        } else {
            Err(format!(
                "emotion score {value} is outside the range -2 to +2"
            ))
        }
    }
}

impl From<Score> for i8 {
    fn from(score: Score) -> Self {
        score.0
    }
}

/// An emotion annotation: a score plus an optional word such as "curious".
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Emotion {
    /// How positive or negative the moment feels.
    pub score: Score,
    /// A word for the feeling; may be empty.
    #[serde(default)]
    pub word: String,
}

impl Emotion {
    /// An emotion with a score and a word.
    pub fn new(score: i32, word: &str) -> Self {
        Self {
            score: Score::clamped(score),
            word: word.to_owned(),
        }
    }
}
