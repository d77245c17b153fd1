#include "ui/renditions/RenditionThumbnail.h"

#include <QRect>

#include <algorithm>
#include <cmath>

namespace cropwise {

QImage renditionThumbnail(const QImage &preview, Size displayedSize, const Rect &crop, QSize box)
{
    if (preview.isNull() || displayedSize.isEmpty() || crop.isEmpty() || box.isEmpty())
        return QImage();
    const double sx = double(preview.width()) / displayedSize.width;
    const double sy = double(preview.height()) / displayedSize.height;
    // Whole preview pixels covering the crop (at least one), clipped to the preview.
    const int left = int(std::floor(crop.x * sx));
    const int top = int(std::floor(crop.y * sy));
    const int right = std::max(left + 1, int(std::ceil((crop.x + crop.width) * sx)));
    const int bottom = std::max(top + 1, int(std::ceil((crop.y + crop.height) * sy)));
    const QRect source = QRect(left, top, right - left, bottom - top).intersected(preview.rect());
    if (source.isEmpty())
        return QImage();
    // Crops have the output's aspect to within a pixel, so this stretch is invisible; it makes the
    // thumbnail exactly the box (what the export makes exactly the output size).
    return preview.copy(source).scaled(box, Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
}

QSize fitAspect(Size aspect, QSize bounds)
{
    if (aspect.isEmpty() || bounds.isEmpty())
        return QSize(1, 1);
    const double scale
        = std::min(double(bounds.width()) / aspect.width, double(bounds.height()) / aspect.height);
    return QSize(std::max(1, int(std::lround(aspect.width * scale))),
        std::max(1, int(std::lround(aspect.height * scale))));
}

} // namespace cropwise
