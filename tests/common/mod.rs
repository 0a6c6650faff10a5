//! Helpers shared by the integration tests.

#![allow(dead_code, reason = "each test file uses a different subset")]

pub mod big_map;
pub mod cpu_renderer;
