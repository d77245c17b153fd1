#include "core/geometry/ViewTransform.h"

#include <algorithm>
#include <cmath>

namespace cropwise {

ViewTransform::ViewTransform(double scale, PointF offset)
    : m_scale(clampScale(scale))
    , m_offset(offset)
{
}

double ViewTransform::clampScale(double scale)
{
    if (!std::isfinite(scale)) // NaN/inf from a zero-sized viewport must not poison the view
        return 1.0;
    return std::clamp(scale, minimumScale, maximumScale);
}

PointF ViewTransform::imageToCanvas(PointF imagePoint) const
{
    return imagePoint * m_scale + m_offset;
}

PointF ViewTransform::canvasToImage(PointF canvasPoint) const
{
    return (canvasPoint - m_offset) * (1.0 / m_scale);
}

RectF ViewTransform::imageToCanvas(const Rect &imageRect) const
{
    const PointF topLeft = imageToCanvas(PointF { double(imageRect.x), double(imageRect.y) });
    return { topLeft.x, topLeft.y, imageRect.width * m_scale, imageRect.height * m_scale };
}

RectF ViewTransform::canvasToImage(const RectF &canvasRect) const
{
    const PointF topLeft = canvasToImage(canvasRect.topLeft());
    return { topLeft.x, topLeft.y, canvasRect.width / m_scale, canvasRect.height / m_scale };
}

Point ViewTransform::canvasToImagePixel(PointF canvasPoint) const
{
    const PointF p = canvasToImage(canvasPoint);
    return { int(std::floor(p.x + 0.5)), int(std::floor(p.y + 0.5)) };
}

Point ViewTransform::canvasDeltaToImage(PointF canvasDelta) const
{
    return { int(std::floor(canvasDelta.x / m_scale + 0.5)), int(std::floor(canvasDelta.y / m_scale + 0.5)) };
}

ViewTransform ViewTransform::fit(Size image, Size viewport, int margin)
{
    if (image.isEmpty() || viewport.isEmpty())
        return {};
    const double availableWidth = std::max(1, viewport.width - 2 * margin);
    const double availableHeight = std::max(1, viewport.height - 2 * margin);
    const double scale = clampScale(std::min(availableWidth / image.width, availableHeight / image.height));
    return ViewTransform(scale,
        { (viewport.width - image.width * scale) / 2.0, (viewport.height - image.height * scale) / 2.0 });
}

ViewTransform ViewTransform::zoomedAt(PointF canvasPoint, double newScale) const
{
    const PointF fixedImagePoint = canvasToImage(canvasPoint);
    const double scale = clampScale(newScale);
    return ViewTransform(scale, canvasPoint - fixedImagePoint * scale);
}

ViewTransform ViewTransform::panned(PointF canvasDelta) const
{
    return ViewTransform(m_scale, m_offset + canvasDelta);
}

} // namespace cropwise
