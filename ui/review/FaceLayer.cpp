#include "ui/review/FaceLayer.h"

#include "ui/review/ReviewPainting.h"

#include <QPainter>

#include <algorithm>

namespace cropwise {

FaceLayer::FaceLayer(QObject *parent)
    : CanvasLayer(Depth::OverDimming, parent)
{
}

void FaceLayer::setFaces(const QList<FaceRecord> &faces, const QList<MustIncludeRegion> &mustInclude)
{
    if (faces == m_faces && mustInclude == m_mustInclude)
        return;
    m_faces = faces;
    m_mustInclude = mustInclude;
    emit changed();
}

bool FaceLayer::isPinned(const FaceRecord &face) const
{
    return std::any_of(m_mustInclude.cbegin(), m_mustInclude.cend(), [&](const MustIncludeRegion &r) {
        return r.kind == MustIncludeRegion::Kind::Face && r.rect == face.rect;
    });
}

void FaceLayer::paint(QPainter &painter, const ViewTransform &view, const QRectF &image) const
{
    painter.setRenderHint(QPainter::Antialiasing);
    const QColor faceColor(0x7f, 0xe0, 0xd8); // teal: apart from the status colours of crops
    const QColor pinColor = review::statusColor(ReviewStatus::Suggested);
    for (const FaceRecord &face : m_faces) {
        const QRectF r = review::toQRectF(view.imageToCanvas(face.rect));
        const bool pinned = isPinned(face);
        const QColor c = pinned ? pinColor : faceColor;
        // A dark halo under the line keeps it readable on bright skin and sky alike.
        painter.setBrush(Qt::NoBrush);
        painter.setPen(QPen(QColor(0, 0, 0, 110), 3.5));
        painter.drawRoundedRect(r, 6, 6);
        painter.setPen(QPen(c, pinned ? 2.0 : 1.5));
        painter.drawRoundedRect(r, 6, 6);
        const QString text = pinned ? tr("face · pinned") : tr("face %1%").arg(qRound(face.score * 100));
        review::paintTag(painter, r, text, c, review::TagAnchor::AboveTopLeft, image);
    }
}

} // namespace cropwise
