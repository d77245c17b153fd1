#pragma once

// The user's own rotation/flip of an image, on top of its EXIF orientation (which the decoder
// already applies). One of the 8 combinations of quarter turns and a mirror, stored as
// "mirror horizontally first (if mirrored), then rotate clockwise by clockwiseDegrees()".
// The export replays steps() on the decoded pixels, so crops (stored in turned coordinates) land
// on the right pixels. Plain value.

#include "core/geometry/ImageTurn.h"
#include "core/geometry/Rect.h"

#include <QList>

#include <optional>

namespace cropwise {

class UserTurn
{
public:
    enum class Mirror { No, Yes };

    constexpr UserTurn() = default;
    // nullopt unless degrees is 0, 90, 180 or 270.
    static std::optional<UserTurn> fromParts(int clockwiseDegrees, Mirror mirror);

    int clockwiseDegrees() const { return m_quarterTurns * 90; } // 0, 90, 180, 270
    bool isMirrored() const { return m_mirrored; }
    bool isIdentity() const { return m_quarterTurns == 0 && !m_mirrored; }

    // This turn followed by `turn` (what ImageDocument::applyTurn records). Undo with
    // then(inverse(turn)) (core/geometry/ImageTurn.h).
    UserTurn then(Turn turn) const;

    // The same transform as an EXIF-style orientation value 1..8 (see core/geometry/ImageTurn.h),
    // for code that maps pixels by orientation (rawToOriented() with the oriented size as "raw").
    int toOrientation() const;
    static UserTurn fromOrientation(int orientation); // values outside 1..8 give the identity

    // To replay on pixels or rects in order: FlipHorizontal if mirrored, then RotateClockwise
    // clockwiseDegrees()/90 times. Empty for the identity.
    QList<Turn> steps() const;
    // Size / rect of the EXIF-oriented image (orientedSize) after this turn.
    Size apply(Size orientedSize) const;
    Rect apply(const Rect &rectInOriented, Size orientedSize) const;

    friend bool operator==(const UserTurn &, const UserTurn &) = default;

private:
    int m_quarterTurns = 0; // clockwise, 0..3
    bool m_mirrored = false;
};

} // namespace cropwise
