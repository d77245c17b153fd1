#include "core/geometry/AspectSolver.h"

#include <algorithm>

namespace cropwise {

Size largestSizeWithAspect(Size bound, AspectRatio r)
{
    if (bound.isEmpty())
        return {};
    const int k = std::min(bound.width / r.num, bound.height / r.den);
    return k > 0 ? Size { k * r.num, k * r.den } : Size {};
}

Size smallestSizeWithAspect(Size atLeast, AspectRatio r)
{
    const auto ceilDiv = [](int a, int b) { return a <= 0 ? 0 : (a + b - 1) / b; };
    const int k = std::max({ 1, ceilDiv(atLeast.width, r.num), ceilDiv(atLeast.height, r.den) });
    return { k * r.num, k * r.den };
}

Rect fitAspectInside(const Rect &r, AspectRatio a, const Rect &bounds)
{
    const Rect region = r.intersected(bounds);
    const Size s = largestSizeWithAspect(region.size(), a);
    if (s.isEmpty())
        return {};
    return { region.x + (region.width - s.width) / 2, region.y + (region.height - s.height) / 2, s.width,
        s.height };
}

Rect centredCrop(Size image, AspectRatio a)
{
    const Rect whole = Rect::fromSize(image);
    return fitAspectInside(whole, a, whole);
}

} // namespace cropwise
