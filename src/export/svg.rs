//! SVG from the same epaint shapes the canvas draws.
//!
//! Geometry maps one to one onto SVG elements. Text is written as real
//! `<text>`, one per galley with a `<tspan>` per laid-out row, at egui's
//! own row positions; `textLength` holds each row to egui's width so a
//! viewer's font substitute cannot make text overflow its card. Text is
//! selectable and searchable; a row that egui elided (`…`) carries the
//! full text in a `<title>` so nothing is lost to search, up to
//! [`crate::paint::MAX_TEXT_CHARS`] characters: no text is kept whole
//! beyond that, so a hostile title cannot make a huge file.

use std::fmt::Write as _;

use super::walk;
use crate::paint::cap_text;

use egui::epaint::{Color32, CornerRadius, PathStroke, RectShape, Stroke, TextShape};
use egui::{Pos2, Rect, Shape};

/// The fonts a viewer should try, in the editor's order: DejaVu first,
/// then faces for the scripts it lacks (the same Noto faces the editor
/// finds on Debian and Ubuntu, and their counterparts elsewhere), then the
/// viewer's own sans-serif.
pub const FONT_FAMILIES: &str = "DejaVu Sans, Noto Sans CJK JP, Noto Sans CJK KR, \
     Noto Sans CJK SC, Source Han Sans, WenQuanYi Zen Hei, Hiragino Sans, Yu Gothic, \
     Malgun Gothic, Microsoft YaHei, Noto Sans Arabic, Noto Sans Hebrew, Noto Sans Thai, \
     Noto Sans Devanagari, Verdana, sans-serif";

/// Writes a whole SVG document: `bounds` becomes the `viewBox` (one SVG
/// unit per map unit), `background` fills it unless transparent, `title`
/// names the document.
pub fn write_svg(shapes: &[Shape], bounds: Rect, background: Color32, title: &str) -> String {
    let mut out = String::with_capacity(256 + shapes.len() * 96);
    let (w, h) = (num(bounds.width()), num(bounds.height()));
    let (x, y) = (num(bounds.min.x), num(bounds.min.y));
    let _ = writeln!(out, r#"<?xml version="1.0" encoding="UTF-8"?>"#);
    let _ = writeln!(
        out,
        r#"<svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="{w}" height="{h}" viewBox="{x} {y} {w} {h}" font-family="{FONT_FAMILIES}" stroke="none">"#
    );
    if !title.is_empty() {
        let _ = writeln!(out, "<title>{}</title>", escape(&cap_text(title)));
    }
    if background.a() > 0 {
        let _ = writeln!(
            out,
            r#"<rect x="{x}" y="{y}" width="{w}" height="{h}"{}/>"#,
            paint_attr("fill", background)
        );
    }
    walk::for_each_shape(shapes, &mut |shape| shape_svg(&mut out, shape));
    out.push_str("</svg>\n");
    out
}

/// A number with at most two decimals and no trailing zeros.
fn num(v: f32) -> String {
    if !v.is_finite() {
        return "0".to_owned();
    }
    let s = format!("{:.2}", v);
    let s = s.trim_end_matches('0').trim_end_matches('.');
    if s == "-0" {
        "0".to_owned()
    } else {
        s.to_owned()
    }
}

/// Escapes text for XML content and attributes, dropping characters XML
/// 1.0 cannot hold at all (most control characters).
pub fn escape(text: &str) -> String {
    let mut s = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => s.push_str("&amp;"),
            '<' => s.push_str("&lt;"),
            '>' => s.push_str("&gt;"),
            '"' => s.push_str("&quot;"),
            '\'' => s.push_str("&apos;"),
            '\t' | '\n' | '\r' => s.push(c),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => s.push(c),
        }
    }
    s
}

