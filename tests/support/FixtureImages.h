#pragma once

// Tiny test images generated on the fly (no binary fixtures in the repo). Header-only on purpose:
// tests/support/*.cpp are compiled into every test, and not every test links OpenCV; include this
// only from tests that link opencv_imgcodecs.
//
// The "quadrant" image is asymmetric: four flat colours (top-left red, top-right green, bottom-left
// blue, bottom-right yellow), so any flip or rotation shows. Use sizes that are multiples of 32 so
// the quadrants are whole 16x16 JPEG blocks and compression does not mix colours.

#include <QByteArray>
#include <QFile>
#include <QString>
#include <QtEndian>

#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>

#include <vector>

namespace cropwise::test {

enum class Quadrant { TopLeft, TopRight, BottomLeft, BottomRight };

// BGR colour of each quadrant (8-bit values; times 257 in 16-bit images).
inline cv::Scalar quadrantColour(Quadrant q)
{
    switch (q) {
    case Quadrant::TopLeft:
        return { 0, 0, 255 }; // red
    case Quadrant::TopRight:
        return { 0, 255, 0 }; // green
    case Quadrant::BottomLeft:
        return { 255, 0, 0 }; // blue
    case Quadrant::BottomRight:
        return { 0, 255, 255 }; // yellow
    }
    return {};
}

// Grey value of each quadrant in single-channel quadrant images (Rec. 601 luma, rounded).
inline int quadrantGrey(Quadrant q)
{
    const cv::Scalar c = quadrantColour(q);
    return int((29 * c[0] + 150 * c[1] + 77 * c[2] + 128)) >> 8;
}

// width x height, depth CV_8U or CV_16U, 1 (grey), 3 (BGR) or 4 channels (BGRA: alpha 255, except
// 128 in the bottom-right quadrant).
inline cv::Mat quadrantImage(int width, int height, int depth = CV_8U, int channels = 3)
{
    const int hw = width / 2;
    const int hh = height / 2;
    const cv::Rect rects[4] = { { 0, 0, hw, hh }, { hw, 0, width - hw, hh }, { 0, hh, hw, height - hh },
        { hw, hh, width - hw, height - hh } };
    const Quadrant order[4]
        = { Quadrant::TopLeft, Quadrant::TopRight, Quadrant::BottomLeft, Quadrant::BottomRight };
    cv::Mat out(height, width, CV_8UC(channels));
    for (int i = 0; i < 4; ++i) {
        const cv::Scalar c = quadrantColour(order[i]);
        if (channels == 1)
            out(rects[i]).setTo(quadrantGrey(order[i]));
        else if (channels == 3)
            out(rects[i]).setTo(c);
        else
            out(rects[i]).setTo(cv::Scalar(c[0], c[1], c[2], order[i] == Quadrant::BottomRight ? 128 : 255));
    }
    if (depth == CV_16U)
        out.convertTo(out, CV_16U, 257.0);
    return out;
}

// Deterministic noise: hard to compress, so a JPEG of it has long entropy-coded data.
inline cv::Mat noiseImage(int width, int height, int channels = 3, int seed = 1)
{
    cv::Mat m(height, width, CV_8UC(channels));
    cv::RNG rng { quint64(seed) };
    rng.fill(m, cv::RNG::UNIFORM, 0, 256);
    return m;
}

// cv::imencode with the extension (".png", ".jpg", ".webp", ".tiff", ".bmp"); empty on failure.
inline QByteArray encodeWithOpenCv(
    const cv::Mat &pixels, const char *extension, const std::vector<int> &params = {})
{
    std::vector<uchar> buffer;
    if (!cv::imencode(extension, pixels, buffer, params))
        return {};
    return QByteArray(reinterpret_cast<const char *>(buffer.data()), qsizetype(buffer.size()));
}

// Writes bytes to dir/name; returns the full path, or an empty string on failure.
inline QString writeFixture(const QString &dir, const QString &name, const QByteArray &bytes)
{
    const QString path = dir + QLatin1Char('/') + name;
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(bytes) != bytes.size())
        return {};
    return path;
}

inline QByteArray readFileBytes(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// A JPEG with an APP1 EXIF block holding only the Orientation tag, inserted right after SOI.
// (Tests that link exiv2 cross-check it against exiv2's reading.)
inline QByteArray withExifOrientation(const QByteArray &jpeg, int orientation)
{
    // Big-endian TIFF: header, IFD0 with one entry (Orientation, SHORT, count 1), no next IFD.
    QByteArray tiff("MM\0\x2A\0\0\0\x08", 8);
    tiff.append("\0\x01", 2);
    tiff.append("\x01\x12\0\x03\0\0\0\x01", 8);
    tiff.append(char(orientation >> 8)).append(char(orientation & 0xFF)).append("\0\0", 2);
    tiff.append("\0\0\0\0", 4);
    const QByteArray payload = QByteArray("Exif\0\0", 6) + tiff;
    QByteArray segment("\xFF\xE1", 2);
    segment.append(char((payload.size() + 2) >> 8)).append(char((payload.size() + 2) & 0xFF)).append(payload);
    return jpeg.first(2) + segment + jpeg.sliced(2);
}

// PNG chunk CRC-32 over type + data.
inline quint32 pngCrc(const QByteArray &typeAndData)
{
    quint32 c = 0xFFFFFFFFu;
    for (const char ch : typeAndData) {
        c ^= uchar(ch);
        for (int k = 0; k < 8; ++k)
            c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
    }
    return c ^ 0xFFFFFFFFu;
}

inline QByteArray pngChunk(const char *type, const QByteArray &data)
{
    QByteArray out(4, '\0');
    qToBigEndian<quint32>(quint32(data.size()), out.data());
    const QByteArray typeAndData = QByteArray(type, 4) + data;
    QByteArray crc(4, '\0');
    qToBigEndian<quint32>(pngCrc(typeAndData), crc.data());
    return out + typeAndData + crc;
}

// A valid PNG header announcing width x height, then a tiny IDAT and IEND: a "decompression bomb"
// header with almost no body.
inline QByteArray pngHeaderOnly(quint32 width, quint32 height)
{
    QByteArray ihdr(13, '\0');
    qToBigEndian<quint32>(width, ihdr.data());
    qToBigEndian<quint32>(height, ihdr.data() + 4);
    ihdr[8] = 8; // bit depth
    ihdr[9] = 2; // colour type RGB
    const QByteArray idat
        = qCompress(QByteArray(1024, '\0')).sliced(4); // zlib stream without Qt's size prefix
    return QByteArray("\x89PNG\r\n\x1A\n", 8) + pngChunk("IHDR", ihdr) + pngChunk("IDAT", idat)
        + pngChunk("IEND", {});
}

// A minimal valid 1x1 GIF.
inline QByteArray tinyGif()
{
    static const unsigned char gif[] = { 0x47, 0x49, 0x46, 0x38, 0x39, 0x61, 0x01, 0x00, 0x01, 0x00, 0x80,
        0x00, 0x00, 0xFF, 0xFF, 0xFF, 0x00, 0x00, 0x00, 0x21, 0xF9, 0x04, 0x01, 0x00, 0x00, 0x00, 0x00, 0x2C,
        0x00, 0x00, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00, 0x02, 0x02, 0x44, 0x01, 0x00, 0x3B };
    return QByteArray(reinterpret_cast<const char *>(gif), sizeof gif);
}

} // namespace cropwise::test
