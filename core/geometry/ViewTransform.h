#pragma once

// The one mapping between image pixels and canvas (widget) pixels:
//     canvas = image * scale + offset        image = (canvas - offset) / scale
// Image coordinates are pixel EDGES: image point (x, y) is the top-left corner of pixel (x, y), so a
// crop Rect maps to canvas by its edges. scale is canvas pixels per image pixel, clamped to
// [minimumScale, maximumScale]; offset is the canvas position of image point (0, 0).
// Plain value (no QTransform: that is QtGui). Cheap to copy; the canvas keeps one.

#include "core/geometry/GeometryF.h"
#include "core/geometry/Rect.h"

namespace cropwise {

class ViewTransform
{
public:
    static constexpr double minimumScale = 1.0 / 64.0;
    static constexpr double maximumScale = 32.0;

    ViewTransform() = default; // scale 1, offset 0
    ViewTransform(double scale, PointF offset); // scale clamped to the range

    double scale() const { return m_scale; }
    PointF offset() const { return m_offset; }

    PointF imageToCanvas(PointF imagePoint) const;
    PointF canvasToImage(PointF canvasPoint) const;
    RectF imageToCanvas(const Rect &imageRect) const;
    RectF canvasToImage(const RectF &canvasRect) const;

    // The nearest image pixel EDGE to a canvas point (round half up, std::floor(v + 0.5)), which is
    // where a crop edge dropped there lands. Not clamped to the image.
    Point canvasToImagePixel(PointF canvasPoint) const;
    // A canvas displacement (e.g. mouse position minus press position) in whole image pixels,
    // rounded to nearest; what dragHandle/moveRect take as delta.
    Point canvasDeltaToImage(PointF canvasDelta) const;

    // The whole image centred in the viewport with at least margin canvas pixels around it; scales
    // up small images too (up to maximumScale). Empty image or viewport -> ViewTransform().
    static ViewTransform fit(Size image, Size viewport, int margin);
    // Zoom keeping the image point under canvasPoint exactly there (newScale clamped).
    ViewTransform zoomedAt(PointF canvasPoint, double newScale) const;
    // The image moved by canvasDelta canvas pixels.
    ViewTransform panned(PointF canvasDelta) const;

    static double clampScale(double scale);

    friend bool operator==(const ViewTransform &, const ViewTransform &) = default;

private:
    double m_scale = 1.0;
    PointF m_offset;
};

} // namespace cropwise
