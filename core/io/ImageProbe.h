#pragma once

// Reads only an image's header (a few KB at most, plus the EXIF block): format, stored size,
// EXIF orientation and the displayed size. Fast enough to run over whole folders; used by
// `cropwise-cli info` and by decodeImage() to refuse decompression bombs before decoding.
// Thread: reentrant. Errors are values; nothing is printed.

#include "core/geometry/Rect.h"
#include "core/io/ImageFormat.h"

#include <QByteArrayView>
#include <QString>
#include <QStringList>

namespace cropwise {

struct ProbeResult
{
    ImageFormat format = ImageFormat::Unknown;
    Size storedSize; // as stored in the file (before orientation)
    int orientation = 1; // EXIF orientation 1..8 (1 when absent or invalid); see ImageOrientation.h
    Size displayedSize; // orientation applied: width/height swapped for orientations 5..8
    QStringList warnings; // e.g. an invalid orientation value that was ignored
    // Non-empty when the file cannot be used: unreadable, empty, not an image, unsupported format,
    // or a header we cannot parse. Short reason without the file name.
    QString error;

    bool ok() const { return error.isEmpty(); }
};

// Reads the header of the file at `path` (unreadable, empty, non-image and unsupported files give an
// error). Does not check the pixel data: a truncated file may probe fine and still fail to decode.
ProbeResult probeImage(const QString &path);
// Same, from bytes in memory.
ProbeResult probeImageData(QByteArrayView data);

} // namespace cropwise
