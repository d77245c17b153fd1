#include "core/model/MustIncludeRegion.h"

namespace cropwise {

QString mustIncludeKindName(MustIncludeRegion::Kind kind)
{
    switch (kind) {
    case MustIncludeRegion::Kind::Region:
        return QStringLiteral("region");
    case MustIncludeRegion::Kind::Face:
        return QStringLiteral("face");
    case MustIncludeRegion::Kind::NotFace:
        return QStringLiteral("notFace");
    }
    return {};
}

std::optional<MustIncludeRegion::Kind> parseMustIncludeKind(const QString &name)
{
    for (auto kind :
        { MustIncludeRegion::Kind::Region, MustIncludeRegion::Kind::Face, MustIncludeRegion::Kind::NotFace }) {
        if (name == mustIncludeKindName(kind))
            return kind;
    }
    return std::nullopt;
}

} // namespace cropwise
