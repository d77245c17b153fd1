#include "core/model/Crop.h"

#include <QUuid>

namespace cropwise {

Crop Crop::create(
    const QString &name, const Rect &rect, std::optional<AspectRatio> aspect, const QString &label)
{
    return Crop { newId(), name, label, rect, aspect, {} };
}

QString Crop::newId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

} // namespace cropwise
