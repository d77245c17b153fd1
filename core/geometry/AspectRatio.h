#pragma once

// An aspect ratio num:den (width:height) in lowest terms, both positive.
// "Free" (no ratio) is std::optional<AspectRatio> without a value.
// A size w x h has the ratio exactly when w * den == h * num (integer test, see matches()).

#include "core/geometry/Rect.h"

#include <QString>

#include <numeric>
#include <optional>

namespace cropwise {

struct AspectRatio {
    int num = 1; // width term
    int den = 1; // height term

    // Reduced by the gcd; nullopt unless both terms are positive.
    static std::optional<AspectRatio> make(int num, int den)
    {
        if (num <= 0 || den <= 0)
            return std::nullopt;
        const int g = std::gcd(num, den);
        return AspectRatio{num / g, den / g};
    }
    // Parses "a:b" (also "a/b", "a x b"); nullopt when malformed or not positive.
    static std::optional<AspectRatio> parse(const QString &text);

    // The "Original" ratio of an image, in small terms (documented in docs/geometry.md):
    //  1. the exact reduced ratio w:h when both terms are <= maxApproximationTerm (1920x1080 -> 16:9);
    //  2. otherwise the ratio p:q (p, q <= maxApproximationTerm, lowest terms) with the smallest
    //     max(p, q) whose relative deviation from w/h is <= approximationTolerance (0.5 %), ties broken
    //     by the smaller deviation (4000x2667 -> 3:2, 451x300 -> 3:2);
    //  3. otherwise the closest ratio with terms <= maxApproximationTerm (40000x1000 -> 32:1).
    // The deviation is max(p*h / (q*w), q*w / (p*h)) - 1, symmetric, so approximate({h, w}) is
    // approximate({w, h}).swapped(). An empty size gives 1:1.
    // Why: the exact reduced ratio of a camera size (4000:2667) has only one exact crop, the whole
    // image, so locking it would make every handle useless.
    static AspectRatio approximate(Size size);
    static constexpr int maxApproximationTerm = 32;
    static constexpr double approximationTolerance = 0.005;

    // True when a w x h size has this ratio exactly (w * den == h * num, no rounding).
    constexpr bool matches(Size s) const { return qint64(s.width) * den == qint64(s.height) * num; }

    double value() const { return double(num) / double(den); }
    AspectRatio swapped() const { return {den, num}; }
    QString toString() const { return QStringLiteral("%1:%2").arg(num).arg(den); }
    friend bool operator==(AspectRatio, AspectRatio) = default;
};

} // namespace cropwise
