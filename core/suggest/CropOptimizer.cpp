#include "core/suggest/CropOptimizer.h"

#include "core/geometry/AspectSolver.h"
#include "core/suggest/ImportanceMap.h"

#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>
#include <set>
#include <tuple>

namespace cropwise {

namespace {

constexpr double kSizeStep = 0.025; // coarse size grid, share of the largest crop's side
constexpr double kFreeSizeStep = 0.05; // the same per side for free crops (two sides: coarser)
constexpr int kPositionSteps = 17; // coarse positions per axis (plus constraint-critical ones)
constexpr int kMaxRefineIterations = 400;

bool better(const std::pair<double, Rect> &a, const std::pair<double, Rect> &b)
{
    if (a.first != b.first)
        return a.first > b.first;
    return std::tie(a.second.x, a.second.y, a.second.width, a.second.height)
        < std::tie(b.second.x, b.second.y, b.second.width, b.second.height);
}

Rect unite(const Rect &a, const Rect &b)
{
    if (a.isEmpty())
        return b;
    if (b.isEmpty())
        return a;
    return Rect::fromEdges(std::min(a.x, b.x), std::min(a.y, b.y), std::max(a.rightEdge(), b.rightEdge()),
        std::max(a.bottomEdge(), b.bottomEdge()));
}

QString percent(double share)
{
    return QString::number(int(std::lround(share * 100.0)));
}

// Everything needed to score and check rects of one problem and one aspect.
class Evaluator
{
public:
    Evaluator(const CropProblem &problem, std::optional<AspectRatio> aspect, const SuggestParams &params)
        : m_problem(problem)
        , m_aspect(aspect)
        , m_params(params)
    {
        const Size full = problem.fullSize;
        m_image = Rect::fromSize(full);
        cv::Mat map = problem.importance;
        if (map.empty()) // no map: every pixel matters the same
            map = cv::Mat(std::max(1, std::min(full.height, 64)), std::max(1, std::min(full.width, 64)),
                CV_32F, cv::Scalar(1.0));
        m_aw = map.cols;
        m_ah = map.rows;
        m_sx = double(m_aw) / full.width;
        m_sy = double(m_ah) / full.height;
        cv::Mat map64;
        map.convertTo(map64, CV_64F);
        const double total = cv::sum(map64)[0];
        if (total > 0.0)
            map64 /= total;
        // x- and y-weighted maps for the centre of mass, in full-size pixels.
        cv::Mat weightedX(map64.size(), CV_64F), weightedY(map64.size(), CV_64F);
        for (int y = 0; y < m_ah; ++y) {
            const double *m = map64.ptr<double>(y);
            double *wx = weightedX.ptr<double>(y);
            double *wy = weightedY.ptr<double>(y);
            for (int x = 0; x < m_aw; ++x) {
                wx[x] = m[x] * (x + 0.5) / m_sx;
                wy[x] = m[x] * (y + 0.5) / m_sy;
            }
        }
        cv::integral(map64, m_sum, CV_64F);
        cv::integral(weightedX, m_sumX, CV_64F);
        cv::integral(weightedY, m_sumY, CV_64F);
        m_strip = std::max(1, int(std::lround(0.015 * std::max(m_aw, m_ah))));

        m_largest = aspect ? largestSizeWithAspect(full, *aspect) : full;

        for (const Face &f : problem.faces) {
            const Rect head = keepBox(f.rect);
            if (head.isEmpty())
                continue;
            m_faces.push_back(f);
            m_heads.push_back(head);
            m_headUnion = unite(m_headUnion, head);
            m_faceTotal += f.score;
        }
        for (const Rect &r : problem.mustInclude)
            m_mustUnion = unite(m_mustUnion, r.intersected(m_image));
        m_keepAllFaces = !m_heads.empty() && m_headUnion.width <= m_largest.width
            && m_headUnion.height <= m_largest.height;
    }

    Rect keepBox(const Rect &face) const
    {
        return faceKeepBox(face, m_image.size(), m_largest, m_params.faceMargin);
    }

    Size largest() const { return m_largest; }
    Rect mustUnion() const { return m_mustUnion; }
    Rect headUnion() const { return m_headUnion; }
    const std::vector<Rect> &heads() const { return m_heads; }
    bool keepsAllFaces() const { return m_keepAllFaces; }
    void setKeepAllFaces(bool keep) { m_keepAllFaces = keep && !m_heads.empty(); }
    int mapLongSide() const { return std::max(m_aw, m_ah); }
    double fullPixelsPerMapPixel() const { return 1.0 / std::min(m_sx, m_sy); }

