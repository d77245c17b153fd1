#pragma once

// Metatypes and QTest printing for the geometry value types, shared by tests/core/geometry only.

#include "core/geometry/AspectRatio.h"
#include "core/geometry/CropConstraints.h"
#include "core/geometry/GeometryF.h"
#include "core/geometry/Handle.h"
#include "core/geometry/ImageTurn.h"
#include "core/geometry/Rect.h"

#include <QMetaType>
#include <QTest>

#include <optional>

namespace cropwise {

inline char *toString(const Rect &r)
{
    return qstrdup(
        QStringLiteral("Rect{%1, %2, %3x%4}").arg(r.x).arg(r.y).arg(r.width).arg(r.height).toUtf8());
}
inline char *toString(Size s)
{
    return qstrdup(QStringLiteral("Size{%1x%2}").arg(s.width).arg(s.height).toUtf8());
}
inline char *toString(Point p)
{
    return qstrdup(QStringLiteral("Point{%1, %2}").arg(p.x).arg(p.y).toUtf8());
}
inline char *toString(PointF p)
{
    return qstrdup(QStringLiteral("PointF{%1, %2}").arg(p.x).arg(p.y).toUtf8());
}
inline char *toString(const RectF &r)
{
    return qstrdup(
        QStringLiteral("RectF{%1, %2, %3x%4}").arg(r.x).arg(r.y).arg(r.width).arg(r.height).toUtf8());
}
inline char *toString(AspectRatio a)
{
    return qstrdup(a.toString().toUtf8());
}
inline const char *handleName(Handle h)
{
    static const char *const names[] = { "None", "Move", "TopLeft", "Top", "TopRight", "Right", "BottomRight",
        "Bottom", "BottomLeft", "Left" };
    return names[int(h)];
}
inline char *toString(Handle h)
{
    return qstrdup(handleName(h));
}

} // namespace cropwise

Q_DECLARE_METATYPE(cropwise::Rect)
Q_DECLARE_METATYPE(cropwise::Size)
Q_DECLARE_METATYPE(cropwise::Point)
Q_DECLARE_METATYPE(cropwise::PointF)
Q_DECLARE_METATYPE(cropwise::RectF)
Q_DECLARE_METATYPE(cropwise::AspectRatio)
Q_DECLARE_METATYPE(std::optional<cropwise::AspectRatio>)
Q_DECLARE_METATYPE(cropwise::Handle)
Q_DECLARE_METATYPE(cropwise::ResizeMode)
Q_DECLARE_METATYPE(cropwise::Turn)
