#pragma once

// The suggestion cache: the suggester's last output for an image, kept in its sidecar
// (ImageState::suggestions, sidecar member "suggestions"; docs/review.md) so reopening a folder
// does not recompute. An entry is reused only while its key matches what would be computed now:
// the same file content (SHA-256 of the file's bytes), the same suggester version, the same aspects
// in the same order, the same must-include regions, the same user turn (rects are in displayed
// pixels, which a turn changes), and at least as many alternatives per aspect.
//
// Plain values; computing keys (hashing files) is core/jobs' business (SuggestJob.h).

#include "core/geometry/AspectRatio.h"
#include "core/model/MustIncludeRegion.h"
#include "core/model/SuggestionRecord.h"
#include "core/model/UserTurn.h"

#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

namespace cropwise {

struct SuggestionCacheKey
{
    QString contentSha256; // lower-case hex SHA-256 of the image file's bytes (64 characters)
    QString suggester; // suggester version, e.g. "cropwise-suggest/1"
    QList<std::optional<AspectRatio>> aspects; // as requested, in order; nullopt = free
    QList<MustIncludeRegion> mustInclude; // as stored in ImageState::mustInclude, in order
    UserTurn userTurn; // the turn the rects are expressed in
    int top = 1; // suggestions kept per aspect: the best + up to top - 1 alternatives

    friend bool operator==(const SuggestionCacheKey &, const SuggestionCacheKey &) = default;
};

// True when an entry stored under `stored` answers a request for `wanted`: every member equal,
// except that more stored alternatives than wanted are fine (stored.top >= wanted.top).
// An empty hash or version never matches (an entry of unknown origin is recomputed).
bool isCurrent(const SuggestionCacheKey &stored, const SuggestionCacheKey &wanted);

// Size and modification time of the image file when its hash was computed. When both still match,
// the job reuses the stored hash instead of reading the whole file again (like git's index):
// a folder of thousands of photos reopens without reading gigabytes. See SuggestJob.h
// (ContentCheck) for the opt-out.
struct FileStamp
{
    qint64 size = -1;
    QDateTime modified; // UTC, millisecond precision; invalid when unknown

    bool isValid() const { return size >= 0 && modified.isValid(); }
    friend bool operator==(const FileStamp &, const FileStamp &) = default;
};
// The file's current stamp (invalid when the file does not exist).
FileStamp fileStamp(const QString &path);

struct SuggestionCache
{
    SuggestionCacheKey key;
    FileStamp hashedFile; // the file's stamp when key.contentSha256 was computed
    QList<FaceRecord> faces; // best first
    QList<AspectSuggestionRecords> aspects; // one per key.aspects entry, same order
    ImportancePreview importance; // may be empty

    // The suggestions of `aspect`, or nullptr when that aspect was not requested.
    const AspectSuggestionRecords *forAspect(const std::optional<AspectRatio> &aspect) const;
    friend bool operator==(const SuggestionCache &, const SuggestionCache &) = default;
};

} // namespace cropwise
