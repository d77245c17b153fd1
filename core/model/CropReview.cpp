#include "core/model/CropReview.h"

namespace cropwise {

QString reviewStatusName(ReviewStatus status)
{
    switch (status) {
    case ReviewStatus::Suggested:
        return QStringLiteral("suggested");
    case ReviewStatus::Accepted:
        return QStringLiteral("accepted");
    case ReviewStatus::Edited:
        return QStringLiteral("edited");
    case ReviewStatus::Rejected:
        return QStringLiteral("rejected");
    case ReviewStatus::Manual:
        return QStringLiteral("manual");
    }
    return {};
}

std::optional<ReviewStatus> parseReviewStatus(const QString &name)
{
    for (ReviewStatus s : { ReviewStatus::Suggested, ReviewStatus::Accepted, ReviewStatus::Edited,
             ReviewStatus::Rejected, ReviewStatus::Manual }) {
        if (name == reviewStatusName(s))
            return s;
    }
    return std::nullopt;
}

} // namespace cropwise
