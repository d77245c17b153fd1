#pragma once

// Floating-point points and rects for the canvas side of the view transform (widget pixels).
// Plain values so core/ needs no QtGui (QPointF/QRectF are QtCore, but keeping our own types makes
// the unit of a value visible at the call site: integer = image pixels, F = canvas).

namespace cropwise {

struct PointF
{
    double x = 0.0;
    double y = 0.0;
    friend constexpr bool operator==(PointF, PointF) = default;
    friend constexpr PointF operator+(PointF a, PointF b) { return { a.x + b.x, a.y + b.y }; }
    friend constexpr PointF operator-(PointF a, PointF b) { return { a.x - b.x, a.y - b.y }; }
    friend constexpr PointF operator*(PointF a, double s) { return { a.x * s, a.y * s }; }
};

struct RectF
{
    double x = 0.0;
    double y = 0.0;
    double width = 0.0;
    double height = 0.0;
    constexpr double rightEdge() const { return x + width; }
    constexpr double bottomEdge() const { return y + height; }
    constexpr PointF topLeft() const { return { x, y }; }
    constexpr PointF centre() const { return { x + width / 2, y + height / 2 }; }
    friend constexpr bool operator==(const RectF &, const RectF &) = default;
};

} // namespace cropwise
