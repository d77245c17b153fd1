#include "core/annotations/BoxTransform.h"

#include <algorithm>
#include <cmath>

namespace cropwise {

namespace {

struct PointD
{
    double x;
    double y;
};

// Where point p of an image of size (w, h) goes under EXIF orientation o (see ImageTurn.h).
PointD orientPoint(PointD p, double w, double h, int o)
{
    switch (o) {
    case 2:
        return { w - p.x, p.y }; // mirror horizontal
    case 3:
        return { w - p.x, h - p.y }; // rotate 180
    case 4:
        return { p.x, h - p.y }; // mirror vertical
    case 5:
        return { p.y, p.x }; // transpose
    case 6:
        return { h - p.y, p.x }; // rotate 90 CW: the left column becomes the top row
    case 7:
        return { h - p.y, w - p.x }; // transverse
    case 8:
        return { p.y, w - p.x }; // rotate 270 CW
    default:
        return p;
    }
}

int inverseOf(int o)
{
    // 6 and 8 undo each other; mirrors, 180 and the transposes undo themselves.
    return o == 6 ? 8 : o == 8 ? 6 : o;
}

} // namespace

std::optional<ObjectBox> boxIntoCrop(
    const ObjectBox &box, const Rect &crop, Size outputSize, double minVisibility)
{
    if (crop.isEmpty() || outputSize.isEmpty() || box.box.isEmpty())
        return std::nullopt;
    const double threshold
        = std::clamp(std::isnan(minVisibility) ? kDefaultMinVisibility : minVisibility, 0.0, 1.0);
    const BoxF visible = box.box.intersected(BoxF::fromRect(crop));
    if (visible.isEmpty())
        return std::nullopt;
    const double visibility = visible.area() / box.box.area();
    // A relative tolerance so a box cut exactly at the threshold (0.5 of 10 px) is not dropped by
    // the last bit of a division.
    if (visibility < threshold * (1.0 - 1e-12))
        return std::nullopt;

    const double sx = double(outputSize.width) / double(crop.width);
    const double sy = double(outputSize.height) / double(crop.height);
    ObjectBox out = box;
    out.box = BoxF::fromEdges((visible.x - crop.x) * sx, (visible.y - crop.y) * sy,
        (visible.rightEdge() - crop.x) * sx, (visible.bottomEdge() - crop.y) * sy);
    // Snap edges that are meant to be on the output border onto it exactly (scaling can leave
    // 1e-13 over, which YOLO checkers reject as > 1.0).
    out.box.width = std::min(out.box.width, double(outputSize.width) - out.box.x);
    out.box.height = std::min(out.box.height, double(outputSize.height) - out.box.y);
    out.truncated = box.truncated || visible != box.box;
    return out;
}

BoxF orientBox(const BoxF &box, Size before, int orientation)
{
    const double w = before.width;
    const double h = before.height;
    const PointD a = orientPoint({ box.x, box.y }, w, h, orientation);
    const PointD b = orientPoint({ box.rightEdge(), box.bottomEdge() }, w, h, orientation);
    return BoxF::fromEdges(std::min(a.x, b.x), std::min(a.y, b.y), std::max(a.x, b.x), std::max(a.y, b.y));
}

BoxF unorientBox(const BoxF &box, Size raw, int orientation)
{
    const bool swaps = orientation >= 5 && orientation <= 8;
    const Size oriented = swaps ? Size { raw.height, raw.width } : raw;
    return orientBox(box, oriented, inverseOf(orientation));
}

ObjectBox turnedBox(const ObjectBox &box, Size orientedSize, const UserTurn &turn)
{
    ObjectBox out = box;
    out.box = orientBox(box.box, orientedSize, turn.toOrientation());
    return out;
}

std::optional<ObjectBox> clipToImage(const ObjectBox &box, Size size)
{
    if (size.isEmpty())
        return std::nullopt;
    const BoxF visible = box.box.intersected(BoxF::fromSize(size));
    if (visible.isEmpty())
        return std::nullopt;
    ObjectBox out = box;
    out.box = visible;
    out.truncated = box.truncated || visible != box.box;
    return out;
}

} // namespace cropwise
