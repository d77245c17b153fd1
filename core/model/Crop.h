#pragma once

// One named crop of one image. Plain value; the single source of truth for a crop while the image
// is open is ImageDocument, on disk the sidecar (docs/sidecar.md).

#include "core/geometry/AspectRatio.h"
#include "core/geometry/Rect.h"
#include "core/model/CropReview.h"

#include <QJsonObject>
#include <QString>

#include <optional>

namespace cropwise {

struct Crop
{
    // Stable identity: survives renames, moves, undo/redo and save/load. A QUuid without braces.
    QString id;
    QString name; // shown in the panel, e.g. "Crop 1"; may be empty
    QString label; // training label, e.g. "face"; empty = none
    // Displayed-image pixels: after EXIF orientation AND after the user's own turn (UserTurn).
    // Edges at x and x + width. ImageDocument keeps it non-empty and inside the image.
    Rect rect;
    // The aspect lock the crop was made/edited with; nullopt = free. Metadata only: it is not
    // re-checked against rect (integer rects cannot always match a ratio exactly).
    std::optional<AspectRatio> aspect;
    // Members of this crop's JSON object that this version of Cropwise does not know (written by a
    // newer version). Kept and written back verbatim; see docs/sidecar.md ("Unknown fields").
    QJsonObject extraFields;
    // Set when the crop came from an automatic suggestion: the original suggestion and the user's
    // decision (CropReview.h; rules in ReviewState.h). nullopt = drawn by hand (ReviewStatus::Manual).
    std::optional<CropReview> review = std::nullopt;

    // A crop with a fresh id.
    static Crop create(const QString &name, const Rect &rect,
        std::optional<AspectRatio> aspect = std::nullopt, const QString &label = {});
    static QString newId(); // QUuid::createUuid() without braces

    friend bool operator==(const Crop &, const Crop &) = default;
};

} // namespace cropwise
