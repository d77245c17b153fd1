// cv::Mat <-> QImage conversion: every depth and channel count, channel order, deep copies,
// padded rows, and the ICC-aware display conversion.

#include "ui/ImageConversion.h"

#include <QColorSpace>
#include <QColorTransform>
#include <QRegularExpression>
#include <QTest>

#include <opencv2/core.hpp>

using namespace cropwise;

namespace {

// A small image whose every sample is different, so a swapped channel or a shifted row shows.
cv::Mat gradient(int width, int height, int depth, int channels)
{
    cv::Mat m(height, width, CV_MAKETYPE(depth, channels));
    for (int y = 0; y < height; ++y) {
        for (int x = 0; x < width; ++x) {
            for (int c = 0; c < channels; ++c) {
                const int v = (y * width * channels + x * channels + c) * 7 + 3;
                if (depth == CV_8U)
                    m.ptr<uchar>(y)[x * channels + c] = uchar(v % 256);
                else
                    m.ptr<ushort>(y)[x * channels + c] = ushort((v * 263) % 65536);
            }
        }
    }
    return m;
}

// The sample of channel `c` (OpenCV order: B, G, R, A) of pixel (x, y) read from the QImage.
int qimageSample(const QImage &image, int x, int y, int channel, int channels)
{
    const uchar *line = image.constScanLine(y);
    switch (image.format()) {
    case QImage::Format_Grayscale8:
        return line[x];
    case QImage::Format_Grayscale16:
        return reinterpret_cast<const quint16 *>(line)[x];
    case QImage::Format_RGB888:
        return line[x * 3 + (2 - channel)];
    case QImage::Format_RGBA8888:
        return line[x * 4 + (channel == 3 ? 3 : 2 - channel)];
    case QImage::Format_RGBX64:
    case QImage::Format_RGBA64:
        return reinterpret_cast<const quint16 *>(line)[x * 4 + (channel == 3 ? 3 : 2 - channel)];
    default:
        Q_UNUSED(channels);
        return -1;
    }
}

int matSample(const cv::Mat &m, int x, int y, int channel)
{
    if (m.depth() == CV_8U)
        return m.ptr<uchar>(y)[x * m.channels() + channel];
    return m.ptr<ushort>(y)[x * m.channels() + channel];
}

} // namespace

class ImageConversionTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void toQImage_keepsEverySample_data();
    void toQImage_keepsEverySample();
    void toMat_roundTripsExactly_data();
    void toMat_roundTripsExactly();
    void toQImage_isDeepCopy();
    void toQImage_readsRegionOfInterest();
    void toQImage_refusesUnsupportedTypes();
    void toMat_convertsOtherFormats();
    void toQImage_opaqueRgbx64_whenThreeChannels16Bit();
    void toDisplayImage_keepsPixels_withoutProfile_data();
    void toDisplayImage_keepsPixels_withoutProfile();
    void toDisplayImage_convertsToSrgb_withAdobeRgbProfile_data();
    void toDisplayImage_convertsToSrgb_withAdobeRgbProfile();
    void toDisplayImage_ignoresBrokenProfile();
    void toDisplayImage_premultipliesAlpha();
};

void ImageConversionTest::toQImage_keepsEverySample_data()
{
    QTest::addColumn<int>("depth");
    QTest::addColumn<int>("channels");
    QTest::addColumn<int>("width");
    QTest::addColumn<QImage::Format>("format");
    // Odd widths: QImage pads rows to 4 bytes, OpenCV does not.
    QTest::newRow("8-bit grey") << CV_8U << 1 << 5 << QImage::Format_Grayscale8;
    QTest::newRow("8-bit BGR") << CV_8U << 3 << 7 << QImage::Format_RGB888;
    QTest::newRow("8-bit BGRA") << CV_8U << 4 << 3 << QImage::Format_RGBA8888;
    QTest::newRow("16-bit grey") << CV_16U << 1 << 5 << QImage::Format_Grayscale16;
    QTest::newRow("16-bit BGR") << CV_16U << 3 << 3 << QImage::Format_RGBX64;
    QTest::newRow("16-bit BGRA") << CV_16U << 4 << 5 << QImage::Format_RGBA64;
}

void ImageConversionTest::toQImage_keepsEverySample()
{
    QFETCH(int, depth);
    QFETCH(int, channels);
    QFETCH(int, width);
    QFETCH(QImage::Format, format);
    const cv::Mat m = gradient(width, 4, depth, channels);
    const QImage image = toQImage(m);
    QCOMPARE(image.format(), format);
    QCOMPARE(image.size(), QSize(width, 4));
    for (int y = 0; y < m.rows; ++y)
        for (int x = 0; x < m.cols; ++x)
            for (int c = 0; c < channels; ++c)
                QCOMPARE(qimageSample(image, x, y, c, channels), matSample(m, x, y, c));
}

