#pragma once

// A badge on every crop that came from a suggestion: its score and review status, coloured by
// status (amber suggested, green accepted, blue edited, red rejected), at the crop's bottom-left
// corner; rejected suggestions are also struck through, so a glance at the image shows what is
// still to decide. While a crop is selected only its own badge shows (it is judged alone). The canvas draws
// the frames and names; this layer only adds the review facts. Follows a drag live (CropCanvas::shownRect).
// Thread: GUI thread only.

#include "ui/canvas/CanvasLayer.h"

#include <QPointer>

namespace cropwise {

class CropCanvas;

class SuggestionBadgeLayer : public CanvasLayer
{
    Q_OBJECT

public:
    // canvas: where the crops come from (its document and live rects). Not owned.
    explicit SuggestionBadgeLayer(const CropCanvas *canvas, QObject *parent = nullptr);

    void paint(QPainter &painter, const ViewTransform &view, const QRectF &image) const override;

private:
    QPointer<const CropCanvas> m_canvas;
};

} // namespace cropwise
