//! End-to-end tests: the real `waymark` binary in a real X11 window.
//!
//! kittest drives the app with no display, so it never sees the platform
//! layer: the system clipboard, keyboard focus, the window title, key
//! events as winit gets them. These tests start the binary under its own
//! Xvfb server and drive it with xdotool and xclip, as a user would, then
//! check what they can observe from outside: the clipboard, the window
//! title and the saved file.
//!
//! Each test gets a fresh Xvfb on a free display and a temporary HOME and
//! XDG folders, so recovery files and eframe's persistence never touch the
//! real home. The tests take turns (one window at a time), which keeps
//! them steady on a busy two-core machine.
//!
//! Without Xvfb, xdotool or xclip the tests print why and pass, except
//! under CI (`CI=true`), where a missing tool is a failure.

// Tests may unwrap: a panic is how they fail (as in the other test crates
// once the [lints] table warns of unwrap_used).
#![allow(clippy::unwrap_used)]

mod session;
mod spots;

mod clipboard;
mod editing;
mod persona;
mod present;
mod title;
