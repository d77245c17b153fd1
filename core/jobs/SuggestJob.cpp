#include "core/jobs/SuggestJob.h"

#include "core/io/ImageDecoder.h"
#include "core/io/ImageProbe.h"
#include "core/suggest/ImportanceMap.h"

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QThreadPool>
#include <QtConcurrent>

#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>

namespace cropwise {

namespace {

// Images larger than this are not read into memory for hashing and decoding (a 250 MP 16-bit TIFF
// is ~1.5 GB; anything beyond is not a photo this job should hold twice in memory).
constexpr qint64 kMaxFileBytes = qint64(2) * 1024 * 1024 * 1024;

QList<std::optional<AspectRatio>> toList(const std::vector<SuggestAspect> &aspects)
{
    return QList<std::optional<AspectRatio>>(aspects.begin(), aspects.end());
}

// A file's bytes, or an error in our words.
QByteArray readFile(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read the file (%1)").arg(file.errorString());
        return {};
    }
    if (file.size() > kMaxFileBytes) {
        *error = QStringLiteral("the file is too large (%1 bytes)").arg(file.size());
        return {};
    }
    QByteArray bytes = file.readAll();
    if (file.error() != QFileDevice::NoError) {
        *error = QStringLiteral("cannot read the file (%1)").arg(file.errorString());
        return {};
    }
    return bytes;
}

// The user's turn replayed on pixels, step by step as UserTurn::steps() defines it.
cv::Mat turnPixels(const cv::Mat &pixels, const UserTurn &turn)
{
    cv::Mat out = pixels;
    for (Turn t : turn.steps()) {
        cv::Mat next;
        switch (t) {
        case Turn::RotateClockwise:
            cv::rotate(out, next, cv::ROTATE_90_CLOCKWISE);
            break;
        case Turn::RotateCounterClockwise:
            cv::rotate(out, next, cv::ROTATE_90_COUNTERCLOCKWISE);
            break;
        case Turn::FlipHorizontal:
            cv::flip(out, next, 1);
            break;
        case Turn::FlipVertical:
            cv::flip(out, next, 0);
            break;
        }
        out = next;
    }
    return out;
}

SuggestJobResult fromCache(const SuggestJobItem &item, SuggestionCache cache, const FileStamp &stamp)
{
    SuggestJobResult result;
    result.imagePath = item.imagePath;
    result.source = SuggestJobResult::Source::Cache;
    cache.hashedFile = stamp;
    result.importance = importancePreviewMat(cache.importance);
    result.suggestions = std::move(cache);
    // A header read (no pixels), so callers can write the sidecar's image block.
    const ProbeResult probe = probeImage(item.imagePath);
    if (probe.ok())
        result.orientedSize = probe.displayedSize;
    return result;
}

QList<SuggestionRecord> toRecords(const AspectSuggestions &a)
{
    QList<SuggestionRecord> out;
    for (std::size_t k = 0; k < a.suggestions.size(); ++k) {
        const CropSuggestion &s = a.suggestions[k];
        out.append({ s.rect, a.aspect, s.score, s.reasons, int(k) });
    }
    return out;
}

} // namespace

