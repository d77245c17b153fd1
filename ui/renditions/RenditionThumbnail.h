#pragma once

// The picture of one rendition for the linked editor: the crop's pixels cut from the canvas's
// screen preview (no decode) and scaled to the rendition's output proportions.
// Thread: any (pure function on values).

#include "core/geometry/Rect.h"

#include <QImage>
#include <QSize>

namespace cropwise {

// preview: the user-turned screen preview of an image of displayedSize (CropCanvas::previewImage());
// crop: displayed pixels; box: the thumbnail size in device pixels (already in the output's
// proportions). Area-averaged when shrinking. Null when the preview or the crop is empty.
QImage renditionThumbnail(const QImage &preview, Size displayedSize, const Rect &crop, QSize box);

// The largest size of `aspect` (width:height, both > 0) inside `bounds`, at least 1 x 1.
QSize fitAspect(Size aspect, QSize bounds);

} // namespace cropwise
