#pragma once

// Internal to core/io: JPEG decoding and encoding through libjpeg-turbo directly, because OpenCV's
// JPEG path hides what we must know: it decodes a truncated or corrupt file silently (grey tail),
// its warnings go to stderr, and it offers only coarse reduced decoding. Here libjpeg's errors
// longjmp back to us and its warnings are counted and classified, never printed.

#include <QByteArray>
#include <QByteArrayView>
#include <QString>
#include <QStringList>

#include <opencv2/core/mat.hpp>

namespace cropwise::detail {

struct JpegDecodeResult
{
    cv::Mat pixels; // CV_8UC1 (greyscale) or CV_8UC3 (BGR), stored orientation, scaled by 1/denominator
    QStringList warnings;
    QString error;
};

// scaleDenominator: 1, 2, 4 or 8 (libjpeg DCT scaling; output side = ceil(side / denominator)).
JpegDecodeResult decodeJpeg(QByteArrayView data, int scaleDenominator);

// Largest DCT scale denominator (8, 4, 2 or 1) whose output long side stays >= maxLongSide.
int jpegScaleDenominator(int storedLongSide, int maxLongSide);

struct JpegEncodeResult
{
    QByteArray bytes;
    QString error;
};

// pixels: CV_8UC1 or CV_8UC3 (BGR). quality 1..100. iccProfile embedded as APP2 when non-empty.
JpegEncodeResult encodeJpeg(const cv::Mat &pixels, int quality, QByteArrayView iccProfile);

} // namespace cropwise::detail
