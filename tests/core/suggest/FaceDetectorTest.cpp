// Face detection plumbing: non-maximum suppression, the clear error when opencv-data is missing,
// detection on the bundled portrait, and the AVX2 build of the HOG scan agreeing with the portable one.

#include "core/suggest/FaceDetector.h"
#include "core/io/ImageDecoder.h"
#include "core/suggest/HogScanBackend.h"

#include <QDir>
#include <QTemporaryDir>
#include <QTest>

#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>

using namespace cropwise;

class FaceDetectorTest : public QObject
{
    Q_OBJECT

private slots:
    void suppressOverlappingFaces_keepsTheBestOfEachGroup()
    {
        const std::vector<Face> faces = {
            { { 100, 100, 50, 50 }, 0.7 }, { { 105, 102, 48, 50 }, 0.9 }, // same face twice
            { { 300, 100, 60, 60 }, 0.8 }, // another face
            { { 310, 110, 20, 20 }, 0.95 }, // inside the previous: a part of it
        };
        const std::vector<Face> kept = suppressOverlappingFaces(faces);
        QCOMPARE(int(kept.size()), 2);
        QCOMPARE(kept[0].rect, (Rect { 310, 110, 20, 20 }));
        QCOMPARE(kept[1].rect, (Rect { 105, 102, 48, 50 }));
    }

    void detectFaces_saysWhatIsMissing_withoutCascades()
    {
        QTemporaryDir empty;
        qputenv("CROPWISE_HAARCASCADES_DIR", empty.path().toLocal8Bit());
        const QString error = faceDetectorError(FaceDetectorKind::Cascades);
        QVERIFY(error.contains(QStringLiteral("opencv-data")));
        QVERIFY(error.contains(empty.path()));
        QVERIFY(faceDetectorError(FaceDetectorKind::Hog).isEmpty()); // dlib's weights are compiled in
        QString detectError;
        const std::vector<Face> faces = detectFaces(cv::Mat(64, 64, CV_8UC3, cv::Scalar::all(128)),
            FaceDetectorOptions { FaceDetectorKind::Cascades }, &detectError);
        QVERIFY(faces.empty());
        QCOMPARE(detectError, error);
        qunsetenv("CROPWISE_HAARCASCADES_DIR");
        QVERIFY2(
            faceDetectorError(FaceDetectorKind::Cascades).isEmpty(), "opencv-data is a build dependency");
    }

    void detectFaces_findsTheAstronautsFace()
    {
        const DecodedImage image
            = decodeImage(QDir(QStringLiteral(CROPWISE_SAMPLES_DIR)).filePath("astronaut.png"));
        QVERIFY(image.ok());
        QString error;
        const std::vector<Face> faces = detectFaces(toBgr8(image.pixels), FaceDetectorOptions {}, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY(!faces.empty());
        // The face sits in the upper middle of the 512 x 512 photo, roughly 80-100 px wide.
        const Face &f = faces.front();
        QVERIFY2(f.rect.x > 130 && f.rect.rightEdge() < 300 && f.rect.y > 40 && f.rect.bottomEdge() < 220,
            qPrintable(QStringLiteral("%1,%2 %3x%4")
                           .arg(f.rect.x)
                           .arg(f.rect.y)
                           .arg(f.rect.width)
                           .arg(f.rect.height)));
        QVERIFY(f.score >= 0.5 && f.score <= 1.0);
    }

    void hogScan_avx2BuildAgreesWithPortable()
    {
#if defined(__x86_64__)
        if (!__builtin_cpu_supports("avx2") || !__builtin_cpu_supports("fma"))
            QSKIP("this CPU has no AVX2 + FMA: only the portable scan can run");
#else
        QSKIP("the AVX2 module is built for x86-64 only");
#endif
        const CropwiseHogScanFn avx2 = detail::hogScanFunction(detail::HogBackend::Avx2);
        QVERIFY2(avx2, "the AVX2 module is built beside the core and must load on this CPU");
        QVERIFY(avx2 != detail::hogScanFunction(detail::HogBackend::Portable));
        QCOMPARE(detail::hogBackendName(), QStringLiteral("avx2"));

        std::size_t compared = 0;
        for (const char *name : { "astronaut.png", "grace_hopper.jpg", "rocket.jpg" }) {
            const DecodedImage image = decodeImage(QDir(QStringLiteral(CROPWISE_SAMPLES_DIR)).filePath(name));
            QVERIFY(image.ok());
            cv::Mat grey, up;
            cv::cvtColor(toBgr8(image.pixels), grey, cv::COLOR_BGR2GRAY);
            cv::resize(grey, up, cv::Size(), 2.0, 2.0, cv::INTER_LINEAR);
            const auto scan = [&up](CropwiseHogScanFn fn) {
                std::vector<CropwiseHogDetection> found(64);
                found.resize(std::max(0, fn(up.data, up.cols, up.rows, int(up.step[0]), -0.5, found.data(), 64)));
                return found;
            };
            const std::vector<CropwiseHogDetection> a = scan(detail::hogScanFunction(detail::HogBackend::Portable));
            const std::vector<CropwiseHogDetection> b = scan(avx2);
            // Same detections; floating point may differ in the last bits (FMA rounds once).
            QCOMPARE(a.size(), b.size());
            for (std::size_t i = 0; i < a.size(); ++i) {
                QVERIFY2(std::abs(a[i].left - b[i].left) <= 2 && std::abs(a[i].top - b[i].top) <= 2
                        && std::abs(a[i].width - b[i].width) <= 2 && std::abs(a[i].confidence - b[i].confidence) < 0.01,
                    name);
            }
            compared += a.size();
        }
        QVERIFY(compared >= 2); // at least the two portraits' faces
    }

    void detectFaces_findsNothing_inFlatImage()
    {
        QString error;
        const std::vector<Face> faces
            = detectFaces(cv::Mat(300, 400, CV_8UC3, cv::Scalar(40, 120, 200)), {}, &error);
        QVERIFY(error.isEmpty());
        QVERIFY(faces.empty());
    }
};

QTEST_GUILESS_MAIN(FaceDetectorTest)
#include "FaceDetectorTest.moc"