    bool feasible(const Rect &r) const
    {
        if (!m_image.contains(r) || r.isEmpty())
            return false;
        for (const Rect &m : m_problem.mustInclude) {
            if (!r.contains(m.intersected(m_image)))
                return false;
        }
        for (const Rect &h : m_heads) {
            const Rect inter = r.intersected(h);
            if (!inter.isEmpty() && inter != h)
                return false; // would cut a face
        }
        if (m_keepAllFaces && !r.contains(m_headUnion))
            return false;
        return true;
    }

    CropCriteria criteria(const Rect &r) const
    {
        CropCriteria c;
        const int ax0 = std::clamp(int(std::lround(r.x * m_sx)), 0, m_aw - 1);
        const int ay0 = std::clamp(int(std::lround(r.y * m_sy)), 0, m_ah - 1);
        const int ax1 = std::clamp(int(std::lround(r.rightEdge() * m_sx)), ax0 + 1, m_aw);
        const int ay1 = std::clamp(int(std::lround(r.bottomEdge() * m_sy)), ay0 + 1, m_ah);
        const double mass = sum(m_sum, ax0, ay0, ax1, ay1);
        c.keep = std::clamp(mass, 0.0, 1.0);

        const double imageArea = double(m_image.area());
        c.tight = std::clamp(1.0 - double(r.area()) / imageArea, 0.0, 1.0);

        // Edges should run through unimportant pixels: mean importance of a strip around each edge,
        // relative to the image's mean. Edges on the image border are judged the same way (by the
        // strip's inside half): otherwise sliding a crop against the border would always pay.
        const double meanDensity = 1.0 / (double(m_aw) * m_ah);
        double cutting = 0.0;
        auto stripRatio = [&](int x0, int y0, int x1, int y1) {
            x0 = std::clamp(x0, 0, m_aw);
            x1 = std::clamp(x1, 0, m_aw);
            y0 = std::clamp(y0, 0, m_ah);
            y1 = std::clamp(y1, 0, m_ah);
            const double area = double(x1 - x0) * (y1 - y0);
            if (area <= 0.0)
                return 0.0;
            return std::min(2.0, sum(m_sum, x0, y0, x1, y1) / area / meanDensity) / 2.0;
        };
        cutting += stripRatio(ax0 - m_strip, ay0, ax0 + m_strip, ay1);
        cutting += stripRatio(ax1 - m_strip, ay0, ax1 + m_strip, ay1);
        cutting += stripRatio(ax0, ay0 - m_strip, ax1, ay0 + m_strip);
        cutting += stripRatio(ax0, ay1 - m_strip, ax1, ay1 + m_strip);
        c.clean = 1.0 - cutting / 4.0;

        // Composition: where the importance's centre of mass sits in the crop.
        double thirds = 0.5;
        if (mass > 1e-12) {
            const double u = (sum(m_sumX, ax0, ay0, ax1, ay1) / mass - r.x) / r.width;
            const double v = (sum(m_sumY, ax0, ay0, ax1, ay1) / mass - r.y) / r.height;
            static const double points[5][2] = { { 0.5, 0.5 }, { 1.0 / 3, 1.0 / 3 }, { 2.0 / 3, 1.0 / 3 },
                { 1.0 / 3, 2.0 / 3 }, { 2.0 / 3, 2.0 / 3 } };
            double best = 1e9;
            for (const auto &p : points)
                best = std::min(best, (u - p[0]) * (u - p[0]) + (v - p[1]) * (v - p[1]));
            const double spread = std::max(1e-3, m_params.compositionSpread);
            thirds = std::exp(-best / (2.0 * spread * spread));
        }

        // Faces: kept share (by score) and headroom above the highest kept face.
        double keptWeight = 0.0;
        int highest = -1;
        for (size_t i = 0; i < m_heads.size(); ++i) {
            const Rect inter = r.intersected(m_heads[i]);
            if (inter == m_heads[i]) {
                ++c.facesKept;
                keptWeight += m_faces[i].score;
                if (highest < 0 || m_faces[i].rect.y < m_faces[size_t(highest)].rect.y)
                    highest = int(i);
            } else if (!inter.isEmpty()) {
                ++c.facesCut;
            }
        }
        c.faces = m_faceTotal > 0.0 ? keptWeight / m_faceTotal : 1.0;
        if (highest >= 0) {
            // Eyebrows (the face box's top) between 10 % and 45 % of the crop's height from its top.
            const double room = double(m_faces[size_t(highest)].rect.y - r.y) / r.height;
            double headroom = 1.0;
            if (room < 0.1)
                headroom = std::max(0.0, room / 0.1);
            else if (room > 0.45)
                headroom = std::max(0.0, 1.0 - (room - 0.45) / 0.35);
            c.composition = 0.5 * thirds + 0.5 * headroom;
        } else {
            c.composition = thirds;
        }

        // Size prior: people mostly keep most of the frame (FCDB's median crop keeps ~65 % of the area).
        const double tolerance = std::max(1e-3, m_params.sizeTolerance);
        if (m_aspect) {
            const double side = std::sqrt(double(r.area()) / double(std::max<qint64>(1, m_largest.area())));
            c.size = std::exp(-0.5 * std::pow((side - m_params.sizeTargetAspect) / tolerance, 2.0));
        } else {
            const double dw = (double(r.width) / m_image.width - m_params.freeWidthTarget) / tolerance;
            const double dh = (double(r.height) / m_image.height - m_params.freeHeightTarget) / tolerance;
            c.size = std::exp(-0.5 * (dw * dw + dh * dh));
        }

        // Placement prior: people move a crop off-centre by a few percent, rarely more.
        const double placementTolerance = std::max(1e-3, m_params.placementTolerance);
        const double px = ((r.x + r.width / 2.0) / m_image.width - 0.5) / placementTolerance;
        const double py = ((r.y + r.height / 2.0) / m_image.height - 0.5) / placementTolerance;
        c.placement = std::exp(-0.5 * (px * px + py * py));

        double weighted = m_params.keepWeight * c.keep + m_params.tightWeight * c.tight
            + m_params.cleanWeight * c.clean + m_params.compositionWeight * c.composition
            + m_params.sizeWeight * c.size + m_params.placementWeight * c.placement;
        double weights = m_params.keepWeight + m_params.tightWeight + m_params.cleanWeight
            + m_params.compositionWeight + m_params.sizeWeight + m_params.placementWeight;
        if (!m_heads.empty()) {
            weighted += m_params.faceWeight * c.faces;
            weights += m_params.faceWeight;
        }
        c.score = weights > 0.0 ? std::clamp(weighted / weights, 0.0, 1.0) : 0.0;
        return c;
    }

