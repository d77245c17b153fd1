#include "core/io/CropExport.h"

#include "support/FixtureImages.h"

#include <QDir>
#include <QTemporaryDir>
#include <QTest>

using namespace cropwise;
using namespace cropwise::test;

Q_DECLARE_METATYPE(cropwise::Size)
Q_DECLARE_METATYPE(cropwise::ExportSize)

namespace {

DecodedImage fullImageOf(const cv::Mat &pixels)
{
    DecodedImage image;
    image.pixels = pixels;
    image.fullSize = { pixels.cols, pixels.rows };
    image.format = ImageFormat::Png;
    return image;
}

// Pixels whose value encodes their position, so a crop shows exactly where it came from.
cv::Mat positionImage(int width, int height)
{
    cv::Mat m(height, width, CV_8UC3);
    for (int y = 0; y < height; ++y)
        for (int x = 0; x < width; ++x)
            m.at<cv::Vec3b>(y, x) = cv::Vec3b(uchar(x), uchar(y), uchar((x * 7 + y * 13) & 0xFF));
    return m;
}

bool identical(const cv::Mat &a, const cv::Mat &b)
{
    return a.size() == b.size() && a.type() == b.type() && cv::norm(a, b, cv::NORM_INF) == 0;
}

} // namespace

class CropExportTest : public QObject
{
    Q_OBJECT

private slots:
    void exportPixelSize_keepsAspect_data()
    {
        QTest::addColumn<Size>("crop");
        QTest::addColumn<ExportSize>("size");
        QTest::addColumn<Size>("expected"); // empty = refused
        QTest::newRow("original") << Size { 300, 200 } << ExportSize::original() << Size { 300, 200 };
        QTest::newRow("long side, landscape")
            << Size { 300, 200 } << ExportSize::longestSide(150) << Size { 150, 100 };
        QTest::newRow("long side, portrait")
            << Size { 200, 300 } << ExportSize::longestSide(150) << Size { 100, 150 };
        QTest::newRow("long side, enlarge")
            << Size { 30, 20 } << ExportSize::longestSide(300) << Size { 300, 200 };
        QTest::newRow("width") << Size { 300, 200 } << ExportSize::fixedWidth(100) << Size { 100, 67 };
        QTest::newRow("height") << Size { 300, 200 } << ExportSize::fixedHeight(100) << Size { 150, 100 };
        QTest::newRow("exact, same aspect")
            << Size { 300, 200 } << ExportSize::exact(150, 100) << Size { 150, 100 };
        QTest::newRow("exact, rounding pixel")
            << Size { 301, 200 } << ExportSize::exact(150, 100) << Size { 150, 100 };
        QTest::newRow("exact, other aspect") << Size { 300, 200 } << ExportSize::exact(100, 100) << Size {};
        QTest::newRow("zero length") << Size { 300, 200 } << ExportSize::longestSide(0) << Size {};
        QTest::newRow("tiny side never zero")
            << Size { 1000, 1 } << ExportSize::longestSide(10) << Size { 10, 1 };
        QTest::newRow("too large") << Size { 100, 100 } << ExportSize::longestSide(100'000) << Size {};
    }
    void exportPixelSize_keepsAspect()
    {
        QFETCH(Size, crop);
        QFETCH(ExportSize, size);
        QFETCH(Size, expected);
        QString error;
        QCOMPARE(exportPixelSize(crop, size, &error), expected);
        QCOMPARE(error.isEmpty(), !expected.isEmpty());
    }

    void exportCrop_writesExactlyTheCropPixels_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<Rect>("rect");
        QTest::newRow("inner") << "inner.png" << Rect { 10, 20, 37, 11 };
        QTest::newRow("whole image") << "whole.png" << Rect { 0, 0, 120, 80 };
        QTest::newRow("bottom-right corner pixel") << "corner.png" << Rect { 119, 79, 1, 1 };
        QTest::newRow("tiff") << "inner.tiff" << Rect { 5, 5, 50, 50 };
    }
    void exportCrop_writesExactlyTheCropPixels()
    {
        QFETCH(QString, name);
        QFETCH(Rect, rect);
        QTemporaryDir dir;
        const cv::Mat source = positionImage(120, 80);
        CropExportOptions options;
        options.encode.format = *outputFormatForSuffix(name);
        const QString out = dir.filePath(name);
        QCOMPARE(exportCrop(fullImageOf(source), rect, options, out), QString());
        const DecodedImage written = decodeImage(out);
        QVERIFY2(written.ok(), qPrintable(written.error));
        QVERIFY(identical(written.pixels, source(cv::Rect(rect.x, rect.y, rect.width, rect.height))));
    }

    void exportCrop_refusesRectOutsideImage_data()
    {
        QTest::addColumn<Rect>("rect");
        QTest::newRow("past right edge") << Rect { 100, 0, 21, 10 };
        QTest::newRow("past bottom edge") << Rect { 0, 70, 10, 11 };
        QTest::newRow("negative") << Rect { -1, 0, 10, 10 };
        QTest::newRow("empty") << Rect { 10, 10, 0, 10 };
    }
    void exportCrop_refusesRectOutsideImage()
    {
        QFETCH(Rect, rect);
        QTemporaryDir dir;
        CropExportOptions options;
        options.encode.format = OutputFormat::Png;
        const QString out = dir.filePath(QStringLiteral("out.png"));
        const QString error = exportCrop(fullImageOf(positionImage(120, 80)), rect, options, out);
        QVERIFY2(
            error.contains(QLatin1String("does not lie inside the image (120 x 80)")), qPrintable(error));
        QVERIFY(!QFileInfo::exists(out));
    }

