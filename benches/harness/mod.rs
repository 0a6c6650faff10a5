//! The benches' shared harness: medians, timing loops, milliseconds and the
//! editor's input at a screen size. Plain `Instant` timing keeps the
//! benches free of a framework; each bench prints its own table, in the
//! format it always had.
//!
//! Included by every bench with `#[path = "harness/mod.rs"] mod harness;`
//! (a folder without `main.rs`, so cargo does not take it for a bench).

// Each bench uses some of these.
#![allow(dead_code)]

use std::hint::black_box;
use std::time::{Duration, Instant};

/// The median of `samples` (the upper one of an even count); zero for none.
pub fn median(mut samples: Vec<Duration>) -> Duration {
    samples.sort();
    samples.get(samples.len() / 2).copied().unwrap_or_default()
}

/// A duration in milliseconds.
pub fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// The median of `samples`, in milliseconds.
pub fn median_ms(samples: Vec<Duration>) -> f64 {
    ms(median(samples))
}

/// How long one call of `f` takes, its result kept from being optimised
/// away.
pub fn time<T>(f: impl FnOnce() -> T) -> Duration {
    let start = Instant::now();
    black_box(f());
    start.elapsed()
}

/// The median of `runs` timings of `f`, after `warmup` untimed calls.
pub fn median_of<T>(warmup: usize, runs: usize, mut f: impl FnMut() -> T) -> Duration {
    for _ in 0..warmup {
        black_box(f());
    }
    median((0..runs).map(|_| time(&mut f)).collect())
}

/// The median of timings of `f`, taken until there are at least `min_runs`
/// of them and `min_time` has passed.
pub fn median_for<T>(min_runs: usize, min_time: Duration, mut f: impl FnMut() -> T) -> Duration {
    let mut samples = Vec::new();
    let started = Instant::now();
    while samples.len() < min_runs || started.elapsed() < min_time {
        samples.push(time(&mut f));
    }
    median(samples)
}

/// The median of `values` (the upper one of an even count); NaN for none.
pub fn median_f64(mut values: Vec<f64>) -> f64 {
    values.sort_by(f64::total_cmp);
    values.get(values.len() / 2).copied().unwrap_or(f64::NAN)
}

/// Timings of `f`: at least one, then more while fewer than `max_runs`
/// and `budget` has not passed.
pub fn samples_within<T>(
    max_runs: usize,
    budget: Duration,
    mut f: impl FnMut() -> T,
) -> Vec<Duration> {
    let mut samples = Vec::new();
    let started = Instant::now();
    while samples.is_empty() || (started.elapsed() < budget && samples.len() < max_runs) {
        samples.push(time(&mut f));
    }
    samples
}

/// One frame's input for a `width` × `height` screen with `events`.
pub fn input(width: f32, height: f32, events: Vec<egui::Event>) -> egui::RawInput {
    egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(
            egui::Pos2::ZERO,
            egui::vec2(width, height),
        )),
        events,
        ..Default::default()
    }
}
