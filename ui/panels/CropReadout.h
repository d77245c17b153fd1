#pragma once

// The words and numbers the panels and the status bar show for a crop's size and ratio, in one
// place so they read the same everywhere.

#include "core/geometry/AspectRatio.h"
#include "core/geometry/Rect.h"

#include <QString>

#include <optional>

namespace cropwise {

// "1080 × 1350 px"
QString sizeText(Size size);
// With a lock: "4:5". Free: "free (3:2)" when the size is exactly a small ratio, else
// "free (≈ 3:2)" with AspectRatio::approximate.
QString ratioText(Size size, std::optional<AspectRatio> lock);
// "1.500" (width / height), for tool tips.
QString ratioDecimalText(Size size);

} // namespace cropwise
