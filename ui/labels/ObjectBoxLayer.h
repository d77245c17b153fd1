#pragma once

// Imported object boxes drawn over the photo (CanvasLayer, above the dimming so they stay readable
// outside the crop): an outline in the label's colour, the class name in a tag at the top-left
// corner, a dashed outline for "difficult" boxes and "truncated" in the tag. The highlighted box
// (picked in the boxes list) is drawn thicker.
//
// setBoxes() takes the boxes as stored (EXIF-oriented pixels, ObjectBox.h) with the image's
// oriented size and user turn, and turns them into the crops' (displayed) coordinates itself.
// Thread: GUI thread only.

#include "core/annotations/ObjectBox.h"
#include "core/model/UserTurn.h"
#include "ui/canvas/CanvasLayer.h"

#include <QColor>
#include <QHash>
#include <QList>

namespace cropwise {

class ObjectBoxLayer : public CanvasLayer
{
    Q_OBJECT

public:
    explicit ObjectBoxLayer(QObject *parent = nullptr);

    void setBoxes(const QList<ObjectBox> &boxes, Size orientedSize, const UserTurn &turn);
    // Displayed-image coordinates (what paint() draws).
    const QList<ObjectBox> &shownBoxes() const { return m_boxes; }
    // Colour per label name; labels not listed are drawn in a neutral colour.
    void setLabelColours(const QHash<QString, QColor> &colours);
    void setHighlighted(int index); // -1 = none

    void paint(QPainter &painter, const ViewTransform &view, const QRectF &image) const override;

private:
    QList<ObjectBox> m_boxes;
    QHash<QString, QColor> m_colours;
    int m_highlighted = -1;
};

} // namespace cropwise
