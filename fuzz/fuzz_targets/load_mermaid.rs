//! Fuzz target: see `waymark_fuzz::mermaid`.

#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| waymark_fuzz::mermaid(data));
