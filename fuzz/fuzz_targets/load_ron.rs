//! Fuzz target: see `waymark_fuzz::ron`.

#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| waymark_fuzz::ron(data));