QString sha256Hex(QByteArrayView bytes)
{
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

SuggestionCacheKey suggestionCacheKey(
    const SuggestJobItem &item, const SuggestJobRequest &request, const QString &sha256)
{
    SuggestionCacheKey key;
    key.contentSha256 = sha256;
    key.suggester = request.suggesterVersion;
    key.aspects = toList(request.aspects);
    key.mustInclude = item.mustInclude;
    key.userTurn = item.userTurn;
    key.top = std::max(1, request.top);
    return key;
}

std::vector<Rect> mustIncludeRects(
    const QList<MustIncludeRegion> &regions, Size displayedSize, const SuggestParams &params)
{
    const Rect bounds = Rect::fromSize(displayedSize);
    std::vector<Rect> out;
    for (const MustIncludeRegion &r : regions) {
        if (r.kind == MustIncludeRegion::Kind::NotFace)
            continue;
        const Rect wanted
            = r.kind == MustIncludeRegion::Kind::Face ? headBox(r.rect, params.faceMargin) : r.rect;
        const Rect clipped = wanted.intersected(bounds);
        if (!clipped.isEmpty())
            out.push_back(clipped);
    }
    return out;
}

std::vector<Rect> notFaceRects(const QList<MustIncludeRegion> &regions)
{
    std::vector<Rect> out;
    for (const MustIncludeRegion &r : regions) {
        if (r.kind == MustIncludeRegion::Kind::NotFace)
            out.push_back(r.rect);
    }
    return out;
}

ImportancePreview importancePreview(const cv::Mat &importance)
{
    if (importance.empty() || importance.channels() != 1)
        return {};
    try {
        cv::Mat values;
        importance.convertTo(values, CV_32F);
        const int longSide = std::max(values.cols, values.rows);
        if (longSide > kImportancePreviewLongSide) {
            const double f = double(kImportancePreviewLongSide) / longSide;
            cv::Mat small;
            cv::resize(values, small,
                cv::Size(std::clamp(int(std::lround(values.cols * f)), 1, kImportancePreviewLongSide),
                    std::clamp(int(std::lround(values.rows * f)), 1, kImportancePreviewLongSide)),
                0, 0, cv::INTER_AREA);
            values = small;
        }
        double maxValue = 0.0;
        cv::minMaxLoc(values, nullptr, &maxValue);
        cv::Mat bytes;
        // Relative per image: the overlay shows where THIS photo's interest is, whatever its total.
        values.convertTo(bytes, CV_8U, maxValue > 0.0 ? 255.0 / maxValue : 0.0);
        ImportancePreview preview;
        preview.size = { bytes.cols, bytes.rows };
        preview.values = QByteArray(reinterpret_cast<const char *>(bytes.data), qsizetype(bytes.total()));
        return preview;
    } catch (const cv::Exception &) {
        return {};
    }
}

cv::Mat importancePreviewMat(const ImportancePreview &preview)
{
    if (preview.isEmpty())
        return {};
    return cv::Mat(
        preview.size.height, preview.size.width, CV_8UC1, const_cast<char *>(preview.values.constData()))
        .clone();
}

std::optional<SuggestJobResult> suggestForImage(
    const SuggestJobItem &item, const SuggestJobRequest &request, const std::function<bool()> &isCanceled)
{
    auto canceled = [&] { return isCanceled && isCanceled(); };
    SuggestJobResult result;
    result.imagePath = item.imagePath;

    // 1. Which content is this? The stored hash when the file looks untouched, else the bytes'.
    const FileStamp stamp = fileStamp(item.imagePath);
    if (!stamp.isValid()) {
        result.error = QStringLiteral("the file does not exist");
        return result;
    }
    if (request.contentCheck == ContentCheck::TrustFileStamp && item.cached
        && item.cached->hashedFile == stamp) {
        const SuggestionCacheKey wanted = suggestionCacheKey(item, request, item.cached->key.contentSha256);
        if (isCurrent(item.cached->key, wanted))
            return fromCache(item, *item.cached, stamp);
    }
    QString error;
    const QByteArray bytes = readFile(item.imagePath, &error);
    if (!error.isEmpty()) {
        result.error = error;
        return result;
    }
    const SuggestionCacheKey key = suggestionCacheKey(item, request, sha256Hex(bytes));
    if (item.cached && isCurrent(item.cached->key, key))
        return fromCache(item, *item.cached, stamp);
    if (canceled())
        return std::nullopt;

    // 2. Pixels, reduced as the suggester needs them, in displayed orientation.
    DecodeOptions options;
    options.maxLongSide = std::max(request.params.faces.workingLongSide, request.params.analysisLongSide);
    const DecodedImage decoded = decodeImageData(bytes, options);
    if (!decoded.ok()) {
        result.error = decoded.error.isEmpty() ? QStringLiteral("the image has no pixels") : decoded.error;
        return result;
    }
    result.orientedSize = decoded.fullSize;
    const Size displayedSize = item.userTurn.apply(decoded.fullSize);
    cv::Mat pixels;
    try {
        pixels = turnPixels(decoded.pixels, item.userTurn);
    } catch (const cv::Exception &e) {
        result.error = QStringLiteral("cannot turn the image: %1").arg(QString::fromStdString(e.msg));
        return result;
    }
    if (canceled())
        return std::nullopt;

    // 3. Analysis (faces + importance), then one optimisation per aspect, checking for cancel between.
    const ImageAnalysis analysis = withoutFacesAt(request.analyse
            ? request.analyse(pixels, displayedSize, request.params)
            : analyseImage(pixels, displayedSize, request.params),
        pixels, request.params, notFaceRects(item.mustInclude));
    if (!analysis.ok()) {
        result.error = analysis.error;
        return result;
    }
    SuggestionCache cache;
    cache.key = key;
    cache.hashedFile = stamp;
    for (const Face &f : analysis.faces)
        cache.faces.append({ f.rect, f.score });
    SuggestRequest suggestRequest;
    suggestRequest.top = key.top;
    suggestRequest.mustInclude = mustIncludeRects(item.mustInclude, displayedSize, request.params);
    suggestRequest.params = request.params;
    for (const SuggestAspect &aspect : request.aspects) {
        if (canceled())
            return std::nullopt;
        suggestRequest.aspects = { aspect };
        const SuggestResult suggested = suggestCrops(analysis, suggestRequest);
        if (!suggested.ok()) {
            result.error = suggested.error;
            return result;
        }
        AspectSuggestionRecords records;
        records.aspect = aspect;
        if (!suggested.aspects.empty()) {
            records.suggestions = toRecords(suggested.aspects.front());
            records.error = suggested.aspects.front().error;
        }
        cache.aspects.append(records);
    }
    cache.importance = importancePreview(analysis.importance);
    result.importance = importancePreviewMat(cache.importance);
    result.suggestions = std::move(cache);
    return result;
}

void runSuggestJob(QPromise<SuggestJobResult> &promise, const SuggestJobRequest &request)
{
    const int count = int(request.items.size());
    promise.setProgressRange(0, count);
    promise.setProgressValue(0);
    for (int i = 0; i < count; ++i) {
        promise.suspendIfRequested();
        if (promise.isCanceled())
            return;
        const SuggestJobItem &item = request.items[i];
        std::optional<SuggestJobResult> result
            = suggestForImage(item, request, [&promise] { return promise.isCanceled(); });
        if (!result || promise.isCanceled())
            return; // stopped halfway: no partial result
        result->index = i;
        promise.addResult(std::move(*result), i);
        promise.setProgressValueAndText(i + 1, QFileInfo(item.imagePath).fileName());
    }
}

QFuture<SuggestJobResult> startSuggestJob(const SuggestJobRequest &request, QThreadPool *pool)
{
    // The request is copied into the task: the caller may change or destroy its own at once.
    return QtConcurrent::run(pool ? pool : QThreadPool::globalInstance(),
        [request](QPromise<SuggestJobResult> &promise) { runSuggestJob(promise, request); });
}

} // namespace cropwise
