#pragma once

// Everything Cropwise remembers about one image, as plain data: what the sidecar stores and what
// ImageDocument exports/imports (state()/setState()). Later features (review state of suggested
// crops, verified-by, renditions...) add members here and in the sidecar without a format break.

#include "core/model/Crop.h"
#include "core/model/MustIncludeRegion.h"
#include "core/model/SuggestionCache.h"
#include "core/model/UserTurn.h"

#include <QJsonObject>
#include <QList>

namespace cropwise {

struct ImageState
{
    QList<Crop> crops; // in panel order
    UserTurn userTurn; // the user's rotate/flip on top of EXIF orientation
    bool verified = false;
    // Top-level sidecar members this version does not know (written by a newer version): kept and
    // written back verbatim. See docs/sidecar.md ("Unknown fields").
    QJsonObject extraFields;
    // Regions every suggested crop must keep whole (user boxes, pinned faces), in displayed pixels.
    QList<MustIncludeRegion> mustInclude = {};
    // The suggester's last output for this image (a cache; see SuggestionCache.h for when it is
    // still valid). nullopt = never suggested.
    std::optional<SuggestionCache> suggestions = std::nullopt;

    // Nothing worth a sidecar: no crops, no turn, not verified, nothing unknown to carry along, no
    // must-include regions, no cached suggestions.
    bool isDefault() const
    {
        return crops.isEmpty() && userTurn.isIdentity() && !verified && extraFields.isEmpty()
            && mustInclude.isEmpty() && !suggestions;
    }
    friend bool operator==(const ImageState &, const ImageState &) = default;
};

} // namespace cropwise
