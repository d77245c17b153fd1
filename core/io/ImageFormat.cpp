#include "core/io/ImageFormat.h"

#include <cstring>

namespace cropwise {

namespace {

bool startsWith(QByteArrayView head, const char *magic, qsizetype length, qsizetype offset = 0)
{
    return head.size() >= offset + length && std::memcmp(head.data() + offset, magic, size_t(length)) == 0;
}

quint32 readLe32(QByteArrayView d, qsizetype offset)
{
    const auto *p = reinterpret_cast<const uchar *>(d.data()) + offset;
    return quint32(p[0]) | quint32(p[1]) << 8 | quint32(p[2]) << 16 | quint32(p[3]) << 24;
}

quint32 readBe32(QByteArrayView d, qsizetype offset)
{
    const auto *p = reinterpret_cast<const uchar *>(d.data()) + offset;
    return quint32(p[0]) << 24 | quint32(p[1]) << 16 | quint32(p[2]) << 8 | quint32(p[3]);
}

// ISO base media file ("ftyp" box): HEIF/HEIC and AVIF share the container; the brands tell them apart.
ImageFormat sniffIsoBmff(QByteArrayView head)
{
    if (!startsWith(head, "ftyp", 4, 4) || head.size() < 12)
        return ImageFormat::Unknown;
    const qsizetype boxEnd = qMin<qsizetype>(head.size(), readBe32(head, 0));
    bool heif = false;
    // Major brand at 8, minor version at 12, compatible brands from 16.
    for (qsizetype at = 8; at + 4 <= boxEnd; at += (at == 8 ? 8 : 4)) {
        const QByteArrayView brand = head.sliced(at, 4);
        if (brand == "avif" || brand == "avis")
            return ImageFormat::Avif;
        if (brand == "heic" || brand == "heix" || brand == "hevc" || brand == "hevx" || brand == "heim"
            || brand == "heis" || brand == "mif1" || brand == "msf1")
            heif = true;
    }
    return heif ? ImageFormat::Heif : ImageFormat::Unknown;
}

} // namespace

ImageFormat sniffFormat(QByteArrayView head)
{
    if (startsWith(head, "\xFF\xD8\xFF", 3))
        return ImageFormat::Jpeg;
    if (startsWith(head, "\x89PNG\r\n\x1A\n", 8))
        return ImageFormat::Png;
    if (startsWith(head, "RIFF", 4) && startsWith(head, "WEBP", 4, 8))
        return ImageFormat::WebP;
    if (startsWith(head, "II*\0", 4) || startsWith(head, "MM\0*", 4) || startsWith(head, "II+\0", 4)
        || startsWith(head, "MM\0+", 4))
        return ImageFormat::Tiff;
    if (startsWith(head, "BM", 2) && head.size() >= 18) {
        // "BM" alone is too weak (a text file may start with it): the DIB header size must be a known one.
        const quint32 dib = readLe32(head, 14);
        if (dib == 12 || dib == 40 || dib == 52 || dib == 56 || dib == 64 || dib == 108 || dib == 124)
            return ImageFormat::Bmp;
    }
    if (startsWith(head, "GIF87a", 6) || startsWith(head, "GIF89a", 6))
        return ImageFormat::Gif;
    if (const ImageFormat iso = sniffIsoBmff(head); iso != ImageFormat::Unknown)
        return iso;
    if (startsWith(head, "\xFF\x0A", 2) || startsWith(head, "\0\0\0\x0CJXL \r\n\x87\n", 12))
        return ImageFormat::JpegXl;
    if (startsWith(head, "\0\0\0\x0CjP  \r\n\x87\n", 12) || startsWith(head, "\xFF\x4F\xFF\x51", 4))
        return ImageFormat::Jpeg2000;
    if (startsWith(head, "8BPS", 4))
        return ImageFormat::Psd;
    if ((startsWith(head, "\0\0\1\0", 4) || startsWith(head, "\0\0\2\0", 4)) && head.size() >= 10
        && (head[4] != 0 || head[5] != 0) && head[9] == 0)
        return ImageFormat::Ico;
    if (head.size() >= 3 && head[0] == 'P' && head[1] >= '1' && head[1] <= '7'
        && (head[2] == '\n' || head[2] == ' ' || head[2] == '\r' || head[2] == '\t'))
        return ImageFormat::Pnm;
    return ImageFormat::Unknown;
}

QString formatName(ImageFormat format)
{
    switch (format) {
    case ImageFormat::Unknown:
        return QStringLiteral("unknown");
    case ImageFormat::Jpeg:
        return QStringLiteral("jpeg");
    case ImageFormat::Png:
        return QStringLiteral("png");
    case ImageFormat::WebP:
        return QStringLiteral("webp");
    case ImageFormat::Tiff:
        return QStringLiteral("tiff");
    case ImageFormat::Bmp:
        return QStringLiteral("bmp");
    case ImageFormat::Gif:
        return QStringLiteral("gif");
    case ImageFormat::Heif:
        return QStringLiteral("heif");
    case ImageFormat::Avif:
        return QStringLiteral("avif");
    case ImageFormat::JpegXl:
        return QStringLiteral("jpegxl");
    case ImageFormat::Jpeg2000:
        return QStringLiteral("jpeg2000");
    case ImageFormat::Psd:
        return QStringLiteral("psd");
    case ImageFormat::Ico:
        return QStringLiteral("ico");
    case ImageFormat::Pnm:
        return QStringLiteral("pnm");
    }
    return QStringLiteral("unknown");
}

bool isDecodable(ImageFormat format)
{
    switch (format) {
    case ImageFormat::Jpeg:
    case ImageFormat::Png:
    case ImageFormat::WebP:
    case ImageFormat::Tiff:
    case ImageFormat::Bmp:
        return true;
    default:
        return false;
    }
}

QString unsupportedFormatReason(ImageFormat format)
{
    const auto reason = [](const char *what) {
        return QStringLiteral("%1 is not supported: convert it to JPEG, PNG, WebP or TIFF first")
            .arg(QLatin1String(what));
    };
    switch (format) {
    case ImageFormat::Unknown:
        return QStringLiteral("not an image (unrecognised content)");
    case ImageFormat::Gif:
        return reason("GIF");
    case ImageFormat::Heif:
        return reason("HEIC/HEIF");
    case ImageFormat::Avif:
        return reason("AVIF");
    case ImageFormat::JpegXl:
        return reason("JPEG XL");
    case ImageFormat::Jpeg2000:
        return reason("JPEG 2000");
    case ImageFormat::Psd:
        return reason("Photoshop PSD");
    case ImageFormat::Ico:
        return reason("ICO");
    case ImageFormat::Pnm:
        return reason("PNM/PPM");
    default:
        return {};
    }
}

} // namespace cropwise
