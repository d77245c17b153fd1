#pragma once

// The review state of a crop that came from an automatic suggestion: what the suggester proposed
// (rect, aspect, score, reasons, which alternative, which suggester version) and what the user
// decided. Plain value stored in Crop::review and in the sidecar ("review" member of a crop,
// docs/sidecar.md and docs/review.md). The transition rules live in ReviewState.h.

#include "core/geometry/AspectRatio.h"
#include "core/geometry/Rect.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <optional>

namespace cropwise {

enum class ReviewStatus {
    Suggested, // proposed by the suggester, not decided yet ("pending")
    Accepted, // kept exactly as suggested
    Edited, // moved or resized by the user; CropReview::suggested keeps the original
    Rejected, // the user said no: kept in the list (not exported) so the rejection is measured
    Manual, // drawn by hand, not from a suggestion: a crop WITHOUT a review. Never stored in a review.
};

// "suggested", "accepted", "edited", "rejected", "manual": the sidecar and JSON spelling.
QString reviewStatusName(ReviewStatus status);
// Inverse of reviewStatusName (exact, lower case); nullopt for anything else.
std::optional<ReviewStatus> parseReviewStatus(const QString &name);

struct CropReview
{
    // Never Manual (a manual crop has no review at all). Kept consistent with the crop's rect by
    // ReviewState.h's rules: Suggested and Accepted imply rect == suggested.
    ReviewStatus status = ReviewStatus::Suggested;
    // The rect as the suggester proposed it, in the same displayed pixels as Crop::rect (it turns
    // with the crop when the user turns the image). Not required to lie inside the image.
    Rect suggested;
    std::optional<AspectRatio> aspect; // the aspect it was suggested for; nullopt = free
    double score = 0.0; // the suggester's score in [0, 1]; higher = more confident
    QStringList reasons; // the suggester's short human-readable reasons
    QString suggester; // suggester version that made it, e.g. "cropwise-suggest/1"; may be empty
    int alternative = 0; // 0 = the best suggestion of its aspect, k = the k-th alternative
    // Members of the "review" object this version does not know: kept and written back verbatim.
    QJsonObject extraFields;

    friend bool operator==(const CropReview &, const CropReview &) = default;
};

} // namespace cropwise
