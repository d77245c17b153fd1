#include "core/suggest/CropSuggester.h"

#include "core/io/ImageDecoder.h"
#include "core/suggest/ImportanceMap.h"

#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>

namespace cropwise {

namespace {

Rect scaleRect(const Rect &r, double sx, double sy)
{
    return Rect::fromEdges(int(std::lround(r.x * sx)), int(std::lround(r.y * sy)),
        int(std::lround(r.rightEdge() * sx)), int(std::lround(r.bottomEdge() * sy)));
}

} // namespace

std::vector<SuggestAspect> defaultSuggestAspects()
{
    return { AspectRatio { 1, 1 }, AspectRatio { 4, 5 }, AspectRatio { 16, 9 }, AspectRatio { 9, 16 } };
}

std::optional<std::vector<SuggestAspect>> parseSuggestAspects(const QString &list, QString *error)
{
    std::vector<SuggestAspect> out;
    for (const QString &raw : list.split(QLatin1Char(','))) {
        const QString item = raw.trimmed();
        if (item.compare(QLatin1String("free"), Qt::CaseInsensitive) == 0) {
            out.push_back(std::nullopt);
            continue;
        }
        const std::optional<AspectRatio> a = AspectRatio::parse(item);
        if (!a) {
            if (error)
                *error
                    = QStringLiteral("bad aspect '%1' (use a:b with positive integers, or free)").arg(item);
            return std::nullopt;
        }
        out.push_back(*a);
    }
    if (out.empty()) {
        if (error)
            *error = QStringLiteral("no aspect given");
        return std::nullopt;
    }
    return out;
}

QString suggestAspectName(const SuggestAspect &aspect)
{
    return aspect ? aspect->toString() : QStringLiteral("free");
}

std::vector<Face> facesNotAt(const std::vector<Face> &faces, const std::vector<Rect> &notFaces)
{
    std::vector<Face> kept;
    for (const Face &f : faces) {
        const double cx = f.rect.x + f.rect.width / 2.0, cy = f.rect.y + f.rect.height / 2.0;
        const bool marked = std::any_of(notFaces.cbegin(), notFaces.cend(), [&](const Rect &r) {
            return iou(r, f.rect) >= 0.3 || (cx >= r.x && cx < r.x + r.width && cy >= r.y && cy < r.y + r.height);
        });
        if (!marked)
            kept.push_back(f);
    }
    return kept;
}

ImageAnalysis withoutFacesAt(ImageAnalysis analysis, const cv::Mat &pixels, const SuggestParams &params,
    const std::vector<Rect> &notFaces)
{
    if (!analysis.ok() || notFaces.empty())
        return analysis;
    const std::vector<Face> faces = facesNotAt(analysis.faces, notFaces);
    if (faces.size() == analysis.faces.size())
        return analysis;
    return analyseImage(pixels, analysis.fullSize, params, faces);
}

ImageAnalysis analyseImage(const cv::Mat &pixels, Size fullSize, const SuggestParams &params,
    const std::optional<std::vector<Face>> &givenFaces)
{
    ImageAnalysis analysis;
    analysis.fullSize = fullSize;
    if (pixels.empty() || fullSize.isEmpty()) {
        analysis.error = QStringLiteral("no pixels to analyse");
        return analysis;
    }
    try {
        const cv::Mat bgr = toBgr8(pixels);
        if (bgr.empty() || bgr.type() != CV_8UC3) {
            analysis.error = QStringLiteral("unsupported pixel format for analysis");
            return analysis;
        }
        // Pixels may be a reduced decode: their coordinates times these give full-size ones.
        const double toFullX = double(fullSize.width) / bgr.cols;
        const double toFullY = double(fullSize.height) / bgr.rows;

        if (givenFaces) {
            analysis.faces = *givenFaces;
        } else {
            QString error;
            const std::vector<Face> found = detectFaces(bgr, params.faces, &error);
            if (!error.isEmpty()) {
                analysis.error = error;
                return analysis;
            }
            for (Face f : found) {
                f.rect = scaleRect(f.rect, toFullX, toFullY).intersected(Rect::fromSize(fullSize));
                if (!f.rect.isEmpty())
                    analysis.faces.push_back(f);
            }
        }

        const int longSide = std::max(bgr.cols, bgr.rows);
        const double factor = std::min(1.0, double(std::max(32, params.analysisLongSide)) / longSide);
        cv::Mat small;
        if (factor < 1.0)
            cv::resize(bgr, small,
                cv::Size(std::max(1, int(std::lround(bgr.cols * factor))),
                    std::max(1, int(std::lround(bgr.rows * factor)))),
                0, 0, cv::INTER_AREA);
        else
            small = bgr;
        const double fullToSmallX = double(small.cols) / fullSize.width;
        const double fullToSmallY = double(small.rows) / fullSize.height;
        std::vector<Face> smallFaces;
        for (Face f : analysis.faces) {
            f.rect = scaleRect(f.rect, fullToSmallX, fullToSmallY);
            smallFaces.push_back(f);
        }
        QString error;
        ImportanceMap map = computeImportanceMap(small, smallFaces, params, &error);
        if (!error.isEmpty()) {
            analysis.error = error;
            return analysis;
        }
        analysis.importance = map.importance;
    } catch (const cv::Exception &e) {
        analysis.error = QStringLiteral("analysis failed: %1").arg(QString::fromStdString(e.msg));
    }
    return analysis;
}

SuggestResult suggestCrops(const ImageAnalysis &analysis, const SuggestRequest &request)
{
    SuggestResult result;
    result.fullSize = analysis.fullSize;
    if (!analysis.ok()) {
        result.error = analysis.error;
        return result;
    }
    CropProblem problem;
    problem.fullSize = analysis.fullSize;
    problem.importance = analysis.importance;
    problem.faces = request.faces ? *request.faces : analysis.faces;
    problem.mustInclude = request.mustInclude;
    result.faces = problem.faces;
    try {
        for (const SuggestAspect &aspect : request.aspects)
            result.aspects.push_back(optimiseCrops(problem, aspect, request.top, request.params));
    } catch (const cv::Exception &e) {
        result.aspects.clear();
        result.error = QStringLiteral("crop search failed: %1").arg(QString::fromStdString(e.msg));
    }
    return result;
}

SuggestResult suggestCrops(const cv::Mat &pixels, Size fullSize, const SuggestRequest &request)
{
    return suggestCrops(withoutFacesAt(analyseImage(pixels, fullSize, request.params, request.faces), pixels,
                            request.params, request.notFaces),
        request);
}

} // namespace cropwise
