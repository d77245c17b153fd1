#pragma once

// Carrying a crop from one image to another of a different size (paste crop, "apply to all").

#include "core/geometry/AspectRatio.h"
#include "core/geometry/Rect.h"

#include <optional>

namespace cropwise {

// r (on an image of size from) scaled proportionally onto an image of size to: each edge is scaled
// per axis and rounded to nearest, then clamped inside the target image (at least 1x1).
// With keep: the result has the ratio keep EXACTLY (applyAspect on the scaled rect: area and centre
// kept as well as the ratio allows, then fitted inside the target), since proportional scaling
// between images of different shapes would bend the ratio.
// An empty from returns clampInside(r, target); an empty to returns an empty Rect.
Rect scaleRectBetween(const Rect &r, Size from, Size to, std::optional<AspectRatio> keep);

} // namespace cropwise
