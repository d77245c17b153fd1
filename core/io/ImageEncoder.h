#pragma once

// Encodes pixels (as produced by decodeImage(): CV_8U/CV_16U, 1/3/4 channels, BGR order) to
// file bytes in memory. Writing them is AtomicWrite's job. Thread: reentrant; never throws.

#include <QByteArray>
#include <QString>

#include <opencv2/core/mat.hpp>

#include <optional>

namespace cropwise {

enum class OutputFormat { Jpeg, Png, WebP, Tiff };

struct EncodeOptions
{
    OutputFormat format = OutputFormat::Jpeg;
    int quality = 92; // 1..100, JPEG and WebP only (WebP 100 = lossless)
    // Embedded verbatim into JPEG (APP2) and PNG (iCCP) when non-empty; ignored for WebP/TIFF.
    QByteArray iccProfile;
};

struct EncodeResult
{
    QByteArray bytes; // the encoded file
    QString error; // non-empty on failure
    bool ok() const { return error.isEmpty() && !bytes.isEmpty(); }
};

// JPEG and WebP take 8-bit only: 16-bit input is converted (value / 257) and alpha is composited
// over white for JPEG (which has no alpha). PNG and TIFF keep 16-bit and alpha as they are.
EncodeResult encodeImage(const cv::Mat &pixels, const EncodeOptions &options);

// "jpg"/"jpeg"/"png"/"webp"/"tif"/"tiff" (case-insensitive, with or without the dot, or a whole
// file name/path); nullopt otherwise.
std::optional<OutputFormat> outputFormatForSuffix(const QString &suffixOrPath);
QString outputFormatName(OutputFormat format); // "jpeg", "png", "webp", "tiff"
// The usual file extension, without the dot: "jpg", "png", "webp", "tif".
QString outputFormatSuffix(OutputFormat format);

} // namespace cropwise
