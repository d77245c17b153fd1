#pragma once

// The rules a crop edit must respect, handed to the pure drag functions (RectDrag.h).

#include "core/geometry/AspectRatio.h"
#include "core/geometry/Rect.h"

#include <optional>

namespace cropwise {

enum class ResizeMode {
    FromAnchor, // the edge/corner opposite the handle stays put (plain drag)
    FromCentre, // Shift held: the rect grows/shrinks symmetrically around its centre at press
};

struct CropConstraints
{
    Rect bounds; // image pixels; results always lie inside (usually the whole image)
    std::optional<AspectRatio> aspect; // nullopt = free; otherwise results satisfy w*den == h*num exactly
    Size minimumSize { 1, 1 }; // image pixels; with an aspect rounded up to k*num x k*den.
                               // Values < 1 count as 1; larger than bounds: clipped to bounds.
    ResizeMode mode = ResizeMode::FromAnchor;
};

} // namespace cropwise