    double score(const Rect &r) const { return criteria(r).score; }

private:
    // Raw row pointers: this runs ~10^5 times per aspect, also in unoptimised debug builds.
    static double sum(const cv::Mat &integral, int x0, int y0, int x1, int y1)
    {
        const double *top = reinterpret_cast<const double *>(integral.data + size_t(y0) * integral.step[0]);
        const double *bottom
            = reinterpret_cast<const double *>(integral.data + size_t(y1) * integral.step[0]);
        return bottom[x1] - top[x1] - bottom[x0] + top[x0];
    }

    const CropProblem &m_problem;
    std::optional<AspectRatio> m_aspect;
    const SuggestParams &m_params;
    Rect m_image;
    int m_aw = 1, m_ah = 1;
    double m_sx = 1.0, m_sy = 1.0;
    cv::Mat m_sum, m_sumX, m_sumY;
    int m_strip = 1;
    Size m_largest;
    std::vector<Face> m_faces;
    std::vector<Rect> m_heads;
    Rect m_headUnion;
    Rect m_mustUnion;
    double m_faceTotal = 0.0;
    bool m_keepAllFaces = false;
};

// Evenly spread integer positions in [0, span], both ends included, plus the critical ones.
std::vector<int> positions(int span, int steps, const std::vector<int> &critical)
{
    std::set<int> out;
    if (span <= 0)
        return { 0 };
    const int n = std::min(span + 1, steps);
    for (int i = 0; i < n; ++i)
        out.insert(int(std::lround(double(i) * span / std::max(1, n - 1))));
    for (int c : critical) {
        if (c >= 0 && c <= span)
            out.insert(c);
    }
    return { out.begin(), out.end() };
}

// Positions along one axis where a crop of length `length` starts exactly at a constraint box's
// edge (holding the box at one end, or leaving it just outside).
std::vector<int> criticalStarts(const std::vector<std::pair<int, int>> &spans, int length)
{
    std::vector<int> out;
    for (const auto &[lo, hi] : spans) {
        out.push_back(lo);
        out.push_back(hi - length);
        out.push_back(hi);
        out.push_back(lo - length);
    }
    return out;
}

class Search
{
public:
    Search(
        const Evaluator &evaluator, std::optional<AspectRatio> aspect, const SuggestParams &params, Size full)
        : m_eval(evaluator)
        , m_aspect(aspect)
        , m_params(params)
        , m_full(full)
    {
        for (const Rect &h : evaluator.heads()) {
            m_xSpans.push_back({ h.x, h.rightEdge() });
            m_ySpans.push_back({ h.y, h.bottomEdge() });
        }
        const Rect must = evaluator.mustUnion();
        if (!must.isEmpty()) {
            m_xSpans.push_back({ must.x, must.rightEdge() });
            m_ySpans.push_back({ must.y, must.bottomEdge() });
        }
    }

