#include "ui/canvas/OverlayPainter.h"

#include <QFontMetricsF>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <cmath>

namespace cropwise::overlay {

namespace {

const QColor kFrameColor(255, 255, 255);
const QColor kOtherFrameColor(255, 255, 255, 175);
const QColor kHaloColor(0, 0, 0, 110);
const QColor kHandleHaloColor(0, 0, 0, 130);

// One device-crisp line width: the logical width that covers a whole number of device pixels.
double unit(double dpr)
{
    return std::max(1.0, std::round(dpr)) / dpr;
}

double snap(double v, double dpr)
{
    return std::round(v * dpr) / dpr;
}

// Four bars of thickness t hugging r from the outside.
void fillOutsideFrame(QPainter &painter, const QRectF &r, double t, const QColor &color)
{
    painter.fillRect(QRectF(r.left() - t, r.top() - t, r.width() + 2 * t, t), color);
    painter.fillRect(QRectF(r.left() - t, r.bottom(), r.width() + 2 * t, t), color);
    painter.fillRect(QRectF(r.left() - t, r.top(), t, r.height()), color);
    painter.fillRect(QRectF(r.right(), r.top(), t, r.height()), color);
}

QFont sizedFont(const QFont &base, int pixelSize, QFont::Weight weight)
{
    QFont f = base;
    f.setPixelSize(pixelSize);
    f.setWeight(weight);
    return f;
}

// A rounded label: text centred in a pill of the given colours; returns the pill's rect.
void paintPill(QPainter &painter, const QRectF &pill, const QString &text, const QColor &background,
    const QColor &foreground)
{
    painter.setPen(Qt::NoPen);
    painter.setBrush(background);
    painter.setRenderHint(QPainter::Antialiasing, true);
    painter.drawRoundedRect(pill, 4, 4);
    painter.setRenderHint(QPainter::Antialiasing, false);
    painter.setPen(foreground);
    painter.drawText(pill, Qt::AlignCenter, text);
}

} // namespace

QRectF snapToDevice(const QRectF &r, double dpr)
{
    const double left = snap(r.left(), dpr);
    const double top = snap(r.top(), dpr);
    return QRectF(left, top, snap(r.right(), dpr) - left, snap(r.bottom(), dpr) - top);
}

void paintDimming(
    QPainter &painter, const QRectF &imageOnCanvas, const QList<QRectF> &clearRects, DimStrength strength)
{
    QPainterPath dim;
    dim.addRect(imageOnCanvas);
    for (const QRectF &r : clearRects) {
        QPainterPath hole;
        hole.addRect(r);
        dim = dim.subtracted(hole);
    }
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing, false);
    painter.fillPath(dim, QColor(0, 0, 0, strength == DimStrength::Focus ? 150 : 90));
    painter.restore();
}

void paintFrame(QPainter &painter, const QRectF &crop, FrameStyle style, double dpr, const QColor &colour)
{
    const double u = unit(dpr);
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing, false);
    const QColor other = colour.isValid() ? colour : kOtherFrameColor;
    fillOutsideFrame(painter, crop, u, style == FrameStyle::Other ? other : kFrameColor);
    double halo = u;
    if (style == FrameStyle::Other && colour.isValid()) { // a labelled crop: two device pixels, readable
        fillOutsideFrame(painter, crop.adjusted(-u, -u, u, u), u, colour);
        halo = 2 * u;
    }
    fillOutsideFrame(painter, crop.adjusted(-halo, -halo, halo, halo), u, kHaloColor);
    painter.restore();
}

void paintHandles(QPainter &painter, const QRectF &crop, double dpr)
{
    const double u = unit(dpr);
    const double t = std::max(u, snap(3.0, dpr)); // bracket thickness
    const double arm = snap(std::clamp(std::min(crop.width(), crop.height()) / 3.0, 8.0, 20.0), dpr);
    const double l = crop.left(), r = crop.right(), top = crop.top(), b = crop.bottom();

    QList<QRectF> bars;
    // Corner brackets, outside the crop so they never hide its pixels.
    bars << QRectF(l - t, top - t, arm + t, t) << QRectF(l - t, top - t, t, arm + t);
    bars << QRectF(r - arm, top - t, arm + t, t) << QRectF(r, top - t, t, arm + t);
    bars << QRectF(l - t, b, arm + t, t) << QRectF(l - t, b - arm, t, arm + t);
    bars << QRectF(r - arm, b, arm + t, t) << QRectF(r, b - arm, t, arm + t);
    // Edge bars at the middle of each side, when the side is long enough to keep them apart.
    const double cx = snap(crop.center().x() - arm / 2, dpr);
    const double cy = snap(crop.center().y() - arm / 2, dpr);
    if (crop.width() > 3.5 * arm)
        bars << QRectF(cx, top - t, arm, t) << QRectF(cx, b, arm, t);
    if (crop.height() > 3.5 * arm)
        bars << QRectF(l - t, cy, t, arm) << QRectF(r, cy, t, arm);

    painter.save();
    painter.setRenderHint(QPainter::Antialiasing, false);
    for (const QRectF &bar : bars)
        painter.fillRect(bar.adjusted(-u, -u, u, u), kHandleHaloColor);
    for (const QRectF &bar : bars)
        painter.fillRect(bar, kFrameColor);
    painter.restore();
}

