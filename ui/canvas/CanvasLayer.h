#pragma once

// Something drawn over the picture that is not a crop: detected faces, the importance heat map,
// imported object boxes. Features own their layers and add them to the CropCanvas; the canvas
// paints every visible layer at its depth and repaints when a layer says it changed. A layer
// draws from its own state (set by its owner from the core model); it never edits anything.
//
// Thread: GUI thread only.

#include "core/geometry/ViewTransform.h"

#include <QObject>
#include <QRectF>

class QPainter;

namespace cropwise {

class CanvasLayer : public QObject
{
    Q_OBJECT

public:
    enum class Depth {
        UnderDimming, // tints the picture itself (a heat map): dimmed outside the crop like the photo
        OverDimming, // marks on the picture (faces, boxes): stay readable outside the crop
    };

    explicit CanvasLayer(Depth depth, QObject *parent = nullptr)
        : QObject(parent)
        , m_depth(depth)
    {
    }

    Depth depth() const { return m_depth; }
    bool isVisible() const { return m_visible; }
    void setVisible(bool visible)
    {
        if (m_visible == visible)
            return;
        m_visible = visible;
        Q_EMIT changed();
    }

    // view maps displayed-image pixels (the crops' space) to widget pixels; image is the picture's
    // rectangle on the widget (clip to it when drawing something image-sized).
    virtual void paint(QPainter &painter, const ViewTransform &view, const QRectF &image) const = 0;

Q_SIGNALS:
    void changed(); // the canvas repaints

private:
    Depth m_depth;
    bool m_visible = true;
};

} // namespace cropwise
