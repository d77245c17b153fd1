#include "core/geometry/RectScaling.h"

#include "core/geometry/RectDrag.h"

#include <algorithm>
#include <cmath>

namespace cropwise {

namespace {

// Scales an edge coordinate by to/from, rounded to nearest.
int scaleEdge(int edge, int from, int to)
{
    return int(std::lround(double(edge) * to / from));
}

} // namespace

Rect scaleRectBetween(const Rect &r, Size from, Size to, std::optional<AspectRatio> keep)
{
    const Rect target = Rect::fromSize(to);
    if (to.isEmpty())
        return {};
    if (from.isEmpty())
        return clampInside(r, target);
    const int left = scaleEdge(r.left(), from.width, to.width);
    const int top = scaleEdge(r.top(), from.height, to.height);
    const int right = std::max(left + 1, scaleEdge(r.rightEdge(), from.width, to.width));
    const int bottom = std::max(top + 1, scaleEdge(r.bottomEdge(), from.height, to.height));
    const Rect scaled = Rect::fromEdges(left, top, right, bottom);
    return keep ? applyAspect(scaled, *keep, target) : clampInside(scaled, target);
}

} // namespace cropwise
