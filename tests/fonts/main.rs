//! Tests that choose this process's fallback fonts (the committed fixture
//! fonts, never the system's): a binary of their own, because the choice
//! is made once per process and every other test takes the system's.

mod world_scripts;
