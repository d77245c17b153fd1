#include "core/model/ReviewState.h"

#include <QSet>

#include <algorithm>

namespace cropwise {

ReviewStatus statusAfterEdit(ReviewStatus status)
{
    return status == ReviewStatus::Manual ? ReviewStatus::Manual : ReviewStatus::Edited;
}

ReviewStatus statusAfterAccept(ReviewStatus status)
{
    switch (status) {
    case ReviewStatus::Suggested:
    case ReviewStatus::Accepted:
    case ReviewStatus::Rejected:
        return ReviewStatus::Accepted;
    case ReviewStatus::Edited:
        return ReviewStatus::Edited;
    case ReviewStatus::Manual:
        return ReviewStatus::Manual;
    }
    return status;
}

ReviewStatus statusAfterReject(ReviewStatus status)
{
    return status == ReviewStatus::Manual ? ReviewStatus::Manual : ReviewStatus::Rejected;
}

ReviewStatus consistentStatus(ReviewStatus stored, const Rect &rect, const Rect &suggested)
{
    if ((stored == ReviewStatus::Suggested || stored == ReviewStatus::Accepted) && rect != suggested)
        return ReviewStatus::Edited;
    return stored;
}

ReviewStatus reviewStatus(const Crop &crop)
{
    if (!crop.review)
        return ReviewStatus::Manual;
    return consistentStatus(crop.review->status, crop.rect, crop.review->suggested);
}

QString suggestedCropName(const std::optional<AspectRatio> &aspect)
{
    return aspect ? aspect->toString() : QStringLiteral("Free");
}

Crop cropFromSuggestion(const SuggestionRecord &suggestion, const QString &suggester, const QString &name)
{
    Crop crop = Crop::create(name, suggestion.rect, suggestion.aspect);
    return cropWithSuggestion(crop, suggestion, suggester);
}

Crop cropWithSuggestion(const Crop &crop, const SuggestionRecord &suggestion, const QString &suggester)
{
    Crop out = crop;
    out.rect = suggestion.rect;
    out.aspect = suggestion.aspect;
    CropReview review;
    review.status = ReviewStatus::Suggested;
    review.suggested = suggestion.rect;
    review.aspect = suggestion.aspect;
    review.score = suggestion.score;
    review.reasons = suggestion.reasons;
    review.suggester = suggester;
    review.alternative = suggestion.alternative;
    out.review = review;
    return out;
}

Crop editedCrop(const Crop &crop, const Rect &rect)
{
    Crop out = crop;
    if (rect == crop.rect)
        return out;
    out.rect = rect;
    if (out.review)
        out.review->status = statusAfterEdit(reviewStatus(crop));
    return out;
}

Crop acceptedCrop(const Crop &crop)
{
    Crop out = crop;
    if (out.review)
        out.review->status
            = consistentStatus(statusAfterAccept(reviewStatus(crop)), crop.rect, crop.review->suggested);
    return out;
}

Crop rejectedCrop(const Crop &crop)
{
    Crop out = crop;
    if (out.review)
        out.review->status = statusAfterReject(reviewStatus(crop));
    return out;
}

Crop restoredCrop(const Crop &crop)
{
    Crop out = crop;
    if (out.review) {
        out.rect = out.review->suggested;
        out.review->status = ReviewStatus::Suggested;
    }
    return out;
}

bool isFinalCrop(const Crop &crop)
{
    const ReviewStatus s = reviewStatus(crop);
    return s == ReviewStatus::Manual || s == ReviewStatus::Accepted || s == ReviewStatus::Edited;
}

bool needsReview(const ImageState &state)
{
    return std::any_of(state.crops.cbegin(), state.crops.cend(),
        [](const Crop &c) { return reviewStatus(c) == ReviewStatus::Suggested; });
}

std::optional<double> lowestPendingScore(const ImageState &state)
{
    std::optional<double> lowest;
    for (const Crop &c : state.crops) {
        if (reviewStatus(c) == ReviewStatus::Suggested && (!lowest || c.review->score < *lowest))
            lowest = c.review->score;
    }
    return lowest;
}

QList<Crop> acceptedAllPending(const QList<Crop> &crops)
{
    QList<Crop> out;
    out.reserve(crops.size());
    for (const Crop &c : crops)
        out.append(reviewStatus(c) == ReviewStatus::Suggested ? acceptedCrop(c) : c);
    return out;
}

std::optional<ImageState> withSuggestions(const ImageState &state, const SuggestionCache &cache)
{
    if (cache.key.userTurn != state.userTurn || cache.key.mustInclude != state.mustInclude)
        return std::nullopt;

    // Aspects the user already decided about (by accepting, editing or rejecting a suggestion of
    // that aspect) get no new proposal: re-proposing them would undo the decision.
    QList<std::optional<AspectRatio>> decided;
    for (const Crop &c : state.crops) {
        const ReviewStatus s = reviewStatus(c);
        if (s == ReviewStatus::Accepted || s == ReviewStatus::Edited || s == ReviewStatus::Rejected)
            decided.append(c.review->aspect);
    }
    QList<const SuggestionRecord *> toPlace; // the best suggestion of each aspect still open
    for (const AspectSuggestionRecords &a : cache.aspects) {
        if (!a.suggestions.isEmpty() && !decided.contains(a.aspect))
            toPlace.append(&a.suggestions.first());
    }

    ImageState out = state;
    out.suggestions = cache;
    out.crops.clear();
    for (const Crop &c : state.crops) {
        if (reviewStatus(c) != ReviewStatus::Suggested) {
            out.crops.append(c);
            continue;
        }
        const auto match = std::find_if(toPlace.begin(), toPlace.end(),
            [&](const SuggestionRecord *s) { return s->aspect == c.review->aspect; });
        if (match == toPlace.end())
            continue; // no new proposal of this aspect: the stale one goes
        out.crops.append(cropWithSuggestion(c, **match, cache.key.suggester));
        toPlace.erase(match);
    }
    for (const SuggestionRecord *s : toPlace)
        out.crops.append(cropFromSuggestion(*s, cache.key.suggester, suggestedCropName(s->aspect)));
    return out;
}

} // namespace cropwise
