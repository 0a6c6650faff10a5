//! Fuzz target: see `waymark_fuzz::csv`.

#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| waymark_fuzz::csv(data));
