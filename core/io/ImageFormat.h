#pragma once

// Image container formats, recognised by their magic bytes (never by the file name's extension:
// a PNG named photo.jpg is a PNG).

#include <QByteArrayView>
#include <QString>

namespace cropwise {

enum class ImageFormat {
    Unknown, // not an image we recognise
    Jpeg,
    Png,
    WebP,
    Tiff,
    Bmp,
    // Recognised so we can refuse them by name, but not decoded:
    Gif,
    Heif, // HEIC/HEIF (ISO-BMFF "ftyp" with a HEIF brand)
    Avif, // AVIF (ISO-BMFF "ftyp" with an AVIF brand)
    JpegXl,
    Jpeg2000,
    Psd,
    Ico,
    Pnm,
};

// How many leading bytes sniffFormat() needs at most to decide.
inline constexpr qsizetype kSniffBytes = 64;

// The format whose signature starts `head` (pass at least kSniffBytes bytes when the file has them).
ImageFormat sniffFormat(QByteArrayView head);

// Lower-case short name used in the CLI's JSON and in messages: "jpeg", "png", "webp", "tiff", "bmp",
// "gif", "heif", "avif", "jpegxl", "jpeg2000", "psd", "ico", "pnm"; "unknown".
QString formatName(ImageFormat format);

// True for the formats decodeImage() reads: JPEG, PNG, WebP, TIFF, BMP.
bool isDecodable(ImageFormat format);

// Why `format` cannot be decoded, in our words (e.g. "GIF is not supported: convert it to JPEG, PNG,
// WebP or TIFF first"; "not an image (unrecognised content)" for Unknown); empty when decodable.
QString unsupportedFormatReason(ImageFormat format);

} // namespace cropwise
