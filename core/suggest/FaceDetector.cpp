#include "core/suggest/FaceDetector.h"

#include "core/suggest/HogFaceDetector.h"

#include <QDir>
#include <QFileInfo>

#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>
#include <opencv2/objdetect.hpp>

#include <algorithm>
#include <cmath>
#include <map>
#include <memory>
#include <stdexcept>

namespace cropwise {

namespace {

const char kFrontalCascade[] = "haarcascade_frontalface_alt2.xml";
const char kProfileCascade[] = "haarcascade_profileface.xml";

bool needsFrontalCascade(FaceDetectorKind kind)
{
    return kind == FaceDetectorKind::Cascades || kind == FaceDetectorKind::HogAndCascades;
}

bool needsProfileCascade(FaceDetectorKind kind)
{
    return kind == FaceDetectorKind::Cascades || kind == FaceDetectorKind::HogAndProfile
        || kind == FaceDetectorKind::HogAndCascades;
}

bool usesHog(FaceDetectorKind kind)
{
    return kind == FaceDetectorKind::Hog || kind == FaceDetectorKind::HogAndProfile
        || kind == FaceDetectorKind::HogAndCascades;
}

// Loaded cascades of one thread (CascadeClassifier::detectMultiScale is not const and keeps
// scratch state, so threads must not share one). Keyed by file path.
cv::CascadeClassifier *threadCascade(const QString &path)
{
    thread_local std::map<QString, std::unique_ptr<cv::CascadeClassifier>> cache;
    auto it = cache.find(path);
    if (it == cache.end()) {
        auto classifier = std::make_unique<cv::CascadeClassifier>();
        try {
            if (!classifier->load(path.toStdString()))
                classifier.reset();
        } catch (const cv::Exception &) {
            classifier.reset();
        }
        it = cache.emplace(path, std::move(classifier)).first;
    }
    return it->second.get();
}

// Haar detections with a score from the number of merged raw windows n: n / (n + 3), so the usual
// minNeighbors = 3 decision maps to 0.5.
std::vector<Face> detectCascade(
    cv::CascadeClassifier &cascade, const cv::Mat &grey, int minFaceSize, bool mirrored)
{
    cv::Mat image = grey;
    if (mirrored)
        cv::flip(grey, image, 1);
    std::vector<cv::Rect> objects;
    std::vector<int> neighbours;
    cascade.detectMultiScale(image, objects, neighbours, 1.1, 1, 0, cv::Size(minFaceSize, minFaceSize));
    std::vector<Face> faces;
    for (size_t i = 0; i < objects.size(); ++i) {
        cv::Rect r = objects[i];
        if (mirrored)
            r.x = grey.cols - r.x - r.width;
        const double n = i < neighbours.size() ? neighbours[i] : 1;
        faces.push_back({ Rect { r.x, r.y, r.width, r.height }, n / (n + 3.0) });
    }
    return faces;
}

// Haar boxes include the forehead and some hair; dlib's and people's boxes are tighter (eyebrows
// to chin). Shrinking keeps the boxes of the two families comparable for NMS and for headroom.
Face tightenCascadeBox(Face face)
{
    const Rect r = face.rect;
    const int dx = int(std::lround(r.width * 0.08));
    const int top = int(std::lround(r.height * 0.14));
    const int bottom = int(std::lround(r.height * 0.02));
    face.rect = Rect { r.x + dx, r.y + top, r.width - 2 * dx, r.height - top - bottom };
    return face;
}

bool orderFaces(const Face &a, const Face &b)
{
    if (a.score != b.score)
        return a.score > b.score;
    if (a.rect.y != b.rect.y)
        return a.rect.y < b.rect.y;
    if (a.rect.x != b.rect.x)
        return a.rect.x < b.rect.x;
    return a.rect.area() > b.rect.area();
}

// dlib's HOG on copies of the working image turned by +-hogTilt degrees, reduced by hogTiltScale:
// the tilted heads it is for are large (the upright pass finds the small ones), so a smaller copy
// finds them at a fraction of the cost. Rects in `work` pixels.
std::vector<Face> detectTurnedFaces(const cv::Mat &work, const FaceDetectorOptions &options)
{
    const double scale = std::clamp(options.hogTiltScale, 0.25, 1.0);
    cv::Mat small = work;
    if (scale < 1.0)
        cv::resize(work, small, cv::Size(), scale, scale, cv::INTER_AREA);
    std::vector<Face> faces;
    for (double angle : { options.hogTilt, -options.hogTilt }) {
        // Turned copies add candidates everywhere; ask them for more confidence
        // (dlib confidence >= 0.2 instead of 0) so they add faces, not false alarms.
        for (Face f : detail::detectFacesHogRotated(small, angle, 0)) {
            if (f.score < options.minScore + 0.1)
                continue;
            f.rect = Rect { int(std::lround(f.rect.x / scale)), int(std::lround(f.rect.y / scale)),
                int(std::lround(f.rect.width / scale)), int(std::lround(f.rect.height / scale)) };
            faces.push_back(f);
        }
    }
    return faces;
}

} // namespace

QStringList haarCascadesSearchPath()
{
    QStringList dirs;
    const QString fromEnv = qEnvironmentVariable("CROPWISE_HAARCASCADES_DIR");
    if (!fromEnv.isEmpty())
        return { fromEnv }; // an explicit choice is not second-guessed
    dirs << QStringLiteral("/usr/share/opencv4/haarcascades")
         << QStringLiteral("/usr/local/share/opencv4/haarcascades")
         << QStringLiteral("/usr/share/opencv/haarcascades");
    return dirs;
}

QString haarCascadesDir()
{
    for (const QString &dir : haarCascadesSearchPath()) {
        if (QFileInfo::exists(QDir(dir).filePath(QLatin1String(kFrontalCascade)))
            && QFileInfo::exists(QDir(dir).filePath(QLatin1String(kProfileCascade))))
            return dir;
    }
    return {};
}

QString faceDetectorError(FaceDetectorKind kind)
{
    if (!needsFrontalCascade(kind) && !needsProfileCascade(kind))
        return {};
    if (haarCascadesDir().isEmpty())
        return QStringLiteral("face detector data not found: %1 and %2 are in none of %3 "
                              "(install Debian's opencv-data package, or set CROPWISE_HAARCASCADES_DIR)")
            .arg(QLatin1String(kFrontalCascade), QLatin1String(kProfileCascade),
                haarCascadesSearchPath().join(QStringLiteral(", ")));
    return {};
}

std::vector<Face> suppressOverlappingFaces(std::vector<Face> faces, double iouThreshold)
{
    std::sort(faces.begin(), faces.end(), orderFaces);
    std::vector<Face> kept;
    for (const Face &f : faces) {
        bool overlaps = false;
        for (const Face &k : kept) {
            const qint64 inter = f.rect.intersected(k.rect).area();
            const qint64 smaller = std::min(f.rect.area(), k.rect.area());
            if (iou(f.rect, k.rect) > iouThreshold || (smaller > 0 && inter > 0.6 * double(smaller))) {
                overlaps = true;
                break;
            }
        }
        if (!overlaps)
            kept.push_back(f);
    }
    return kept;
}

std::vector<Face> detectFaces(const cv::Mat &bgr8, const FaceDetectorOptions &options, QString *error)
{
    if (options.kind == FaceDetectorKind::None || bgr8.empty())
        return {};
    if (bgr8.type() != CV_8UC3) {
        if (error)
            *error = QStringLiteral("face detection needs 8-bit BGR pixels");
        return {};
    }
    const QString missing = faceDetectorError(options.kind);
    if (!missing.isEmpty()) {
        if (error)
            *error = missing;
        return {};
    }

    try {
        const int longSide = std::max(bgr8.cols, bgr8.rows);
        // Small photos are upsampled (their faces are small too), but at most 2.5x: beyond that
        // there is no face left to find, only time to lose (a 16 px icon would become 1024 px).
        const double factor = std::min(2.5, double(std::max(64, options.workingLongSide)) / double(longSide));
        cv::Mat grey;
        cv::cvtColor(bgr8, grey, cv::COLOR_BGR2GRAY);
        cv::Mat work;
        cv::resize(grey, work, cv::Size(), factor, factor, factor < 1.0 ? cv::INTER_AREA : cv::INTER_LINEAR);

        std::vector<Face> found;
        if (usesHog(options.kind)) {
            for (const Face &f : detail::detectFacesHog(work, std::max(0, options.hogUpsample)))
                found.push_back(f);
            if (options.hogTilt > 0.0) {
                for (const Face &f : detectTurnedFaces(work, options))
                    found.push_back(f);
            }
        }
        if (needsFrontalCascade(options.kind) || needsProfileCascade(options.kind)) {
            cv::Mat equalised;
            cv::equalizeHist(work, equalised);
            const QDir dir(haarCascadesDir());
            if (needsFrontalCascade(options.kind)) {
                cv::CascadeClassifier *frontal = threadCascade(dir.filePath(QLatin1String(kFrontalCascade)));
                if (!frontal) {
                    if (error)
                        *error = QStringLiteral("cannot load %1").arg(QLatin1String(kFrontalCascade));
                    return {};
                }
                for (const Face &f : detectCascade(*frontal, equalised, options.minFaceSize, false))
                    found.push_back(tightenCascadeBox(f));
            }
            if (needsProfileCascade(options.kind)) {
                cv::CascadeClassifier *profile = threadCascade(dir.filePath(QLatin1String(kProfileCascade)));
                if (!profile) {
                    if (error)
                        *error = QStringLiteral("cannot load %1").arg(QLatin1String(kProfileCascade));
                    return {};
                }
                // The cascade knows one side only; the mirror image gives the other.
                for (bool mirrored : { false, true }) {
                    for (const Face &f : detectCascade(*profile, equalised, options.minFaceSize, mirrored))
                        found.push_back(tightenCascadeBox(f));
                }
            }
        }

        std::vector<Face> faces;
        for (Face f : found) {
            if (f.score < options.minScore)
                continue;
            // Back to the caller's pixels, clipped to the image.
            const Rect r { int(std::lround(f.rect.x / factor)), int(std::lround(f.rect.y / factor)),
                int(std::lround(f.rect.width / factor)), int(std::lround(f.rect.height / factor)) };
            f.rect = r.intersected(Rect { 0, 0, bgr8.cols, bgr8.rows });
            if (!f.rect.isEmpty())
                faces.push_back(f);
        }
        return suppressOverlappingFaces(std::move(faces));
    } catch (const cv::Exception &e) {
        if (error)
            *error = QStringLiteral("face detection failed: %1").arg(QString::fromStdString(e.msg));
        return {};
    } catch (const std::exception &e) {
        if (error)
            *error = QStringLiteral("face detection failed: %1").arg(QString::fromUtf8(e.what()));
        return {};
    }
}

} // namespace cropwise
