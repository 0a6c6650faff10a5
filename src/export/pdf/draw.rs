//! Geometry of the canvas's epaint shapes as PDF paths, through krilla.
//! Text goes to [`super::text`]; the rest maps one to one: rectangles
//! (rounded corners as arcs), circles and ellipses, lines, polylines and
//! Bézier curves, filled and stroked as egui draws them.

use egui::epaint::{CircleShape, CornerRadius, EllipseShape, RectShape, Stroke};
use egui::{Pos2, Rect, Shape};
use krilla::geom::{Path, PathBuilder};
use krilla::paint::Fill;
use krilla::surface::Surface;

use super::colors::{fill, stroke};
use super::text::TextWriter;
use crate::export::walk;

/// How far a cubic's control point sits along a quarter circle's tangent.
const KAPPA: f32 = 0.552_284_8;

/// Fills and strokes a path; either may be absent.
fn paint_path(
    surface: &mut Surface<'_>,
    path: Option<Path>,
    fill: Option<Fill>,
    stroke: Option<krilla::paint::Stroke>,
) {
    let Some(path) = path else {
        return;
    };
    if fill.is_none() && stroke.is_none() {
        return;
    }
    surface.set_fill(fill);
    surface.set_stroke(stroke);
    surface.draw_path(&path);
}

/// Writes one shape (not a [`Shape::Vec`]: the caller opens those).
pub(super) fn shape(surface: &mut Surface<'_>, text: &mut TextWriter, shape: &Shape) {
    match shape {
        Shape::Noop | Shape::Callback(_) | Shape::Band(_) | Shape::Mesh(_) => {
            // Meshes (images) and callbacks have no vector form; the map
            // paints neither.
        }
        Shape::Vec(shapes) => {
            for s in shapes {
                self::shape(surface, text, s);
            }
        }
        Shape::Rect(r) => rect(surface, r),
        Shape::Circle(c) => circle(surface, c),
        Shape::Ellipse(e) => ellipse(surface, e),
        Shape::LineSegment { points, stroke: s } => line(surface, points, *s),
        Shape::Path(p) => {
            let Some((first, rest)) = p.points.split_first() else {
                return;
            };
            if rest.is_empty() {
                return;
            }
            let mut b = PathBuilder::new();
            b.move_to(first.x, first.y);
            for q in rest {
                b.line_to(q.x, q.y);
            }
            if p.closed {
                b.close();
            }
            let fill = if p.closed { fill(p.fill) } else { None };
            let s = stroke(p.stroke.width, walk::path_stroke_color(&p.stroke));
            paint_path(surface, b.finish(), fill, s);
        }
        Shape::CubicBezier(c) => {
            let [p0, p1, p2, p3] = c.points;
            let mut b = PathBuilder::new();
            b.move_to(p0.x, p0.y);
            b.cubic_to(p1.x, p1.y, p2.x, p2.y, p3.x, p3.y);
            if c.closed {
                b.close();
            }
            let fill = if c.closed { fill(c.fill) } else { None };
            let s = stroke(c.stroke.width, walk::path_stroke_color(&c.stroke));
            paint_path(surface, b.finish(), fill, s);
        }
        Shape::QuadraticBezier(q) => {
            let [p0, p1, p2] = q.points;
            let mut b = PathBuilder::new();
            b.move_to(p0.x, p0.y);
            b.quad_to(p1.x, p1.y, p2.x, p2.y);
            if q.closed {
                b.close();
            }
            let fill = if q.closed { fill(q.fill) } else { None };
            let s = stroke(q.stroke.width, walk::path_stroke_color(&q.stroke));
            paint_path(surface, b.finish(), fill, s);
        }
        Shape::Text(t) => text.text(surface, t),
    }
}

fn line(surface: &mut Surface<'_>, points: &[Pos2; 2], s: Stroke) {
    let mut b = PathBuilder::new();
    b.move_to(points[0].x, points[0].y);
    b.line_to(points[1].x, points[1].y);
    paint_path(surface, b.finish(), None, stroke(s.width, s.color));
}

