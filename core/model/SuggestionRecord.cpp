#include "core/model/SuggestionRecord.h"

namespace cropwise {

QString aspectOrFreeName(const std::optional<AspectRatio> &aspect)
{
    return aspect ? aspect->toString() : QStringLiteral("free");
}

std::optional<AspectRatio> parseAspectOrFree(const QString &text, bool *ok)
{
    if (text == QLatin1String("free")) {
        *ok = true;
        return std::nullopt;
    }
    const std::optional<AspectRatio> aspect = AspectRatio::parse(text);
    *ok = aspect.has_value();
    return aspect;
}

} // namespace cropwise