    // The smallest size a feasible crop may have: it must hold the must-include regions and,
    // when all faces must be kept, their union. Empty when it does not fit the image.
    Size minimumSize() const
    {
        Rect need = m_eval.mustUnion();
        if (m_eval.keepsAllFaces())
            need = unite(need, m_eval.headUnion());
        if (need.isEmpty())
            return { 1, 1 };
        if (!m_aspect)
            return need.size();
        const Size s = smallestSizeWithAspect(need.size(), *m_aspect);
        if (s.width > m_full.width || s.height > m_full.height)
            return {};
        return s;
    }

    std::vector<std::pair<double, Rect>> coarse() const
    {
        std::vector<std::pair<double, Rect>> out;
        const Size low = minimumSize();
        if (low.isEmpty())
            return out;
        for (const Size &s : sizes(low)) {
            const std::vector<int> xs
                = positions(m_full.width - s.width, kPositionSteps, criticalStarts(m_xSpans, s.width));
            const std::vector<int> ys
                = positions(m_full.height - s.height, kPositionSteps, criticalStarts(m_ySpans, s.height));
            for (int y : ys) {
                for (int x : xs) {
                    const Rect r { x, y, s.width, s.height };
                    if (m_eval.feasible(r))
                        out.push_back({ m_eval.score(r), r });
                }
            }
        }
        std::sort(out.begin(), out.end(), better);
        return out;
    }

    // Coordinate descent with halving steps, staying feasible, down to the map's resolution.
    std::pair<double, Rect> refine(std::pair<double, Rect> start) const
    {
        const double pixel = std::max(1.0, m_eval.fullPixelsPerMapPixel());
        double step
            = std::max(pixel, std::max(m_full.width, m_full.height) / double(kPositionSteps - 1) / 2.0);
        std::pair<double, Rect> current = start;
        for (int iteration = 0; iteration < kMaxRefineIterations; ++iteration) {
            std::pair<double, Rect> best = current;
            for (const Rect &candidate : neighbours(current.second, int(std::lround(step)))) {
                if (candidate == current.second || !m_eval.feasible(candidate))
                    continue;
                const std::pair<double, Rect> scored { m_eval.score(candidate), candidate };
                if (scored.first > best.first + 1e-12 || (scored.first == best.first && better(scored, best)))
                    best = scored;
            }
            if (best.second == current.second) {
                if (step <= pixel)
                    break;
                step = std::max(pixel, step / 2.0);
            } else {
                current = best;
            }
        }
        return current;
    }

private:
    std::vector<Size> sizes(Size low) const
    {
        std::vector<Size> out;
        const Size largest = m_eval.largest();
        const double minScale = std::clamp(m_params.minScale, 0.05, 1.0);
        if (m_aspect) {
            const int kmax = largest.width / m_aspect->num;
            const int klow = std::max(1, low.width / m_aspect->num);
            std::set<int> ks { klow };
            for (double s = 1.0; s >= minScale - 1e-9; s -= kSizeStep)
                ks.insert(std::max(1, int(std::lround(kmax * s))));
            for (int k : ks) {
                if (k >= klow && k <= kmax)
                    out.push_back({ k * m_aspect->num, k * m_aspect->den });
            }
        } else {
            std::set<int> ws { low.width }, hs { low.height };
            for (double s = 1.0; s >= minScale - 1e-9; s -= kFreeSizeStep) {
                ws.insert(int(std::lround(largest.width * s)));
                hs.insert(int(std::lround(largest.height * s)));
            }
            for (int h : hs) {
                for (int w : ws) {
                    if (w >= low.width && h >= low.height && w >= 1 && h >= 1)
                        out.push_back({ w, h });
                }
            }
        }
        return out;
    }

