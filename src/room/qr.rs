//! The join address as a QR code's modules, for the projector to draw as
//! squares (no image, no font: the same shapes on screen and in tests).

/// A QR code: `width` × `width` modules, row by row, true for dark.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Qr {
    /// Modules on a side.
    pub width: usize,
    /// Dark modules, row by row.
    pub dark: Vec<bool>,
}

impl Qr {
    /// The code for `text`; `None` when it is too long for a QR code.
    pub fn new(text: &str) -> Option<Self> {
        let code = qrcode::QrCode::new(text.as_bytes()).ok()?;
        let width = code.width();
        let dark = code
            .to_colors()
            .into_iter()
            .map(|c| c == qrcode::Color::Dark)
            .collect();
        Some(Self { width, dark })
    }

    /// Whether the module at (`x`, `y`) is dark.
    pub fn is_dark(&self, x: usize, y: usize) -> bool {
        x < self.width && self.dark.get(y * self.width + x).copied().unwrap_or(false)
    }
}
