#pragma once

// Rotating/flipping the image by user action, and EXIF orientation, with crops following.
// Rects are in image pixels with edges at x and x + width; an image of size W x H covers [0,W)x[0,H).
// Every mapping here is exact (no rounding): each is one of the 8 symmetries of the rectangle.
//
// EXIF/TIFF orientation values (what to do to the RAW stored pixels to display them):
//   1 identity            2 mirror horizontal     3 rotate 180        4 mirror vertical
//   5 transpose (mirror horizontal + rotate 270 CW; raw (x, y) -> (y, x))
//   6 rotate 90 CW        7 transverse (mirror horizontal + rotate 90 CW)     8 rotate 270 CW
// 5..8 exchange width and height. Values outside 1..8 are treated as 1 (as exiv2/Qt do for junk).

#include "core/geometry/Rect.h"

namespace cropwise {

enum class Turn { RotateClockwise, RotateCounterClockwise, FlipHorizontal, FlipVertical };

// The turn that undoes t (CW <-> CCW; flips undo themselves).
Turn inverse(Turn t);

// The image size after the turn (rotations swap width and height).
Size turnedSize(Size s, Turn t);

// The rect on the turned image covering the same pixels that r covered on the image before.
// turnRect(turnRect(r, s, t), turnedSize(s, t), inverse(t)) == r.
Rect turnRect(const Rect &r, Size imageBefore, Turn t);

// The displayed (oriented) size of a raw image.
Size orientedSize(Size raw, int exifOrientation);

// A rect on the raw stored pixels -> the same pixels on the displayed image, and back.
// Both take the RAW size. orientedToRaw(rawToOriented(r, raw, o), raw, o) == r.
Rect rawToOriented(const Rect &r, Size raw, int exifOrientation);
Rect orientedToRaw(const Rect &r, Size raw, int exifOrientation);

// The orientation equal to "apply exifOrientation, then the user's turn t", so a user turn can be
// stored as one orientation value 1..8: rawToOriented(r, raw, composeOrientation(o, t)) ==
// turnRect(rawToOriented(r, raw, o), orientedSize(raw, o), t).
int composeOrientation(int exifOrientation, Turn t);

// The orientation that undoes o (6 <-> 8, the others undo themselves).
int inverseOrientation(int exifOrientation);

} // namespace cropwise
