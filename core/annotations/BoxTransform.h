#pragma once

// Moving object boxes between coordinate systems: into a crop (shift, clip, scale, drop, as
// albumentations does with min_visibility), between raw and EXIF-oriented pixels, and through the
// user's turn. Pure functions on values; exact for the 8 orientations (no rounding).

#include "core/annotations/ObjectBox.h"
#include "core/geometry/Rect.h"
#include "core/model/UserTurn.h"

#include <optional>

namespace cropwise {

// The default share of a box's area that must stay inside a crop for the box to be kept.
inline constexpr double kDefaultMinVisibility = 0.5;

// `box` (in the pixels `crop` is given in) as it lands on the crop's exported image of outputSize:
// clipped to the crop, shifted by the crop origin, scaled by outputSize / crop size per axis.
// Dropped (nullopt) when visible area / original area < minVisibility (clamped to 0..1; a box
// exactly at the threshold is kept), when nothing of it is visible, when the box itself is empty,
// or when crop or outputSize is empty. truncated is set when the crop cut the box (and kept when it
// was already set); label and difficult are kept.
std::optional<ObjectBox> boxIntoCrop(
    const ObjectBox &box, const Rect &crop, Size outputSize, double minVisibility = kDefaultMinVisibility);

// A box on an image of size `before` after applying EXIF orientation 1..8 to that image (values
// outside 1..8 act as 1), e.g. raw stored pixels -> displayed pixels. Same mapping as
// rawToOriented() in core/geometry/ImageTurn.h, for doubles.
BoxF orientBox(const BoxF &box, Size before, int orientation);
// The inverse: a box on the oriented image of the raw image `raw` -> the raw image.
BoxF unorientBox(const BoxF &box, Size raw, int orientation);

// A box on the EXIF-oriented image (orientedSize) as drawn/exported on the image after the user's
// turn, i.e. in the coordinates crops use (UserTurn::apply). Identity turn: unchanged.
ObjectBox turnedBox(const ObjectBox &box, Size orientedSize, const UserTurn &turn);

// The box clipped to the image [0, size); truncated set when it was cut. nullopt when nothing is
// left or size is empty.
std::optional<ObjectBox> clipToImage(const ObjectBox &box, Size size);

} // namespace cropwise
