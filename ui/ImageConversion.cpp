#include "ui/ImageConversion.h"

#include <QColorSpace>

#include <opencv2/imgproc.hpp>

namespace cropwise {

namespace {

// Wraps a QImage's pixel buffer (no copy) so OpenCV can write into it directly.
cv::Mat wrap(QImage &image, int type)
{
    return cv::Mat(image.height(), image.width(), type, image.bits(), size_t(image.bytesPerLine()));
}

cv::Mat wrapConst(const QImage &image, int type)
{
    return cv::Mat(image.height(), image.width(), type, const_cast<uchar *>(image.constBits()),
        size_t(image.bytesPerLine()));
}

// Copies (with an optional channel swap) src into a freshly allocated QImage of format.
QImage convertInto(const cv::Mat &src, QImage::Format format, int dstType, int code)
{
    QImage out(src.cols, src.rows, format);
    if (out.isNull())
        return {}; // allocation failed (huge image)
    cv::Mat dst = wrap(out, dstType);
    if (code < 0)
        src.copyTo(dst);
    else
        cv::cvtColor(src, dst, code);
    // cvtColor/copyTo would silently reallocate if the sizes disagreed; they cannot here, but the
    // check keeps a broken invariant from returning an uninitialised image.
    Q_ASSERT(dst.data == out.bits());
    return out;
}

} // namespace

QImage toQImage(const cv::Mat &pixels)
{
    if (pixels.empty() || pixels.dims != 2)
        return {};
    try {
        switch (pixels.type()) {
        case CV_8UC1:
            return convertInto(pixels, QImage::Format_Grayscale8, CV_8UC1, -1);
        case CV_8UC3:
            return convertInto(pixels, QImage::Format_RGB888, CV_8UC3, cv::COLOR_BGR2RGB);
        case CV_8UC4:
            return convertInto(pixels, QImage::Format_RGBA8888, CV_8UC4, cv::COLOR_BGRA2RGBA);
        case CV_16UC1:
            return convertInto(pixels, QImage::Format_Grayscale16, CV_16UC1, -1);
        case CV_16UC3:
            // BGR2RGBA fills the added alpha with the depth's maximum (65535): opaque RGBX64.
            return convertInto(pixels, QImage::Format_RGBX64, CV_16UC4, cv::COLOR_BGR2RGBA);
        case CV_16UC4:
            return convertInto(pixels, QImage::Format_RGBA64, CV_16UC4, cv::COLOR_BGRA2RGBA);
        default:
            return {};
        }
    } catch (const cv::Exception &) {
        return {}; // out of memory inside OpenCV; the caller sees a null image
    }
}

cv::Mat toMat(const QImage &image)
{
    if (image.isNull())
        return {};
    try {
        switch (image.format()) {
        case QImage::Format_Grayscale8:
            return wrapConst(image, CV_8UC1).clone();
        case QImage::Format_Grayscale16:
            return wrapConst(image, CV_16UC1).clone();
        case QImage::Format_RGB888: {
            cv::Mat out;
            cv::cvtColor(wrapConst(image, CV_8UC3), out, cv::COLOR_RGB2BGR);
            return out;
        }
        case QImage::Format_RGBA8888: {
            cv::Mat out;
            cv::cvtColor(wrapConst(image, CV_8UC4), out, cv::COLOR_RGBA2BGRA);
            return out;
        }
        case QImage::Format_RGBX64: {
            cv::Mat out;
            cv::cvtColor(wrapConst(image, CV_16UC4), out, cv::COLOR_RGBA2BGR);
            return out;
        }
        case QImage::Format_RGBA64: {
            cv::Mat out;
            cv::cvtColor(wrapConst(image, CV_16UC4), out, cv::COLOR_RGBA2BGRA);
            return out;
        }
        default:
            break;
        }
        // Any other format: go through the nearest format above (Qt converts, un-premultiplying).
        const bool deep = image.depth() >= 64;
        const bool alpha = image.hasAlphaChannel();
        const QImage::Format target = deep ? (alpha ? QImage::Format_RGBA64 : QImage::Format_RGBX64)
                                           : (alpha ? QImage::Format_RGBA8888 : QImage::Format_RGB888);
        const QImage converted = image.convertToFormat(target);
        return converted.isNull() ? cv::Mat() : toMat(converted);
    } catch (const cv::Exception &) {
        return {};
    }
}

QImage toDisplayImage(const cv::Mat &pixels, const QByteArray &iccProfile)
{
    QImage image = toQImage(pixels);
    if (image.isNull())
        return {};
    const bool alpha = image.hasAlphaChannel();
    const QColorSpace source = iccProfile.isEmpty() ? QColorSpace() : QColorSpace::fromIccProfile(iccProfile);
    if (source.isValid() && source != QColorSpace(QColorSpace::SRgb)) {
        // Convert in an RGB format of the source's depth (grey images too: an RGB profile on grey
        // pixels still maps them to sRGB greys), so 16-bit photos are transformed before rounding.
        const bool deep = pixels.depth() == CV_16U;
        QImage work = image.convertToFormat(deep ? (alpha ? QImage::Format_RGBA64 : QImage::Format_RGBX64)
                                                 : (alpha ? QImage::Format_ARGB32 : QImage::Format_RGB32));
        work.setColorSpace(source);
        work.convertToColorSpace(QColorSpace::SRgb);
        image = work;
    }
    return image.convertToFormat(alpha ? QImage::Format_ARGB32_Premultiplied : QImage::Format_RGB32);
}

} // namespace cropwise
