#pragma once

// Face detection for crop suggestions. Two families are wired in, chosen by measurement
// (docs/suggest.md has the precision/recall figures and the choice):
//  - OpenCV Haar cascades from Debian's `opencv-data` (frontal, and profile run on the image and
//    on its mirror image for the other side). The XML files are looked up at run time.
//  - dlib's HOG frontal detector (`libdlib-dev`); its weights are compiled into the header, so
//    nothing is downloaded or looked up.
//
// Coordinates: detect() takes 8-bit BGR pixels and returns rects in those pixels. It reduces or
// upsamples the image itself to a working size where faces of about 5 % of the long side (40 px
// on the 800 px working image, with dlib's HOG upsampled once) are still found.
// Thread: detect() may be called from several threads at once (each thread keeps its own loaded
// models). Errors are values: nothing throws out of here.

#include "core/geometry/Rect.h"

#include <QString>
#include <QStringList>

#include <opencv2/core/mat.hpp>

#include <vector>

namespace cropwise {

struct Face
{
    Rect rect; // tight face box (eyebrows to chin), pixels of the image it was found in
    double score = 0.0; // confidence in [0, 1]; 0.5 is the detector's own decision threshold
    friend bool operator==(const Face &, const Face &) = default;
};

enum class FaceDetectorKind {
    None, // no detection (faces may still be given by the caller)
    Cascades, // OpenCV Haar: frontal (alt2) + profile, both sides
    Hog, // dlib HOG frontal only
    HogAndProfile, // dlib HOG frontal + OpenCV Haar profile, both sides
    HogAndCascades, // dlib HOG frontal + OpenCV Haar frontal and profile
};

struct FaceDetectorOptions
{
    FaceDetectorKind kind = FaceDetectorKind::Hog; // the measured best (docs/suggest.md)
    // Long side of the working image (the photo is resized to it: down, or up by at most 2.5x).
    // Cascades find faces down to minFaceSize pixels at this size; dlib's HOG down to 80 px, or
    // 40 px with hogUpsample = 1.
    int workingLongSide = 800;
    int minFaceSize = 20;
    // Upsample the working image this many times (x2 each) for dlib's HOG detector, whose window
    // is 80 px: 1 finds faces of ~40 px of the working image. Costs ~4x per level.
    int hogUpsample = 1;
    // Also run dlib's HOG on the working image turned by +-hogTilt degrees (0 = off), without
    // upsampling: finds tilted heads the upright detector misses, at ~2 x 1/4 of its cost.
    double hogTilt = 20.0;
    // The turned copies are made of the working image reduced by this factor: the tilted heads
    // they add are large, and a smaller copy costs scale^2 of a full one.
    double hogTiltScale = 0.75;
    // Detections below this score are dropped (0.5 = each detector's own threshold).
    double minScore = 0.5;
};

// Where the OpenCV cascade XML files are found: $CROPWISE_HAARCASCADES_DIR when set, else the
// opencv-data install folders. Empty when none has the files (see cascadesError()).
QString haarCascadesDir();
// Non-empty explanation when the cascades a kind needs are missing.
QString faceDetectorError(FaceDetectorKind kind);
// The folders searched, for messages.
QStringList haarCascadesSearchPath();

// Detects faces in 8-bit BGR pixels, with non-maximum suppression across detectors, sorted by
// score (highest first; ties by position, so the order is deterministic).
// On failure (missing cascades, OpenCV error) returns no faces and sets *error when given.
std::vector<Face> detectFaces(
    const cv::Mat &bgr8, const FaceDetectorOptions &options = {}, QString *error = nullptr);

// Greedy non-maximum suppression: keeps the best-scoring box of any group whose boxes overlap by
// IoU > iouThreshold or where one box holds most (> 60 %) of the other.
std::vector<Face> suppressOverlappingFaces(std::vector<Face> faces, double iouThreshold = 0.3);

} // namespace cropwise
