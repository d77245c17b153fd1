#include "ui/review/ReviewPainting.h"

#include "core/model/ReviewState.h"

#include <QCoreApplication>
#include <QFontMetricsF>
#include <QPainter>
#include <QPainterPath>

namespace cropwise::review {

QRectF toQRectF(const RectF &r)
{
    return QRectF(r.x, r.y, r.width, r.height);
}

QColor statusColor(ReviewStatus status)
{
    switch (status) {
    case ReviewStatus::Suggested:
        return QColor(0xe8, 0xb0, 0x3a);
    case ReviewStatus::Accepted:
        return QColor(0x5f, 0xba, 0x6a);
    case ReviewStatus::Edited:
        return QColor(0x4c, 0x9a, 0xe6);
    case ReviewStatus::Rejected:
        return QColor(0xe0, 0x6c, 0x5f);
    case ReviewStatus::Manual:
        return QColor(0xb0, 0xb0, 0xb0);
    }
    return QColor(Qt::gray);
}

QString statusText(ReviewStatus status)
{
    switch (status) {
    case ReviewStatus::Suggested:
        return QCoreApplication::translate("Review", "suggested");
    case ReviewStatus::Accepted:
        return QCoreApplication::translate("Review", "accepted");
    case ReviewStatus::Edited:
        return QCoreApplication::translate("Review", "edited");
    case ReviewStatus::Rejected:
        return QCoreApplication::translate("Review", "rejected");
    case ReviewStatus::Manual:
        return QCoreApplication::translate("Review", "manual");
    }
    return {};
}

QString suggestionSummary(const Crop &crop)
{
    if (!crop.review)
        return {};
    const CropReview &r = *crop.review;
    QStringList lines;
    lines << QCoreApplication::translate("Review", "%1 · %2 · score %3 %")
                 .arg(r.aspect ? r.aspect->toString() : QCoreApplication::translate("Review", "free"),
                     statusText(reviewStatus(crop)))
                 .arg(qRound(r.score * 100));
    lines += r.reasons;
    return lines.join(QLatin1Char('\n'));
}

QRectF paintTag(QPainter &painter, const QRectF &rect, const QString &text, const QColor &fill,
    TagAnchor anchor, const QRectF &bounds)
{
    QFont font = painter.font();
    font.setPointSizeF(qMax(7.0, font.pointSizeF() - 1));
    font.setBold(true);
    const QFontMetricsF metrics(font);
    const QSizeF size(metrics.horizontalAdvance(text) + 12, metrics.height() + 4);
    QPointF at;
    switch (anchor) {
    case TagAnchor::TopLeftInside:
        at = rect.topLeft() + QPointF(4, 4);
        break;
    case TagAnchor::BottomLeftInside:
        at = QPointF(rect.left() + 4, rect.bottom() - size.height() - 4);
        break;
    case TagAnchor::AboveTopLeft:
        at = QPointF(rect.left(), rect.top() - size.height() - 3);
        if (at.y() < bounds.top())
            at.setY(rect.top() + 3);
        break;
    }
    at.setX(qBound(bounds.left(), at.x(), qMax(bounds.left(), bounds.right() - size.width())));
    at.setY(qBound(bounds.top(), at.y(), qMax(bounds.top(), bounds.bottom() - size.height())));
    const QRectF pill(at, size);
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(Qt::NoPen);
    QColor background = fill;
    background.setAlpha(225);
    painter.setBrush(background);
    painter.drawRoundedRect(pill, size.height() / 2, size.height() / 2);
    painter.setFont(font);
    painter.setPen(fill.lightnessF() > 0.6 ? QColor(0x1a, 0x1a, 0x1a) : QColor(Qt::white));
    painter.drawText(pill, Qt::AlignCenter, text);
    painter.restore();
    return pill;
}

} // namespace cropwise::review
