#include "ui/review/MustIncludeLayer.h"

#include "ui/review/ReviewPainting.h"

#include <QPainter>

namespace cropwise {

MustIncludeLayer::MustIncludeLayer(QObject *parent)
    : CanvasLayer(Depth::OverDimming, parent)
{
}

void MustIncludeLayer::setRegions(const QList<MustIncludeRegion> &regions)
{
    if (regions == m_regions)
        return;
    m_regions = regions;
    emit changed();
}

// A detection the user marked as no face: a grey dashed box, struck through, so the mark can be
// found again (right-click it to take it back).
void MustIncludeLayer::paintNotFace(QPainter &painter, const QRectF &r, const QRectF &image) const
{
    const QColor grey(170, 170, 170);
    QPen dashed(grey, 1.5, Qt::DashLine);
    dashed.setDashPattern({ 3, 3 });
    painter.setBrush(Qt::NoBrush);
    painter.setPen(dashed);
    painter.drawRect(r);
    painter.drawLine(r.topLeft(), r.bottomRight());
    review::paintTag(painter, r, tr("not a face"), grey, review::TagAnchor::TopLeftInside, image);
}

void MustIncludeLayer::paint(QPainter &painter, const ViewTransform &view, const QRectF &image) const
{
    const QColor c = review::statusColor(ReviewStatus::Suggested);
    for (const MustIncludeRegion &region : m_regions) {
        if (region.kind == MustIncludeRegion::Kind::NotFace) {
            paintNotFace(painter, review::toQRectF(view.imageToCanvas(region.rect)), image);
            continue;
        }
        if (region.kind != MustIncludeRegion::Kind::Region)
            continue;
        const QRectF r = review::toQRectF(view.imageToCanvas(region.rect));
        painter.setBrush(QColor(c.red(), c.green(), c.blue(), 28));
        painter.setPen(QPen(QColor(0, 0, 0, 110), 3.0));
        painter.drawRect(r);
        QPen dashed(c, 1.5, Qt::DashLine);
        dashed.setDashPattern({ 5, 4 });
        painter.setPen(dashed);
        painter.drawRect(r);
        review::paintTag(painter, r, tr("must include"), c, review::TagAnchor::TopLeftInside, image);
    }
}

} // namespace cropwise
