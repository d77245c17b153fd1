#pragma once

// Which handle of the crop a canvas point grabs. Canvas pixels (use ViewTransform::imageToCanvas on
// the crop first), so the tolerance stays the same on screen at every zoom.

#include "core/geometry/GeometryF.h"
#include "core/geometry/Handle.h"

namespace cropwise {

// - A point within tolerance of a corner (in both x and y) gives that corner; corners win over edges.
// - Within tolerance of an edge line (and along its span, widened by tolerance) gives that edge.
// - Strictly inside otherwise: Move.  Outside the rect widened by tolerance: None.
// Small rects still allow moving: the grab band INSIDE the rect is limited to a quarter of its
// width/height (min(tolerance, width / 4)), so its middle half always means Move, while handles
// stay reachable from outside with the full tolerance. When a zero-width rect puts a point near
// both edges, the nearer one wins (ties: right/bottom, so a collapsed rect can be pulled open).
Handle hitTest(const RectF &cropOnCanvas, PointF canvasPoint, double tolerance);

} // namespace cropwise
