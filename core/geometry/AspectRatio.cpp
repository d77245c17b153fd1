#include "core/geometry/AspectRatio.h"

#include <QRegularExpression>

#include <algorithm>
#include <limits>

namespace cropwise {

namespace {

// Symmetric relative deviation of p:q from w:h (0 when equal), so portrait and landscape agree.
double deviation(int p, int q, Size size)
{
    const double a = double(p) * size.height;
    const double b = double(q) * size.width;
    return std::max(a / b, b / a) - 1.0;
}

} // namespace

std::optional<AspectRatio> AspectRatio::parse(const QString &text)
{
    static const QRegularExpression pattern(QStringLiteral(R"(^\s*(\d{1,6})\s*[:/xX]\s*(\d{1,6})\s*$)"));
    const auto match = pattern.match(text);
    if (!match.hasMatch())
        return std::nullopt;
    return make(match.captured(1).toInt(), match.captured(2).toInt());
}

AspectRatio AspectRatio::approximate(Size size)
{
    if (size.isEmpty())
        return {};
    const AspectRatio exact = *make(size.width, size.height);
    if (exact.num <= maxApproximationTerm && exact.den <= maxApproximationTerm)
        return exact;

    // Walk the candidates by increasing largest term: the first term bound with a candidate inside
    // the tolerance wins (its closest one); otherwise remember the closest of all.
    AspectRatio closest;
    double closestDeviation = std::numeric_limits<double>::infinity();
    for (int m = 1; m <= maxApproximationTerm; ++m) {
        AspectRatio best;
        double bestDeviation = std::numeric_limits<double>::infinity();
        for (int other = 1; other <= m; ++other) {
            if (std::gcd(m, other) != 1)
                continue;
            for (const AspectRatio candidate : { AspectRatio { m, other }, AspectRatio { other, m } }) {
                const double d = deviation(candidate.num, candidate.den, size);
                if (d < bestDeviation) {
                    bestDeviation = d;
                    best = candidate;
                }
            }
        }
        if (bestDeviation <= approximationTolerance)
            return best;
        if (bestDeviation < closestDeviation) {
            closestDeviation = bestDeviation;
            closest = best;
        }
    }
    return closest;
}

} // namespace cropwise
