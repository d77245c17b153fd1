#pragma once

// The crop optimiser: for one aspect (or `free`), the best rectangles by a documented score, found
// with integral images over the importance map and a coarse-to-fine search.
//
// Rules every returned rect obeys:
//  - integer, inside the image, non-empty; for an aspect num:den, width * den == height * num exactly
//    (sizes are k*num x k*den, see core/geometry/AspectSolver.h);
//  - contains every must-include region (hard; if none fits, an error instead of a rect);
//  - never cuts a face: each face's keep box (faceKeepBox below) is either fully inside or fully
//    outside; and all faces are inside whenever they fit together in the largest crop of the aspect.
//
// The score (docs/suggest.md) is a weighted mean of criteria that each lie in [0, 1]:
//   keep        importance inside the crop (the map sums to 1)
//   tight       1 - crop area / image area
//   clean       1 - how much importance the crop's cutting edges run through
//   composition importance centre near the crop's centre or a thirds point; headroom above faces
//   faces       score-weighted share of the faces kept (only when there are faces)
//   size        closeness of the crop's size to the usual framing size
//   placement   closeness of the crop's centre to the image's centre
// so it lies in [0, 1] too; higher is better, ~0.75+ is a confident suggestion on photos.
// Thread: reentrant; deterministic (no randomness, total orders everywhere).

#include "core/geometry/AspectRatio.h"
#include "core/geometry/Rect.h"
#include "core/suggest/FaceDetector.h"
#include "core/suggest/SuggestParams.h"

#include <QString>
#include <QStringList>

#include <opencv2/core/mat.hpp>

#include <optional>
#include <vector>

namespace cropwise {

struct CropSuggestion
{
    std::optional<AspectRatio> aspect; // nullopt: free
    Rect rect; // full-size displayed pixels
    double score = 0.0; // [0, 1]
    QStringList reasons; // short, human-readable ("keeps 2 of 2 faces", ...)
};

struct AspectSuggestions
{
    std::optional<AspectRatio> aspect; // nullopt: free
    std::vector<CropSuggestion> suggestions; // best first; empty when error is set
    QString error; // e.g. the must-include regions do not fit this aspect
    bool ok() const { return error.isEmpty(); }
};

// What the optimiser works on. All rects in full-size displayed pixels.
struct CropProblem
{
    Size fullSize;
    cv::Mat importance; // CV_32F map of any size with the image's proportions, sums to 1
    std::vector<Face> faces;
    std::vector<Rect> mustInclude;
};

// The criteria of one rect, each in [0, 1] (for tests, reasons and tuning).
struct CropCriteria
{
    double keep = 0.0;
    double tight = 0.0;
    double clean = 0.0;
    double composition = 0.0;
    double faces = 1.0;
    double size = 0.0;
    double placement = 0.0;
    double score = 0.0;
    int facesKept = 0;
    int facesCut = 0;
};

// The box a crop must hold whole or leave out whole for a face (full-size pixels): the face's head
// box grown by faceMargin (ImportanceMap.h headBox); when that cannot fit in largestCrop (a close
// portrait asked for 16:9), a smaller margin, down to the face box itself, so that the face can
// still be kept rather than pushed out. Clipped to the image.
Rect faceKeepBox(const Rect &face, Size image, Size largestCrop, double faceMargin);

// Best crop and up to top - 1 alternatives (each overlapping every better one by IoU <
// params.alternativeMaxIou) for `aspect`.
AspectSuggestions optimiseCrops(
    const CropProblem &problem, std::optional<AspectRatio> aspect, int top, const SuggestParams &params);

// The score and its criteria for any rect (no constraint check).
CropCriteria evaluateCrop(const CropProblem &problem, std::optional<AspectRatio> aspect, const Rect &rect,
    const SuggestParams &params);

} // namespace cropwise
