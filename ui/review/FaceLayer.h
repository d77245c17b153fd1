#pragma once

// Detected faces over the picture (toggled with the "faces" overlay action): a soft frame per face
// with its detector confidence. Faces the user pinned (must-include, kind Face) are drawn in the
// must-include colour with a "pinned" tag, so the user sees what every suggestion has to keep.
// Thread: GUI thread only.

#include "core/model/MustIncludeRegion.h"
#include "core/model/SuggestionRecord.h"
#include "ui/canvas/CanvasLayer.h"

#include <QList>

namespace cropwise {

class FaceLayer : public CanvasLayer
{
    Q_OBJECT

public:
    explicit FaceLayer(QObject *parent = nullptr);

    void setFaces(const QList<FaceRecord> &faces, const QList<MustIncludeRegion> &mustInclude);
    const QList<FaceRecord> &faces() const { return m_faces; }
    bool isPinned(const FaceRecord &face) const;

    void paint(QPainter &painter, const ViewTransform &view, const QRectF &image) const override;

private:
    QList<FaceRecord> m_faces;
    QList<MustIncludeRegion> m_mustInclude;
};

} // namespace cropwise
