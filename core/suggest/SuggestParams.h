#pragma once

// The knobs of the crop suggester: how the importance map mixes its cues and how the optimiser
// weighs its criteria. The defaults are the values chosen by bench/tune_suggest.py on the even-index
// half of fcdb-dev (docs/suggest.md). They are plain numbers so a tuning script can set them by name
// (`cropwise-cli suggest --param name=value`), never per image.

#include "core/suggest/FaceDetector.h"

#include <QString>
#include <QStringList>

namespace cropwise {

struct SuggestParams
{
    // --- analysis sizes (pixels of the working images) ---
    int analysisLongSide = 320; // importance map
    FaceDetectorOptions faces;

    // --- importance map: weights of the cues, each normalised to mean 1 over the image ---
    double spectralWeight = 1.0; // OpenCV contrib spectral residual saliency
    double fineGrainedWeight = 1.0; // OpenCV contrib fine-grained (centre-surround) saliency
    double edgeWeight = 2.0; // blurred gradient magnitude ("detail")
    double skinWeight = 0.5; // skin-coloured pixels (YCrCb)
    double saturationWeight = 0.5; // colourful pixels (HSV saturation where not dark)
    double cueClip = 4.0; // each normalised cue is clipped here (no single hot spot rules)
    double centrePrior = 0.3; // importance *= 1 - centrePrior * r^2, r = 1 in the corners
    double faceShare = 0.3; // share of all importance given to faces when there are any

    // --- optimiser: weights of the criteria averaged into the score ---
    double keepWeight = 1.0; // importance kept inside the crop
    double tightWeight = 0.15; // 1 - area share of the image (prefers cropping something)
    double cleanWeight = 0.3; // edges that do not run through important content
    double compositionWeight = 0.4; // mass centre near the centre or a thirds point; face headroom
    double compositionSpread = 0.1; // how far (share of the crop) the mass centre may stray from those
    double faceWeight = 1.0; // share of the faces kept
    double sizeWeight = 0.25; // closeness to the usual framing size
    double placementWeight = 0.25; // crop centre near the image centre (people shift crops modestly)
    double placementTolerance = 0.1; // width of the placement prior (share of the image's sides)
    double freeWidthTarget = 0.9; // usual width of a free crop, share of the image's width
    double freeHeightTarget = 0.85; // usual height of a free crop, share of the image's height
    double sizeTargetAspect = 0.95; // usual side of an aspect crop, share of the largest of that aspect
    double sizeTolerance = 0.1; // width of the size prior (in side shares)
    double minScale = 0.45; // smallest crop side, relative to the largest crop of its aspect
    double alternativeMaxIou = 0.7; // alternatives overlap the better ones by less than this
    double faceMargin = 0.25; // faces are kept/left out with this margin (share of face size)
};

// Sets the parameter called `name` (the member's name, e.g. "keepWeight", "faces.hogUpsample",
// "faces.kind" = none|cascades|hog|hogAndProfile|hogAndCascades) from text. Returns an error
// text, empty on success.
QString setSuggestParam(SuggestParams &params, const QString &name, const QString &value);
QStringList suggestParamNames();

} // namespace cropwise
