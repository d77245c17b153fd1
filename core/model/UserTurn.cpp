#include "core/model/UserTurn.h"

namespace cropwise {

namespace {

// Orientation value of "mirror horizontally (if mirrored), then rotate clockwise q quarter turns",
// indexed [mirrored][q]; matches the table in core/geometry/ImageTurn.h.
constexpr int kOrientation[2][4] = { { 1, 6, 3, 8 }, { 2, 7, 4, 5 } };

} // namespace

std::optional<UserTurn> UserTurn::fromParts(int clockwiseDegrees, Mirror mirror)
{
    if (clockwiseDegrees < 0 || clockwiseDegrees > 270 || clockwiseDegrees % 90 != 0)
        return std::nullopt;
    UserTurn t;
    t.m_quarterTurns = clockwiseDegrees / 90;
    t.m_mirrored = mirror == Mirror::Yes;
    return t;
}

UserTurn UserTurn::then(Turn turn) const
{
    // The transform is R^q * M^m (mirror applied first). A reflection H conjugates a rotation into
    // its inverse (H R = R^-1 H), so H R^q M^m = R^-q M^(m+1); a vertical flip is R^2 H.
    UserTurn t = *this;
    switch (turn) {
    case Turn::RotateClockwise:
        t.m_quarterTurns = (m_quarterTurns + 1) % 4;
        break;
    case Turn::RotateCounterClockwise:
        t.m_quarterTurns = (m_quarterTurns + 3) % 4;
        break;
    case Turn::FlipHorizontal:
        t.m_quarterTurns = (4 - m_quarterTurns) % 4;
        t.m_mirrored = !m_mirrored;
        break;
    case Turn::FlipVertical:
        t.m_quarterTurns = (6 - m_quarterTurns) % 4;
        t.m_mirrored = !m_mirrored;
        break;
    }
    return t;
}

int UserTurn::toOrientation() const
{
    return kOrientation[m_mirrored ? 1 : 0][m_quarterTurns];
}

UserTurn UserTurn::fromOrientation(int orientation)
{
    for (int m = 0; m < 2; ++m) {
        for (int q = 0; q < 4; ++q) {
            if (kOrientation[m][q] == orientation) {
                UserTurn t;
                t.m_quarterTurns = q;
                t.m_mirrored = m == 1;
                return t;
            }
        }
    }
    return {};
}

QList<Turn> UserTurn::steps() const
{
    QList<Turn> result;
    if (m_mirrored)
        result.append(Turn::FlipHorizontal);
    for (int i = 0; i < m_quarterTurns; ++i)
        result.append(Turn::RotateClockwise);
    return result;
}

Size UserTurn::apply(Size orientedSize) const
{
    return m_quarterTurns % 2 == 1 ? Size { orientedSize.height, orientedSize.width } : orientedSize;
}

Rect UserTurn::apply(const Rect &rectInOriented, Size orientedSize) const
{
    Rect r = rectInOriented;
    Size s = orientedSize;
    for (Turn step : steps()) {
        r = turnRect(r, s, step);
        s = turnedSize(s, step);
    }
    return r;
}

} // namespace cropwise
