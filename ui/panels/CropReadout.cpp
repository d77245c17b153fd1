#include "ui/panels/CropReadout.h"

#include <QCoreApplication>

namespace cropwise {

QString sizeText(Size size)
{
    return QCoreApplication::translate("CropReadout", "%1 × %2 px").arg(size.width).arg(size.height);
}

QString ratioText(Size size, std::optional<AspectRatio> lock)
{
    if (lock)
        return lock->toString();
    if (size.isEmpty())
        return QCoreApplication::translate("CropReadout", "free");
    const std::optional<AspectRatio> exact = AspectRatio::make(size.width, size.height);
    if (exact && exact->num <= AspectRatio::maxApproximationTerm
        && exact->den <= AspectRatio::maxApproximationTerm)
        return QCoreApplication::translate("CropReadout", "free (%1)").arg(exact->toString());
    return QCoreApplication::translate("CropReadout", "free (≈ %1)")
        .arg(AspectRatio::approximate(size).toString());
}

QString ratioDecimalText(Size size)
{
    if (size.isEmpty())
        return QString();
    return QString::number(double(size.width) / double(size.height), 'f', 3);
}

} // namespace cropwise
