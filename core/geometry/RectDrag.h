#pragma once

// Pure functions behind the crop canvas: moving, drawing and resizing a crop rect.
//
// A drag is a snapshot plus a total offset: on every mouse move the canvas passes the rect at press
// and the total delta since press, both in IMAGE pixels (ViewTransform::canvasDeltaToImage); the
// result never depends on earlier moves, so there is no drift. Commit the result once, on release.
//
// Shared rules (all results are in image pixels, edges at x and x + width):
// - The result lies inside constraints.bounds (bounds need not start at the origin).
// - With constraints.aspect the result is k*num x k*den, so width*den == height*num EXACTLY. When
//   the ratio would push past a border the rect stops growing (k is reduced) instead of bending the
//   ratio. Sizes move in steps of num x den pixels.
// - The result is at least minimumSize (with an aspect: the smallest k*num x k*den covering it).
//   If there is no room for that on the dragged side, the rect is pushed back inside bounds, so
//   it sits at minimum size against the border (the anchor moves by the missing pixels).
// - Dragging an edge or corner past the opposite one FLIPS: the anchor stays and the rect grows on
//   the other side (per axis), like Gwenview/GIMP. At the crossing the rect is minimum size.
// - Degenerate input: empty bounds -> atPress/rect returned unchanged. An aspect whose num x den
//   does not fit in bounds at all cannot be honoured; dragHandle/drawRect then behave as free.

#include "core/geometry/AspectRatio.h"
#include "core/geometry/CropConstraints.h"
#include "core/geometry/Handle.h"
#include "core/geometry/Rect.h"

namespace cropwise {

// Resizes (edge/corner handles) or moves (Handle::Move) the rect at press by the total delta.
// - Corner + aspect: k is the projection of the dragged corner's extent on the ratio's diagonal
//   (least squares, rounded), so the corner follows the cursor smoothly along the ratio.
// - Edge + aspect: the dragged dimension gives k; the other dimension is adjusted symmetrically
//   about atPress's centre line (as darktable/Lightroom do); it stops growing when that centred
//   span hits a border.
// - Edge without aspect: only the dragged dimension changes.
// - FromCentre: the centre at press is kept (to within half a pixel); both sides move.
// - Move: the size is unchanged and the rect is clamped inside bounds (moveRect).
// - None: atPress.
Rect dragHandle(Handle h, const Rect &atPress, Point delta, const CropConstraints &c);

// A new rect drawn from the press point (anchor) to the cursor, in any direction (image pixels;
// anchor is a pixel edge position, see ViewTransform::canvasToImagePixel). anchor is clamped into
// bounds first. FromCentre draws around the anchor. The result is at least minimumSize even when
// current == anchor, so the canvas should only start drawing after a small drag threshold.
Rect drawRect(Point anchor, Point current, const CropConstraints &c);

// r translated by delta and then clamped inside bounds (clampInside), size kept when it fits.
Rect moveRect(const Rect &r, Point delta, const Rect &bounds);

// Arrow-key nudge: the same as moveRect (named for the intent).
Rect nudged(const Rect &r, Point delta, const Rect &bounds);

// r moved the least distance to lie inside bounds; a dimension larger than bounds is shrunk to it
// (then the ratio of r is NOT kept: use applyAspect/fitAspectInside for locked ratios).
// An empty bounds returns r unchanged.
Rect clampInside(const Rect &r, const Rect &bounds);

// Orientation swap (4:5 <-> 5:4) of a free crop: width and height exchanged about r's centre (area
// kept; swapping twice gives r back when nothing had to shrink or move), moved inside bounds; if it is too
// large it shrinks to the largest size with the swapped ratio h:w exactly (reduced), or, when that ratio's
// terms are too large to fit at all, proportionally (approximately).
Rect swapOrientation(const Rect &r, const Rect &bounds);

// Orientation swap with a locked ratio: the result has a.swapped() exactly (applyAspect with
// a.swapped()). Use this when the aspect is locked, so the locked ratio, not r's pixels, decides.
Rect swapOrientation(const Rect &r, AspectRatio a, const Rect &bounds);

// The user picked a new ratio: the rect with ratio a exactly whose area is closest to r's area
// (k rounded from sqrt(area / (num*den)), at least 1), centred on r's centre, then limited to the
// largest that fits in bounds and moved inside bounds (the centre moves only when needed).
// If not even num x den fits in bounds, returns clampInside(r, bounds) (ratio not honoured).
Rect applyAspect(const Rect &r, AspectRatio a, const Rect &bounds);

} // namespace cropwise
