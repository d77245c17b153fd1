#pragma once

// What a press on the crop grabbed: a corner, an edge, the inside (Move) or nothing.

namespace cropwise {

enum class Handle { None, Move, TopLeft, Top, TopRight, Right, BottomRight, Bottom, BottomLeft, Left };

constexpr bool isCorner(Handle h)
{
    return h == Handle::TopLeft || h == Handle::TopRight || h == Handle::BottomRight
        || h == Handle::BottomLeft;
}
constexpr bool isEdge(Handle h)
{
    return h == Handle::Top || h == Handle::Right || h == Handle::Bottom || h == Handle::Left;
}

// Horizontal role of a handle: -1 moves the left edge, +1 the right edge, 0 neither.
constexpr int horizontalSide(Handle h)
{
    switch (h) {
    case Handle::TopLeft:
    case Handle::Left:
    case Handle::BottomLeft:
        return -1;
    case Handle::TopRight:
    case Handle::Right:
    case Handle::BottomRight:
        return 1;
    default:
        return 0;
    }
}

// Vertical role of a handle: -1 moves the top edge, +1 the bottom edge, 0 neither.
constexpr int verticalSide(Handle h)
{
    switch (h) {
    case Handle::TopLeft:
    case Handle::Top:
    case Handle::TopRight:
        return -1;
    case Handle::BottomLeft:
    case Handle::Bottom:
    case Handle::BottomRight:
        return 1;
    default:
        return 0;
    }
}

} // namespace cropwise
