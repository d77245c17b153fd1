#pragma once

// Integer rectangles, sizes and points in image pixels (after EXIF orientation).
// Edges sit at x and x + width: a rect covers columns [x, x + width) and rows [y, y + height).
// There is no inclusive right()/bottom() on purpose (QRect's off-by-one).

#include <QtGlobal>

#include <compare>

namespace cropwise {

struct Point {
    int x = 0;
    int y = 0;
    friend constexpr bool operator==(Point, Point) = default;
};

struct Size {
    int width = 0;
    int height = 0;
    constexpr bool isEmpty() const { return width <= 0 || height <= 0; }
    constexpr qint64 area() const { return qint64(width) * height; }
    friend constexpr bool operator==(Size, Size) = default;
};

struct Rect {
    int x = 0;
    int y = 0;
    int width = 0;
    int height = 0;

    constexpr int left() const { return x; }
    constexpr int top() const { return y; }
    constexpr int rightEdge() const { return x + width; }   // exclusive
    constexpr int bottomEdge() const { return y + height; } // exclusive
    constexpr Size size() const { return {width, height}; }
    constexpr bool isEmpty() const { return width <= 0 || height <= 0; }
    constexpr qint64 area() const { return qint64(width) * height; }
    constexpr bool contains(const Rect &o) const
    {
        return o.x >= x && o.y >= y && o.rightEdge() <= rightEdge() && o.bottomEdge() <= bottomEdge();
    }
    constexpr Rect intersected(const Rect &o) const
    {
        const int l = x > o.x ? x : o.x;
        const int t = y > o.y ? y : o.y;
        const int r = rightEdge() < o.rightEdge() ? rightEdge() : o.rightEdge();
        const int b = bottomEdge() < o.bottomEdge() ? bottomEdge() : o.bottomEdge();
        return (r > l && b > t) ? Rect{l, t, r - l, b - t} : Rect{};
    }
    static constexpr Rect fromEdges(int left, int top, int right, int bottom)
    {
        return {left, top, right - left, bottom - top};
    }
    static constexpr Rect fromSize(Size s) { return {0, 0, s.width, s.height}; }
    friend constexpr bool operator==(const Rect &, const Rect &) = default;
};

// Intersection over union of two rects; 0 when either is empty.
inline double iou(const Rect &a, const Rect &b)
{
    const qint64 inter = a.intersected(b).area();
    const qint64 uni = a.area() + b.area() - inter;
    return uni > 0 ? double(inter) / double(uni) : 0.0;
}

} // namespace cropwise
