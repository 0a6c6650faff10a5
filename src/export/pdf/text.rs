//! Text as real PDF text: each galley row's letters, in the fonts egui
//! drew them with, shaped by the same shaper (harfrust), at egui's own
//! positions. The fonts are embedded as subsets (krilla subsets every font
//! once per document, with only the glyphs used), and each glyph carries
//! its letters, so a reader can select, search and copy the text.
//!
//! Which font draws a letter is found as egui finds it: the first font of
//! the family's list (the bundled fonts, then the fallbacks egui
//! discovered while laying the map out) whose character map has it. The
//! answer is kept per (family, letter), so a map of many cards costs one
//! look-up per distinct letter, not per letter drawn.

use std::collections::HashMap;
use std::ops::Range;

use egui::FontFamily;
use egui::epaint::TextShape;
use egui::epaint::text::{Blob, Fonts, Glyph};
use krilla::geom::Point;
use krilla::surface::Surface;
use krilla::text::{Font, GlyphId, KrillaGlyph};
use skrifa::MetadataProvider as _;
use skrifa::raw::TableProvider as _;

use super::colors;
use crate::export::walk::{self, TextRow};
use crate::paint::rtl::is_rtl;

/// One font face the text may use.
struct Face {
    blob: Blob,
    index: u32,
    /// krilla's handle, made when first drawn with (`None` if it cannot
    /// read the face: its letters are then left out, not the document).
    font: Option<Font>,
    units_per_em: f32,
    shaper: harfrust::ShaperData,
}

impl Face {
    fn font_ref(&self) -> Option<skrifa::FontRef<'_>> {
        skrifa::FontRef::from_index((*self.blob).as_ref(), self.index).ok()
    }
}

/// Writes galleys as text, remembering fonts and font choices across the
/// whole document.
pub struct TextWriter {
    faces: Vec<Face>,
    /// Each family's faces, in egui's order.
    families: HashMap<FontFamily, Vec<usize>>,
    /// Which face draws a letter of a family.
    choice: HashMap<(FontFamily, char), Option<usize>>,
    buffer: Option<harfrust::UnicodeBuffer>,
}

/// A stretch of a row drawn with one face in one direction.
struct Run {
    face: usize,
    rtl: bool,
    glyphs: Range<usize>,
}

impl TextWriter {
    /// A writer for text laid out with `fonts` (one set of definitions,
    /// perhaps several layouts): the definitions, and the fallback fonts
    /// each discovered while laying out.
    pub fn new(all: &[&Fonts]) -> Self {
        let Some(fonts) = all.first() else {
            return Self {
                faces: Vec::new(),
                families: HashMap::new(),
                choice: HashMap::new(),
                buffer: None,
            };
        };
        let definitions = fonts.definitions();
        let mut faces = Vec::new();
        let mut by_name: HashMap<String, usize> = HashMap::new();
        let mut add =
            |name: &str, blob: Blob, index: u32, faces: &mut Vec<Face>| -> Option<usize> {
                if let Some(&i) = by_name.get(name) {
                    return Some(i);
                }
                let font = skrifa::FontRef::from_index((*blob).as_ref(), index).ok()?;
                let units_per_em = font.head().map_or(1000.0, |h| h.units_per_em() as f32);
                let shaper = harfrust::ShaperData::new(&font);
                faces.push(Face {
                    blob: blob.clone(),
                    index,
                    font: None,
                    units_per_em: units_per_em.max(1.0),
                    shaper,
                });
                by_name.insert(name.to_owned(), faces.len() - 1);
                Some(faces.len() - 1)
            };
        let mut families: HashMap<FontFamily, Vec<usize>> = HashMap::new();
        for (family, names) in &definitions.families {
            let list = families.entry(family.clone()).or_default();
            for name in names {
                if let Some(data) = definitions.font_data.get(name)
                    && let Some(i) = add(name, data.font.clone(), data.index, &mut faces)
                {
                    list.push(i);
                }
            }
        }
        // The fallbacks go last, where egui puts them (lowest priority).
        for insert in all.iter().flat_map(|f| f.discovered_fonts()) {
            let Some(i) = add(
                &insert.name,
                insert.data.font.clone(),
                insert.data.index,
                &mut faces,
            ) else {
                continue;
            };
            for family in &insert.families {
                let list = families.entry(family.family.clone()).or_default();
                if !list.contains(&i) {
                    list.push(i);
                }
            }
        }
        Self {
            faces,
            families,
            choice: HashMap::new(),
            buffer: Some(harfrust::UnicodeBuffer::new()),
        }
    }

    /// The face that draws `c` in `family`, as egui chooses it.
    fn face_for(&mut self, family: &FontFamily, c: char) -> Option<usize> {
        if let Some(&answer) = self.choice.get(&(family.clone(), c)) {
            return answer;
        }
        let answer = self.families.get(family).and_then(|list| {
            list.iter().copied().find(|&i| {
                self.faces[i]
                    .font_ref()
                    .is_some_and(|f| f.charmap().map(c).is_some())
            })
        });
        self.choice.insert((family.clone(), c), answer);
        answer
    }

    fn krilla_font(&mut self, face: usize) -> Option<Font> {
        let f = self.faces.get_mut(face)?;
        if f.font.is_none() {
            f.font = Font::new(krilla::Data::from(f.blob.clone()), f.index);
        }
        f.font.clone()
    }

