#include "ui/review/HeatMapLayer.h"

#include "ui/review/ReviewPainting.h"

#include <QPainter>

#include <cmath>

namespace cropwise {

HeatMapLayer::HeatMapLayer(QObject *parent)
    : CanvasLayer(Depth::UnderDimming, parent)
{
}

QRgb HeatMapLayer::colorFor(int value)
{
    // An "inferno"-like ramp (violet -> red -> orange -> pale yellow): ordered by lightness, so
    // "more important" reads as "brighter" also for colour-blind users.
    static const QColor stops[] = { QColor(0x3b, 0x0f, 0x70), QColor(0x8c, 0x29, 0x81),
        QColor(0xde, 0x49, 0x68), QColor(0xfe, 0x9f, 0x6d), QColor(0xfc, 0xfd, 0xbf) };
    // Display gamma: importance is relative to the hottest spot (usually a face), so secondary
    // subjects sit at a fraction of it; lifting the midtones keeps them visible.
    const double t = std::pow(qBound(0, value, 255) / 255.0, 0.6);
    const double pos = t * 4.0;
    const int i = qMin(3, int(pos));
    const double f = pos - i;
    const QColor &a = stops[i];
    const QColor &b = stops[i + 1];
    // Low importance fades out entirely: the heat map marks what matters, not everything.
    const int alpha = int(std::round(225.0 * std::pow(t, 1.4)));
    return qRgba(int(a.red() + (b.red() - a.red()) * f), int(a.green() + (b.green() - a.green()) * f),
        int(a.blue() + (b.blue() - a.blue()) * f), alpha);
}

void HeatMapLayer::setPreview(const ImportancePreview &preview, Size imageSize)
{
    QImage image;
    if (!preview.isEmpty() && !imageSize.isEmpty()) {
        image = QImage(preview.size.width, preview.size.height, QImage::Format_ARGB32);
        const auto *values = reinterpret_cast<const uchar *>(preview.values.constData());
        for (int y = 0; y < preview.size.height; ++y) {
            auto *line = reinterpret_cast<QRgb *>(image.scanLine(y));
            for (int x = 0; x < preview.size.width; ++x)
                line[x] = colorFor(values[y * preview.size.width + x]);
        }
    }
    if (image == m_image && imageSize == m_imageSize)
        return;
    m_image = image;
    m_imageSize = imageSize;
    emit changed();
}

void HeatMapLayer::paint(QPainter &painter, const ViewTransform &view, const QRectF &image) const
{
    if (m_image.isNull())
        return;
    painter.setClipRect(image, Qt::IntersectClip);
    painter.setRenderHint(QPainter::SmoothPixmapTransform);
    const QRectF target = review::toQRectF(view.imageToCanvas(Rect::fromSize(m_imageSize)));
    painter.drawImage(target, m_image);
}

} // namespace cropwise