fn circle(surface: &mut Surface<'_>, c: &CircleShape) {
    let r = egui::vec2(c.radius, c.radius);
    let path = ellipse_path(c.center, r);
    paint_path(
        surface,
        path,
        fill(c.fill),
        stroke(c.stroke.width, c.stroke.color),
    );
}

fn ellipse(surface: &mut Surface<'_>, e: &EllipseShape) {
    let path = ellipse_path(e.center, e.radius).and_then(|p| {
        if e.angle == 0.0 {
            Some(p)
        } else {
            p.transform(krilla::geom::Transform::from_rotate_at(
                e.angle.to_degrees(),
                e.center.x,
                e.center.y,
            ))
        }
    });
    paint_path(
        surface,
        path,
        fill(e.fill),
        stroke(e.stroke.width, e.stroke.color),
    );
}

/// An ellipse as four cubic arcs.
fn ellipse_path(c: Pos2, r: egui::Vec2) -> Option<Path> {
    if !(r.x.is_finite() && r.y.is_finite()) || r.x <= 0.0 || r.y <= 0.0 {
        return None;
    }
    let (kx, ky) = (r.x * KAPPA, r.y * KAPPA);
    let mut b = PathBuilder::new();
    b.move_to(c.x + r.x, c.y);
    b.cubic_to(c.x + r.x, c.y + ky, c.x + kx, c.y + r.y, c.x, c.y + r.y);
    b.cubic_to(c.x - kx, c.y + r.y, c.x - r.x, c.y + ky, c.x - r.x, c.y);
    b.cubic_to(c.x - r.x, c.y - ky, c.x - kx, c.y - r.y, c.x, c.y - r.y);
    b.cubic_to(c.x + kx, c.y - r.y, c.x + r.x, c.y - ky, c.x + r.x, c.y);
    b.close();
    b.finish()
}

fn rect(surface: &mut Surface<'_>, r: &RectShape) {
    if !r.rect.is_finite() || !r.rect.is_positive() {
        return;
    }
    let max_r = r.rect.width().min(r.rect.height()) / 2.0;
    let radii = |cr: CornerRadius, shift: f32, max: f32| {
        [cr.nw, cr.ne, cr.se, cr.sw].map(|c| ((c as f32).min(max_r) + shift).clamp(0.0, max))
    };
    if r.fill.a() > 0 {
        let path = rounded_rect(r.rect, radii(r.corner_radius, 0.0, max_r));
        paint_path(surface, path, fill(r.fill), None);
    }
    if let Some((rect, shift)) = crate::export::walk::stroke_outline(r) {
        let w = r.stroke.width;
        if !rect.is_positive() {
            return;
        }
        let max = rect.width().min(rect.height()) / 2.0;
        let path = rounded_rect(rect, radii(r.corner_radius, shift, max));
        paint_path(surface, path, None, stroke(w, r.stroke.color));
    }
}

/// A rectangle with corner radii `[nw, ne, se, sw]`.
pub(super) fn rounded_rect(rect: Rect, [nw, ne, se, sw]: [f32; 4]) -> Option<Path> {
    let (l, t, r, b) = (rect.min.x, rect.min.y, rect.max.x, rect.max.y);
    let mut p = PathBuilder::new();
    p.move_to(l + nw, t);
    p.line_to(r - ne, t);
    if ne > 0.0 {
        p.cubic_to(r - ne + ne * KAPPA, t, r, t + ne - ne * KAPPA, r, t + ne);
    }
    p.line_to(r, b - se);
    if se > 0.0 {
        p.cubic_to(r, b - se + se * KAPPA, r - se + se * KAPPA, b, r - se, b);
    }
    p.line_to(l + sw, b);
    if sw > 0.0 {
        p.cubic_to(l + sw - sw * KAPPA, b, l, b - sw + sw * KAPPA, l, b - sw);
    }
    p.line_to(l, t + nw);
    if nw > 0.0 {
        p.cubic_to(l, t + nw - nw * KAPPA, l + nw - nw * KAPPA, t, l + nw, t);
    }
    p.close();
    p.finish()
}
