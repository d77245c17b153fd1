#include "core/geometry/HitTest.h"

#include <algorithm>

namespace cropwise {

namespace {

// -1 near the low edge, +1 near the high edge, 0 in between. The caller has checked that v lies
// within [lo - tolerance, hi + tolerance]; inner is the grab band inside the rect.
int nearSide(double v, double lo, double hi, double inner)
{
    const bool nearLo = v <= lo + inner;
    const bool nearHi = v >= hi - inner;
    if (nearLo && nearHi)
        return (v - lo < hi - v) ? -1 : 1;
    return nearLo ? -1 : nearHi ? 1 : 0;
}

constexpr Handle handles[3][3] = {
    // vertical -1, 0, +1 (rows) x horizontal -1, 0, +1 (columns)
    { Handle::TopLeft, Handle::Top, Handle::TopRight },
    { Handle::Left, Handle::Move, Handle::Right },
    { Handle::BottomLeft, Handle::Bottom, Handle::BottomRight },
};

} // namespace

Handle hitTest(const RectF &crop, PointF p, double tolerance)
{
    const double tol = std::max(0.0, tolerance);
    if (p.x < crop.x - tol || p.x > crop.rightEdge() + tol || p.y < crop.y - tol
        || p.y > crop.bottomEdge() + tol)
        return Handle::None;
    const int h = nearSide(p.x, crop.x, crop.rightEdge(), std::min(tol, crop.width / 4));
    const int v = nearSide(p.y, crop.y, crop.bottomEdge(), std::min(tol, crop.height / 4));
    return handles[v + 1][h + 1];
}

} // namespace cropwise
