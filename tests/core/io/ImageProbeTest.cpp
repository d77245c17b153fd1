#include "core/io/ImageProbe.h"
#include "core/io/ImageDecoder.h"

#include "support/FixtureImages.h"

#include <QDir>
#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTest>

using namespace cropwise;
using namespace cropwise::test;

Q_DECLARE_METATYPE(cropwise::Size)

class ImageProbeTest : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

private slots:
    void probe_readsSizeAndFormat_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<ImageFormat>("format");
        QTest::addColumn<Size>("size");
        const cv::Mat image = quadrantImage(96, 40);
        QTest::newRow("jpeg") << encodeWithOpenCv(image, ".jpg") << ImageFormat::Jpeg << Size { 96, 40 };
        QTest::newRow("jpeg progressive")
            << encodeWithOpenCv(image, ".jpg", { cv::IMWRITE_JPEG_PROGRESSIVE, 1 }) << ImageFormat::Jpeg
            << Size { 96, 40 };
        QTest::newRow("png") << encodeWithOpenCv(image, ".png") << ImageFormat::Png << Size { 96, 40 };
        QTest::newRow("webp lossy") << encodeWithOpenCv(image, ".webp", { cv::IMWRITE_WEBP_QUALITY, 80 })
                                    << ImageFormat::WebP << Size { 96, 40 };
        QTest::newRow("webp lossless") << encodeWithOpenCv(image, ".webp", { cv::IMWRITE_WEBP_QUALITY, 101 })
                                       << ImageFormat::WebP << Size { 96, 40 };
        QTest::newRow("tiff") << encodeWithOpenCv(image, ".tiff") << ImageFormat::Tiff << Size { 96, 40 };
        QTest::newRow("bmp") << encodeWithOpenCv(image, ".bmp") << ImageFormat::Bmp << Size { 96, 40 };
        QTest::newRow("jpeg with orientation 6") << withExifOrientation(encodeWithOpenCv(image, ".jpg"), 6)
                                                 << ImageFormat::Jpeg << Size { 40, 96 };
    }
    void probe_readsSizeAndFormat()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(ImageFormat, format);
        QFETCH(Size, size);
        const QString path = writeFixture(m_dir.path(), QStringLiteral("probe.img"), bytes);
        QVERIFY(!path.isEmpty());
        const ProbeResult fromFile = probeImage(path);
        QVERIFY2(fromFile.ok(), qPrintable(fromFile.error));
        QCOMPARE(fromFile.format, format);
        QCOMPARE(fromFile.displayedSize, size);
        const ProbeResult fromMemory = probeImageData(bytes);
        QCOMPARE(fromMemory.displayedSize, size);
        QCOMPARE(fromMemory.orientation, fromFile.orientation);
        // The probe and the decoder agree on the displayed size.
        QCOMPARE(decodeImage(path).fullSize, size);
    }

    void probe_readsOnlyTheHeader()
    {
        // A JPEG whose entropy data is cut off still probes (the header is complete): the probe does
        // not read pixel data. decodeImage reports the truncation.
        const QByteArray jpeg = encodeWithOpenCv(noiseImage(512, 512), ".jpg");
        const QString path
            = writeFixture(m_dir.path(), QStringLiteral("cut.jpg"), jpeg.first(jpeg.size() / 2));
        const ProbeResult probe = probeImage(path);
        QVERIFY2(probe.ok(), qPrintable(probe.error));
        QCOMPARE(probe.displayedSize, (Size { 512, 512 }));
        QVERIFY(decodeImage(path).error.startsWith(QLatin1String("truncated JPEG")));
    }

    void probe_isFastOnLargeFiles()
    {
        // 2000 x 1500 noise PNG stored uncompressed (~9 MB in ~1100 IDAT chunks): the probe must
        // not read or checksum it all.
        const QString path = writeFixture(m_dir.path(), QStringLiteral("large.png"),
            encodeWithOpenCv(noiseImage(2000, 1500), ".png", { cv::IMWRITE_PNG_COMPRESSION, 0 }));
        QVERIFY(!path.isEmpty());
        QElapsedTimer timer;
        timer.start();
        for (int i = 0; i < 20; ++i)
            QCOMPARE(probeImage(path).displayedSize, (Size { 2000, 1500 }));
        QVERIFY2(timer.elapsed() < 500, qPrintable(QString::number(timer.elapsed())));
    }

    void probe_reportsUnusableFiles()
    {
        const QString empty = writeFixture(m_dir.path(), QStringLiteral("empty.png"), {});
        QCOMPARE(probeImage(empty).error, QStringLiteral("empty file"));
        QCOMPARE(probeImage(m_dir.filePath(QStringLiteral("missing.png"))).error,
            QStringLiteral("file not found"));
        QCOMPARE(probeImage(m_dir.path()).error, QStringLiteral("is a folder, not an image file"));
        const QString text = writeFixture(m_dir.path(), QStringLiteral("notes.jpg"), "just some text\n");
        QCOMPARE(probeImage(text).error, QStringLiteral("not an image (unrecognised content)"));
        QVERIFY(probeImage(QStringLiteral("/dev/null")).error == QLatin1String("not a regular file"));
    }
};

QTEST_GUILESS_MAIN(ImageProbeTest)
#include "ImageProbeTest.moc"
