#pragma once

// A region of an image that every suggested crop must keep whole: a box the user drew, or a
// detected face the user pinned. Stored per image in ImageState::mustInclude (sidecar member
// "mustInclude", docs/sidecar.md) and part of the suggestion cache key (SuggestionCache.h).

#include "core/geometry/Rect.h"

#include <QString>

#include <optional>

namespace cropwise {

struct MustIncludeRegion
{
    enum class Kind {
        Region, // a box drawn by the user: kept exactly
        Face, // a pinned face: rect is the face box; the suggester keeps its head box (hair, chin)
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
