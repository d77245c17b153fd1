#include "core/io/CropExport.h"

#include <QFileInfo>

#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>

#include <cmath>

namespace cropwise {

namespace {

// Same bound as decoding (DecodeOptions::maxPixels): an enlarged export must not become a memory bomb.
constexpr qint64 kMaxExportPixels = 250'000'000;

int scaledSide(int side, int numerator, int denominator)
{
    return qMax(1, int(std::lround(double(side) * numerator / denominator)));
}

QString rectText(const Rect &r)
{
    return QStringLiteral("%1,%2,%3,%4").arg(r.x).arg(r.y).arg(r.width).arg(r.height);
}

} // namespace

Size exportPixelSize(Size crop, const ExportSize &size, QString *error)
{
    const auto fail = [error](const QString &reason) {
        if (error)
            *error = reason;
        return Size {};
    };
    if (crop.isEmpty())
        return fail(QStringLiteral("the crop is empty"));
    Size out;
    switch (size.mode) {
    case ExportSize::Original:
        out = crop;
        break;
    case ExportSize::Exact: {
        if (size.width <= 0 || size.height <= 0)
            return fail(QStringLiteral("the output size must be positive"));
        // Keeping the aspect is a promise: allow only the one pixel that rounding can cost.
        const double heightForWidth = double(size.width) * crop.height / crop.width;
        const double widthForHeight = double(size.height) * crop.width / crop.height;
        if (std::abs(heightForWidth - size.height) > 1.0 && std::abs(widthForHeight - size.width) > 1.0)
            return fail(QStringLiteral("%1 x %2 does not have the crop's aspect (%3 x %4); "
                                       "give a size with the same proportions")
                            .arg(size.width)
                            .arg(size.height)
                            .arg(crop.width)
                            .arg(crop.height));
        out = { size.width, size.height };
        break;
    }
    case ExportSize::LongestSide:
    case ExportSize::Width:
    case ExportSize::Height: {
        if (size.length <= 0)
            return fail(QStringLiteral("the output size must be positive"));
        const bool byWidth = size.mode == ExportSize::Width
            || (size.mode == ExportSize::LongestSide && crop.width >= crop.height);
        out = byWidth ? Size { size.length, scaledSide(size.length, crop.height, crop.width) }
                      : Size { scaledSide(size.length, crop.width, crop.height), size.length };
        break;
    }
    }
    if (out.area() > kMaxExportPixels)
        return fail(QStringLiteral("the output size %1 x %2 is too large (limit %3 MP)")
                        .arg(out.width)
                        .arg(out.height)
                        .arg(kMaxExportPixels / 1'000'000));
    return out;
}

cv::Mat renderCrop(const cv::Mat &fullPixels, const Rect &crop, const ExportSize &size, QString *error)
{
    const Rect bounds { 0, 0, fullPixels.cols, fullPixels.rows };
    if (crop.isEmpty() || !bounds.contains(crop)) {
        if (error)
            *error = QStringLiteral("the rectangle %1 does not lie inside the image (%2 x %3)")
                         .arg(rectText(crop))
                         .arg(fullPixels.cols)
                         .arg(fullPixels.rows);
        return {};
    }
    const Size target = exportPixelSize(crop.size(), size, error);
    if (target.isEmpty())
        return {};
    try {
        const cv::Mat roi = fullPixels(cv::Rect(crop.x, crop.y, crop.width, crop.height));
        if (target == crop.size())
            return roi.clone();
        // INTER_AREA averages when shrinking (no aliasing); INTER_CUBIC is sharper when enlarging.
        const int interpolation = target.area() < crop.area() ? cv::INTER_AREA : cv::INTER_CUBIC;
        cv::Mat out;
        cv::resize(roi, out, cv::Size(target.width, target.height), 0, 0, interpolation);
        return out;
    } catch (const cv::Exception &) {
        if (error)
            *error = QStringLiteral("not enough memory to render the crop");
        return {};
    }
}

QString exportCrop(
    const DecodedImage &fullImage, const Rect &crop, const CropExportOptions &options, const QString &outPath)
{
    if (!fullImage.ok())
        return QStringLiteral("no image to export");
    if (fullImage.scale != 1.0 || fullImage.pixels.cols != fullImage.fullSize.width)
        return QStringLiteral(
            "the image was decoded at reduced size; export needs the full-resolution image");
    // Fail fast, before the work; writeFileAtomically checks again (atomically) when writing.
    if (options.overwrite == OverwritePolicy::Refuse
        && (QFileInfo::exists(outPath) || QFileInfo(outPath).isSymLink()))
        return QStringLiteral("already exists (not overwritten)");

    QString error;
    const cv::Mat pixels = renderCrop(fullImage.pixels, crop, options.size, &error);
    if (pixels.empty())
        return error;

    EncodeOptions encode = options.encode;
    if (encode.iccProfile.isEmpty())
        encode.iccProfile = fullImage.iccProfile; // pixels are not converted, so their profile goes along
    const EncodeResult encoded = encodeImage(pixels, encode);
    if (!encoded.ok())
        return encoded.error;

    // Metadata policy, between encoding and writing (core/io/Metadata.h, docs/metadata.md).
    const MetadataWriteResult withMetadata = writeExportMetadata(encoded.bytes, encode.format,
        Size { pixels.cols, pixels.rows }, options.metadata, options.metadataPolicy, encode.iccProfile);
    return writeFileAtomically(outPath, withMetadata.bytes, options.overwrite);
}

} // namespace cropwise
