#pragma once

// The importance (saliency) heat map under the crops: what the suggester thinks matters in this
// photo. Drawn from the small preview core keeps in the suggestion cache (SuggestionRecord.h
// ImportancePreview, <= 64 cells on the long side), scaled smoothly over the whole picture: warm
// and opaque where it matters, transparent where it does not, so the photo stays readable.
// Thread: GUI thread only.

#include "core/geometry/Rect.h"
#include "core/model/SuggestionRecord.h"
#include "ui/canvas/CanvasLayer.h"

#include <QImage>

namespace cropwise {

class HeatMapLayer : public CanvasLayer
{
    Q_OBJECT

public:
    explicit HeatMapLayer(QObject *parent = nullptr);

    // preview covers the whole displayed image of size imageSize; an empty preview shows nothing.
    void setPreview(const ImportancePreview &preview, Size imageSize);
    bool hasPreview() const { return !m_image.isNull(); }
    const QImage &image() const { return m_image; } // the coloured cells (for tests)

    void paint(QPainter &painter, const ViewTransform &view, const QRectF &image) const override;

    // The colour of an importance value 0..255 (alpha included).
    static QRgb colorFor(int value);

private:
    QImage m_image;
    Size m_imageSize;
};

} // namespace cropwise
