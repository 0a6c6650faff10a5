//! Where things are in the window, in pixels from its top left, for the
//! sample map at the app's default size (1600×1000, the whole screen).
//! Read off screenshots (`target/tmp/real_window/*.png`); a layout change
//! that moves them shows up as a failure with a screenshot of its own.

/// A card of the sample map, and where to click it.
pub const CARD_TITLE: &str = "Instagram trail video ad";
pub const CARD: (u32, u32) = (495, 426);

/// The inspector's Add Persona button while nothing is selected.
pub const ADD_PERSONA: (u32, u32) = (1357, 355);

/// A spot where the pointer changes nothing on the screen: the middle of
/// the status bar.
pub const QUIET: (u32, u32) = (1000, 987);