    std::vector<Rect> neighbours(const Rect &r, int step) const
    {
        std::vector<Rect> out;
        const int W = m_full.width, H = m_full.height;
        auto clampInside = [&](Rect c) {
            c.width = std::min(c.width, W);
            c.height = std::min(c.height, H);
            c.x = std::clamp(c.x, 0, W - c.width);
            c.y = std::clamp(c.y, 0, H - c.height);
            return c;
        };
        for (int d : { -step, step }) {
            out.push_back(clampInside({ r.x + d, r.y, r.width, r.height }));
            out.push_back(clampInside({ r.x, r.y + d, r.width, r.height }));
        }
        if (m_aspect) {
            // Grow or shrink by whole aspect units, about the centre and about each corner.
            const int k = r.width / m_aspect->num;
            const int dk
                = std::max(1, int(std::lround(double(step) / std::max(m_aspect->num, m_aspect->den))));
            for (int d : { -dk, dk }) {
                const int nk = k + d;
                if (nk < 1)
                    continue;
                const int w = nk * m_aspect->num, h = nk * m_aspect->den;
                if (w > W || h > H)
                    continue;
                out.push_back(clampInside({ r.x + (r.width - w) / 2, r.y + (r.height - h) / 2, w, h }));
                out.push_back(clampInside({ r.x, r.y, w, h }));
                out.push_back(clampInside({ r.rightEdge() - w, r.y, w, h }));
                out.push_back(clampInside({ r.x, r.bottomEdge() - h, w, h }));
                out.push_back(clampInside({ r.rightEdge() - w, r.bottomEdge() - h, w, h }));
            }
        } else {
            // Free: move each edge on its own.
            for (int d : { -step, step }) {
                const Rect moved[] = { Rect::fromEdges(r.x + d, r.y, r.rightEdge(), r.bottomEdge()),
                    Rect::fromEdges(r.x, r.y + d, r.rightEdge(), r.bottomEdge()),
                    Rect::fromEdges(r.x, r.y, r.rightEdge() + d, r.bottomEdge()),
                    Rect::fromEdges(r.x, r.y, r.rightEdge(), r.bottomEdge() + d) };
                for (const Rect &m : moved) {
                    if (m.width >= 1 && m.height >= 1 && Rect::fromSize(m_full).contains(m))
                        out.push_back(m);
                }
            }
        }
        return out;
    }

