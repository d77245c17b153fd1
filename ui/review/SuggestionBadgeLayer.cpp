#include "ui/review/SuggestionBadgeLayer.h"

#include "core/model/ReviewState.h"
#include "ui/canvas/CropCanvas.h"
#include "ui/review/ReviewPainting.h"

#include <QPainter>

namespace cropwise {

SuggestionBadgeLayer::SuggestionBadgeLayer(const CropCanvas *canvas, QObject *parent)
    : CanvasLayer(Depth::OverDimming, parent)
    , m_canvas(canvas)
{
}

void SuggestionBadgeLayer::paint(QPainter &painter, const ViewTransform &view, const QRectF &image) const
{
    if (!m_canvas || !m_canvas->document())
        return;
    painter.setRenderHint(QPainter::Antialiasing);
    // The crop in focus is judged alone (the canvas dims the rest): then only its badge is drawn.
    const QString focusId = m_canvas->selectedCropId();
    for (const Crop &crop : m_canvas->document()->crops()) {
        if (!crop.review || (!focusId.isEmpty() && crop.id != focusId))
            continue;
        const Rect shown = m_canvas->shownRect(crop.id).value_or(crop.rect);
        const QRectF r = review::toQRectF(view.imageToCanvas(shown));
        const ReviewStatus status = consistentStatus(crop.review->status, shown, crop.review->suggested);
        const QColor c = review::statusColor(status);
        if (status == ReviewStatus::Rejected) {
            painter.setPen(QPen(QColor(c.red(), c.green(), c.blue(), 150), 1.5));
            painter.drawLine(r.topLeft(), r.bottomRight());
            painter.drawLine(r.topRight(), r.bottomLeft());
        }
        const QString text = QStringLiteral("%1 % · %2")
                                 .arg(qRound(crop.review->score * 100))
                                 .arg(review::statusText(status));
        review::paintTag(painter, r, text, c, review::TagAnchor::BottomLeftInside, image);
    }
}

} // namespace cropwise
