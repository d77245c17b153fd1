#pragma once

// EXIF orientation (TIFF tag 274), values 1..8: how the stored pixel rows map to the displayed image.
//   1 as stored          2 mirrored left-right   3 rotated 180°        4 mirrored top-bottom
//   5 transposed         6 rotate 90° clockwise  7 transverse          8 rotate 90° counter-clockwise
// (6 is the usual "camera held upright, rotated right" case.) Cropwise stores crops in displayed
// pixels, so everything downstream of decodeImage() sees oriented pixels only.

#include "core/geometry/ImageTurn.h"
#include "core/geometry/Rect.h"

#include <opencv2/core/mat.hpp>

namespace cropwise {

// The displayed image for stored pixels with `orientation` (values outside 1..8 act as 1).
// Returns `stored` itself (shared data) for orientation 1.
cv::Mat applyOrientation(const cv::Mat &stored, int orientation);

// The displayed size for a stored size is core/geometry's orientedSize().

} // namespace cropwise
