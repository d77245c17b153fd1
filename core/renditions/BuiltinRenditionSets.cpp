#include "core/renditions/BuiltinRenditionSets.h"

namespace cropwise {

namespace {

// Keep each text byte-identical to resources/presets/<name>.json (BuiltinRenditionSetsTest checks).
const char kSocialJson[] = R"json({
    "version": 1,
    "name": "social",
    "description": "Feeds and stories of the big social networks: square, portrait 4:5, landscape 16:9, story 9:16",
    "renditions": [
        { "name": "square", "aspect": "1:1", "size": "1080x1080", "format": "jpeg", "quality": 90, "fileName": "{stem}_{rendition}" },
        { "name": "portrait", "aspect": "4:5", "size": "1080x1350", "format": "jpeg", "quality": 90, "fileName": "{stem}_{rendition}" },
        { "name": "landscape", "aspect": "16:9", "size": "1920x1080", "format": "jpeg", "quality": 90, "fileName": "{stem}_{rendition}" },
        { "name": "story", "aspect": "9:16", "size": "1080x1920", "format": "jpeg", "quality": 90, "fileName": "{stem}_{rendition}" }
    ]
}
)json";

const char kWebJson[] = R"json({
    "version": 1,
    "name": "web",
    "description": "A web site: full-width hero, content image, card, square thumbnail (WebP) and the Open Graph link preview (JPEG)",
    "renditions": [
        { "name": "hero", "aspect": "16:9", "size": "2560x1440", "format": "webp", "quality": 82, "fileName": "{stem}-{rendition}-{w}x{h}" },
        { "name": "content", "aspect": "original", "size": 1600, "format": "webp", "quality": 82, "fileName": "{stem}-{rendition}-{w}x{h}" },
        { "name": "card", "aspect": "3:2", "size": "1200x800", "format": "webp", "quality": 82, "fileName": "{stem}-{rendition}-{w}x{h}" },
        { "name": "thumb", "aspect": "1:1", "size": "400x400", "format": "webp", "quality": 80, "fileName": "{stem}-{rendition}-{w}x{h}" },
        { "name": "og", "aspect": "40:21", "size": "1200x630", "format": "jpeg", "quality": 88, "fileName": "{stem}-{rendition}-{w}x{h}" }
    ]
}
)json";

const char kPrintJson[] = R"json({
    "version": 1,
    "name": "print",
    "description": "Photo prints at 300 dpi: 6x4 in (10x15 cm), 7x5 in, 10x8 in (JPEG quality 95) and A4 (TIFF, lossless)",
    "renditions": [
        { "name": "6x4", "aspect": "3:2", "size": "1800x1200", "format": "jpeg", "quality": 95, "fileName": "{stem}_print-{rendition}" },
        { "name": "7x5", "aspect": "7:5", "size": "2100x1500", "format": "jpeg", "quality": 95, "fileName": "{stem}_print-{rendition}" },
        { "name": "10x8", "aspect": "5:4", "size": "3000x2400", "format": "jpeg", "quality": 95, "fileName": "{stem}_print-{rendition}" },
        { "name": "a4", "aspect": "99:70", "size": "3508x2480", "format": "tiff", "quality": 100, "fileName": "{stem}_print-{rendition}" }
    ]
}
)json";

} // namespace

QStringList builtinRenditionSetNames()
{
    return { QStringLiteral("social"), QStringLiteral("web"), QStringLiteral("print") };
}

QByteArray builtinRenditionSetJson(const QString &name)
{
    if (name == QLatin1String("social"))
        return QByteArray(kSocialJson);
    if (name == QLatin1String("web"))
        return QByteArray(kWebJson);
    if (name == QLatin1String("print"))
        return QByteArray(kPrintJson);
    return {};
}

QList<RenditionSet> builtinRenditionSets()
{
    QList<RenditionSet> sets;
    for (const QString &name : builtinRenditionSetNames()) {
        const RenditionSetParseResult parsed
            = parseRenditionSet(builtinRenditionSetJson(name), QStringLiteral("built-in set %1").arg(name));
        if (parsed.ok())
            sets.append(parsed.set);
    }
    return sets;
}

} // namespace cropwise
