#include "core/model/ReviewStats.h"

#include "core/model/ReviewState.h"

#include <QJsonValue>

#include <cmath>

namespace cropwise {

namespace {

QJsonValue roundedOrNull(const std::optional<double> &value)
{
    // 4 decimals: stable text for scripts and diffs; finer differences are noise for a review.
    return value ? QJsonValue(std::round(*value * 10000.0) / 10000.0) : QJsonValue(QJsonValue::Null);
}

QJsonObject countsToJson(const ReviewCounts &c)
{
    return { { QStringLiteral("accepted"), c.accepted }, { QStringLiteral("edited"), c.edited },
        { QStringLiteral("rejected"), c.rejected }, { QStringLiteral("pending"), c.pending },
        { QStringLiteral("mean_iou"), roundedOrNull(c.meanIou()) },
        { QStringLiteral("mean_iou_edited"), roundedOrNull(c.meanEditedIou()) } };
}

} // namespace

std::optional<double> ReviewCounts::meanIou() const
{
    const int n = accepted + edited;
    return n > 0 ? std::optional<double>(iouSum / n) : std::nullopt;
}

std::optional<double> ReviewCounts::meanEditedIou() const
{
    return edited > 0 ? std::optional<double>(editedIouSum / edited) : std::nullopt;
}

void ReviewCounts::add(const ReviewCounts &other)
{
    accepted += other.accepted;
    edited += other.edited;
    rejected += other.rejected;
    pending += other.pending;
    iouSum += other.iouSum;
    editedIouSum += other.editedIouSum;
}

ReviewStats computeReviewStats(const QList<ImageState> &states)
{
    ReviewStats stats;
    for (const ImageState &state : states) {
        ++stats.images;
        bool reviewed = false;
        bool pending = false;
        for (const Crop &crop : state.crops) {
            const ReviewStatus status = reviewStatus(crop);
            if (status == ReviewStatus::Manual) {
                ++stats.manualCrops;
                continue;
            }
            const QString version = crop.review->suggester.isEmpty() ? QLatin1String(kUnknownSuggester)
                                                                     : crop.review->suggester;
            ReviewCounts &counts = stats.versions[version];
            switch (status) {
            case ReviewStatus::Suggested:
                ++counts.pending;
                pending = true;
                break;
            case ReviewStatus::Accepted:
                // Accepted means "rect == suggested" (reviewStatus() makes it so): IoU 1 exactly.
                ++counts.accepted;
                counts.iouSum += 1.0;
                reviewed = true;
                break;
            case ReviewStatus::Edited: {
                const double overlap = iou(crop.review->suggested, crop.rect);
                ++counts.edited;
                counts.iouSum += overlap;
                counts.editedIouSum += overlap;
                reviewed = true;
                break;
            }
            case ReviewStatus::Rejected:
                ++counts.rejected;
                reviewed = true;
                break;
            case ReviewStatus::Manual:
                break;
            }
        }
        stats.reviewedImages += reviewed ? 1 : 0;
        stats.pendingImages += pending ? 1 : 0;
    }
    for (const ReviewCounts &c : std::as_const(stats.versions))
        stats.total.add(c);
    return stats;
}

QJsonObject reviewStatsToJson(const ReviewStats &stats)
{
    QJsonObject versions;
    for (auto it = stats.versions.cbegin(); it != stats.versions.cend(); ++it)
        versions.insert(it.key(), countsToJson(it.value()));
    return { { QStringLiteral("images"), stats.images },
        { QStringLiteral("reviewed_images"), stats.reviewedImages },
        { QStringLiteral("pending_images"), stats.pendingImages },
        { QStringLiteral("manual_crops"), stats.manualCrops }, { QStringLiteral("versions"), versions },
        { QStringLiteral("total"), countsToJson(stats.total) } };
}

} // namespace cropwise
