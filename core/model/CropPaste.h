#pragma once

// Copy/paste of crops between images of different sizes.

#include "core/geometry/Rect.h"
#include "core/model/Crop.h"

#include <QList>

namespace cropwise {

// The copied crops (in fromImage displayed pixels) as they should land on an image of toImage
// displayed pixels: scaled by the images' size ratio, each keeping its aspect (its lock when it has
// one, else its own width:height) as exactly as integer pixels allow, clamped inside toImage.
// Each pasted crop gets a new id; name, label and aspect are kept; extraFields are dropped (they
// may describe the source image, e.g. review state). Crops that cannot be placed (empty sizes) are
// left out.
QList<Crop> pasteCrops(const QList<Crop> &copied, Size fromImage, Size toImage);

} // namespace cropwise
