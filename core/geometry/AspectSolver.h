#pragma once

// Exact aspect solving on integer sizes (image pixels).
// Every size produced for a ratio num:den is k*num x k*den for a positive integer k, so
// width * den == height * num holds exactly (never a pixel off). The price: sizes move in steps of
// num x den pixels, which is why "Original" ratios are reduced to small terms first
// (AspectRatio::approximate).
// Centring on integers: a length L centred in an interval [lo, lo + n) starts at lo + (n - L) / 2
// (rounded down), i.e. the centre is kept to within half a pixel.

#include "core/geometry/AspectRatio.h"
#include "core/geometry/Rect.h"

namespace cropwise {

// The largest k*num x k*den that fits inside bound; an empty Size when even num x den does not fit.
Size largestSizeWithAspect(Size bound, AspectRatio r);

// The smallest k*num x k*den (k >= 1) that is at least atLeast in both dimensions
// (a minimum size rounded up to the ratio).
Size smallestSizeWithAspect(Size atLeast, AspectRatio r);

// The largest exact-ratio rect inside r and bounds, centred in r ∩ bounds (which is r's centre when r
// lies inside bounds). Used when the user switches to a ratio and wants the crop to shrink into
// itself. An empty Rect when nothing with the ratio fits.
Rect fitAspectInside(const Rect &r, AspectRatio a, const Rect &bounds);

// The largest exact-ratio crop centred in an image of the given size (origin 0,0);
// an empty Rect when the image is smaller than num x den.
Rect centredCrop(Size image, AspectRatio a);

} // namespace cropwise
