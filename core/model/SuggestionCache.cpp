#include "core/model/SuggestionCache.h"

#include <QFileInfo>

namespace cropwise {

bool isCurrent(const SuggestionCacheKey &stored, const SuggestionCacheKey &wanted)
{
    if (stored.contentSha256.isEmpty() || stored.suggester.isEmpty())
        return false;
    return stored.contentSha256 == wanted.contentSha256 && stored.suggester == wanted.suggester
        && stored.aspects == wanted.aspects && stored.mustInclude == wanted.mustInclude
        && stored.userTurn == wanted.userTurn && stored.top >= wanted.top;
}

FileStamp fileStamp(const QString &path)
{
    const QFileInfo info(path);
    if (!info.exists() || !info.isFile())
        return {};
    // Milliseconds: what the sidecar can store (ISO 8601 with ms), so a stored stamp compares equal.
    QDateTime modified = info.lastModified().toUTC();
    modified = QDateTime::fromMSecsSinceEpoch(modified.toMSecsSinceEpoch(), Qt::UTC);
    return { info.size(), modified };
}

const AspectSuggestionRecords *SuggestionCache::forAspect(const std::optional<AspectRatio> &aspect) const
{
    for (const AspectSuggestionRecords &a : aspects) {
        if (a.aspect == aspect)
            return &a;
    }
    return nullptr;
}

} // namespace cropwise
