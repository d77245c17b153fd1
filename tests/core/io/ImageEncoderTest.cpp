#include "core/io/ImageEncoder.h"
#include "core/io/ImageDecoder.h"

#include "support/FixtureImages.h"

#include <QTest>
#include <QtEndian>

#include <exiv2/exiv2.hpp>

using namespace cropwise;
using namespace cropwise::test;

Q_DECLARE_METATYPE(cv::Mat)

namespace {

int maxChannelDifference(const cv::Mat &a, const cv::Mat &b)
{
    if (a.size() != b.size() || a.type() != b.type())
        return INT_MAX;
    cv::Mat diff;
    cv::absdiff(a, b, diff);
    double maxValue = 0;
    cv::minMaxLoc(diff.reshape(1), nullptr, &maxValue);
    return int(maxValue);
}

} // namespace

class ImageEncoderTest : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { Exiv2::LogMsg::setLevel(Exiv2::LogMsg::mute); }

    void outputFormatForSuffix_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("format"); // -1 = none
        QTest::newRow("jpg") << "jpg" << int(OutputFormat::Jpeg);
        QTest::newRow(".JPEG") << ".JPEG" << int(OutputFormat::Jpeg);
        QTest::newRow("path") << "/tmp/some.dir/crop.png" << int(OutputFormat::Png);
        QTest::newRow("webp") << "x.webp" << int(OutputFormat::WebP);
        QTest::newRow("tif") << "x.tif" << int(OutputFormat::Tiff);
        QTest::newRow("tiff") << "x.TIFF" << int(OutputFormat::Tiff);
        QTest::newRow("gif") << "x.gif" << -1;
        QTest::newRow("no suffix") << "/tmp/some.dir/crop" << -1;
        QTest::newRow("empty") << "" << -1;
    }
    void outputFormatForSuffix()
    {
        QFETCH(QString, text);
        QFETCH(int, format);
        const std::optional<OutputFormat> got = cropwise::outputFormatForSuffix(text);
        QCOMPARE(got ? int(*got) : -1, format);
    }

    void encode_roundTrips_data()
    {
        QTest::addColumn<cv::Mat>("pixels");
        QTest::addColumn<int>("format");
        QTest::addColumn<int>("decodedType");
        QTest::addColumn<int>("tolerance");
        QTest::newRow("png bgr 8") << quadrantImage(64, 32) << int(OutputFormat::Png) << CV_8UC3 << 0;
        QTest::newRow("png bgra 16 keeps depth and alpha")
            << quadrantImage(64, 32, CV_16U, 4) << int(OutputFormat::Png) << CV_16UC4 << 0;
        QTest::newRow("png grey 16") << quadrantImage(64, 32, CV_16U, 1) << int(OutputFormat::Png) << CV_16UC1
                                     << 0;
        QTest::newRow("tiff bgr 16") << quadrantImage(64, 32, CV_16U, 3) << int(OutputFormat::Tiff)
                                     << CV_16UC3 << 0;
        QTest::newRow("tiff bgra 8") << quadrantImage(64, 32, CV_8U, 4) << int(OutputFormat::Tiff) << CV_8UC4
                                     << 0;
        QTest::newRow("jpeg bgr") << quadrantImage(64, 32) << int(OutputFormat::Jpeg) << CV_8UC3 << 6;
        QTest::newRow("jpeg grey stays grey")
            << quadrantImage(64, 32, CV_8U, 1) << int(OutputFormat::Jpeg) << CV_8UC1 << 6;
        QTest::newRow("jpeg from 16-bit")
            << quadrantImage(64, 32, CV_16U) << int(OutputFormat::Jpeg) << CV_8UC3 << 6;
        QTest::newRow("webp lossless alpha")
            << quadrantImage(64, 32, CV_8U, 4) << int(OutputFormat::WebP) << CV_8UC4 << 0;
    }
    void encode_roundTrips()
    {
        QFETCH(cv::Mat, pixels);
        QFETCH(int, format);
        QFETCH(int, decodedType);
        QFETCH(int, tolerance);
        EncodeOptions options;
        options.format = OutputFormat(format);
        options.quality = tolerance == 0 ? 100 : 95;
        const EncodeResult encoded = encodeImage(pixels, options);
        QVERIFY2(encoded.ok(), qPrintable(encoded.error));
        const DecodedImage decoded = decodeImageData(encoded.bytes);
        QVERIFY2(decoded.ok(), qPrintable(decoded.error));
        QCOMPARE(decoded.pixels.type(), decodedType);
        cv::Mat expected = pixels;
        if (CV_MAT_DEPTH(decodedType) == CV_8U && pixels.depth() == CV_16U)
            pixels.convertTo(expected, CV_8U, 1.0 / 257.0);
        QVERIFY2(maxChannelDifference(decoded.pixels, expected) <= tolerance,
            qPrintable(QString::number(maxChannelDifference(decoded.pixels, expected))));
    }

    void encode_jpegCompositesAlphaOverWhite()
    {
        EncodeOptions options;
        options.format = OutputFormat::Jpeg;
        options.quality = 100;
        const EncodeResult encoded = encodeImage(quadrantImage(64, 32, CV_8U, 4), options);
        QVERIFY(encoded.ok());
        const DecodedImage decoded = decodeImageData(encoded.bytes);
        QCOMPARE(decoded.pixels.type(), CV_8UC3);
        // Bottom-right: yellow at alpha 128 over white -> (127, 255, 255).
        const cv::Vec3b br = decoded.pixels.at<cv::Vec3b>(24, 48);
        QVERIFY(qAbs(br[0] - 127) <= 4 && br[1] >= 250 && br[2] >= 250);
    }

    void encode_jpegQuality_changesSize()
    {
        const cv::Mat noise = noiseImage(128, 128);
        EncodeOptions low;
        low.format = OutputFormat::Jpeg;
        low.quality = 20;
        EncodeOptions high = low;
        high.quality = 95;
        QVERIFY(encodeImage(noise, low).bytes.size() * 2 < encodeImage(noise, high).bytes.size());
    }

    void encode_embedsIccProfile_readableByExiv2_data()
    {
        QTest::addColumn<int>("format");
        QTest::newRow("jpeg") << int(OutputFormat::Jpeg);
        QTest::newRow("png") << int(OutputFormat::Png);
    }
    void encode_embedsIccProfile_readableByExiv2()
    {
        QFETCH(int, format);
        QByteArray icc(90'000, '\0'); // more than one JPEG APP2 chunk
        for (int i = 0; i < icc.size(); ++i)
            icc[i] = char((i * 31) ^ (i >> 8));
        qToBigEndian<quint32>(quint32(icc.size()), icc.data()); // exiv2 checks the profile's size field
        EncodeOptions options;
        options.format = OutputFormat(format);
        options.iccProfile = icc;
        const EncodeResult encoded = encodeImage(quadrantImage(64, 32), options);
        QVERIFY2(encoded.ok(), qPrintable(encoded.error));
        // An independent reader finds the same profile...
        auto image = Exiv2::ImageFactory::open(
            reinterpret_cast<const Exiv2::byte *>(encoded.bytes.constData()), long(encoded.bytes.size()));
        image->readMetadata();
        QVERIFY(image->iccProfileDefined());
        QCOMPARE(qsizetype(image->iccProfile()->size_), icc.size());
        QVERIFY(
            std::equal(icc.begin(), icc.end(), reinterpret_cast<const char *>(image->iccProfile()->pData_)));
        // ...and so does our decoder, with the pixels intact.
        const DecodedImage decoded = decodeImageData(encoded.bytes);
        QVERIFY(decoded.ok());
        QVERIFY(decoded.iccProfile == icc);
    }

    void encode_refusesUnsupportedLayouts()
    {
        EncodeOptions options;
        options.format = OutputFormat::Png;
        QVERIFY(!encodeImage(cv::Mat(), options).ok());
        QVERIFY(!encodeImage(cv::Mat(4, 4, CV_32FC3, cv::Scalar::all(0.5)), options).ok());
        QVERIFY(!encodeImage(cv::Mat(4, 4, CV_8UC2, cv::Scalar::all(1)), options).ok());
    }
};

QTEST_GUILESS_MAIN(ImageEncoderTest)
#include "ImageEncoderTest.moc"
