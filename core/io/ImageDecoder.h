#pragma once

// The one image decoder of Cropwise. Every pixel the app, the CLI, the suggester or the model sees
// comes from decodeImage(), so crops (stored in pixels of the *displayed* image, i.e. after EXIF
// orientation) always land on the same pixels. Do not decode images with QImageReader or cv::imread
// elsewhere: they disagree on EXIF orientation.
//
// Thread: decodeImage() and toBgr8() are reentrant (no shared state); call them from any thread.
// Errors are values: nothing throws and nothing is printed (stderr stays clean).
// See docs/decoding.md for formats, limits and the truncation policy.

#include "core/geometry/Rect.h"
#include "core/io/ImageFormat.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>
#include <QStringList>

#include <opencv2/core/mat.hpp>

namespace cropwise {

struct DecodeOptions
{
    // Refuse images whose header announces more pixels than this, before decoding any pixel
    // (decompression bombs: a 0.9 MB PNG can announce 2.7 GB of pixels; OpenCV's own limit is
    // 2^30 pixels). 250 MP covers every camera sold today (the largest, medium-format backs, are
    // ~150-200 MP) while bounding a full decode to ~1 GB of BGRA8 (2 GB at 16 bit).
    // 0 or negative = no limit (only for trusted input).
    qint64 maxPixels = 250'000'000;

    // 0 = full resolution. Otherwise a reduced decode for previews and analysis: the returned
    // long side is >= maxLongSide whenever the image is that large (never upscaled). JPEG uses
    // libjpeg's DCT scaling (1/2, 1/4, 1/8: fast, low memory) choosing the smallest scale that
    // still gives a long side >= maxLongSide; other formats decode fully and are then reduced
    // with cv::INTER_AREA to a long side of exactly maxLongSide.
    int maxLongSide = 0;
};

struct DecodedImage
{
    // CV_8U or CV_16U, 1 (grey), 3 (BGR) or 4 (BGRA, straight alpha) channels, EXIF orientation
    // applied, possibly reduced (see scale). Empty when !ok().
    cv::Mat pixels;
    // Displayed size (orientation applied) of the full-resolution image, whatever the reduction.
    Size fullSize;
    // pixels.cols / fullSize.width (1.0 for a full decode). Map a reduced-pixel coordinate to
    // full-resolution pixels by dividing by scale.
    double scale = 1.0;
    // EXIF orientation 1..8 found in the file (1 when absent); already applied to pixels.
    int orientation = 1;
    ImageFormat format = ImageFormat::Unknown;
    // Embedded ICC profile, verbatim (empty when none). The pixels are NOT converted: the preview
    // honours it (QColorSpace in ui/) and export may carry it along.
    QByteArray iccProfile;
    // Decoded, but something was off (e.g. an unreadable EXIF block). Human-readable, our words.
    QStringList warnings;
    // Non-empty when decoding failed; a short reason without the file name, e.g.
    // "truncated JPEG: the file ends before the image data is complete".
    QString error;

    bool ok() const { return error.isEmpty() && !pixels.empty(); }
};

DecodedImage decodeImage(const QString &path, const DecodeOptions &options = {});

// Same, from bytes already in memory (no file name in errors; same checks and limits).
DecodedImage decodeImageData(QByteArrayView data, const DecodeOptions &options = {});

// For analysis code that wants plain 8-bit BGR: grey is replicated to 3 channels, 16-bit is scaled
// to 8-bit (value / 257, rounded), and alpha is composited over white (so transparent areas look
// like the light background a viewer shows rather than turning black). Empty input -> empty Mat.
cv::Mat toBgr8(const cv::Mat &pixels);

} // namespace cropwise