    const Evaluator &m_eval;
    std::optional<AspectRatio> m_aspect;
    const SuggestParams &m_params;
    Size m_full;
    std::vector<std::pair<int, int>> m_xSpans, m_ySpans;
};

QStringList reasonsFor(
    const CropCriteria &c, const Rect &r, const CropProblem &problem, int faceCount, int mustIncludeCount)
{
    QStringList reasons;
    if (faceCount > 0)
        reasons << QStringLiteral("keeps %1 of %2 face%3")
                       .arg(c.facesKept)
                       .arg(faceCount)
                       .arg(faceCount == 1 ? "" : "s");
    if (mustIncludeCount > 0)
        reasons << QStringLiteral("includes the %1 required region%2")
                       .arg(mustIncludeCount)
                       .arg(mustIncludeCount == 1 ? "" : "s");
    reasons << QStringLiteral("holds %1 % of saliency").arg(percent(c.keep));
    reasons
        << QStringLiteral("uses %1 % of the image").arg(percent(double(r.area()) / problem.fullSize.area()));
    if (c.clean >= 0.85)
        reasons << QStringLiteral("edges avoid busy content");
    else if (c.clean < 0.6)
        reasons << QStringLiteral("edges cross busy content");
    if (c.composition >= 0.7)
        reasons << (c.facesKept > 0 ? QStringLiteral("good headroom and balance")
                                    : QStringLiteral("balanced composition"));
    return reasons;
}

} // namespace

Rect faceKeepBox(const Rect &face, Size image, Size largestCrop, double faceMargin)
{
    const Rect bounds = Rect::fromSize(image);
    const double margin = std::max(0.0, faceMargin);
    for (double m : { margin, margin / 2.0, 0.0 }) {
        const Rect head = headBox(face, m).intersected(bounds);
        if (head.width <= largestCrop.width && head.height <= largestCrop.height)
            return head;
    }
    const Rect bare = face.intersected(bounds);
    if (bare.width <= largestCrop.width && bare.height <= largestCrop.height)
        return bare;
    return headBox(face, margin).intersected(bounds);
}

CropCriteria evaluateCrop(const CropProblem &problem, std::optional<AspectRatio> aspect, const Rect &rect,
    const SuggestParams &params)
{
    if (problem.fullSize.isEmpty() || rect.isEmpty())
        return {};
    const Evaluator evaluator(problem, aspect, params);
    return evaluator.criteria(rect);
}

AspectSuggestions optimiseCrops(
    const CropProblem &problem, std::optional<AspectRatio> aspect, int top, const SuggestParams &params)
{
    AspectSuggestions result;
    result.aspect = aspect;
    const Size full = problem.fullSize;
    const QString name = aspect ? aspect->toString() : QStringLiteral("free");
    if (full.isEmpty()) {
        result.error = QStringLiteral("empty image");
        return result;
    }
    if (aspect && largestSizeWithAspect(full, *aspect).isEmpty()) {
        result.error = QStringLiteral("the image (%1x%2) is smaller than one %3 step")
                           .arg(full.width)
                           .arg(full.height)
                           .arg(name);
        return result;
    }

    Evaluator evaluator(problem, aspect, params);
    const Rect must = evaluator.mustUnion();
    if (!must.isEmpty()) {
        const Size largest = evaluator.largest();
        if (must.width > largest.width || must.height > largest.height) {
            result.error
                = QStringLiteral("the required regions (%1x%2 px together) do not fit in a %3 crop of this "
                                 "image (at most %4x%5)")
                      .arg(must.width)
                      .arg(must.height)
                      .arg(name)
                      .arg(largest.width)
                      .arg(largest.height);
            return result;
        }
    }

    std::vector<std::pair<double, Rect>> candidates;
    {
        Search search(evaluator, aspect, params, full);
        candidates = search.coarse();
    }
    if (candidates.empty() && evaluator.keepsAllFaces()) {
        // All faces fit only at sizes where the must-include regions or the face rule leave no
        // place; keep as many as possible instead (still never cutting one).
        evaluator.setKeepAllFaces(false);
        Search search(evaluator, aspect, params, full);
        candidates = search.coarse();
    }
    if (candidates.empty()) {
        result.error = must.isEmpty()
            ? QStringLiteral("every %1 crop of this image would cut a face").arg(name)
            : QStringLiteral("every %1 crop holding the required regions would cut a face").arg(name);
        return result;
    }

    const Search search(evaluator, aspect, params, full);
    const int wanted = std::max(1, top);
    const double maxIou = std::clamp(params.alternativeMaxIou, 0.0, 1.0);
    auto distinct = [&](const std::vector<std::pair<double, Rect>> &sorted, size_t limit) {
        std::vector<std::pair<double, Rect>> chosen;
        for (const auto &c : sorted) {
            bool near = false;
            for (const auto &k : chosen) {
                if (iou(c.second, k.second) >= maxIou) {
                    near = true;
                    break;
                }
            }
            if (!near)
                chosen.push_back(c);
            if (chosen.size() >= limit)
                break;
        }
        return chosen;
    };
    std::vector<std::pair<double, Rect>> refined;
    for (const auto &seed : distinct(candidates, size_t(wanted) + 2))
        refined.push_back(search.refine(seed));
    std::sort(refined.begin(), refined.end(), better);

    int mustCount = 0;
    for (const Rect &r : problem.mustInclude)
        mustCount += r.intersected(Rect::fromSize(full)).isEmpty() ? 0 : 1;
    for (const auto &[score, rect] : distinct(refined, size_t(wanted))) {
        const CropCriteria c = evaluator.criteria(rect);
        CropSuggestion s;
        s.aspect = aspect;
        s.rect = rect;
        s.score = c.score;
        s.reasons = reasonsFor(c, rect, problem, int(evaluator.heads().size()), mustCount);
        result.suggestions.push_back(s);
    }
    return result;
}

} // namespace cropwise
