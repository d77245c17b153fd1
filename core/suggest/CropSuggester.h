#pragma once

// The crop suggester: faces + importance map + optimiser, for one image and a list of aspects.
// Input is pixels (any decodeImage() output: 8/16-bit, 1/3/4 channels, EXIF orientation applied,
// possibly a reduced decode) plus the full displayed size; every rect going in or out is in
// full-size displayed pixels. Analysis runs on reduced copies (faces: params.faces.workingLongSide,
// importance: params.analysisLongSide), so a 24 MP photo costs about what a 1 MP one does, while the
// returned rects are exact in aspect at full size.
//
// Two steps so an interactive caller can analyse once and re-optimise as the user pins regions:
//   ImageAnalysis a = analyseImage(pixels, fullSize, params);
//   SuggestResult r = suggestCrops(a, request);
// Thread: reentrant; deterministic (same input, same output, on any thread).

#include "core/geometry/AspectRatio.h"
#include "core/geometry/Rect.h"
#include "core/suggest/CropOptimizer.h"
#include "core/suggest/FaceDetector.h"
#include "core/suggest/SuggestParams.h"

#include <QString>

#include <opencv2/core/mat.hpp>

#include <optional>
#include <vector>

namespace cropwise {

// nullopt means "free": the best crop of any aspect.
using SuggestAspect = std::optional<AspectRatio>;

// 1:1, 4:5, 16:9, 9:16.
std::vector<SuggestAspect> defaultSuggestAspects();
// "1:1,free,16:9" -> aspects; nullopt (and *error) when an item is malformed or the list is empty.
std::optional<std::vector<SuggestAspect>> parseSuggestAspects(const QString &list, QString *error = nullptr);
// "1:1" or "free".
QString suggestAspectName(const SuggestAspect &aspect);

struct ImageAnalysis
{
    Size fullSize;
    std::vector<Face> faces; // full-size displayed pixels, best first
    cv::Mat importance; // CV_32F at analysis size, sums to 1 (ImportanceMap.h)
    QString error; // non-empty when the analysis failed
    bool ok() const { return error.isEmpty(); }
};

// The faces not at any of `notFaces` (full-size pixels; detections a person marked as no face): a
// face is at one when their boxes overlap by IoU >= 0.3 or its centre lies inside it, so the mark
// holds when a new detection draws the box a little differently.
std::vector<Face> facesNotAt(const std::vector<Face> &faces, const std::vector<Rect> &notFaces);

// `analysis` of `pixels` without its faces at `notFaces` (facesNotAt). The importance map holds the
// faces too, so it is made again (faces not detected again) when one goes.
ImageAnalysis withoutFacesAt(ImageAnalysis analysis, const cv::Mat &pixels, const SuggestParams &params,
    const std::vector<Rect> &notFaces);

// `givenFaces` (full-size pixels), when set, replace face detection (pinned or known faces).
ImageAnalysis analyseImage(const cv::Mat &pixels, Size fullSize, const SuggestParams &params = {},
    const std::optional<std::vector<Face>> &givenFaces = std::nullopt);

struct SuggestRequest
{
    std::vector<SuggestAspect> aspects = defaultSuggestAspects();
    int top = 1; // best + up to top - 1 alternatives per aspect
    std::vector<Rect> mustInclude; // full-size pixels; hard constraints
    std::optional<std::vector<Face>> faces; // when set, used instead of detected faces
    std::vector<Rect> notFaces; // full-size pixels; faces found there are ignored (facesNotAt)
    SuggestParams params;
};

struct SuggestResult
{
    Size fullSize;
    std::vector<Face> faces; // full-size pixels
    std::vector<AspectSuggestions> aspects; // one per requested aspect, in the order asked
    QString error; // analysis failed (then aspects is empty)
    bool ok() const { return error.isEmpty(); }
};

SuggestResult suggestCrops(const ImageAnalysis &analysis, const SuggestRequest &request);
SuggestResult suggestCrops(const cv::Mat &pixels, Size fullSize, const SuggestRequest &request);

} // namespace cropwise
