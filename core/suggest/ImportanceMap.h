#pragma once

// The importance map: how much each pixel of a photo matters to a crop. It mixes OpenCV contrib's
// saliency (spectral residual, fine grained) with cues that matter in photos: detail (edges), skin,
// saturation, a mild centre prior, and faces. The formula is in docs/suggest.md:
//
//   C_k    = min(cue_k / mean(cue_k), cueClip)                      for k in {SR, FG, edge, skin, sat}
//   base   = (sum_k w_k C_k / sum_k w_k) * (1 - centrePrior * r^2)   r = 0 in the centre, 1 in a corner
//   faces  = sum over faces of score_f * (1 on the face's head box) / area(head box), scaled so that
//            the faces hold `faceShare` of all importance
//   I      = (base + faces) / sum(base + faces)                      (sums to 1)
//
// Thread: reentrant (no shared state; OpenCV algorithms are created per call).

#include "core/suggest/FaceDetector.h"
#include "core/suggest/SuggestParams.h"

#include <opencv2/core/mat.hpp>

#include <vector>

namespace cropwise {

struct ImportanceMap
{
    cv::Mat importance; // CV_32F, analysis size, non-negative, sums to 1
    cv::Mat base; // CV_32F, the same before faces were added (for inspection and tests)
};

// `bgr8` is the photo at analysis size (8-bit BGR); `faces` in those pixels.
// Errors (an OpenCV exception) come back in *error with an empty map.
ImportanceMap computeImportanceMap(const cv::Mat &bgr8, const std::vector<Face> &faces,
    const SuggestParams &params, QString *error = nullptr);

// The head box used for a face: the face box widened and extended upwards to hold hair and chin.
// Also what "fully in or fully out" is checked against (with SuggestParams::faceMargin).
Rect headBox(const Rect &face, double margin);

} // namespace cropwise