void ImageConversionTest::toMat_roundTripsExactly_data()
{
    QTest::addColumn<int>("depth");
    QTest::addColumn<int>("channels");
    for (int depth : { CV_8U, CV_16U })
        for (int channels : { 1, 3, 4 })
            QTest::addRow("%d-bit %d channel(s)", depth == CV_8U ? 8 : 16, channels) << depth << channels;
}

void ImageConversionTest::toMat_roundTripsExactly()
{
    QFETCH(int, depth);
    QFETCH(int, channels);
    const cv::Mat m = gradient(7, 5, depth, channels);
    const cv::Mat back = toMat(toQImage(m));
    QCOMPARE(back.type(), m.type());
    QCOMPARE(back.size(), m.size());
    QCOMPARE(cv::norm(back, m, cv::NORM_INF), 0.0);
}

void ImageConversionTest::toQImage_isDeepCopy()
{
    cv::Mat m = gradient(4, 4, CV_8U, 3);
    const QImage image = toQImage(m);
    const QImage copy = image.copy();
    m.setTo(cv::Scalar(0, 0, 0));
    QCOMPARE(image, copy); // changing the Mat afterwards does not reach the QImage

    QImage source = toQImage(gradient(4, 4, CV_8U, 4));
    const cv::Mat converted = toMat(source);
    const cv::Mat before = converted.clone();
    source.fill(Qt::black);
    QCOMPARE(cv::norm(converted, before, cv::NORM_INF), 0.0);
}

void ImageConversionTest::toQImage_readsRegionOfInterest()
{
    // A view into a bigger Mat has a row step longer than its width.
    const cv::Mat big = gradient(10, 8, CV_8U, 3);
    const cv::Mat roi = big(cv::Rect(3, 2, 5, 4));
    QVERIFY(!roi.isContinuous());
    const QImage image = toQImage(roi);
    QCOMPARE(image.size(), QSize(5, 4));
    for (int y = 0; y < roi.rows; ++y)
        for (int x = 0; x < roi.cols; ++x)
            for (int c = 0; c < 3; ++c)
                QCOMPARE(qimageSample(image, x, y, c, 3), matSample(roi, x, y, c));
}

void ImageConversionTest::toQImage_refusesUnsupportedTypes()
{
    QVERIFY(toQImage(cv::Mat()).isNull());
    QVERIFY(toQImage(cv::Mat(3, 3, CV_32FC3, cv::Scalar(0.5, 0.5, 0.5))).isNull());
    QVERIFY(toQImage(cv::Mat(3, 3, CV_8UC2, cv::Scalar(1, 2))).isNull());
    QVERIFY(toMat(QImage()).empty());
    QVERIFY(toDisplayImage(cv::Mat(), {}).isNull());
}

void ImageConversionTest::toMat_convertsOtherFormats()
{
    QImage premultiplied(2, 1, QImage::Format_ARGB32_Premultiplied);
    premultiplied.setPixelColor(0, 0, QColor(200, 100, 50, 255));
    premultiplied.setPixelColor(1, 0, QColor(200, 100, 50, 128));
    const cv::Mat bgra = toMat(premultiplied);
    QCOMPARE(bgra.type(), CV_8UC4);
    const cv::Vec4b opaque = bgra.at<cv::Vec4b>(0, 0);
    QCOMPARE(opaque, cv::Vec4b(50, 100, 200, 255));
    const cv::Vec4b half = bgra.at<cv::Vec4b>(0, 1);
    QCOMPARE(int(half[3]), 128);
    QVERIFY(qAbs(int(half[2]) - 200) <= 2); // un-premultiplied (rounding through 8 bits)

    QImage rgb32(1, 1, QImage::Format_RGB32);
    rgb32.setPixelColor(0, 0, QColor(10, 20, 30));
    const cv::Mat bgr = toMat(rgb32);
    QCOMPARE(bgr.type(), CV_8UC3);
    QCOMPARE(bgr.at<cv::Vec3b>(0, 0), cv::Vec3b(30, 20, 10));
}

void ImageConversionTest::toQImage_opaqueRgbx64_whenThreeChannels16Bit()
{
    const QImage image = toQImage(cv::Mat(2, 2, CV_16UC3, cv::Scalar(1000, 2000, 3000)));
    QVERIFY(!image.hasAlphaChannel());
    const auto *px = reinterpret_cast<const quint16 *>(image.constScanLine(1));
    QCOMPARE(px[4 + 0], quint16(3000)); // R
    QCOMPARE(px[4 + 2], quint16(1000)); // B
    QCOMPARE(px[4 + 3], quint16(65535)); // opaque
}

