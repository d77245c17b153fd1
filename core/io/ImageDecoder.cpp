#include "core/io/ImageDecoder.h"

#include "core/io/ImageHeader.h"
#include "core/io/ImageOrientation.h"
#include "core/io/JpegCodec.h"

#include <QFile>

#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <cmath>

namespace cropwise {

namespace {

QString pixelLimitError(Size stored, qint64 maxPixels)
{
    const auto megapixels = [](qint64 pixels) { return QString::number(double(pixels) / 1e6, 'f', 0); };
    return QStringLiteral("image is %1 x %2 (%3 MP), above the limit of %4 MP")
        .arg(stored.width)
        .arg(stored.height)
        .arg(megapixels(stored.area()))
        .arg(megapixels(maxPixels));
}

bool exceedsLimit(Size stored, const DecodeOptions &options)
{
    return options.maxPixels > 0 && stored.area() > options.maxPixels;
}

// OpenCV gives 8U/16U mostly, but TIFF may hold float or 2-channel data: bring everything to the
// documented layout (8U/16U; 1, 3 or 4 channels).
QString normalizeLayout(cv::Mat &m)
{
    switch (m.depth()) {
    case CV_8U:
    case CV_16U:
        break;
    case CV_32F:
    case CV_64F: // floating point samples are nominally 0..1
        m.convertTo(m, CV_16U, 65535.0);
        break;
    case CV_8S:
        m.convertTo(m, CV_8U, 1.0, 128.0);
        break;
    case CV_16S:
        m.convertTo(m, CV_16U, 1.0, 32768.0);
        break;
    default:
        return QStringLiteral("unsupported sample format (%1-bit integer samples)").arg(m.elemSize1() * 8);
    }
    switch (m.channels()) {
    case 1:
    case 3:
    case 4:
        return {};
    case 2: { // grey + alpha
        std::vector<cv::Mat> planes;
        cv::split(m, planes);
        cv::merge(std::vector<cv::Mat> { planes[0], planes[0], planes[0], planes[1] }, m);
        return {};
    }
    default:
        return QStringLiteral("unsupported number of channels (%1)").arg(m.channels());
    }
}

cv::Mat decodeWithOpenCv(QByteArrayView bytes)
{
    // imdecode only reads the buffer; OpenCV's API just wants a non-const Mat header around it.
    const cv::Mat buffer(1, int(bytes.size()), CV_8U, const_cast<char *>(bytes.data()));
    return cv::imdecode(buffer, cv::IMREAD_UNCHANGED);
}

DecodedImage decodeChecked(QByteArrayView data, const DecodeOptions &options)
{
    DecodedImage result;
    detail::MemorySource source(data);
    detail::HeaderInfo header = detail::parseImageHeader(source, detail::HeaderScan::WholeFile);
    result.format = header.format;
    if (!header.error.isEmpty()) {
        result.error = header.error;
        return result;
    }
    if (exceedsLimit(header.storedSize, options)) {
        result.error = pixelLimitError(header.storedSize, options.maxPixels);
        return result;
    }
    result.orientation = header.orientation;
    result.fullSize = orientedSize(header.storedSize, header.orientation);
    result.iccProfile = header.iccProfile;
    result.warnings = header.warnings;

    const QString formatLabel = formatName(header.format).toUpper();
    cv::Mat stored;
    try {
        if (header.format == ImageFormat::Jpeg) {
            const int longSide = qMax(header.storedSize.width, header.storedSize.height);
            detail::JpegDecodeResult jpeg
                = detail::decodeJpeg(data, detail::jpegScaleDenominator(longSide, options.maxLongSide));
            result.warnings += jpeg.warnings;
            if (!jpeg.error.isEmpty()) {
                result.error = jpeg.error;
                return result;
            }
            stored = jpeg.pixels;
        } else {
            stored = decodeWithOpenCv(header.codecInput.isEmpty() ? data : QByteArrayView(header.codecInput));
            if (stored.empty()) {
                result.error = QStringLiteral("cannot decode %1: the image data is damaged or uses an "
                                              "unsupported variant")
                                   .arg(formatLabel);
                return result;
            }
            if (stored.cols != header.storedSize.width || stored.rows != header.storedSize.height) {
                result.error = QStringLiteral("corrupt %1: decoded size %2 x %3 differs from the header")
                                   .arg(formatLabel)
                                   .arg(stored.cols)
                                   .arg(stored.rows);
                return result;
            }
            if (const QString layoutError = normalizeLayout(stored); !layoutError.isEmpty()) {
                result.error = QStringLiteral("%1 %2 is not supported").arg(formatLabel, layoutError);
                return result;
            }
            const int longSide = qMax(stored.cols, stored.rows);
            if (options.maxLongSide > 0 && longSide > options.maxLongSide) {
                const double f = double(options.maxLongSide) / longSide;
                const cv::Size reduced(
                    qMax(1, int(std::lround(stored.cols * f))), qMax(1, int(std::lround(stored.rows * f))));
                cv::resize(stored, stored, reduced, 0, 0, cv::INTER_AREA);
            }
        }
        result.pixels = applyOrientation(stored, header.orientation);
    } catch (const cv::Exception &e) {
        result.pixels.release();
        result.error = e.code == cv::Error::StsNoMem
            ? QStringLiteral("not enough memory to decode this %1").arg(formatLabel)
            : QStringLiteral("cannot decode %1: the image data is damaged or uses an unsupported variant")
                  .arg(formatLabel);
        return result;
    } catch (const std::bad_alloc &) {
        result.pixels.release();
        result.error = QStringLiteral("not enough memory to decode this %1").arg(formatLabel);
        return result;
    }
    result.scale = double(result.pixels.cols) / result.fullSize.width;
    return result;
}

} // namespace

DecodedImage decodeImageData(QByteArrayView data, const DecodeOptions &options)
{
    if (data.isEmpty()) {
        DecodedImage result;
        result.error = QStringLiteral("empty file");
        return result;
    }
    return decodeChecked(data, options);
}

DecodedImage decodeImage(const QString &path, const DecodeOptions &options)
{
    DecodedImage result;
    QFile file(path);
    if (const QString error = detail::openForReading(file); !error.isEmpty()) {
        result.error = error;
        return result;
    }
    // Header first, straight from the file: unsupported files and decompression bombs are refused
    // before the whole file is read, let alone decoded.
    {
        detail::FileSource source(file);
        const detail::HeaderInfo header = detail::parseImageHeader(source, detail::HeaderScan::HeaderOnly);
        result.format = header.format;
        if (!header.error.isEmpty()) {
            result.error = header.error;
            return result;
        }
        if (exceedsLimit(header.storedSize, options)) {
            result.error = pixelLimitError(header.storedSize, options.maxPixels);
            return result;
        }
    }
    if (!file.seek(0)) {
        result.error = QStringLiteral("cannot read: %1").arg(file.errorString());
        return result;
    }
    QByteArray data;
    try {
        data = file.readAll();
    } catch (const std::bad_alloc &) {
        result.error = QStringLiteral("not enough memory to read the file");
        return result;
    }
    if (data.size() != file.size()) {
        result.error = QStringLiteral("cannot read: %1")
                           .arg(file.error() != QFileDevice::NoError
                                   ? file.errorString()
                                   : QStringLiteral("the file changed while being read"));
        return result;
    }
    return decodeChecked(data, options);
}

cv::Mat toBgr8(const cv::Mat &pixels)
{
    if (pixels.empty())
        return {};
    cv::Mat eight;
    if (pixels.depth() == CV_16U)
        pixels.convertTo(eight, CV_8U, 1.0 / 257.0);
    else
        eight = pixels;
    cv::Mat bgr;
    switch (eight.channels()) {
    case 1:
        cv::cvtColor(eight, bgr, cv::COLOR_GRAY2BGR);
        break;
    case 3:
        bgr = eight.clone();
        break;
    case 4: // composite over white: transparent areas look like a viewer's light background
        bgr.create(eight.rows, eight.cols, CV_8UC3);
        for (int y = 0; y < eight.rows; ++y) {
            const uchar *s = eight.ptr<uchar>(y);
            uchar *d = bgr.ptr<uchar>(y);
            for (int x = 0; x < eight.cols; ++x, s += 4, d += 3) {
                const int a = s[3];
                for (int c = 0; c < 3; ++c)
                    d[c] = uchar((s[c] * a + 255 * (255 - a) + 127) / 255);
            }
        }
        break;
    default:
        return {};
    }
    return bgr;
}

} // namespace cropwise
