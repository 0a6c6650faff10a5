//! How much the Mermaid and CSV readers accept from one text.
//!
//! A hostile or broken file must not make Waymark run for minutes or fill
//! the memory; it is refused early, with a message that says the limit.
//! The limits sit far above real maps: the largest maps teams draw have a
//! few hundred cards, and a generated map of 10,000 cards (0.8 MB of CSV,
//! 40 stages) reads in about 0.1 s (`cargo bench --bench readers`).
//!
//! | what                 | limit       |
//! |----------------------|-------------|
//! | size of the text     | 32 MiB      |
//! | stages (sections)    | 10,000      |
//! | lanes                | 1,000       |
//! | cards (tasks, rows)  | 100,000     |
//! | personas (actors)    | 10,000      |

/// The largest text, in bytes, the readers accept.
pub const MAX_INPUT_BYTES: usize = 32 * 1024 * 1024;

/// The most stages one text may make.
pub const MAX_STAGES: usize = 10_000;

/// The most lanes one text may make.
pub const MAX_LANES: usize = 1_000;

/// The most cards one text may hold.
pub const MAX_CARDS: usize = 100_000;

/// The most personas one text may make.
pub const MAX_PERSONAS: usize = 10_000;

/// The message for a text over [`MAX_INPUT_BYTES`], or `None` when it fits.
pub fn input_too_large(len: usize) -> Option<String> {
    (len > MAX_INPUT_BYTES).then(|| {
        format!(
            "the text is {:.1} MB; Waymark reads at most {} MB from one file",
            len as f64 / (1024.0 * 1024.0),
            MAX_INPUT_BYTES / (1024 * 1024)
        )
    })
}

/// The message for a text that would make more than `limit` of `what`
/// (such as "stages").
pub fn too_many(what: &str, limit: usize) -> String {
    format!(
        "the text makes more than {} {what}; Waymark reads at most {} {what} from one file",
        thousands(limit),
        thousands(limit)
    )
}

/// A count with thousands separators, as people read it: 10,000.
fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_say_the_limit() {
        assert_eq!(thousands(10_000), "10,000");
        assert_eq!(thousands(100), "100");
        assert_eq!(thousands(1_000_000), "1,000,000");
        assert!(too_many("stages", MAX_STAGES).contains("at most 10,000 stages"));
        assert_eq!(input_too_large(MAX_INPUT_BYTES), None);
        let big = input_too_large(MAX_INPUT_BYTES + 1).expect("over the limit");
        assert!(big.contains("at most 32 MB"), "{big}");
    }
}
