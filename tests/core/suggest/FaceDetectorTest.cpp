// Face detection plumbing: non-maximum suppression, the clear error when opencv-data is missing,
// and detection on the bundled portrait.

#include "core/suggest/FaceDetector.h"
#include "core/io/ImageDecoder.h"

#include <QDir>
#include <QTemporaryDir>
#include <QTest>

#include <opencv2/core.hpp>

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