void ImageConversionTest::toDisplayImage_keepsPixels_withoutProfile_data()
{
    QTest::addColumn<int>("depth");
    QTest::addColumn<int>("channels");
    for (int depth : { CV_8U, CV_16U })
        for (int channels : { 1, 3, 4 })
            QTest::addRow("%d-bit %d channel(s)", depth == CV_8U ? 8 : 16, channels) << depth << channels;
}

void ImageConversionTest::toDisplayImage_keepsPixels_withoutProfile()
{
    QFETCH(int, depth);
    QFETCH(int, channels);
    const double unit = depth == CV_8U ? 1.0 : 257.0;
    cv::Mat m(3, 3, CV_MAKETYPE(depth, channels));
    m.setTo(cv::Scalar(40 * unit, 120 * unit, 220 * unit, 255 * unit)); // B G R A
    const QImage shown = toDisplayImage(m, QByteArray());
    QCOMPARE(shown.format(), channels == 4 ? QImage::Format_ARGB32_Premultiplied : QImage::Format_RGB32);
    const QColor c = shown.pixelColor(1, 1);
    if (channels == 1) {
        QCOMPARE(c.red(), 40);
        QCOMPARE(c.blue(), 40);
    } else {
        QCOMPARE(c, QColor(220, 120, 40));
    }
}

void ImageConversionTest::toDisplayImage_convertsToSrgb_withAdobeRgbProfile_data()
{
    QTest::addColumn<int>("depth");
    QTest::newRow("8-bit") << CV_8U;
    QTest::newRow("16-bit") << CV_16U;
}

void ImageConversionTest::toDisplayImage_convertsToSrgb_withAdobeRgbProfile()
{
    QFETCH(int, depth);
    const QByteArray adobe = QColorSpace(QColorSpace::AdobeRgb).iccProfile();
    QVERIFY(!adobe.isEmpty());
    const double unit = depth == CV_8U ? 1.0 : 257.0;
    // A saturated Adobe RGB green lies outside sRGB; a mid tone shifts visibly.
    cv::Mat m(2, 1, CV_MAKETYPE(depth, 3));
    m.setTo(cv::Scalar(0, 0, 0));
    const cv::Scalar tone(60 * unit, 150 * unit, 90 * unit); // B G R
    m.row(0).setTo(tone);
    m.row(1).setTo(cv::Scalar(128 * unit, 128 * unit, 128 * unit));

    const QImage shown = toDisplayImage(m, adobe);
    QVERIFY(!shown.isNull());
    QCOMPARE(shown.colorSpace(), QColorSpace(QColorSpace::SRgb));

    // What Qt's own colour management says the tone is in sRGB.
    const QColorTransform toSrgb
        = QColorSpace(QColorSpace::AdobeRgb).transformationToColorSpace(QColorSpace::SRgb);
    const QColor expected = toSrgb.map(QColor(90, 150, 60));
    const QColor got = shown.pixelColor(0, 0);
    QVERIFY2(qAbs(got.red() - expected.red()) <= 1 && qAbs(got.green() - expected.green()) <= 1
            && qAbs(got.blue() - expected.blue()) <= 1,
        qPrintable(QStringLiteral("got %1, expected %2").arg(got.name(), expected.name())));
    QVERIFY(got != QColor(90, 150, 60)); // it really was converted

    // Neutral greys stay neutral (both spaces share the D65 white point).
    const QColor grey = shown.pixelColor(0, 1);
    QVERIFY(qAbs(grey.red() - grey.green()) <= 1 && qAbs(grey.green() - grey.blue()) <= 1);
}

void ImageConversionTest::toDisplayImage_ignoresBrokenProfile()
{
    const cv::Mat m(2, 2, CV_8UC3, cv::Scalar(60, 150, 90));
    // Qt logs its own reason (category qt.gui.icc); what matters is that the pixels survive.
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("fromIccProfile")));
    const QImage shown = toDisplayImage(m, QByteArray("definitely not an ICC profile"));
    QCOMPARE(shown.pixelColor(0, 0), QColor(90, 150, 60));
}

void ImageConversionTest::toDisplayImage_premultipliesAlpha()
{
    cv::Mat m(1, 1, CV_8UC4, cv::Scalar(0, 0, 255, 128)); // half-transparent red
    const QImage shown = toDisplayImage(m, {});
    QVERIFY(shown.hasAlphaChannel());
    const QColor c = shown.pixelColor(0, 0);
    QCOMPARE(c.alpha(), 128);
    QVERIFY(qAbs(c.red() - 255) <= 1);
}

QTEST_MAIN(ImageConversionTest)
#include "ImageConversionTest.moc"
