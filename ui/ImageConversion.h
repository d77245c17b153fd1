#pragma once

// The ONE place where pixels cross between OpenCV (core) and Qt (ui).
//
// Channel order: cv::Mat pixels are BGR / BGRA (OpenCV's order, what decodeImage() returns);
// QImage pixels are RGB / RGBA. Alpha is straight (not premultiplied) on both sides.
// Every function returns a deep copy: the result never shares memory with its argument, so either
// side may be freed or modified afterwards, and the result can be handed to another thread.
// Thread: reentrant (no shared state).

#include <QByteArray>
#include <QImage>

#include <opencv2/core/mat.hpp>

namespace cropwise {

// cv::Mat (CV_8U or CV_16U; 1, 3 or 4 channels) -> QImage of the matching format:
//   8-bit:  1 -> Format_Grayscale8,  3 -> Format_RGB888,  4 -> Format_RGBA8888
//   16-bit: 1 -> Format_Grayscale16, 3 -> Format_RGBX64,  4 -> Format_RGBA64
// (QImage has no 3-channel 16-bit format; RGBX64 keeps all 16 bits with an opaque alpha.)
// Any other depth or channel count, or an empty Mat -> a null QImage.
QImage toQImage(const cv::Mat &pixels);

// QImage -> cv::Mat, the inverse of toQImage for the formats it produces. Other formats are
// converted first: to CV_8UC4 (BGRA) when the image has alpha, else CV_8UC3 (BGR); 16-bit formats
// with alpha to CV_16UC4, without to CV_16UC3. A null QImage -> an empty Mat.
cv::Mat toMat(const QImage &image);

// What the canvas paints: an 8-bit image in sRGB, in a format QPainter draws fast
// (Format_RGB32 when opaque, Format_ARGB32_Premultiplied with alpha).
// If iccProfile is a valid profile QColorSpace understands, the pixels are converted from it to sRGB
// (e.g. an Adobe RGB or Display P3 photo keeps its colours); an empty, unreadable or unsupported
// profile (QColorSpace in Qt 6.4 reads RGB matrix/TRC profiles only, not grey or LUT ones) leaves
// the pixels as they are, i.e. assumed sRGB. 16-bit input is reduced to 8 bits after the colour
// conversion (in 16 bits, to avoid banding). An empty Mat -> a null QImage.
// The result carries QColorSpace::SRgb when a conversion took place.
QImage toDisplayImage(const cv::Mat &pixels, const QByteArray &iccProfile);

} // namespace cropwise