    /// Writes one galley: every row that shows something.
    pub fn text(&mut self, surface: &mut Surface<'_>, t: &TextShape) {
        let Some(section) = t.galley.job.sections.first() else {
            return;
        };
        let font_id = section.format.font_id.clone();
        let rtl = walk::is_rtl_text(t);
        let rows = walk::text_rows(t, rtl);
        if rows.is_empty() {
            return;
        }
        surface.set_fill(colors::fill(walk::text_color(t)));
        surface.set_stroke(None);
        let rotated = t.angle != 0.0;
        if rotated {
            surface.push_transform(&krilla::geom::Transform::from_rotate_at(
                t.angle.to_degrees(),
                t.pos.x,
                t.pos.y,
            ));
        }
        for row in &rows {
            self.row(surface, row, &font_id.family, font_id.size);
        }
        if rotated {
            surface.pop();
        }
    }

    /// Splits a row into runs of one face and direction and writes each.
    fn row(
        &mut self,
        surface: &mut Surface<'_>,
        row: &TextRow<'_>,
        family: &FontFamily,
        size: f32,
    ) {
        let mut runs: Vec<Run> = Vec::new();
        for (i, g) in row.glyphs.iter().enumerate() {
            let strong_rtl = is_rtl(g.chr);
            let neutral = !strong_rtl && !g.chr.is_alphanumeric();
            let face = match runs.last() {
                // A space or a mark stays in the run before it if that
                // face has it, so a line is not cut at every space.
                Some(last)
                    if neutral
                        && self.faces[last.face]
                            .font_ref()
                            .is_some_and(|f| f.charmap().map(g.chr).is_some()) =>
                {
                    Some(last.face)
                }
                _ => self.face_for(family, g.chr),
            };
            let Some(face) = face else {
                continue;
            };
            match runs.last_mut() {
                Some(last)
                    if last.face == face
                        && last.glyphs.end == i
                        && (neutral || last.rtl == strong_rtl) =>
                {
                    last.glyphs.end = i + 1;
                }
                _ => runs.push(Run {
                    face,
                    rtl: strong_rtl,
                    glyphs: i..i + 1,
                }),
            }
        }
        for run in runs {
            let glyphs = &row.glyphs[run.glyphs.clone()];
            self.run(surface, glyphs, run.face, run.rtl, row.row_pos, size);
        }
    }

    /// Shapes one run with harfrust, as egui did, and places it where egui
    /// placed it: from its first letter's left to its last letter's
    /// advance.
    fn run(
        &mut self,
        surface: &mut Surface<'_>,
        glyphs: &[&Glyph],
        face: usize,
        rtl: bool,
        row_pos: egui::Pos2,
        size: f32,
    ) {
        let (Some(first), Some(last)) = (glyphs.first(), glyphs.last()) else {
            return;
        };
        // The row holds a right-to-left run in visual order: its text, in
        // reading order, is the letters reversed.
        let text: String = if rtl {
            glyphs.iter().rev().map(|g| g.chr).collect()
        } else {
            glyphs.iter().map(|g| g.chr).collect()
        };
        let width = last.pos.x + last.advance_width - first.pos.x;
        let Some(font) = self.krilla_font(face) else {
            return;
        };
        let f = &self.faces[face];
        let Some(font_ref) = f.font_ref() else {
            return;
        };
        let shaper = f.shaper.shaper(&font_ref).build();
        let mut buffer = self.buffer.take().unwrap_or_default();
        buffer.push_str(&text);
        buffer.guess_segment_properties();
        let shaped = shaper.shape(buffer, harfrust::ShapeOptions::new());
        let upem = f.units_per_em;
        let infos = shaped.glyph_infos();
        let positions = shaped.glyph_positions();
        // Where each cluster's text ends: the next larger cluster start.
        let mut starts: Vec<usize> = infos.iter().map(|i| i.cluster as usize).collect();
        starts.sort_unstable();
        starts.dedup();
        let end_of = |start: usize| {
            starts
                .iter()
                .copied()
                .find(|&s| s > start)
                .unwrap_or(text.len())
        };
        let total: f32 = positions.iter().map(|p| p.x_advance as f32).sum::<f32>() / upem * size;
        // Stretch to egui's width, as the SVG's textLength does: the same
        // shaper gives the same advances, so this is 1 but for rounding.
        let k = if total > 0.0 && width > 0.0 {
            width / total
        } else {
            1.0
        };
        let out: Vec<KrillaGlyph> = infos
            .iter()
            .zip(positions)
            .map(|(info, pos)| {
                let start = (info.cluster as usize).min(text.len());
                KrillaGlyph::new(
                    GlyphId::new(info.glyph_id),
                    pos.x_advance as f32 / upem * k,
                    pos.x_offset as f32 / upem,
                    pos.y_offset as f32 / upem,
                    0.0,
                    start..end_of(start),
                    None,
                )
            })
            .collect();
        surface.draw_glyphs(
            Point::from_xy(row_pos.x + first.pos.x, row_pos.y + first.pos.y),
            &out,
            font,
            &text,
            size,
            false,
        );
        self.buffer = Some(shaped.clear());
    }
}
