#pragma once

// JSON form of the review members of a sidecar (docs/sidecar.md, docs/review.md): a crop's
// "review" object, the image's "mustInclude" list and "suggestions" cache. Used by Sidecar.cpp;
// exposed for tests and tools. Readers never throw and never guess: what they cannot read they
// report, and the caller decides (the sidecar keeps an unreadable "review" verbatim).

#include "core/geometry/Rect.h"
#include "core/model/CropReview.h"
#include "core/model/MustIncludeRegion.h"
#include "core/model/SuggestionCache.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace cropwise {

QJsonArray rectToJson(const Rect &rect); // [x, y, width, height]
// nullopt unless an array of exactly four integers (empty rects are allowed here).
std::optional<Rect> rectFromJson(const QJsonValue &value);

QJsonObject cropReviewToJson(const CropReview &review);

struct CropReviewReadResult
{
    std::optional<CropReview> review; // set when readable
    // Why it is not: empty when the status is simply one this version does not know (a newer
    // version's: not an error, the caller keeps it verbatim); else a short reason.
    QString problem;
};
// cropRect: the crop's rect, to make the status consistent (ReviewState.h consistentStatus()).
CropReviewReadResult cropReviewFromJson(const QJsonValue &value, const Rect &cropRect);

QJsonArray mustIncludeToJson(const QList<MustIncludeRegion> &regions);
// Unreadable entries are left out with one sentence each in *warnings.
QList<MustIncludeRegion> mustIncludeFromJson(const QJsonValue &value, QStringList *warnings);

QJsonObject suggestionCacheToJson(const SuggestionCache &cache);
// nullopt (and *problem) when anything in it is unreadable: a cache is recomputed, not repaired.
std::optional<SuggestionCache> suggestionCacheFromJson(const QJsonValue &value, QString *problem);

} // namespace cropwise