void paintGuides(QPainter &painter, const QRectF &crop, GuideOverlay guides, FrameStyle style, double dpr)
{
    if (guides == GuideOverlay::None || crop.width() < 12 || crop.height() < 12)
        return;
    const double u = unit(dpr);
    const QColor line(255, 255, 255, style == FrameStyle::Active ? 150 : 85);
    const QColor shade(0, 0, 0, style == FrameStyle::Active ? 70 : 45);

    painter.save();
    painter.setClipRect(crop, Qt::IntersectClip);
    painter.setRenderHint(QPainter::Antialiasing, false);
    const auto vertical = [&](double fraction) {
        const double x = snap(crop.left() + crop.width() * fraction, dpr);
        painter.fillRect(QRectF(x, crop.top(), u, crop.height()), line);
        painter.fillRect(QRectF(x + u, crop.top(), u, crop.height()), shade);
    };
    const auto horizontal = [&](double fraction) {
        const double y = snap(crop.top() + crop.height() * fraction, dpr);
        painter.fillRect(QRectF(crop.left(), y, crop.width(), u), line);
        painter.fillRect(QRectF(crop.left(), y + u, crop.width(), u), shade);
    };

    switch (guides) {
    case GuideOverlay::None:
        break;
    case GuideOverlay::Thirds:
        for (double f : { 1.0 / 3.0, 2.0 / 3.0 }) {
            vertical(f);
            horizontal(f);
        }
        break;
    case GuideOverlay::GoldenSections: {
        const double minor = 1.0 - 2.0 / (1.0 + std::sqrt(5.0)); // 0.382: 1 / phi^2
        for (double f : { minor, 1.0 - minor }) {
            vertical(f);
            horizontal(f);
        }
        break;
    }
    case GuideOverlay::Grid: {
        // About 48 screen pixels per cell, whatever the zoom: dense enough to check a horizon.
        const int columns = std::max(2, int(std::lround(crop.width() / 48.0)));
        const int rows = std::max(2, int(std::lround(crop.height() / 48.0)));
        for (int i = 1; i < columns; ++i)
            vertical(double(i) / columns);
        for (int i = 1; i < rows; ++i)
            horizontal(double(i) / rows);
        break;
    }
    case GuideOverlay::Diagonals: {
        painter.setRenderHint(QPainter::Antialiasing, true);
        QPen pen(line, std::max(1.0, std::round(dpr)));
        pen.setCosmetic(true); // width in device pixels: one crisp screen pixel
        painter.setPen(pen);
        const double s = std::min(crop.width(), crop.height());
        const QPointF tl = crop.topLeft(), tr = crop.topRight(), bl = crop.bottomLeft(),
                      br = crop.bottomRight();
        painter.drawLine(tl, tl + QPointF(s, s));
        painter.drawLine(tr, tr + QPointF(-s, s));
        painter.drawLine(bl, bl + QPointF(s, -s));
        painter.drawLine(br, br + QPointF(-s, -s));
        break;
    }
    }
    painter.restore();
}

void paintCaption(QPainter &painter, const QRectF &crop, const QString &text, FrameStyle style,
    const QRectF &viewport, const QColor &labelColour)
{
    if (text.isEmpty())
        return;
    painter.save();
    const QFont font
        = sizedFont(painter.font(), 11, style == FrameStyle::Other ? QFont::Normal : QFont::DemiBold);
    painter.setFont(font);
    const QFontMetricsF metrics(font);
    const double maxTextWidth = std::max(40.0, crop.width() - 12.0);
    const QString shown = metrics.elidedText(text, Qt::ElideRight, maxTextWidth);
    const double width = std::ceil(metrics.horizontalAdvance(shown)) + 12;
    const double height = std::ceil(metrics.height()) + 4;
    const double gap = style == FrameStyle::Other ? 3 : 6; // clear of the handles
    QRectF pill(crop.left() - 1, crop.top() - gap - height, width, height);
    if (pill.top() < viewport.top() + 2)
        pill.moveTop(crop.top() + 4); // no room above: inside the crop's top-left corner
    pill.moveLeft(std::clamp(
        pill.left(), viewport.left() + 2, std::max(viewport.left() + 2, viewport.right() - width - 2)));
    if (style == FrameStyle::Other)
        paintPill(painter, pill, shown, QColor(0, 0, 0, 165), QColor(255, 255, 255, 235));
    else
        paintPill(painter, pill, shown, QColor(255, 255, 255, 238), QColor(20, 20, 20));
    if (labelColour.isValid()) {
        // The label's colour as a dot just left of the pill: ties the crop to the Labels panel.
        const double d = std::round(height * 0.55);
        const QRectF dot(pill.left() - d - 3, pill.center().y() - d / 2, d, d);
        painter.setRenderHint(QPainter::Antialiasing, true);
        painter.setPen(QPen(QColor(0, 0, 0, 170), 1.2));
        painter.setBrush(labelColour);
        painter.drawEllipse(dot.left() >= viewport.left() ? dot : dot.translated(pill.width() + d + 6, 0));
    }
    painter.restore();
}

