#pragma once

// A region of an image that every suggested crop must keep whole: a box the user drew, or a
// detected face the user pinned; or, the one correction of the other sign, a detection the user
// marked as not a face. Stored per image in ImageState::mustInclude (sidecar member "mustInclude",
// docs/sidecar.md) and part of the suggestion cache key (SuggestionCache.h), so any change
// recomputes the suggestions.

#include "core/geometry/Rect.h"

#include <QString>

#include <optional>

namespace cropwise {

struct MustIncludeRegion
{
    enum class Kind {
        Region, // a box drawn by the user: kept exactly
        Face, // a pinned face: rect is the face box; the suggester keeps its head box (hair, chin)
        NotFace, // a detection the user says is no face: the suggester ignores faces found there
    };
    Kind kind = Kind::Region;
    // Displayed pixels, like Crop::rect (after EXIF orientation and the user's turn; turns with the
    // image). ImageDocument keeps it non-empty and inside the image.
    Rect rect;

    friend bool operator==(const MustIncludeRegion &, const MustIncludeRegion &) = default;
};

// "region" / "face" (sidecar spelling) and back; nullopt for anything else.
QString mustIncludeKindName(MustIncludeRegion::Kind kind);
std::optional<MustIncludeRegion::Kind> parseMustIncludeKind(const QString &name);

} // namespace cropwise
