#pragma once

// The user's must-include boxes (kind Region) as dashed frames tagged "must include", and the
// detections marked "not a face" as grey struck-through frames: always shown while the image has
// some, since they change what is suggested. Pinned faces are drawn by FaceLayer (they are faces
// first).
// Thread: GUI thread only.

#include "core/model/MustIncludeRegion.h"
#include "ui/canvas/CanvasLayer.h"

#include <QList>

namespace cropwise {

class MustIncludeLayer : public CanvasLayer
{
    Q_OBJECT

public:
    explicit MustIncludeLayer(QObject *parent = nullptr);

    void setRegions(const QList<MustIncludeRegion> &regions);
    const QList<MustIncludeRegion> &regions() const { return m_regions; }

    void paint(QPainter &painter, const ViewTransform &view, const QRectF &image) const override;

private:
    void paintNotFace(QPainter &painter, const QRectF &r, const QRectF &image) const;

    QList<MustIncludeRegion> m_regions;
};

} // namespace cropwise