/// ` name="#rrggbb"` plus an opacity attribute when not opaque; `none`
/// when fully transparent. egui colours are premultiplied; SVG's are not.
fn paint_attr(name: &str, color: Color32) -> String {
    if color.a() == 0 {
        return format!(r#" {name}="none""#);
    }
    let [r, g, b, a] = color.to_srgba_unmultiplied();
    let mut s = format!(r##" {name}="#{r:02x}{g:02x}{b:02x}""##);
    if a < 255 {
        let _ = write!(s, r#" {name}-opacity="{}""#, num(a as f32 / 255.0));
    }
    s
}

fn stroke_attrs(width: f32, color: Color32) -> String {
    if width <= 0.0 || color.a() == 0 {
        return String::new();
    }
    format!(
        r#"{} stroke-width="{}" stroke-linejoin="miter""#,
        paint_attr("stroke", color),
        num(width)
    )
}

fn shape_svg(out: &mut String, shape: &Shape) {
    match shape {
        Shape::Noop | Shape::Callback(_) | Shape::Band(_) | Shape::Mesh(_) => {
            // Meshes (images) and callbacks have no vector form; the map
            // paints neither.
        }
        Shape::Vec(shapes) => shapes.iter().for_each(|s| shape_svg(out, s)),
        Shape::Rect(r) => rect_svg(out, r),
        Shape::Circle(c) => {
            let _ = writeln!(
                out,
                r#"<circle cx="{}" cy="{}" r="{}"{}{}/>"#,
                num(c.center.x),
                num(c.center.y),
                num(c.radius),
                paint_attr("fill", c.fill),
                stroke_attrs(c.stroke.width, c.stroke.color)
            );
        }
        Shape::Ellipse(e) => {
            let rotate = if e.angle != 0.0 {
                format!(
                    r#" transform="rotate({} {} {})""#,
                    num(e.angle.to_degrees()),
                    num(e.center.x),
                    num(e.center.y)
                )
            } else {
                String::new()
            };
            let _ = writeln!(
                out,
                r#"<ellipse cx="{}" cy="{}" rx="{}" ry="{}"{}{}{rotate}/>"#,
                num(e.center.x),
                num(e.center.y),
                num(e.radius.x),
                num(e.radius.y),
                paint_attr("fill", e.fill),
                stroke_attrs(e.stroke.width, e.stroke.color)
            );
        }
        Shape::LineSegment { points, stroke } => line_svg(out, points, *stroke),
        Shape::Path(p) => {
            if p.points.len() < 2 {
                return;
            }
            let points: Vec<String> = p
                .points
                .iter()
                .map(|q| format!("{},{}", num(q.x), num(q.y)))
                .collect();
            let tag = if p.closed { "polygon" } else { "polyline" };
            let fill = if p.closed {
                paint_attr("fill", p.fill)
            } else {
                r#" fill="none""#.to_owned()
            };
            let _ = writeln!(
                out,
                r#"<{tag} points="{}"{fill}{}/>"#,
                points.join(" "),
                stroke_attrs(p.stroke.width, walk::path_stroke_color(&p.stroke))
            );
        }
        Shape::CubicBezier(b) => {
            let [p0, p1, p2, p3] = b.points;
            let d = format!(
                "M{} {} C{} {} {} {} {} {}{}",
                num(p0.x),
                num(p0.y),
                num(p1.x),
                num(p1.y),
                num(p2.x),
                num(p2.y),
                num(p3.x),
                num(p3.y),
                if b.closed { " Z" } else { "" }
            );
            bezier_svg(out, &d, b.closed, b.fill, &b.stroke);
        }
        Shape::QuadraticBezier(b) => {
            let [p0, p1, p2] = b.points;
            let d = format!(
                "M{} {} Q{} {} {} {}{}",
                num(p0.x),
                num(p0.y),
                num(p1.x),
                num(p1.y),
                num(p2.x),
                num(p2.y),
                if b.closed { " Z" } else { "" }
            );
            bezier_svg(out, &d, b.closed, b.fill, &b.stroke);
        }
        Shape::Text(t) => text_svg(out, t),
    }
}

fn line_svg(out: &mut String, points: &[Pos2; 2], stroke: Stroke) {
    let _ = writeln!(
        out,
        r#"<line x1="{}" y1="{}" x2="{}" y2="{}"{}/>"#,
        num(points[0].x),
        num(points[0].y),
        num(points[1].x),
        num(points[1].y),
        stroke_attrs(stroke.width, stroke.color)
    );
}

fn bezier_svg(out: &mut String, d: &str, closed: bool, fill: Color32, stroke: &PathStroke) {
    let fill = if closed {
        paint_attr("fill", fill)
    } else {
        r#" fill="none""#.to_owned()
    };
    let _ = writeln!(
        out,
        r#"<path d="{d}"{fill}{}/>"#,
        stroke_attrs(stroke.width, walk::path_stroke_color(stroke))
    );
}

fn rect_svg(out: &mut String, r: &RectShape) {
    if !r.rect.is_finite() || !r.rect.is_positive() {
        return;
    }
    let max_r = r.rect.width().min(r.rect.height()) / 2.0;
    let cr = r.corner_radius;
    let radius = |c: u8| (c as f32).min(max_r);
    if r.fill.a() > 0 {
        rounded_rect(out, r.rect, cr, max_r, &paint_attr("fill", r.fill));
    }
    if let Some((rect, shift)) = super::walk::stroke_outline(r) {
        let w = r.stroke.width;
        let grow = |c: u8| (radius(c) + shift).max(0.0).round().min(255.0) as u8;
        let cr = CornerRadius {
            nw: grow(cr.nw),
            ne: grow(cr.ne),
            sw: grow(cr.sw),
            se: grow(cr.se),
        };
        let attrs = format!(r#" fill="none"{}"#, stroke_attrs(w, r.stroke.color));
        rounded_rect(out, rect, cr, rect.width().min(rect.height()) / 2.0, &attrs);
    }
}

fn rounded_rect(out: &mut String, rect: Rect, cr: CornerRadius, max_r: f32, attrs: &str) {
    let (x, y, w, h) = (
        num(rect.min.x),
        num(rect.min.y),
        num(rect.width()),
        num(rect.height()),
    );
    let radius = |c: u8| (c as f32).min(max_r).max(0.0);
    if cr.nw == cr.ne && cr.nw == cr.sw && cr.nw == cr.se {
        let rx = if cr.nw > 0 {
            format!(r#" rx="{}""#, num(radius(cr.nw)))
        } else {
            String::new()
        };
        let _ = writeln!(
            out,
            r#"<rect x="{x}" y="{y}" width="{w}" height="{h}"{rx}{attrs}/>"#
        );
        return;
    }
    // Different corners: a path with one arc per corner.
    let (l, t, r, b) = (rect.min.x, rect.min.y, rect.max.x, rect.max.y);
    let (nw, ne, se, sw) = (radius(cr.nw), radius(cr.ne), radius(cr.se), radius(cr.sw));
    let mut d = format!("M{} {}", num(l + nw), num(t));
    let _ = write!(d, " H{}", num(r - ne));
    if ne > 0.0 {
        let _ = write!(d, " A{0} {0} 0 0 1 {1} {2}", num(ne), num(r), num(t + ne));
    }
    let _ = write!(d, " V{}", num(b - se));
    if se > 0.0 {
        let _ = write!(d, " A{0} {0} 0 0 1 {1} {2}", num(se), num(r - se), num(b));
    }
    let _ = write!(d, " H{}", num(l + sw));
    if sw > 0.0 {
        let _ = write!(d, " A{0} {0} 0 0 1 {1} {2}", num(sw), num(l), num(b - sw));
    }
    let _ = write!(d, " V{}", num(t + nw));
    if nw > 0.0 {
        let _ = write!(d, " A{0} {0} 0 0 1 {1} {2}", num(nw), num(l + nw), num(t));
    }
    d.push_str(" Z");
    let _ = writeln!(out, r#"<path d="{d}"{attrs}/>"#);
}

/// One `<text>` per galley, one `<tspan>` per row, placed on egui's
/// baselines.
fn text_svg(out: &mut String, t: &TextShape) {
    let galley = &t.galley;
    let Some(section) = galley.job.sections.first() else {
        return;
    };
    let font = &section.format.font_id;
    let rtl = walk::is_rtl_text(t);
    let rows = walk::text_rows(t, rtl);
    if rows.is_empty() {
        return;
    }
    let color = walk::text_color(t);
    let rotate = if t.angle != 0.0 {
        format!(
            r#" transform="rotate({} {} {})""#,
            num(t.angle.to_degrees()),
            num(t.pos.x),
            num(t.pos.y)
        )
    } else {
        String::new()
    };
    let _ = write!(
        out,
        r#"<text xml:space="preserve" font-size="{}"{}{}{}{rotate}>"#,
        num(font.size),
        // The rows are written in visual order (see `paint::rtl`): a
        // viewer must not reorder them again.
        if rtl {
            r#" direction="ltr" unicode-bidi="bidi-override""#
        } else {
            ""
        },
        if walk::is_bold(&font.family) {
            r#" font-weight="bold""#
        } else {
            ""
        },
        paint_attr("fill", color)
    );
    let single = rows.len() == 1;
    for row in &rows {
        let text: String = row.glyphs.iter().map(|g| g.chr).collect();
        let text = if rtl && single && !galley.elided {
            std::borrow::Cow::Owned(crate::paint::rtl::visual_text(&galley.job))
        } else if rtl {
            crate::paint::rtl::joined_visual(&text)
        } else {
            std::borrow::Cow::Borrowed(text.as_str())
        };
        let _ = write!(
            out,
            r#"<tspan x="{}" y="{}" textLength="{}" lengthAdjust="spacingAndGlyphs">{}</tspan>"#,
            num(row.origin.x),
            num(row.origin.y),
            num(row.length),
            escape(&text)
        );
    }
    if galley.elided {
        let _ = write!(
            out,
            "<title>{}</title>",
            escape(&cap_text(&galley.job.text))
        );
    }
    out.push_str("</text>\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_short_and_never_negative_zero() {
        assert_eq!(num(1.0), "1");
        assert_eq!(num(1.256), "1.26");
        assert_eq!(num(-0.001), "0");
        assert_eq!(num(f32::NAN), "0");
    }

    #[test]
    fn escape_makes_text_safe_for_xml() {
        assert_eq!(escape("a<b & \"c\"\u{1}"), "a&lt;b &amp; &quot;c&quot;");
    }

    #[test]
    fn translucent_colours_are_unmultiplied_with_opacity() {
        let c = Color32::from_rgba_unmultiplied(255, 0, 0, 128);
        let attr = paint_attr("fill", c);
        assert!(attr.starts_with(r##" fill="#ff0000""##), "{attr}");
        assert!(attr.contains(r#"fill-opacity="0.5""#), "{attr}");
        assert_eq!(paint_attr("fill", Color32::TRANSPARENT), r#" fill="none""#);
    }

    #[test]
    fn rounded_rect_with_uneven_corners_is_a_path() {
        let mut out = String::new();
        let rect = Rect::from_min_size(Pos2::ZERO, egui::vec2(10.0, 10.0));
        let shape = RectShape::filled(
            rect,
            CornerRadius {
                nw: 2,
                ne: 0,
                sw: 0,
                se: 2,
            },
            Color32::WHITE,
        );
        rect_svg(&mut out, &shape);
        assert!(out.starts_with("<path d=\"M2 0"), "{out}");
        assert!(out.contains(" A2 2 0 0 1 8 10"), "{out}");
    }
}
