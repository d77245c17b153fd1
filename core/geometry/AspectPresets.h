#pragma once

// The aspect-ratio choices offered by the UI (combo box, CLI --aspect names).

#include "core/geometry/AspectRatio.h"
#include "core/geometry/Rect.h"

#include <QList>
#include <QString>

#include <optional>

namespace cropwise {

struct AspectPreset
{
    enum class Kind {
        Free, // no ratio; ratio is unused
        Original, // the image's own ratio in small terms (AspectRatio::approximate); ratio is unused
        Fixed, // ratio
    };
    QString name; // user-visible, translated through QCoreApplication::translate("AspectPresets", ...)
    Kind kind = Kind::Free;
    AspectRatio ratio;
    friend bool operator==(const AspectPreset &, const AspectPreset &) = default;
};

// In UI order: Free, Original, 1:1, 4:5, 5:4, 3:2, 2:3, 4:3, 3:4, 16:9, 9:16.
// Fixed presets are named after their ratio ("4:5" == ratio.toString()).
QList<AspectPreset> aspectPresets();

// The ratio to lock for a preset on an image of the given size (image pixels after EXIF orientation):
// Free -> nullopt, Original -> AspectRatio::approximate(imageSize), Fixed -> preset.ratio.
std::optional<AspectRatio> resolvedRatio(const AspectPreset &preset, Size imageSize);

} // namespace cropwise
