//! Tests that choose this process's fallback fonts (the committed fixture
//! fonts, never the system's): a binary of their own, because the choice
//! is made once per process and every other test takes the system's.

// Tests may unwrap: a panic is how they fail.
#![allow(clippy::unwrap_used)]

mod world_scripts;
