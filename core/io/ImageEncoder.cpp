#include "core/io/ImageEncoder.h"

#include "core/io/ImageDecoder.h"
#include "core/io/ImageHeader.h"
#include "core/io/JpegCodec.h"

#include <QFileInfo>
#include <QtEndian>

#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <vector>

namespace cropwise {

namespace {

cv::Mat to8Bit(const cv::Mat &pixels)
{
    if (pixels.depth() == CV_8U)
        return pixels;
    cv::Mat eight;
    pixels.convertTo(eight, CV_8U, 1.0 / 257.0);
    return eight;
}

// Inserts an iCCP chunk right after IHDR (the PNG spec wants it before PLTE and IDAT).
QByteArray withPngIcc(const QByteArray &png, const QByteArray &icc)
{
    constexpr qsizetype kAfterIhdr = 8 + 8 + 13 + 4;
    if (icc.isEmpty() || png.size() < kAfterIhdr)
        return png;
    QByteArray data("ICC Profile");
    data.append('\0'); // end of the profile name
    data.append('\0'); // compression method 0 (zlib)
    data.append(qCompress(icc, 9).sliced(4)); // qCompress prefixes a 4-byte size: not part of zlib
    QByteArray chunk(4, '\0');
    qToBigEndian<quint32>(quint32(data.size()), chunk.data());
    chunk.append("iCCP").append(data);
    QByteArray crc(4, '\0');
    qToBigEndian<quint32>(detail::crc32(QByteArrayView(chunk).sliced(4)), crc.data());
    chunk.append(crc);
    QByteArray out = png.first(kAfterIhdr);
    return out.append(chunk).append(png.sliced(kAfterIhdr));
}

EncodeResult encodeWithOpenCv(const char *extension, const cv::Mat &pixels, const std::vector<int> &params)
{
    EncodeResult result;
    std::vector<uchar> buffer;
    if (!cv::imencode(extension, pixels, buffer, params) || buffer.empty()) {
        result.error = QStringLiteral("%1 encoding failed").arg(QString::fromLatin1(extension + 1).toUpper());
        return result;
    }
    result.bytes = QByteArray(reinterpret_cast<const char *>(buffer.data()), qsizetype(buffer.size()));
    return result;
}

} // namespace

EncodeResult encodeImage(const cv::Mat &pixels, const EncodeOptions &options)
{
    EncodeResult result;
    if (pixels.empty()) {
        result.error = QStringLiteral("nothing to encode (empty image)");
        return result;
    }
    if ((pixels.depth() != CV_8U && pixels.depth() != CV_16U)
        || (pixels.channels() != 1 && pixels.channels() != 3 && pixels.channels() != 4)) {
        result.error = QStringLiteral("cannot encode: pixels must be 8- or 16-bit with 1, 3 or 4 channels");
        return result;
    }
    const int quality = qBound(1, options.quality, 100);
    try {
        switch (options.format) {
        case OutputFormat::Jpeg: {
            // JPEG has no alpha and (in libjpeg-turbo's 8-bit build) no 16-bit samples.
            cv::Mat eight = pixels.channels() == 4 ? toBgr8(pixels) : to8Bit(pixels);
            detail::JpegEncodeResult jpeg = detail::encodeJpeg(eight, quality, options.iccProfile);
            result.bytes = jpeg.bytes;
            result.error = jpeg.error;
            return result;
        }
        case OutputFormat::Png: {
            // Level 6: zlib's default balance; OpenCV's default (1, RLE) makes photos much larger.
            result = encodeWithOpenCv(".png", pixels,
                { cv::IMWRITE_PNG_COMPRESSION, 6, cv::IMWRITE_PNG_STRATEGY,
                    cv::IMWRITE_PNG_STRATEGY_DEFAULT });
            if (result.ok())
                result.bytes = withPngIcc(result.bytes, options.iccProfile);
            return result;
        }
        case OutputFormat::WebP: {
            cv::Mat eight = to8Bit(pixels);
            if (eight.channels() == 1)
                cv::cvtColor(eight, eight, cv::COLOR_GRAY2BGR);
            // OpenCV treats quality > 100 as lossless; our 100 means lossless.
            return encodeWithOpenCv(
                ".webp", eight, { cv::IMWRITE_WEBP_QUALITY, quality == 100 ? 101 : quality });
        }
        case OutputFormat::Tiff:
            return encodeWithOpenCv(".tiff", pixels, {});
        }
    } catch (const cv::Exception &e) {
        result.bytes.clear();
        result.error = e.code == cv::Error::StsNoMem ? QStringLiteral("not enough memory to encode the image")
                                                     : QStringLiteral("encoding failed");
        return result;
    }
    result.error = QStringLiteral("unknown output format");
    return result;
}

std::optional<OutputFormat> outputFormatForSuffix(const QString &suffixOrPath)
{
    const QString suffix
        = (suffixOrPath.contains(QLatin1Char('.')) ? QFileInfo(suffixOrPath).suffix() : suffixOrPath)
              .toLower();
    if (suffix == QLatin1String("jpg") || suffix == QLatin1String("jpeg"))
        return OutputFormat::Jpeg;
    if (suffix == QLatin1String("png"))
        return OutputFormat::Png;
    if (suffix == QLatin1String("webp"))
        return OutputFormat::WebP;
    if (suffix == QLatin1String("tif") || suffix == QLatin1String("tiff"))
        return OutputFormat::Tiff;
    return std::nullopt;
}

QString outputFormatName(OutputFormat format)
{
    switch (format) {
    case OutputFormat::Jpeg:
        return QStringLiteral("jpeg");
    case OutputFormat::Png:
        return QStringLiteral("png");
    case OutputFormat::WebP:
        return QStringLiteral("webp");
    case OutputFormat::Tiff:
        return QStringLiteral("tiff");
    }
    return {};
}

QString outputFormatSuffix(OutputFormat format)
{
    switch (format) {
    case OutputFormat::Jpeg:
        return QStringLiteral("jpg");
    case OutputFormat::Png:
        return QStringLiteral("png");
    case OutputFormat::WebP:
        return QStringLiteral("webp");
    case OutputFormat::Tiff:
        return QStringLiteral("tif");
    }
    return QStringLiteral("jpg");
}

} // namespace cropwise
