#pragma once

// Crop suggestions for a list of images in the background: values in, QFuture out.
//
//   SuggestJobRequest request;                       // images + aspects + top-N + per-image input
//   request.items.append({path, state.userTurn, state.mustInclude, state.suggestions});
//   QFuture<SuggestJobResult> f = startSuggestJob(request);
//   watcher->setFuture(f);                           // QFutureWatcher on the GUI thread:
//     resultReadyAt(i)  -> f.resultAt(i): one result per image, as each finishes (index = item index)
//     progressValueChanged(n) -> n of progressMaximum() images done; progressText = the file name
//     f.cancel()        -> stops between images and between the steps of one image (hash, decode,
//                          analysis, each aspect); an image stopped halfway gives no result
//     f.suspend()/resume() -> pauses between images
//
// Per image: the file's SHA-256 (or the stored one when size and mtime still match, see
// ContentCheck), then, when the item's cached entry is current (SuggestionCache.h isCurrent()),
// that entry is returned without decoding (Source::Cache); otherwise a reduced decode (long side
// max(params.faces.workingLongSide, params.analysisLongSide), as the suggester needs), the user's
// turn applied to the pixels, analysis and one optimisation per aspect (Source::Computed).
// Everything in the result is in displayed pixels (EXIF orientation and user turn applied), the
// same space as Crop::rect.
//
// Thread: the work runs on a QThreadPool thread and touches no QObject; inputs are copied values.
// Results are plain values (cv::Mat owns its data). Errors are values (SuggestJobResult::error).

#include "core/geometry/Rect.h"
#include "core/suggest/SuggesterVersion.h"
#include "core/model/MustIncludeRegion.h"
#include "core/model/SuggestionCache.h"
#include "core/model/UserTurn.h"
#include "core/suggest/CropSuggester.h"

#include <QFuture>
#include <QList>
#include <QPromise>
#include <QString>

#include <opencv2/core/mat.hpp>

#include <functional>
#include <optional>
#include <vector>

class QThreadPool;

namespace cropwise {

struct SuggestJobItem
{
    QString imagePath;
    UserTurn userTurn; // ImageState::userTurn: results come out in these displayed pixels
    QList<MustIncludeRegion> mustInclude; // ImageState::mustInclude (displayed pixels)
    std::optional<SuggestionCache> cached; // ImageState::suggestions, reused when current
};

enum class ContentCheck {
    // Reuse the cached hash when the file's size and modification time (ms) are unchanged:
    // reopening a folder of thousands of photos reads no image data. A file rewritten with the same
    // size within the same millisecond (and mtime restored) would go unnoticed.
    TrustFileStamp,
    AlwaysHash, // read and hash every file
};

// Replaces analyseImage() (tests count calls; experiments swap the analysis). Called on the worker
// thread; must be reentrant and must not throw.
using AnalyseFunction = std::function<ImageAnalysis(
    const cv::Mat &displayedPixels, Size displayedSize, const SuggestParams &params)>;

struct SuggestJobRequest
{
    QList<SuggestJobItem> items;
    std::vector<SuggestAspect> aspects = defaultSuggestAspects();
    int top = 3; // the best suggestion + up to top - 1 alternatives per aspect (values < 1 act as 1)
    SuggestParams params;
    // Recorded in the cache key and in each crop's review. Callers that change params must change
    // it too (e.g. append a tag), or cached entries of the default params would be reused.
    QString suggesterVersion = QString::fromLatin1(kSuggesterVersion);
    ContentCheck contentCheck = ContentCheck::TrustFileStamp;
    AnalyseFunction analyse; // empty: analyseImage() (core/suggest/CropSuggester.h)
};

struct SuggestJobResult
{
    enum class Source {
        Computed, // decoded and analysed now
        Cache, // the item's cached entry was current
    };

    int index = -1; // into SuggestJobRequest::items
    QString imagePath;
    Source source = Source::Computed;
    // The entry to keep in ImageState::suggestions (also on a cache hit: its hashedFile stamp may
    // be newer than the stored one). Empty (default) when error is set.
    SuggestionCache suggestions;
    // The importance map for the heat-map overlay: CV_8UC1, long side <= kImportancePreviewLongSide,
    // covering the whole displayed image, 255 = most important spot of this image. Same values as
    // suggestions.importance. Empty when error is set.
    cv::Mat importance;
    // Size of the image after EXIF orientation, before the user's turn (for SidecarStore::write and
    // ImageDocument). Empty on a cache hit that needed no decoding.
    Size orientedSize;
    // Non-empty when the image could not be read, decoded or analysed; a short reason.
    // (An aspect the must-include regions do not fit is not an image error: see
    // AspectSuggestionRecords::error.)
    QString error;

    bool ok() const { return error.isEmpty(); }
};

// Starts the job on `pool` (the global pool when null). The future reports one result per image
// that was not cancelled, at index = item index, progress range 0..items.size().
QFuture<SuggestJobResult> startSuggestJob(const SuggestJobRequest &request, QThreadPool *pool = nullptr);

// The job's body, for callers that bring their own promise (started with start(), finished with
// finish() by the caller; QtConcurrent::run does both).
void runSuggestJob(QPromise<SuggestJobResult> &promise, const SuggestJobRequest &request);

// One image, synchronously (the CLI, tests). `isCanceled` is polled between steps; when it returns
// true the function returns nullopt.
std::optional<SuggestJobResult> suggestForImage(const SuggestJobItem &item, const SuggestJobRequest &request,
    const std::function<bool()> &isCanceled = {});

// The key a computation of `item` under `request` gets, for a file of content hash `sha256`.
SuggestionCacheKey suggestionCacheKey(
    const SuggestJobItem &item, const SuggestJobRequest &request, const QString &sha256);

// The must-include regions as the suggester takes them: pinned faces grown to their head box
// (core/suggest/ImportanceMap.h headBox with params.faceMargin), all clipped to the image, empty
// ones dropped. Not-a-face marks are no constraint: notFaceRects() lists them.
std::vector<Rect> mustIncludeRects(
    const QList<MustIncludeRegion> &regions, Size displayedSize, const SuggestParams &params);

// The regions marked "not a face" (MustIncludeRegion::Kind::NotFace), for facesNotAt().
std::vector<Rect> notFaceRects(const QList<MustIncludeRegion> &regions);

// The importance map (CV_32F, any size with the image's proportions) reduced to the preview and back.
ImportancePreview importancePreview(const cv::Mat &importance);
cv::Mat importancePreviewMat(const ImportancePreview &preview); // CV_8UC1 copy; empty when empty

// Lower-case hex SHA-256 of bytes.
QString sha256Hex(QByteArrayView bytes);

} // namespace cropwise