void paintReadout(QPainter &painter, const QRectF &crop, const QString &text, const QRectF &viewport)
{
    painter.save();
    const QFont font = sizedFont(painter.font(), 12, QFont::Medium);
    painter.setFont(font);
    const QFontMetricsF metrics(font);
    const double width = std::ceil(metrics.horizontalAdvance(text)) + 16;
    const double height = std::ceil(metrics.height()) + 6;
    const double gap = 10; // below the handles' brackets
    QRectF pill(crop.center().x() - width / 2, crop.bottom() + gap, width, height);
    if (pill.bottom() > viewport.bottom() - 4)
        pill.moveBottom(crop.bottom() - gap); // no room below: inside, along the bottom edge
    pill.moveLeft(std::clamp(
        pill.left(), viewport.left() + 4, std::max(viewport.left() + 4, viewport.right() - width - 4)));
    pill.moveTop(std::clamp(
        pill.top(), viewport.top() + 4, std::max(viewport.top() + 4, viewport.bottom() - height - 4)));
    paintPill(painter, pill, text, QColor(0, 0, 0, 185), QColor(255, 255, 255));
    painter.restore();
}

QString readoutText(Size size, std::optional<AspectRatio> locked)
{
    const QString dimensions = QStringLiteral("%1 \u00d7 %2").arg(size.width).arg(size.height);
    if (size.isEmpty())
        return dimensions;
    QString ratio;
    const auto exact = AspectRatio::make(size.width, size.height);
    if (locked && locked->matches(size)) {
        ratio = locked->toString();
    } else if (exact && exact->num <= AspectRatio::maxApproximationTerm
        && exact->den <= AspectRatio::maxApproximationTerm) {
        ratio = exact->toString();
    } else {
        const AspectRatio near = AspectRatio::approximate(size);
        const double a = double(near.num) * size.height;
        const double b = double(near.den) * size.width;
        const double deviation = std::max(a / b, b / a) - 1.0;
        if (deviation <= AspectRatio::approximationTolerance) {
            ratio = QStringLiteral("\u2248 %1").arg(near.toString());
        } else if (size.width >= size.height) {
            ratio = QStringLiteral("%1:1").arg(double(size.width) / size.height, 0, 'f', 2);
        } else {
            ratio = QStringLiteral("1:%1").arg(double(size.height) / size.width, 0, 'f', 2);
        }
    }
    return dimensions + QStringLiteral("  \u00b7  ") + ratio;
}

void paintEmptyState(QPainter &painter, const QRectF &viewport, const QString &headline, const QString &hint)
{
    painter.save();
    const QRectF box(viewport.center().x() - std::min(520.0, viewport.width() - 48) / 2,
        viewport.center().y() - std::min(200.0, viewport.height() - 48) / 2,
        std::min(520.0, viewport.width() - 48), std::min(200.0, viewport.height() - 48));
    if (box.width() > 120 && box.height() > 80) {
        QPen dashed(QColor(255, 255, 255, 70), 1.5);
        dashed.setDashPattern({ 6, 5 });
        painter.setPen(dashed);
        painter.setBrush(Qt::NoBrush);
        painter.setRenderHint(QPainter::Antialiasing, true);
        painter.drawRoundedRect(box, 12, 12);
    }
    const QFont big = sizedFont(painter.font(), 17, QFont::DemiBold);
    const QFont small = sizedFont(painter.font(), 13, QFont::Normal);
    const double bigHeight = QFontMetricsF(big).height();
    const double smallHeight = QFontMetricsF(small).height();
    const double top = viewport.center().y() - (bigHeight + 8 + smallHeight) / 2;
    painter.setFont(big);
    painter.setPen(QColor(255, 255, 255, 215));
    painter.drawText(QRectF(viewport.left(), top, viewport.width(), bigHeight), Qt::AlignCenter, headline);
    if (!hint.isEmpty()) {
        painter.setFont(small);
        painter.setPen(QColor(255, 255, 255, 140));
        painter.drawText(QRectF(viewport.left(), top + bigHeight + 8, viewport.width(), smallHeight),
            Qt::AlignCenter, hint);
    }
    painter.restore();
}

} // namespace cropwise::overlay
