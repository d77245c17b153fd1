#include "core/io/ImageDecoder.h"
#include "core/io/ImageProbe.h"

#include "support/FixtureImages.h"
#include "support/StderrCapture.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <QtEndian>

#include <exiv2/exiv2.hpp>
#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>

#include <cstdio>
#include <iostream>
#include <jpeglib.h>
#include <random>
#include <sstream>
#include <unistd.h>

Q_DECLARE_METATYPE(cv::Mat)
Q_DECLARE_METATYPE(cv::Vec3b)
Q_DECLARE_METATYPE(cropwise::Size)

using namespace cropwise;
using namespace cropwise::test;

namespace {

// exiv2 writes the metadata: an implementation independent of our reader.
bool exivSetOrientation(const QString &path, int orientation)
{
    try {
        auto image = Exiv2::ImageFactory::open(QFile::encodeName(path).toStdString());
        image->readMetadata();
        image->exifData()["Exif.Image.Orientation"] = uint16_t(orientation);
        image->writeMetadata();
        return true;
    } catch (const Exiv2::AnyError &) {
        return false;
    }
}

bool exivSetIcc(const QString &path, const QByteArray &icc)
{
    try {
        auto image = Exiv2::ImageFactory::open(QFile::encodeName(path).toStdString());
        image->readMetadata();
        Exiv2::DataBuf buffer(reinterpret_cast<const Exiv2::byte *>(icc.constData()), long(icc.size()));
        image->setIccProfile(buffer, false);
        image->writeMetadata();
        return true;
    } catch (const Exiv2::AnyError &) {
        return false;
    }
}

// A fake but well-formed-looking ICC blob (the decoder passes profiles through untouched).
QByteArray fakeIcc(int size)
{
    QByteArray icc(size, '\0');
    qToBigEndian<quint32>(quint32(size), icc.data());
    icc.replace(36, 4, "acsp");
    for (int i = 128; i < size; ++i)
        icc[i] = char(i * 7);
    return icc;
}

// Writes a CMYK JPEG through libjpeg. adobe = true writes the Adobe marker and, as Photoshop does,
// inverted ink values (255 = no ink); adobe = false writes plain CMYK without the marker.
QByteArray cmykJpeg(const cv::Mat &inks /* CV_8UC4, 255 = full ink */, bool adobe)
{
    jpeg_compress_struct cinfo;
    jpeg_error_mgr jerr;
    cinfo.err = jpeg_std_error(&jerr);
    jpeg_create_compress(&cinfo);
    unsigned char *buffer = nullptr;
    unsigned long size = 0;
    jpeg_mem_dest(&cinfo, &buffer, &size);
    cinfo.image_width = JDIMENSION(inks.cols);
    cinfo.image_height = JDIMENSION(inks.rows);
    cinfo.input_components = 4;
    cinfo.in_color_space = JCS_CMYK;
    jpeg_set_defaults(&cinfo);
    jpeg_set_colorspace(&cinfo, JCS_CMYK);
    cinfo.write_Adobe_marker = adobe ? TRUE : FALSE;
    jpeg_set_quality(&cinfo, 95, TRUE);
    jpeg_start_compress(&cinfo, TRUE);
    cv::Mat stored = adobe ? cv::Scalar::all(255) - inks : inks;
    stored = stored.clone();
    while (cinfo.next_scanline < cinfo.image_height) {
        JSAMPROW row = stored.ptr<uchar>(int(cinfo.next_scanline));
        jpeg_write_scanlines(&cinfo, &row, 1);
    }
    jpeg_finish_compress(&cinfo);
    jpeg_destroy_compress(&cinfo);
    QByteArray bytes(reinterpret_cast<const char *>(buffer), qsizetype(size));
    free(buffer);
    return bytes;
}

// Where stored pixel (column c, row r) of a W x H image is displayed, straight from the EXIF
// definition of each orientation ("the 0th row is the visual ..., the 0th column is the visual ...").
cv::Point displayedPosition(int orientation, int c, int r, int w, int h)
{
    switch (orientation) {
    case 2:
        return { w - 1 - c, r }; // row 0 top, column 0 right
    case 3:
        return { w - 1 - c, h - 1 - r }; // row 0 bottom, column 0 right
    case 4:
        return { c, h - 1 - r }; // row 0 bottom, column 0 left
    case 5:
        return { r, c }; // row 0 left, column 0 top
    case 6:
        return { h - 1 - r, c }; // row 0 right, column 0 top
    case 7:
        return { h - 1 - r, w - 1 - c }; // row 0 right, column 0 bottom
    case 8:
        return { r, w - 1 - c }; // row 0 left, column 0 bottom
    default:
        return { c, r };
    }
}

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

QByteArray withReplaced(QByteArray bytes, qsizetype at, const QByteArray &with)
{
    bytes.replace(at, with.size(), with);
    return bytes;
}

// Offset of the first byte after the SOS segment (the entropy-coded data).
qsizetype entropyDataStart(const QByteArray &jpeg)
{
    const qsizetype sos = jpeg.indexOf(QByteArray("\xFF\xDA", 2));
    return sos < 0 ? -1 : sos + 2 + ((uchar(jpeg[sos + 2]) << 8) | uchar(jpeg[sos + 3]));
}

QByteArray webpWithIcc(const QByteArray &simpleLosslessWebp, int width, int height, const QByteArray &icc)
{
    // Simple file: RIFF size WEBP VP8L...; extended: VP8X (ICC flag) + ICCP + the VP8L chunk.
    QByteArray vp8x(10, '\0');
    vp8x[0] = 0x20 | 0x10; // ICC profile, alpha
    const auto put24 = [&vp8x](int at, int v) {
        vp8x[at] = char(v & 0xFF);
        vp8x[at + 1] = char((v >> 8) & 0xFF);
        vp8x[at + 2] = char((v >> 16) & 0xFF);
    };
    put24(4, width - 1);
    put24(7, height - 1);
    const auto chunk = [](const char *fourcc, const QByteArray &data) {
        QByteArray out(fourcc, 4);
        QByteArray size(4, '\0');
        qToLittleEndian<quint32>(quint32(data.size()), size.data());
        out += size + data;
        if (data.size() & 1)
            out += '\0';
        return out;
    };
    const QByteArray body
        = QByteArray("WEBP") + chunk("VP8X", vp8x) + chunk("ICCP", icc) + simpleLosslessWebp.sliced(12);
    QByteArray riffSize(4, '\0');
    qToLittleEndian<quint32>(quint32(body.size()), riffSize.data());
    return QByteArray("RIFF") + riffSize + body;
}

} // namespace

