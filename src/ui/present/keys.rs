//! The keys of presentation mode, read alike in the main window and the
//! presenter window: what presentation clickers send (arrows, Page
//! Up/Down, Space), PowerPoint's B and W, and a few of the editor's.

use egui::{Key, Modifiers};

/// Something a key asks of the presentation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PresentKey {
    /// The next stop or stage (→, Page Down, Space).
    Next,
    /// The previous stop or stage (←, Page Up).
    Previous,
    /// The first stage (Home).
    First,
    /// The last stage (End).
    Last,
    /// Show or hide the current stage's goal, emotion and findings (I).
    Info,
    /// Black screen, or back (B).
    Black,
    /// White screen, or back (W).
    White,
    /// The whole map, or back to the stage (O).
    Overview,
    /// A quick note on the current stage (N).
    Note,
    /// Open or close the presenter window (P).
    Presenter,
    /// Back from a blank screen, else leave presenting (Esc).
    Escape,
    /// Undo (Ctrl+Z).
    Undo,
    /// Redo (Ctrl+Shift+Z, Ctrl+Y).
    Redo,
    /// Save (Ctrl+S).
    Save,
    /// Start or stop the time-box (T).
    Timer,
    /// A minute more on the time-box (+).
    TimerLonger,
    /// A minute less on the time-box (−).
    TimerShorter,
    /// Start a dot vote; again to reveal it; again to end it (V).
    Vote,
    /// Hide or show the room's join code and QR code (J).
    Join,
}

/// The bindings, longer modifier sets first so Ctrl+Shift+Z is not read
/// as Ctrl+Z.
const BINDINGS: &[(Modifiers, Key, PresentKey)] = &[
    (
        Modifiers::COMMAND.plus(Modifiers::SHIFT),
        Key::Z,
        PresentKey::Redo,
    ),
    (Modifiers::COMMAND, Key::Z, PresentKey::Undo),
    (Modifiers::COMMAND, Key::Y, PresentKey::Redo),
    (Modifiers::COMMAND, Key::S, PresentKey::Save),
    (Modifiers::NONE, Key::ArrowRight, PresentKey::Next),
    (Modifiers::NONE, Key::PageDown, PresentKey::Next),
    (Modifiers::NONE, Key::Space, PresentKey::Next),
    (Modifiers::NONE, Key::ArrowLeft, PresentKey::Previous),
    (Modifiers::NONE, Key::PageUp, PresentKey::Previous),
    (Modifiers::NONE, Key::Home, PresentKey::First),
    (Modifiers::NONE, Key::End, PresentKey::Last),
    (Modifiers::NONE, Key::I, PresentKey::Info),
    (Modifiers::NONE, Key::B, PresentKey::Black),
    (Modifiers::NONE, Key::W, PresentKey::White),
    (Modifiers::NONE, Key::O, PresentKey::Overview),
    (Modifiers::NONE, Key::N, PresentKey::Note),
    (Modifiers::NONE, Key::P, PresentKey::Presenter),
    (Modifiers::NONE, Key::T, PresentKey::Timer),
    (Modifiers::NONE, Key::V, PresentKey::Vote),
    (Modifiers::NONE, Key::J, PresentKey::Join),
    (Modifiers::NONE, Key::Plus, PresentKey::TimerLonger),
    (Modifiers::NONE, Key::Equals, PresentKey::TimerLonger),
    (Modifiers::NONE, Key::Minus, PresentKey::TimerShorter),
    (Modifiers::NONE, Key::Escape, PresentKey::Escape),
];

/// Takes this frame's presentation keys from the input, in order of the
/// bindings (a frame rarely holds more than one).
pub fn read_keys(ctx: &egui::Context) -> Vec<PresentKey> {
    ctx.input_mut(|i| {
        let mut keys = Vec::new();
        for &(mods, key, action) in BINDINGS {
            for _ in 0..i.count_and_consume_key(mods, key) {
                keys.push(action);
            }
        }
        keys
    })
}

/// The keys as the help line shows them.
pub const HELP: &str = "→ / Space next · ← back · Home / End · I info · O overview · \
                        B / W blank · N note · P presenter window · T timer (+ / −) · V vote · J join code · Esc leave";
