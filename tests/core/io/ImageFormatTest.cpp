#include "core/io/ImageFormat.h"

#include "support/FixtureImages.h"

#include <QTest>

using namespace cropwise;
using namespace cropwise::test;

class ImageFormatTest : public QObject
{
    Q_OBJECT

private slots:
    void sniffFormat_recognisesMagicBytes_data()
    {
        QTest::addColumn<QByteArray>("head");
        QTest::addColumn<ImageFormat>("format");
        QTest::addColumn<bool>("decodable");
        const cv::Mat image = quadrantImage(32, 32);
        QTest::newRow("jpeg") << encodeWithOpenCv(image, ".jpg") << ImageFormat::Jpeg << true;
        QTest::newRow("png") << encodeWithOpenCv(image, ".png") << ImageFormat::Png << true;
        QTest::newRow("webp") << encodeWithOpenCv(image, ".webp") << ImageFormat::WebP << true;
        QTest::newRow("tiff") << encodeWithOpenCv(image, ".tiff") << ImageFormat::Tiff << true;
        QTest::newRow("bigtiff") << QByteArray("II+\0\x08\0\0\0", 8) << ImageFormat::Tiff << true;
        QTest::newRow("bmp") << encodeWithOpenCv(image, ".bmp") << ImageFormat::Bmp << true;
        QTest::newRow("gif") << tinyGif() << ImageFormat::Gif << false;
        QTest::newRow("heic") << QByteArray("\0\0\0\x18"
                                            "ftypheic\0\0\0\0mif1heic",
            24) << ImageFormat::Heif
                              << false;
        QTest::newRow("avif") << QByteArray("\0\0\0\x1C"
                                            "ftypavif\0\0\0\0avifmif1miaf",
            28) << ImageFormat::Avif
                              << false;
        QTest::newRow("mp4 is not heif") << QByteArray("\0\0\0\x18"
                                                       "ftypisom\0\0\0\0isomiso2",
            24) << ImageFormat::Unknown << false;
        QTest::newRow("jpeg xl codestream") << QByteArray("\xFF\x0A\x00", 3) << ImageFormat::JpegXl << false;
        QTest::newRow("jpeg 2000") << QByteArray("\0\0\0\x0CjP  \r\n\x87\n", 12) << ImageFormat::Jpeg2000
                                   << false;
        QTest::newRow("psd") << QByteArray("8BPS\0\x01") << ImageFormat::Psd << false;
        QTest::newRow("pnm") << QByteArray("P6\n32 32\n255\n") << ImageFormat::Pnm << false;
        QTest::newRow("text") << QByteArray("hello") << ImageFormat::Unknown << false;
        QTest::newRow("BM text") << QByteArray("BMW is a car maker, not a bitmap") << ImageFormat::Unknown
                                 << false;
        QTest::newRow("empty") << QByteArray() << ImageFormat::Unknown << false;
        QTest::newRow("two bytes of jpeg") << QByteArray("\xFF\xD8") << ImageFormat::Unknown << false;
    }
    void sniffFormat_recognisesMagicBytes()
    {
        QFETCH(QByteArray, head);
        QFETCH(ImageFormat, format);
        QFETCH(bool, decodable);
        QCOMPARE(sniffFormat(head.first(qMin(head.size(), kSniffBytes))), format);
        QCOMPARE(isDecodable(format), decodable);
        QCOMPARE(unsupportedFormatReason(format).isEmpty(), decodable);
    }

    void formatName_isShortLowerCase()
    {
        QCOMPARE(formatName(ImageFormat::Jpeg), QStringLiteral("jpeg"));
        QCOMPARE(formatName(ImageFormat::Png), QStringLiteral("png"));
        QCOMPARE(formatName(ImageFormat::WebP), QStringLiteral("webp"));
        QCOMPARE(formatName(ImageFormat::Tiff), QStringLiteral("tiff"));
        QCOMPARE(formatName(ImageFormat::Bmp), QStringLiteral("bmp"));
        QCOMPARE(unsupportedFormatReason(ImageFormat::Gif),
            QStringLiteral("GIF is not supported: convert it to JPEG, PNG, WebP or TIFF first"));
    }
};

QTEST_GUILESS_MAIN(ImageFormatTest)
#include "ImageFormatTest.moc"
