//! What keeps the room's server safe to leave open in a workshop: random
//! join codes and phone cookies, and the rate limits per client.

use std::collections::HashMap;
use std::time::{Duration, Instant};

#[derive(Default)]
pub(super) struct Limits {
    /// (window start, count) per key.
    windows: HashMap<String, (Instant, u32)>,
}

impl Limits {
    /// Counts one more event for `key`; false when over `max` per `window`.
    pub(super) fn allow(&mut self, key: String, max: u32, window: Duration) -> bool {
        let now = Instant::now();
        // Bounded: a flood of addresses cannot grow the table for ever.
        if self.windows.len() > 4096 {
            self.windows.retain(|_, (start, _)| now - *start < window);
        }
        let (start, count) = self.windows.entry(key).or_insert((now, 0));
        if now - *start >= window {
            *start = now;
            *count = 0;
        }
        *count += 1;
        *count <= max
    }
}

/// Random bytes from the operating system.
fn random<const N: usize>() -> [u8; N] {
    let mut bytes = [0u8; N];
    // The OS source fails only on a broken system; the clock then still
    // makes codes differ between sessions.
    if getrandom::fill(&mut bytes).is_err() {
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos());
        for (i, b) in bytes.iter_mut().enumerate() {
            *b = (nanos >> ((i % 16) * 8)) as u8 ^ (i as u8).wrapping_mul(151);
        }
    }
    bytes
}

/// A fresh join code: six characters without look-alikes (no 0/O, 1/I).
pub fn join_code() -> String {
    const ALPHABET: &[u8; 32] = b"ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    random::<6>()
        .iter()
        .map(|b| ALPHABET[(*b % 32) as usize] as char)
        .collect()
}

/// A phone's cookie: 128 random bits, in hex.
pub(super) fn token() -> String {
    random::<16>().iter().map(|b| format!("{b:02x}")).collect()
}
