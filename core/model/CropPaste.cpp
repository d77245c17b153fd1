#include "core/model/CropPaste.h"

#include "core/geometry/RectScaling.h"

#include <algorithm>
#include <cmath>

namespace cropwise {

namespace {

// A free crop keeps its own width:height. Its exact ratio can have huge terms (1234:567), which
// scaleRectBetween would honour only in steps of 1234 x 567 pixels, so it is scaled uniformly
// here instead: same relative area and centre as per-axis scaling, ratio to within rounding.
Rect scaleFree(const Rect &r, Size from, Size to)
{
    const double sx = double(to.width) / from.width;
    const double sy = double(to.height) / from.height;
    const double centreX = (r.x + r.width / 2.0) * sx;
    const double centreY = (r.y + r.height / 2.0) * sy;
    double s = std::sqrt(sx * sy);
    s = std::min({ s, double(to.width) / r.width, double(to.height) / r.height });
    const int w = std::clamp(int(std::lround(r.width * s)), 1, to.width);
    const int h = std::clamp(int(std::lround(r.height * s)), 1, to.height);
    const int x = std::clamp(int(std::lround(centreX - w / 2.0)), 0, to.width - w);
    const int y = std::clamp(int(std::lround(centreY - h / 2.0)), 0, to.height - h);
    return { x, y, w, h };
}

} // namespace

QList<Crop> pasteCrops(const QList<Crop> &copied, Size fromImage, Size toImage)
{
    QList<Crop> pasted;
    if (fromImage.isEmpty() || toImage.isEmpty())
        return pasted;
    for (const Crop &c : copied) {
        if (c.rect.isEmpty())
            continue;
        const Rect rect = c.aspect ? scaleRectBetween(c.rect, fromImage, toImage, c.aspect)
                                   : scaleFree(c.rect, fromImage, toImage);
        if (rect.isEmpty() || !Rect::fromSize(toImage).contains(rect))
            continue;
        pasted.append(Crop { Crop::newId(), c.name, c.label, rect, c.aspect, {} });
    }
    return pasted;
}

} // namespace cropwise
