#include "core/geometry/AspectPresets.h"

#include <QCoreApplication>

namespace cropwise {

QList<AspectPreset> aspectPresets()
{
    QList<AspectPreset> presets {
        { QCoreApplication::translate("AspectPresets", "Free"), AspectPreset::Kind::Free, {} },
        { QCoreApplication::translate("AspectPresets", "Original"), AspectPreset::Kind::Original, {} },
    };
    const AspectRatio fixed[]
        = { { 1, 1 }, { 4, 5 }, { 5, 4 }, { 3, 2 }, { 2, 3 }, { 4, 3 }, { 3, 4 }, { 16, 9 }, { 9, 16 } };
    for (const AspectRatio r : fixed)
        presets.append({ r.toString(), AspectPreset::Kind::Fixed, r });
    return presets;
}

std::optional<AspectRatio> resolvedRatio(const AspectPreset &preset, Size imageSize)
{
    switch (preset.kind) {
    case AspectPreset::Kind::Free:
        return std::nullopt;
    case AspectPreset::Kind::Original:
        return AspectRatio::approximate(imageSize);
    case AspectPreset::Kind::Fixed:
        return preset.ratio;
    }
    return std::nullopt;
}

} // namespace cropwise