class ImageDecoderTest : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString fixture(const QString &name, const QByteArray &bytes)
    {
        const QString path = writeFixture(m_dir.path(), name, bytes);
        if (path.isEmpty())
            qFatal("cannot write fixture %s", qPrintable(name));
        return path;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        Exiv2::LogMsg::setLevel(Exiv2::LogMsg::mute);
    }

    void decode_appliesExifOrientation_data()
    {
        QTest::addColumn<QString>("extension");
        QTest::addColumn<int>("orientation");
        QTest::addColumn<int>("tolerance");
        QTest::addColumn<int>("depth");
        for (const char *ext : { ".jpg", ".png", ".webp", ".tiff" })
            for (int o = 1; o <= 8; ++o)
                QTest::addRow("%s orientation %d", ext + 1, o)
                    << QString::fromLatin1(ext) << o << (qstrcmp(ext, ".jpg") == 0 ? 40 : 0) << CV_8U;
        // OpenCV reads 8-bit TIFF through libtiff's RGBA interface (which applies the orientation)
        // and 16-bit TIFF raw (which does not): both must come out the same.
        for (int o : { 2, 6, 7 })
            QTest::addRow("tiff 16-bit orientation %d", o) << QStringLiteral(".tiff") << o << 0 << CV_16U;
        QTest::addRow("png 16-bit orientation 8") << QStringLiteral(".png") << 8 << 0 << CV_16U;
    }
    void decode_appliesExifOrientation()
    {
        QFETCH(QString, extension);
        QFETCH(int, orientation);
        QFETCH(int, tolerance);
        QFETCH(int, depth);
        const int w = 64;
        const int h = 32;
        const cv::Mat stored = quadrantImage(w, h, depth);
        std::vector<int> params;
        if (extension == QLatin1String(".webp"))
            params = { cv::IMWRITE_WEBP_QUALITY, 101 }; // lossless
        const QString path
            = fixture(QStringLiteral("orient%1-%2%3").arg(orientation).arg(depth).arg(extension),
                encodeWithOpenCv(stored, qPrintable(extension), params));
        QVERIFY(exivSetOrientation(path, orientation));

        const ProbeResult probe = probeImage(path);
        QVERIFY2(probe.ok(), qPrintable(probe.error));
        QCOMPARE(probe.orientation, orientation);
        const bool swapped = orientation >= 5;
        QCOMPARE(probe.displayedSize, (swapped ? Size { h, w } : Size { w, h }));

        const DecodedImage decoded = decodeImage(path);
        QVERIFY2(decoded.ok(), qPrintable(decoded.error));
        QCOMPARE(decoded.orientation, orientation);
        QCOMPARE(decoded.fullSize, probe.displayedSize);
        QCOMPARE(decoded.pixels.cols, decoded.fullSize.width);
        QCOMPARE(decoded.pixels.rows, decoded.fullSize.height);
        QCOMPARE(decoded.scale, 1.0);
        // The centre of each stored quadrant must show up where the orientation puts it.
        const struct
        {
            Quadrant quadrant;
            int c, r;
        } probes[] = { { Quadrant::TopLeft, w / 4, h / 4 }, { Quadrant::TopRight, 3 * w / 4, h / 4 },
            { Quadrant::BottomLeft, w / 4, 3 * h / 4 }, { Quadrant::BottomRight, 3 * w / 4, 3 * h / 4 } };
        for (const auto &p : probes) {
            const cv::Point at = displayedPosition(orientation, p.c, p.r, w, h);
            QCOMPARE(decoded.pixels.depth(), depth);
            cv::Vec3b got;
            if (depth == CV_16U) {
                const cv::Vec3w wide = decoded.pixels.at<cv::Vec3w>(at);
                got = cv::Vec3b(wide[0] / 257, wide[1] / 257, wide[2] / 257);
            } else {
                got = decoded.pixels.at<cv::Vec3b>(at);
            }
            const cv::Scalar want = quadrantColour(p.quadrant);
            for (int ch = 0; ch < 3; ++ch)
                QVERIFY2(qAbs(got[ch] - int(want[ch])) <= tolerance,
                    qPrintable(QStringLiteral("quadrant %1 at (%2,%3): got %4,%5,%6")
                                   .arg(int(p.quadrant))
                                   .arg(at.x)
                                   .arg(at.y)
                                   .arg(got[0])
                                   .arg(got[1])
                                   .arg(got[2])));
        }
    }

    void decode_readsOrientation_fromMinimalExifBlock()
    {
        // The test helper's hand-made EXIF block (used by CLI tests) must mean the same to exiv2.
        const QByteArray jpeg = withExifOrientation(encodeWithOpenCv(quadrantImage(64, 32), ".jpg"), 6);
        const QString path = fixture(QStringLiteral("minimal-exif.jpg"), jpeg);
        auto image = Exiv2::ImageFactory::open(QFile::encodeName(path).toStdString());
        image->readMetadata();
        QCOMPARE(image->exifData()["Exif.Image.Orientation"].toLong(), 6L);
        const DecodedImage decoded = decodeImage(path);
        QVERIFY(decoded.ok());
        QCOMPARE(decoded.orientation, 6);
        QCOMPARE(decoded.fullSize, (Size { 32, 64 }));
    }

    void decode_ignoresInvalidOrientation_withWarning()
    {
        const QByteArray jpeg = withExifOrientation(encodeWithOpenCv(quadrantImage(64, 32), ".jpg"), 9);
        const DecodedImage decoded = decodeImageData(jpeg);
        QVERIFY(decoded.ok());
        QCOMPARE(decoded.orientation, 1);
        QCOMPARE(decoded.fullSize, (Size { 64, 32 }));
        QVERIFY(decoded.warnings.join(QLatin1Char(' ')).contains(QLatin1String("invalid EXIF orientation")));
    }

    void decode_supportedLayouts_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<int>("format");
        QTest::addColumn<int>("type"); // expected cv type
        QTest::addColumn<int>("tolerance"); // 0 = lossless: pixels must equal the source
        const auto add = [](const char *name, const cv::Mat &m, const char *ext, ImageFormat f, int tolerance,
                             std::vector<int> params = {}, int type = -1) {
            QTest::newRow(name) << QString::fromLatin1(name) << encodeWithOpenCv(m, ext, params) << int(f)
                                << (type < 0 ? m.type() : type) << tolerance;
        };
        add("png grey 8", quadrantImage(64, 32, CV_8U, 1), ".png", ImageFormat::Png, 0);
        add("png grey 16", quadrantImage(64, 32, CV_16U, 1), ".png", ImageFormat::Png, 0);
        add("png colour 8", quadrantImage(64, 32, CV_8U, 3), ".png", ImageFormat::Png, 0);
        add("png colour 16", quadrantImage(64, 32, CV_16U, 3), ".png", ImageFormat::Png, 0);
        add("png alpha 8", quadrantImage(64, 32, CV_8U, 4), ".png", ImageFormat::Png, 0);
        add("png alpha 16", quadrantImage(64, 32, CV_16U, 4), ".png", ImageFormat::Png, 0);
        add("jpeg colour", quadrantImage(64, 32), ".jpg", ImageFormat::Jpeg, 12,
            { cv::IMWRITE_JPEG_QUALITY, 95 });
        add("jpeg grey", quadrantImage(64, 32, CV_8U, 1), ".jpg", ImageFormat::Jpeg, 12);
        add("jpeg progressive", quadrantImage(64, 32), ".jpg", ImageFormat::Jpeg, 12,
            { cv::IMWRITE_JPEG_PROGRESSIVE, 1, cv::IMWRITE_JPEG_QUALITY, 95 });
        add("webp lossy", quadrantImage(64, 32), ".webp", ImageFormat::WebP, 16,
            { cv::IMWRITE_WEBP_QUALITY, 90 });
        add("webp lossless alpha", quadrantImage(64, 32, CV_8U, 4), ".webp", ImageFormat::WebP, 0,
            { cv::IMWRITE_WEBP_QUALITY, 101 });
        add("tiff colour 8", quadrantImage(64, 32), ".tiff", ImageFormat::Tiff, 0);
        add("tiff colour 16", quadrantImage(64, 32, CV_16U, 3), ".tiff", ImageFormat::Tiff, 0);
        add("tiff grey 16", quadrantImage(64, 32, CV_16U, 1), ".tiff", ImageFormat::Tiff, 0);
        add("tiff alpha 8", quadrantImage(64, 32, CV_8U, 4), ".tiff", ImageFormat::Tiff, 0);
        add("bmp colour", quadrantImage(64, 32), ".bmp", ImageFormat::Bmp, 0);
        add("bmp grey", quadrantImage(64, 32, CV_8U, 1), ".bmp", ImageFormat::Bmp, 0);
    }
    void decode_supportedLayouts()
    {
        QFETCH(QString, name);
        QFETCH(QByteArray, bytes);
        QFETCH(int, format);
        QFETCH(int, type);
        QFETCH(int, tolerance);
        QVERIFY(!bytes.isEmpty());
        const QString path
            = fixture(name.replace(QLatin1Char(' '), QLatin1Char('-')) + QStringLiteral(".img"), bytes);
        const DecodedImage decoded = decodeImage(path);
        QVERIFY2(decoded.ok(), qPrintable(decoded.error));
        QCOMPARE(int(decoded.format), format);
        QCOMPARE(decoded.pixels.type(), type);
        QCOMPARE(decoded.fullSize, (Size { 64, 32 }));
        QVERIFY(decoded.warnings.isEmpty());
        // Compare with OpenCV's own decode of the same bytes (no orientation involved here).
        const cv::Mat reference
            = cv::imdecode(cv::Mat(1, int(bytes.size()), CV_8U, bytes.data()), cv::IMREAD_UNCHANGED);
        const cv::Mat source = reference.channels() == decoded.pixels.channels() ? reference : cv::Mat();
        QVERIFY(!source.empty());
        QVERIFY2(maxChannelDifference(decoded.pixels, source) <= qMax(tolerance, 2),
            qPrintable(QString::number(maxChannelDifference(decoded.pixels, source))));
        if (tolerance == 0) {
            // Lossless formats give back exactly what was encoded.
            const int channels = decoded.pixels.channels();
            const cv::Mat original = quadrantImage(64, 32, decoded.pixels.depth(), channels);
            QCOMPARE(maxChannelDifference(decoded.pixels, original), 0);
        }
    }

    void decode_samplePhotos_cleanly()
    {
        // Real files from other encoders: no error, no warning, probe and decoder agree.
        const QStringList files
            = QDir(QStringLiteral(CROPWISE_SAMPLES_DIR))
                  .entryList({ QStringLiteral("*.jpg"), QStringLiteral("*.png") }, QDir::Files);
        QVERIFY(files.size() >= 4);
        for (const QString &name : files) {
            const QString path = QStringLiteral(CROPWISE_SAMPLES_DIR "/") + name;
            const DecodedImage decoded = decodeImage(path);
            QVERIFY2(decoded.ok(), qPrintable(name + QStringLiteral(": ") + decoded.error));
            QVERIFY2(decoded.warnings.isEmpty(),
                qPrintable(name + QStringLiteral(": ") + decoded.warnings.join(QLatin1Char(';'))));
            QCOMPARE(probeImage(path).displayedSize, decoded.fullSize);
        }
    }

    void decode_greyAlphaPng_givesBgra()
    {
        // Colour type 4 (grey + alpha), 2 x 1 pixels: (10, alpha 255), (200, alpha 0). OpenCV cannot
        // write this layout, so the file is assembled by hand.
        QByteArray ihdr(13, '\0');
        qToBigEndian<quint32>(2, ihdr.data());
        qToBigEndian<quint32>(1, ihdr.data() + 4);
        ihdr[8] = 8;
        ihdr[9] = 4;
        const QByteArray rows("\x00\x0A\xFF\xC8\x00", 5); // filter 0, then grey/alpha pairs
        const QByteArray png = QByteArray("\x89PNG\r\n\x1A\n", 8) + pngChunk("IHDR", ihdr)
            + pngChunk("IDAT", qCompress(rows).sliced(4)) + pngChunk("IEND", {});
        const DecodedImage decoded = decodeImageData(png);
        QVERIFY2(decoded.ok(), qPrintable(decoded.error));
        QCOMPARE(decoded.pixels.type(), CV_8UC4);
        QCOMPARE(decoded.pixels.at<cv::Vec4b>(0, 0), cv::Vec4b(10, 10, 10, 255));
        QCOMPARE(decoded.pixels.at<cv::Vec4b>(0, 1), cv::Vec4b(200, 200, 200, 0));
    }

    void decode_usesContent_notExtension()
    {
        const QByteArray png = encodeWithOpenCv(quadrantImage(64, 32), ".png");
        const QString path = fixture(QStringLiteral("really-a-png.jpg"), png);
        const DecodedImage decoded = decodeImage(path);
        QVERIFY2(decoded.ok(), qPrintable(decoded.error));
        QCOMPARE(decoded.format, ImageFormat::Png);
        QCOMPARE(maxChannelDifference(decoded.pixels, quadrantImage(64, 32)), 0);
        QCOMPARE(probeImage(path).format, ImageFormat::Png);
    }

    void decode_cmykJpeg_givesSaneColours_data()
    {
        QTest::addColumn<bool>("adobe");
        QTest::newRow("adobe inverted (Photoshop)") << true;
        QTest::newRow("plain cmyk") << false;
    }
    void decode_cmykJpeg_givesSaneColours()
    {
        QFETCH(bool, adobe);
        // Six 16x16 patches: cyan, magenta, yellow, black, white, red (ink amounts, 255 = full).
        const cv::Vec4b inks[] = { { 255, 0, 0, 0 }, { 0, 255, 0, 0 }, { 0, 0, 255, 0 }, { 0, 0, 0, 255 },
            { 0, 0, 0, 0 }, { 0, 255, 255, 0 } };
        const cv::Vec3b bgr[] = { { 255, 255, 0 }, { 255, 0, 255 }, { 0, 255, 255 }, { 0, 0, 0 },
            { 255, 255, 255 }, { 0, 0, 255 } };
        cv::Mat cmyk(16, 96, CV_8UC4);
        for (int i = 0; i < 6; ++i)
            cmyk(cv::Rect(i * 16, 0, 16, 16))
                .setTo(cv::Scalar(inks[i][0], inks[i][1], inks[i][2], inks[i][3]));
        const DecodedImage decoded = decodeImageData(cmykJpeg(cmyk, adobe));
        QVERIFY2(decoded.ok(), qPrintable(decoded.error));
        QCOMPARE(decoded.pixels.type(), CV_8UC3);
        for (int i = 0; i < 6; ++i) {
            const cv::Vec3b got = decoded.pixels.at<cv::Vec3b>(8, i * 16 + 8);
            for (int ch = 0; ch < 3; ++ch)
                QVERIFY2(qAbs(got[ch] - bgr[i][ch]) <= 12,
                    qPrintable(
                        QStringLiteral("patch %1: got %2,%3,%4").arg(i).arg(got[0]).arg(got[1]).arg(got[2])));
        }
    }

    void decode_refusesUnsupportedFormats_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("error");
        const QByteArray ftypPadding(16, '\0');
        QTest::newRow("gif") << tinyGif() << QStringLiteral("GIF is not supported: ");
        QTest::newRow("heic") << QByteArray("\0\0\0\x18"
                                            "ftypheic\0\0\0\0mif1heic",
                                     24)
                + ftypPadding << QStringLiteral("HEIC/HEIF is not supported: ");
        QTest::newRow("avif") << QByteArray("\0\0\0\x1C"
                                            "ftypavif\0\0\0\0avifmif1miaf",
                                     28)
                + ftypPadding << QStringLiteral("AVIF is not supported: ");
        QTest::newRow("avif with mif1 major brand") << QByteArray("\0\0\0\x1C"
                                                                  "ftypmif1\0\0\0\0mif1avifmiaf",
                                                           28)
                + ftypPadding << QStringLiteral("AVIF is not supported: ");
        QTest::newRow("jpeg xl") << QByteArray("\xFF\x0A\xFA\x7F\x01\x90\x08", 7)
                                 << QStringLiteral("JPEG XL is not supported: ");
        QTest::newRow("text") << QByteArray("hello, this is not an image\n")
                              << QStringLiteral("not an image (unrecognised content)");
        QTest::newRow("text starting with BM") << QByteArray("BMW owners club meeting minutes\n")
                                               << QStringLiteral("not an image (unrecognised content)");
    }
    void decode_refusesUnsupportedFormats()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, error);
        const QString path = fixture(QStringLiteral("unsupported.img"), bytes);
        const DecodedImage decoded = decodeImage(path);
        QVERIFY(!decoded.ok());
        QVERIFY2(decoded.error.startsWith(error), qPrintable(decoded.error));
        QVERIFY(decoded.pixels.empty());
        QVERIFY(probeImage(path).error.startsWith(error));
    }

    void decode_reportsDamage_withoutStderrNoise_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("error");
        const QByteArray jpeg
            = encodeWithOpenCv(noiseImage(256, 256), ".jpg", { cv::IMWRITE_JPEG_QUALITY, 90 });
        const QByteArray progressive = encodeWithOpenCv(
            noiseImage(256, 256), ".jpg", { cv::IMWRITE_JPEG_QUALITY, 90, cv::IMWRITE_JPEG_PROGRESSIVE, 1 });
        const qsizetype entropy = entropyDataStart(jpeg);
        const qsizetype middle = entropy + (jpeg.size() - entropy) / 2;
        QByteArray allOnes; // stuffed 0xFF bytes: a run of 1-bits is never a valid Huffman code
        for (int i = 0; i < 64; ++i)
            allOnes.append("\xFF\x00", 2);
        QTest::newRow("jpeg truncated")
            << jpeg.first(jpeg.size() / 2)
            << QStringLiteral("truncated JPEG: the file ends before the image data is complete");
        QTest::newRow("jpeg progressive truncated")
            << progressive.first(progressive.size() * 2 / 3)
            << QStringLiteral("truncated JPEG: the file ends before the image data is complete");
        QTest::newRow("jpeg truncated in header")
            << jpeg.first(100) << QStringLiteral("truncated JPEG: the file ends inside its header");
        QTest::newRow("jpeg bad huffman data") << withReplaced(
            jpeg, middle, allOnes) << QStringLiteral("corrupt JPEG: the compressed image data is damaged");
        QTest::newRow("jpeg early end marker")
            << withReplaced(jpeg, middle, QByteArray("\xFF\xD9", 2))
            << QStringLiteral("corrupt JPEG: the compressed image data is damaged");

        const QByteArray png = encodeWithOpenCv(noiseImage(128, 128), ".png");
        const qsizetype idat = png.indexOf("IDAT");
        QTest::newRow("png truncated")
            << png.first(png.size() / 2)
            << QStringLiteral("truncated PNG: the file ends before the image data is complete");
        QTest::newRow("png without end chunk")
            << png.first(png.size() - 12)
            << QStringLiteral("truncated PNG: the file ends before the image data is complete");
        QTest::newRow("png damaged data")
            << withReplaced(png, idat + 100, QByteArray("\x00\x01\x02\x03", 4))
            << QStringLiteral("corrupt PNG: checksum mismatch in the IDAT chunk");

        const QByteArray tiff = encodeWithOpenCv(noiseImage(128, 128), ".tiff");
        QTest::newRow("tiff truncated") << tiff.first(tiff.size() / 2) << QStringLiteral("truncated TIFF");
        QTest::newRow("tiff cut at the end")
            << tiff.first(tiff.size() - 8) << QStringLiteral("truncated TIFF");

        const QByteArray webp
            = encodeWithOpenCv(noiseImage(128, 128), ".webp", { cv::IMWRITE_WEBP_QUALITY, 80 });
        QTest::newRow("webp truncated")
            << webp.first(webp.size() / 2)
            << QStringLiteral("truncated WebP: the file ends before the image data is complete");
        QTest::newRow("webp cut at the end")
            << webp.first(webp.size() - 1)
            << QStringLiteral("truncated WebP: the file ends before the image data is complete");

        const QByteArray bmp = encodeWithOpenCv(noiseImage(64, 64), ".bmp");
        QTest::newRow("bmp truncated")
            << bmp.first(bmp.size() / 2)
            << QStringLiteral("truncated BMP: the file ends before the image data is complete");
    }
    void decode_reportsDamage_withoutStderrNoise()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, error);
        const QString path = fixture(QStringLiteral("damaged.img"), bytes);
        StderrCapture capture;
        const DecodedImage decoded = decodeImage(path);
        const DecodedImage fromMemory = decodeImageData(bytes);
        const QByteArray noise = capture.finish();
        QVERIFY(!decoded.ok());
        QVERIFY(decoded.pixels.empty());
        QVERIFY2(decoded.error.startsWith(error), qPrintable(decoded.error));
        QCOMPARE(fromMemory.error, decoded.error);
        QVERIFY2(noise.isEmpty(), noise.constData());
    }

    void decode_missingJpegEndMarker_isOnlyAWarning()
    {
        const QByteArray jpeg = encodeWithOpenCv(quadrantImage(64, 32), ".jpg");
        QVERIFY(jpeg.endsWith("\xFF\xD9"));
        StderrCapture capture;
        const DecodedImage decoded = decodeImageData(jpeg.first(jpeg.size() - 2));
        QVERIFY(capture.finish().isEmpty());
        QVERIFY2(decoded.ok(), qPrintable(decoded.error));
        QCOMPARE(decoded.warnings,
            QStringList {
                QStringLiteral("the JPEG file has no end marker (the image data looks complete)") });
    }

    void decode_reportsUnreadableFiles_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("error");
        QTest::newRow("zero bytes") << QStringLiteral("empty.jpg") << QStringLiteral("empty file");
        QTest::newRow("missing") << QStringLiteral("does-not-exist.jpg") << QStringLiteral("file not found");
        QTest::newRow("folder") << QStringLiteral("a-folder.jpg")
                                << QStringLiteral("is a folder, not an image file");
    }
    void decode_reportsUnreadableFiles()
    {
        QFETCH(QString, name);
        QFETCH(QString, error);
        fixture(QStringLiteral("empty.jpg"), {});
        QDir(m_dir.path()).mkpath(QStringLiteral("a-folder.jpg"));
        const QString path = m_dir.filePath(name);
        QCOMPARE(decodeImage(path).error, error);
        QCOMPARE(probeImage(path).error, error);
    }

    void decode_reportsPermissionDenied()
    {
        if (::geteuid() == 0)
            QSKIP("running as root: file permissions do not block reading");
        const QString path
            = fixture(QStringLiteral("secret.png"), encodeWithOpenCv(quadrantImage(32, 32), ".png"));
        QVERIFY(QFile::setPermissions(path, QFileDevice::WriteOwner));
        QCOMPARE(decodeImage(path).error, QStringLiteral("cannot read: permission denied"));
        QCOMPARE(probeImage(path).error, QStringLiteral("cannot read: permission denied"));
    }

    void decode_refusesDecompressionBomb_fromHeader_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("error");
        QTest::newRow("png 100000 x 100000") << pngHeaderOnly(100000,
            100000) << QStringLiteral("image is 100000 x 100000 (10000 MP), above the limit of 250 MP");
        // A real JPEG whose frame header is patched to 65000 x 65000.
        QByteArray jpeg = encodeWithOpenCv(quadrantImage(64, 32), ".jpg");
        const qsizetype sof = jpeg.indexOf(QByteArray("\xFF\xC0", 2));
        jpeg.replace(sof + 5, 4, QByteArray("\xFD\xE8\xFD\xE8", 4));
        QTest::newRow("jpeg 65000 x 65000")
            << jpeg << QStringLiteral("image is 65000 x 65000 (4225 MP), above the limit of 250 MP");
    }
    void decode_refusesDecompressionBomb_fromHeader()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, error);
        QVERIFY(bytes.size() < 10'000);
        const QString path = fixture(QStringLiteral("bomb.img"), bytes);
        QElapsedTimer timer;
        timer.start();
        StderrCapture capture;
        const DecodedImage decoded = decodeImage(path);
        const DecodedImage fromMemory = decodeImageData(bytes);
        QVERIFY(capture.finish().isEmpty());
        QVERIFY2(timer.elapsed() < 500, "the limit must be checked before decoding any pixel");
        QCOMPARE(decoded.error, error);
        QCOMPARE(fromMemory.error, error);
        // The probe still reports the announced size (it reads headers only).
        QCOMPARE(probeImage(path).storedSize.width, error.contains(QLatin1String("65000")) ? 65000 : 100000);
    }

    void decode_honoursCustomPixelLimit()
    {
        const QByteArray png = encodeWithOpenCv(quadrantImage(20, 20), ".png");
        DecodeOptions options;
        options.maxPixels = 399;
        QVERIFY(!decodeImageData(png, options).ok());
        options.maxPixels = 400;
        QVERIFY(decodeImageData(png, options).ok());
        options.maxPixels = 0; // no limit
        QVERIFY(decodeImageData(png, options).ok());
    }

    void decode_reducedSize_data()
    {
        QTest::addColumn<QString>("extension");
        QTest::addColumn<int>("orientation");
        QTest::addColumn<int>("maxLongSide");
        QTest::addColumn<Size>("pixelSize");
        QTest::addColumn<Size>("fullSize");
        const Size landscape { 1600, 1200 };
        const Size portrait { 1200, 1600 };
        // JPEG: DCT scaling by 1/2, 1/4 or 1/8, the smallest output whose long side is >= the request.
        QTest::newRow("jpeg 1/8") << ".jpg" << 1 << 100 << Size { 200, 150 } << landscape;
        QTest::newRow("jpeg 1/4") << ".jpg" << 1 << 300 << Size { 400, 300 } << landscape;
        QTest::newRow("jpeg 1/2") << ".jpg" << 1 << 800 << Size { 800, 600 } << landscape;
        QTest::newRow("jpeg full when 1/2 is too small") << ".jpg" << 1 << 801 << landscape << landscape;
        QTest::newRow("jpeg rotated 1/4") << ".jpg" << 6 << 300 << Size { 300, 400 } << portrait;
        QTest::newRow("jpeg larger request") << ".jpg" << 1 << 5000 << landscape << landscape;
        // Other formats: full decode, then INTER_AREA to exactly the requested long side.
        QTest::newRow("png") << ".png" << 1 << 300 << Size { 300, 225 } << landscape;
        QTest::newRow("png rotated") << ".png" << 8 << 300 << Size { 225, 300 } << portrait;
        QTest::newRow("png larger request") << ".png" << 1 << 5000 << landscape << landscape;
    }
    void decode_reducedSize()
    {
        QFETCH(QString, extension);
        QFETCH(int, orientation);
        QFETCH(int, maxLongSide);
        QFETCH(Size, pixelSize);
        QFETCH(Size, fullSize);
        const QString path = fixture(QStringLiteral("big%1").arg(extension),
            encodeWithOpenCv(quadrantImage(1600, 1200), qPrintable(extension)));
        if (orientation != 1)
            QVERIFY(exivSetOrientation(path, orientation));
        DecodeOptions options;
        options.maxLongSide = maxLongSide;
        const DecodedImage decoded = decodeImage(path, options);
        QVERIFY2(decoded.ok(), qPrintable(decoded.error));
        QCOMPARE((Size { decoded.pixels.cols, decoded.pixels.rows }), pixelSize);
        QCOMPARE(decoded.fullSize, fullSize);
        QCOMPARE(decoded.scale, double(pixelSize.width) / fullSize.width);
        // Still the same picture: the displayed top-left quadrant colour is where it belongs.
        const cv::Point tl = displayedPosition(orientation, 400, 300, 1600, 1200);
        const cv::Vec3b got
            = decoded.pixels.at<cv::Vec3b>(int(tl.y * decoded.scale), int(tl.x * decoded.scale));
        QVERIFY(qAbs(got[2] - 255) < 40 && got[0] < 40 && got[1] < 40);
    }

    void decode_returnsIccProfile_data()
    {
        QTest::addColumn<QString>("extension");
        QTest::newRow("jpeg") << ".jpg";
        QTest::newRow("png") << ".png";
        QTest::newRow("tiff") << ".tiff";
    }
    void decode_returnsIccProfile()
    {
        QFETCH(QString, extension);
        const QByteArray icc = fakeIcc(70'000); // > 64 KB: spans two JPEG APP2 chunks
        const QString path = fixture(QStringLiteral("icc%1").arg(extension),
            encodeWithOpenCv(quadrantImage(64, 32), qPrintable(extension)));
        QVERIFY(exivSetIcc(path, icc));
        StderrCapture capture;
        const DecodedImage decoded = decodeImage(path);
        QVERIFY(capture.finish().isEmpty()); // libpng would warn about this made-up profile
        QVERIFY2(decoded.ok(), qPrintable(decoded.error));
        QCOMPARE(decoded.iccProfile.size(), icc.size());
        QVERIFY(decoded.iccProfile == icc);
    }

    void decode_returnsIccProfile_fromWebP()
    {
        const QByteArray icc = fakeIcc(300);
        const QByteArray simple
            = encodeWithOpenCv(quadrantImage(64, 32, CV_8U, 4), ".webp", { cv::IMWRITE_WEBP_QUALITY, 101 });
        const DecodedImage decoded = decodeImageData(webpWithIcc(simple, 64, 32, icc));
        QVERIFY2(decoded.ok(), qPrintable(decoded.error));
        QVERIFY(decoded.iccProfile == icc);
        QCOMPARE(maxChannelDifference(decoded.pixels, quadrantImage(64, 32, CV_8U, 4)), 0);
    }

    void decode_mutatedInput_failsCleanly_data()
    {
        QTest::addColumn<QByteArray>("seed");
        QTest::addColumn<bool>("silenceStdCerr");
        QTest::newRow("jpeg") << encodeWithOpenCv(noiseImage(64, 48), ".jpg") << false;
        QTest::newRow("jpeg progressive")
            << encodeWithOpenCv(noiseImage(64, 48), ".jpg", { cv::IMWRITE_JPEG_PROGRESSIVE, 1 }) << false;
        QTest::newRow("jpeg with exif")
            << withExifOrientation(encodeWithOpenCv(noiseImage(64, 48), ".jpg"), 6) << false;
        QTest::newRow("png 16-bit alpha")
            << encodeWithOpenCv(quadrantImage(64, 48, CV_16U, 4), ".png") << false;
        QTest::newRow("webp lossy") << encodeWithOpenCv(noiseImage(64, 48), ".webp") << false;
        QTest::newRow("webp lossless")
            << encodeWithOpenCv(quadrantImage(64, 48, CV_8U, 4), ".webp", { cv::IMWRITE_WEBP_QUALITY, 101 })
            << false;
        QTest::newRow("bmp") << encodeWithOpenCv(noiseImage(64, 48), ".bmp") << false;
        // OpenCV prints failures inside TIFF strip data to std::cerr (not to fd 2 from C code); the
        // CLI points std::cerr at a null buffer, and so does this row (see docs/decoding.md).
        QTest::newRow("tiff 16-bit") << encodeWithOpenCv(quadrantImage(64, 48, CV_16U, 3), ".tiff") << true;
    }
    void decode_mutatedInput_failsCleanly()
    {
        QFETCH(QByteArray, seed);
        QFETCH(bool, silenceStdCerr);
        std::mt19937 rng(2024); // fixed: the same mutations every run
        std::ostringstream swallowed;
        std::streambuf *const cerrBuffer = silenceStdCerr ? std::cerr.rdbuf(swallowed.rdbuf()) : nullptr;
        StderrCapture capture;
        int decodedFine = 0;
        for (int i = 0; i < 150; ++i) {
            QByteArray bytes = seed;
            if (i % 3 == 0) {
                bytes.truncate(qsizetype(rng() % quint32(bytes.size())));
            } else {
                for (int k = 0, n = 1 + int(rng() % 4); k < n; ++k)
                    bytes[qsizetype(rng() % quint32(bytes.size()))] = char(rng());
            }
            const DecodedImage decoded = decodeImageData(bytes);
            probeImageData(bytes);
            if (decoded.ok()) {
                ++decodedFine;
                QCOMPARE(decoded.pixels.cols, decoded.fullSize.width);
                QCOMPARE(decoded.pixels.rows, decoded.fullSize.height);
            } else {
                QVERIFY(decoded.pixels.empty());
                QVERIFY(!decoded.error.isEmpty());
            }
        }
        const QByteArray noise = capture.finish();
        if (cerrBuffer)
            std::cerr.rdbuf(cerrBuffer);
        QVERIFY2(noise.isEmpty(), noise.left(300).constData());
        QVERIFY(decodedFine < 150); // the mutations did damage something
    }

    void toBgr8_convertsEveryLayout_data()
    {
        QTest::addColumn<cv::Mat>("input");
        QTest::addColumn<cv::Vec3b>("topLeft");
        QTest::addColumn<cv::Vec3b>("bottomRight");
        const int grey = quadrantGrey(Quadrant::TopLeft);
        const int greyBr = quadrantGrey(Quadrant::BottomRight);
        QTest::newRow("bgr 8") << quadrantImage(32, 32) << cv::Vec3b(0, 0, 255) << cv::Vec3b(0, 255, 255);
        QTest::newRow("bgr 16") << quadrantImage(32, 32, CV_16U) << cv::Vec3b(0, 0, 255)
                                << cv::Vec3b(0, 255, 255);
        QTest::newRow("grey 8") << quadrantImage(32, 32, CV_8U, 1) << cv::Vec3b(grey, grey, grey)
                                << cv::Vec3b(greyBr, greyBr, greyBr);
        QTest::newRow("grey 16") << quadrantImage(32, 32, CV_16U, 1) << cv::Vec3b(grey, grey, grey)
                                 << cv::Vec3b(greyBr, greyBr, greyBr);
        // Bottom-right is yellow at alpha 128 over white: blue channel 0 -> 127, others stay 255.
        QTest::newRow("bgra 8") << quadrantImage(32, 32, CV_8U, 4) << cv::Vec3b(0, 0, 255)
                                << cv::Vec3b(127, 255, 255);
        QTest::newRow("bgra 16") << quadrantImage(32, 32, CV_16U, 4) << cv::Vec3b(0, 0, 255)
                                 << cv::Vec3b(127, 255, 255);
    }
    void toBgr8_convertsEveryLayout()
    {
        QFETCH(cv::Mat, input);
        QFETCH(cv::Vec3b, topLeft);
        QFETCH(cv::Vec3b, bottomRight);
        const cv::Mat bgr = toBgr8(input);
        QCOMPARE(bgr.type(), CV_8UC3);
        QCOMPARE(bgr.size(), input.size());
        QCOMPARE(bgr.at<cv::Vec3b>(0, 0), topLeft);
        QCOMPARE(bgr.at<cv::Vec3b>(31, 31), bottomRight);
        QVERIFY(toBgr8(cv::Mat()).empty());
    }
};

QTEST_GUILESS_MAIN(ImageDecoderTest)
#include "ImageDecoderTest.moc"
