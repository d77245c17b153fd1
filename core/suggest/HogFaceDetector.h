#pragma once

// Internal to core/suggest: dlib's HOG frontal face detector behind a plain OpenCV interface, so
// dlib's headers (and their macros) stay inside one translation unit.

#include "core/suggest/FaceDetector.h"

namespace cropwise::detail {

// Faces in 8-bit grey pixels, rects in those pixels. `upsample` doubles the image that many times
// first. Scores: 1 / (1 + exp(-2 c)) of dlib's detection confidence c (so c = 0, dlib's threshold,
// maps to 0.5). Detections down to c = -0.5 are returned so callers can choose the threshold.
// Thread: each thread uses its own detector object.
std::vector<Face> detectFacesHog(const cv::Mat &grey8, int upsample);

// The same on the image turned by `degrees` (positive: counter-clockwise) about its centre, for
// tilted heads; boxes come back upright, centred where the face is in `grey8`.
std::vector<Face> detectFacesHogRotated(const cv::Mat &grey8, double degrees, int upsample);

} // namespace cropwise::detail
