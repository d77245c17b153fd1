#include "core/geometry/ImageTurn.h"

namespace cropwise {

namespace {

// Each orientation as "transpose (x,y)->(y,x) if asked, then mirror x, then mirror y" in the
// resulting frame. As a matrix on centred coordinates (y down) that is
// transpose ? [[0, fx], [fy, 0]] : [[fx, 0], [0, fy]], with f = -1 for a mirror.
struct Symmetry
{
    bool transpose;
    int fx;
    int fy;
};

constexpr Symmetry symmetries[9] = {
    { false, 1, 1 }, // 0: invalid, treated as 1
    { false, 1, 1 }, { false, -1, 1 }, { false, -1, -1 }, { false, 1, -1 }, // 1..4
    { true, 1, 1 }, { true, -1, 1 }, { true, -1, -1 }, { true, 1, -1 }, // 5..8
};

struct Matrix
{
    int a, b, c, d; // (x, y) -> (a x + b y, c x + d y)
    friend bool operator==(const Matrix &, const Matrix &) = default;
};

int valid(int orientation)
{
    return orientation >= 1 && orientation <= 8 ? orientation : 1;
}

Matrix matrixOf(int orientation)
{
    const Symmetry s = symmetries[valid(orientation)];
    return s.transpose ? Matrix { 0, s.fx, s.fy, 0 } : Matrix { s.fx, 0, 0, s.fy };
}

Matrix operator*(const Matrix &l, const Matrix &r)
{
    return { l.a * r.a + l.b * r.c, l.a * r.b + l.b * r.d, l.c * r.a + l.d * r.c, l.c * r.b + l.d * r.d };
}

int orientationOf(const Matrix &m)
{
    for (int o = 1; o <= 8; ++o) {
        if (matrixOf(o) == m)
            return o;
    }
    return 1; // unreachable: the 8 matrices are closed under products and transposes
}

int orientationOf(Turn t)
{
    switch (t) {
    case Turn::RotateClockwise:
        return 6;
    case Turn::RotateCounterClockwise:
        return 8;
    case Turn::FlipHorizontal:
        return 2;
    case Turn::FlipVertical:
        return 4;
    }
    return 1;
}

Rect applyOrientation(Rect r, Size s, int orientation)
{
    const Symmetry sym = symmetries[valid(orientation)];
    if (sym.transpose) {
        r = { r.y, r.x, r.height, r.width };
        s = { s.height, s.width };
    }
    if (sym.fx < 0)
        r.x = s.width - (r.x + r.width);
    if (sym.fy < 0)
        r.y = s.height - (r.y + r.height);
    return r;
}

} // namespace

Turn inverse(Turn t)
{
    switch (t) {
    case Turn::RotateClockwise:
        return Turn::RotateCounterClockwise;
    case Turn::RotateCounterClockwise:
        return Turn::RotateClockwise;
    case Turn::FlipHorizontal:
    case Turn::FlipVertical:
        return t;
    }
    return t;
}

Size turnedSize(Size s, Turn t)
{
    return orientedSize(s, orientationOf(t));
}

Rect turnRect(const Rect &r, Size imageBefore, Turn t)
{
    return applyOrientation(r, imageBefore, orientationOf(t));
}

Size orientedSize(Size raw, int exifOrientation)
{
    return symmetries[valid(exifOrientation)].transpose ? Size { raw.height, raw.width } : raw;
}

Rect rawToOriented(const Rect &r, Size raw, int exifOrientation)
{
    return applyOrientation(r, raw, exifOrientation);
}

Rect orientedToRaw(const Rect &r, Size raw, int exifOrientation)
{
    return applyOrientation(r, orientedSize(raw, exifOrientation), inverseOrientation(exifOrientation));
}

int composeOrientation(int exifOrientation, Turn t)
{
    return orientationOf(matrixOf(orientationOf(t)) * matrixOf(exifOrientation));
}

int inverseOrientation(int exifOrientation)
{
    const Matrix m = matrixOf(exifOrientation);
    return orientationOf(Matrix { m.a, m.c, m.b, m.d }); // orthogonal: the inverse is the transpose
}

} // namespace cropwise
