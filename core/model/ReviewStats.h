#pragma once

// Review metrics: how the suggestions of each suggester version fared with the people reviewing
// them. Pure function over image states (from sidecars or open documents); the JSON form is the
// contract of `cropwise-cli review-stats` (docs/review.md).

#include "core/model/ImageState.h"

#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>

#include <optional>

namespace cropwise {

struct ReviewCounts
{
    int accepted = 0;
    int edited = 0;
    int rejected = 0;
    int pending = 0; // still Suggested
    // Sum of IoU(suggested rect, final rect) over accepted (each 1.0) and edited crops.
    double iouSum = 0.0;
    double editedIouSum = 0.0; // the same over edited crops only

    int reviewed() const { return accepted + edited + rejected; }
    // Mean IoU between suggested and final crops over accepted + edited; nullopt when there are none.
    std::optional<double> meanIou() const;
    // The same over edited crops only: how far people moved the ones they fixed.
    std::optional<double> meanEditedIou() const;
    void add(const ReviewCounts &other);
    friend bool operator==(const ReviewCounts &, const ReviewCounts &) = default;
};

struct ReviewStats
{
    int images = 0; // states given
    int reviewedImages = 0; // images with at least one accepted, edited or rejected suggestion
    int pendingImages = 0; // images with at least one pending suggestion
    int manualCrops = 0; // crops drawn by hand (no suggestion behind them)
    // Per suggester version (CropReview::suggester; "unknown" when a review does not say).
    QMap<QString, ReviewCounts> versions;
    ReviewCounts total; // all versions together

    friend bool operator==(const ReviewStats &, const ReviewStats &) = default;
};

// The version key used for reviews that do not record their suggester.
inline constexpr auto kUnknownSuggester = "unknown";

// Statuses are taken as ReviewState.h reviewStatus() reads them (a moved "accepted" crop counts
// as edited).
ReviewStats computeReviewStats(const QList<ImageState> &states);

// The JSON object documented in docs/review.md:
// {"images", "reviewed_images", "pending_images", "manual_crops",
//  "versions": {"<version>": COUNTS}, "total": COUNTS}
// COUNTS = {"accepted", "edited", "rejected", "pending", "mean_iou", "mean_iou_edited"}; the means
// are rounded to 4 decimals, null when there is nothing to average.
QJsonObject reviewStatsToJson(const ReviewStats &stats);

} // namespace cropwise
