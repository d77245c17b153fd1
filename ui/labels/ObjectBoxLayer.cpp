#include "ui/labels/ObjectBoxLayer.h"

#include "core/annotations/BoxTransform.h"

#include <QCoreApplication>
#include <QFontMetricsF>
#include <QPainter>

namespace cropwise {

namespace {
const QColor kUnlabelled(0xd0, 0xd0, 0xd0);
} // namespace

ObjectBoxLayer::ObjectBoxLayer(QObject *parent)
    : CanvasLayer(Depth::OverDimming, parent)
{
}

void ObjectBoxLayer::setBoxes(const QList<ObjectBox> &boxes, Size orientedSize, const UserTurn &turn)
{
    m_boxes.clear();
    for (const ObjectBox &b : boxes)
        m_boxes << turnedBox(b, orientedSize, turn);
    m_highlighted = -1;
    Q_EMIT changed();
}

void ObjectBoxLayer::setLabelColours(const QHash<QString, QColor> &colours)
{
    m_colours = colours;
    Q_EMIT changed();
}

void ObjectBoxLayer::setHighlighted(int index)
{
    if (index == m_highlighted)
        return;
    m_highlighted = index;
    Q_EMIT changed();
}

void ObjectBoxLayer::paint(QPainter &painter, const ViewTransform &view, const QRectF &image) const
{
    painter.setClipRect(image, Qt::IntersectClip);
    painter.setRenderHint(QPainter::Antialiasing, false);
    QFont font = painter.font();
    font.setPointSizeF(font.pointSizeF() * 0.85);
    painter.setFont(font);
    const QFontMetricsF metrics(font);
    for (int i = 0; i < m_boxes.size(); ++i) {
        const ObjectBox &b = m_boxes[i];
        const PointF tl = view.imageToCanvas(PointF { b.box.x, b.box.y });
        const PointF br = view.imageToCanvas(PointF { b.box.rightEdge(), b.box.bottomEdge() });
        const QRectF r = QRectF(QPointF(tl.x, tl.y), QPointF(br.x, br.y)).normalized();
        const QColor colour = m_colours.value(b.label, kUnlabelled);
        const bool highlighted = i == m_highlighted;

        // A dark halo under the coloured line keeps it visible on light and dark photos alike.
        painter.setBrush(Qt::NoBrush);
        painter.setPen(QPen(QColor(0, 0, 0, 140), highlighted ? 5 : 3));
        painter.drawRect(r);
        QPen pen(colour, highlighted ? 3 : 1.5);
        if (b.difficult)
            pen.setStyle(Qt::DashLine);
        painter.setPen(pen);
        painter.drawRect(r);

        QString tag
            = b.label.isEmpty() ? QCoreApplication::translate("ObjectBoxLayer", "(no label)") : b.label;
        if (b.difficult)
            tag += QCoreApplication::translate("ObjectBoxLayer", " · difficult");
        if (b.truncated)
            tag += QCoreApplication::translate("ObjectBoxLayer", " · truncated");
        const QSizeF text(metrics.horizontalAdvance(tag) + 8, metrics.height() + 2);
        // Inside the box's top-left corner: crop captions sit above crops, so the two never overlap.
        QRectF tagRect(r.topLeft(), text);
        if (tagRect.right() > image.right())
            tagRect.moveRight(image.right());
        painter.fillRect(tagRect, QColor(colour.red(), colour.green(), colour.blue(), 215));
        painter.setPen(colour.lightnessF() > 0.6 ? QColor(0x10, 0x10, 0x10) : Qt::white);
        painter.drawText(tagRect, Qt::AlignCenter, tag);
    }
}

} // namespace cropwise
