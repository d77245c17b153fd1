#pragma once

// Small drawing helpers shared by the review layers (faces, must-include regions, suggestion
// badges): colours per review status and the rounded "pill" tags. Plain functions of values.

#include "core/geometry/GeometryF.h"
#include "core/model/Crop.h"
#include "core/model/CropReview.h"

#include <QColor>
#include <QRectF>
#include <QString>

class QPainter;

namespace cropwise::review {

QRectF toQRectF(const RectF &r);

// The colour of a review status: amber pending, green accepted, blue edited, red rejected.
QColor statusColor(ReviewStatus status);
// "suggested", "accepted", ... as shown to the user (translated).
QString statusText(ReviewStatus status);

// "4:5 · suggested · score 82 %" and the suggester's reasons, one per line (tool tips). Empty for
// a crop drawn by hand.
QString suggestionSummary(const Crop &crop);

enum class TagAnchor { TopLeftInside, BottomLeftInside, AboveTopLeft };

// A pill with text at `rect`'s corner, kept inside `bounds`. Returns the pill's rect.
QRectF paintTag(QPainter &painter, const QRectF &rect, const QString &text, const QColor &fill,
    TagAnchor anchor, const QRectF &bounds);

} // namespace cropwise::review
