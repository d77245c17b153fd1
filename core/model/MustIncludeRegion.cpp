#include "core/model/MustIncludeRegion.h"

namespace cropwise {

QString mustIncludeKindName(MustIncludeRegion::Kind kind)
{
    switch (kind) {
    case MustIncludeRegion::Kind::Region:
        return QStringLiteral("region");
    case MustIncludeRegion::Kind::Face:
        return QStringLiteral("face");
    }
    return {};
}

std::optional<MustIncludeRegion::Kind> parseMustIncludeKind(const QString &name)
{
    for (auto kind : { MustIncludeRegion::Kind::Region, MustIncludeRegion::Kind::Face }) {
        if (name == mustIncludeKindName(kind))
            return kind;
    }
    return std::nullopt;
}

} // namespace cropwise