    void exportCrop_resizes_keepingAspect()
    {
        QTemporaryDir dir;
        const cv::Mat source = quadrantImage(128, 64);
        CropExportOptions options;
        options.encode.format = OutputFormat::Png;
        options.size = ExportSize::longestSide(32);
        const QString smaller = dir.filePath(QStringLiteral("smaller.png"));
        QCOMPARE(exportCrop(fullImageOf(source), Rect { 0, 0, 128, 64 }, options, smaller), QString());
        DecodedImage written = decodeImage(smaller);
        QCOMPARE(written.fullSize, (Size { 32, 16 }));
        QCOMPARE(written.pixels.at<cv::Vec3b>(4, 4), cv::Vec3b(0, 0, 255)); // still red top-left

        options.size = ExportSize::fixedHeight(128);
        const QString larger = dir.filePath(QStringLiteral("larger.png"));
        QCOMPARE(exportCrop(fullImageOf(source), Rect { 64, 0, 64, 32 }, options, larger), QString());
        written = decodeImage(larger);
        QCOMPARE(written.fullSize, (Size { 256, 128 }));
        QCOMPARE(written.pixels.at<cv::Vec3b>(64, 128), cv::Vec3b(0, 255, 0)); // the green quadrant, enlarged
    }

    void exportCrop_keeps16Bit_inPng_andConvertsForJpeg()
    {
        QTemporaryDir dir;
        const cv::Mat source = quadrantImage(64, 64, CV_16U, 3);
        CropExportOptions options;
        options.encode.format = OutputFormat::Png;
        const QString png = dir.filePath(QStringLiteral("deep.png"));
        QCOMPARE(exportCrop(fullImageOf(source), Rect { 0, 0, 64, 64 }, options, png), QString());
        QCOMPARE(decodeImage(png).pixels.type(), CV_16UC3);
        options.encode.format = OutputFormat::Jpeg;
        const QString jpeg = dir.filePath(QStringLiteral("flat.jpg"));
        QCOMPARE(exportCrop(fullImageOf(source), Rect { 0, 0, 64, 64 }, options, jpeg), QString());
        QCOMPARE(decodeImage(jpeg).pixels.type(), CV_8UC3);
    }

    void exportCrop_neverOverwritesSilently()
    {
        QTemporaryDir dir;
        const QString out = writeFixture(dir.path(), QStringLiteral("taken.png"), "precious");
        CropExportOptions options;
        options.encode.format = OutputFormat::Png;
        const DecodedImage image = fullImageOf(quadrantImage(32, 32));
        QCOMPARE(exportCrop(image, Rect { 0, 0, 8, 8 }, options, out),
            QStringLiteral("already exists (not overwritten)"));
        QCOMPARE(readFileBytes(out), QByteArray("precious"));
        options.overwrite = OverwritePolicy::Replace;
        QCOMPARE(exportCrop(image, Rect { 0, 0, 8, 8 }, options, out), QString());
        QCOMPARE(decodeImage(out).fullSize, (Size { 8, 8 }));
    }

    void exportCrop_refusesReducedDecode()
    {
        QTemporaryDir dir;
        DecodedImage preview = fullImageOf(quadrantImage(32, 32));
        preview.fullSize = { 64, 64 };
        preview.scale = 0.5;
        CropExportOptions options;
        options.encode.format = OutputFormat::Png;
        QVERIFY(exportCrop(preview, Rect { 0, 0, 8, 8 }, options, dir.filePath(QStringLiteral("x.png")))
                    .contains(QLatin1String("reduced size")));
    }

    void exportCrop_carriesIccProfile()
    {
        QTemporaryDir dir;
        DecodedImage image = fullImageOf(quadrantImage(32, 32));
        image.iccProfile = QByteArray(600, 'p');
        CropExportOptions options;
        options.encode.format = OutputFormat::Jpeg;
        const QString out = dir.filePath(QStringLiteral("icc.jpg"));
        QCOMPARE(exportCrop(image, Rect { 0, 0, 16, 16 }, options, out), QString());
        QCOMPARE(decodeImage(out).iccProfile, image.iccProfile);
    }

    void exportCrop_onOrientedImage_usesDisplayedPixels()
    {
        // A JPEG stored 64x32 with orientation 6 displays as 32x64; the crop rect is in displayed pixels.
        QTemporaryDir dir;
        const QString source = writeFixture(dir.path(), QStringLiteral("rotated.jpg"),
            withExifOrientation(
                encodeWithOpenCv(quadrantImage(64, 32), ".jpg", { cv::IMWRITE_JPEG_QUALITY, 95 }), 6));
        const DecodedImage image = decodeImage(source);
        QCOMPARE(image.fullSize, (Size { 32, 64 }));
        CropExportOptions options;
        options.encode.format = OutputFormat::Png;
        const QString out = dir.filePath(QStringLiteral("top-right.png"));
        // Displayed top-right 16x32 region = stored top-left quadrant (red) rotated clockwise.
        QCOMPARE(exportCrop(image, Rect { 16, 0, 16, 32 }, options, out), QString());
        const DecodedImage written = decodeImage(out);
        QCOMPARE(written.fullSize, (Size { 16, 32 }));
        const cv::Vec3b centre = written.pixels.at<cv::Vec3b>(16, 8);
        QVERIFY(centre[2] > 200 && centre[0] < 50 && centre[1] < 50);
    }
};

QTEST_GUILESS_MAIN(CropExportTest)
#include "CropExportTest.moc"
