#pragma once

// Internal to core/io: parsing of image headers and metadata without decoding pixels, shared by
// probeImage() (header only, from a file) and decodeImage() (whole file in memory, with integrity
// pre-checks). Not for use outside core/io.
//
// Why our own parser rather than exiv2 or OpenCV: it reads only the bytes it needs (fast over whole
// folders), it never prints, and the integrity checks let us refuse damaged files before OpenCV's
// codecs see them (libpng and OpenCV's imdecode print to stderr on truncated input).

#include "core/geometry/Rect.h"
#include "core/io/ImageFormat.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QFile>
#include <QString>
#include <QStringList>

namespace cropwise::detail {

// Random access to the bytes of an image, from memory or from an open file.
class ByteSource
{
public:
    virtual ~ByteSource() = default;
    virtual qint64 size() const = 0;
    // Up to `length` bytes at `offset` (fewer near the end; empty past it or on a read error).
    // The view stays valid until the next call to read().
    virtual QByteArrayView read(qint64 offset, qint64 length) = 0;
};

class MemorySource final : public ByteSource
{
public:
    explicit MemorySource(QByteArrayView data)
        : m_data(data)
    {
    }
    qint64 size() const override { return m_data.size(); }
    QByteArrayView read(qint64 offset, qint64 length) override;

private:
    QByteArrayView m_data;
};

// Reads from an already open (preferably unbuffered) file; the file must outlive the source.
class FileSource final : public ByteSource
{
public:
    explicit FileSource(QFile &file)
        : m_file(file)
        , m_size(file.size())
    {
    }
    qint64 size() const override { return m_size; }
    QByteArrayView read(qint64 offset, qint64 length) override;

private:
    QFile &m_file;
    qint64 m_size;
    QByteArray m_buffer;
};

enum class HeaderScan {
    HeaderOnly, // format, stored size, orientation: reads as little as possible
    WholeFile, // also ICC profile and integrity checks (truncation, PNG checksums); needs all bytes
};

struct HeaderInfo
{
    ImageFormat format = ImageFormat::Unknown;
    Size storedSize;
    int orientation = 1;
    QByteArray iccProfile; // WholeFile only
    QStringList warnings;
    QString error;
    int jpegComponents = 0; // JPEG only
    // WholeFile only: when non-empty, the bytes to hand to OpenCV instead of the file.
    // PNG: the file reduced to its critical chunks plus tRNS, so libpng has no ancillary chunk to
    //      warn about on stderr (e.g. "iCCP: known incorrect sRGB profile").
    // TIFF: a copy with the Orientation tag set to 1, because OpenCV applies TIFF orientation itself
    //      in some layouts (8-bit via TIFFReadRGBA) and not in others (16-bit); we apply it uniformly.
    QByteArray codecInput;
};

HeaderInfo parseImageHeader(ByteSource &source, HeaderScan scan);

// EXIF orientation from a TIFF-structured EXIF block (starting at "II*\0"/"MM\0*"; a leading
// "Exif\0\0" is skipped). 1 when absent; invalid values add a warning and give 1.
int exifOrientation(QByteArrayView exif, QStringList *warnings);

// CRC-32 as used by PNG chunks (and zlib).
quint32 crc32(QByteArrayView data);

// Opens `path` for reading (unbuffered), or returns the reason it cannot be read in our words:
// "file not found", "is a folder, not an image file", "cannot read: permission denied", "empty file"...
QString openForReading(QFile &file);

} // namespace cropwise::detail
