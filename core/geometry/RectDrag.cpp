#include "core/geometry/RectDrag.h"

#include "core/geometry/AspectSolver.h"

#include <algorithm>
#include <cmath>

namespace cropwise {

namespace {

int floorHalf(qint64 twice)
{
    return int(twice >= 0 ? twice / 2 : -((-twice + 1) / 2));
}

// One axis of a resize, worked on independently of the other one until an aspect couples them.
// Lengths are placed either from a fixed edge (anchor, growing in direction) or centred on a
// doubled centre coordinate (exact for odd lengths; integer placement rounds down).
struct AxisPlan
{
    enum class Placement { Keep, FromAnchor, Centred };
    Placement placement = Placement::Keep;
    bool driven = false; // the cursor moves this axis
    int wanted = 0; // length the cursor asks for (>= 0)
    int room = 0; // longest length that can be placed inside the bounds
    int keptLo = 0; // Keep: the unchanged span
    int keptLength = 0;
    int anchor = 0; // FromAnchor
    int direction = 1;
    qint64 centre2 = 0; // Centred: twice the centre coordinate
};

struct Span
{
    int lo = 0;
    int length = 0;
};

struct AxisInput
{
    int lo; // start of the span at press
    int length; // length at press
    int side; // -1 low edge dragged, +1 high edge dragged, 0 not dragged
    int delta; // total cursor movement on this axis
    int boundLo; // bounds on this axis
    int boundHi;
};

AxisPlan centredPlan(const AxisInput &in)
{
    AxisPlan p;
    p.placement = AxisPlan::Placement::Centred;
    p.centre2 = 2 * qint64(in.lo) + in.length;
    p.room = int(std::min(p.centre2 - 2 * qint64(in.boundLo), 2 * qint64(in.boundHi) - p.centre2));
    return p;
}

AxisPlan planAxis(const AxisInput &in, ResizeMode mode, bool aspectLocked)
{
    if (in.side == 0) {
        if (aspectLocked) // the other axis drives; this one follows symmetrically about its centre line
            return centredPlan(in);
        AxisPlan p;
        p.keptLo = in.lo;
        p.keptLength = in.length;
        return p;
    }
    if (mode == ResizeMode::FromCentre) {
        AxisPlan p = centredPlan(in);
        p.driven = true;
        p.wanted = std::abs(in.length + 2 * in.side * in.delta);
        return p;
    }
    AxisPlan p;
    p.placement = AxisPlan::Placement::FromAnchor;
    p.driven = true;
    p.anchor = in.side > 0 ? in.lo : in.lo + in.length;
    const int extent = (in.side > 0 ? in.lo + in.length : in.lo) + in.delta - p.anchor;
    p.direction = extent > 0 ? 1 : extent < 0 ? -1 : in.side; // past the anchor: flip
    p.wanted = std::abs(extent);
    p.room = p.direction > 0 ? in.boundHi - p.anchor : p.anchor - in.boundLo;
    return p;
}

Span place(const AxisPlan &p, int length)
{
    switch (p.placement) {
    case AxisPlan::Placement::Keep:
        return { p.keptLo, p.keptLength };
    case AxisPlan::Placement::FromAnchor:
        return { p.direction > 0 ? p.anchor : p.anchor - length, length };
    case AxisPlan::Placement::Centred:
        return { floorHalf(p.centre2 - length), length };
    }
    return {};
}

// Free length: what the cursor asks for, within the room, but never under the minimum
// (a minimum without room is fixed afterwards by clampInside, which pushes the rect back inside).
int freeLength(const AxisPlan &p, int minimum)
{
    if (!p.driven)
        return p.placement == AxisPlan::Placement::Keep ? p.keptLength : minimum;
    return std::max(std::min(p.wanted, p.room), minimum);
}

// The multiplier k of an aspect-locked resize (size k*num x k*den).
int wantedMultiple(const AxisPlan &x, const AxisPlan &y, AspectRatio a)
{
    if (x.driven && y.driven) // least-squares projection of the wanted size on the ratio's diagonal
        return int(std::lround((double(x.wanted) * a.num + double(y.wanted) * a.den)
            / (double(a.num) * a.num + double(a.den) * a.den)));
    if (x.driven)
        return int(std::lround(double(x.wanted) / a.num));
    return int(std::lround(double(y.wanted) / a.den));
}

Size effectiveMinimum(const CropConstraints &c)
{
    return { std::clamp(c.minimumSize.width, 1, std::max(1, c.bounds.width)),
        std::clamp(c.minimumSize.height, 1, std::max(1, c.bounds.height)) };
}

Rect resize(Handle h, const Rect &start, Point delta, const CropConstraints &c)
{
    const bool locked = c.aspect.has_value();
    const AxisPlan px = planAxis(
        { start.x, start.width, horizontalSide(h), delta.x, c.bounds.left(), c.bounds.rightEdge() }, c.mode,
        locked);
    const AxisPlan py
        = planAxis({ start.y, start.height, verticalSide(h), delta.y, c.bounds.top(), c.bounds.bottomEdge() },
            c.mode, locked);
    const Size minimum = effectiveMinimum(c);
    int width = 0;
    int height = 0;
    if (locked) {
        const AspectRatio a = *c.aspect;
        const int kFit = std::min(c.bounds.width / a.num, c.bounds.height / a.den);
        const int kMin = std::min(smallestSizeWithAspect(minimum, a).width / a.num, kFit);
        const int kMax = std::min(px.room / a.num, py.room / a.den);
        const int k = std::max(std::min(wantedMultiple(px, py, a), kMax), kMin);
        width = k * a.num;
        height = k * a.den;
    } else {
        width = freeLength(px, minimum.width);
        height = freeLength(py, minimum.height);
    }
    const Span sx = place(px, width);
    const Span sy = place(py, height);
    return clampInside({ sx.lo, sy.lo, sx.length, sy.length }, c.bounds);
}

bool aspectFits(const CropConstraints &c)
{
    return !c.aspect || (c.aspect->num <= c.bounds.width && c.aspect->den <= c.bounds.height);
}

// s placed on r's centre. The half-pixel offset is truncated toward zero (not floored) so that
// growing and shrinking by the same amount undo each other: swapping orientation twice is exact.
Rect centredOn(const Rect &r, Size s)
{
    return { r.x + (r.width - s.width) / 2, r.y + (r.height - s.height) / 2, s.width, s.height };
}

} // namespace

Rect dragHandle(Handle h, const Rect &atPress, Point delta, const CropConstraints &c)
{
    if (c.bounds.isEmpty() || h == Handle::None)
        return atPress;
    if (h == Handle::Move)
        return moveRect(atPress, delta, c.bounds);
    if (!aspectFits(c)) {
        CropConstraints free = c;
        free.aspect.reset();
        return resize(h, clampInside(atPress, c.bounds), delta, free);
    }
    return resize(h, clampInside(atPress, c.bounds), delta, c);
}

Rect drawRect(Point anchor, Point current, const CropConstraints &c)
{
    if (c.bounds.isEmpty())
        return {};
    const Point start { std::clamp(anchor.x, c.bounds.left(), c.bounds.rightEdge()),
        std::clamp(anchor.y, c.bounds.top(), c.bounds.bottomEdge()) };
    // A new rect is a zero-size rect at the anchor whose bottom-right corner follows the cursor;
    // flipping handles the other three directions.
    return dragHandle(
        Handle::BottomRight, { start.x, start.y, 0, 0 }, { current.x - start.x, current.y - start.y }, c);
}

Rect moveRect(const Rect &r, Point delta, const Rect &bounds)
{
    return clampInside({ r.x + delta.x, r.y + delta.y, r.width, r.height }, bounds);
}

Rect nudged(const Rect &r, Point delta, const Rect &bounds)
{
    return moveRect(r, delta, bounds);
}

Rect clampInside(const Rect &r, const Rect &bounds)
{
    if (bounds.isEmpty())
        return r;
    const int width = std::clamp(r.width, 0, bounds.width);
    const int height = std::clamp(r.height, 0, bounds.height);
    return { std::clamp(r.x, bounds.left(), bounds.rightEdge() - width),
        std::clamp(r.y, bounds.top(), bounds.bottomEdge() - height), width, height };
}

Rect swapOrientation(const Rect &r, const Rect &bounds)
{
    if (r.isEmpty() || bounds.isEmpty())
        return clampInside(r, bounds);
    Size swapped { r.height, r.width };
    if (swapped.width > bounds.width || swapped.height > bounds.height) {
        const Size exact = largestSizeWithAspect(bounds.size(), *AspectRatio::make(r.height, r.width));
        if (!exact.isEmpty()) {
            swapped = exact;
        } else { // the rect's own ratio has terms too large to shrink exactly: a free rect, scale it
            const double f
                = std::min(double(bounds.width) / swapped.width, double(bounds.height) / swapped.height);
            swapped = { std::max(1, int(std::lround(swapped.width * f))),
                std::max(1, int(std::lround(swapped.height * f))) };
        }
    }
    return clampInside(centredOn(r, swapped), bounds);
}

Rect swapOrientation(const Rect &r, AspectRatio a, const Rect &bounds)
{
    return applyAspect(r, a.swapped(), bounds);
}

Rect applyAspect(const Rect &r, AspectRatio a, const Rect &bounds)
{
    const int kFit = std::min(bounds.width / a.num, bounds.height / a.den);
    if (bounds.isEmpty() || kFit < 1)
        return clampInside(r, bounds);
    const double area = r.isEmpty() ? 0.0 : double(r.area());
    const int k = std::clamp(int(std::lround(std::sqrt(area / (double(a.num) * a.den)))), 1, kFit);
    return clampInside(centredOn(r, { k * a.num, k * a.den }), bounds);
}

} // namespace cropwise
