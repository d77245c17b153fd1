#pragma once

// The metadata policy of every export (docs/metadata.md): what of a source photo's EXIF, XMP, IPTC,
// comment and ICC profile goes into a crop of it, and how stale values are fixed.
//
//   SourceMetadata source = readSourceMetadata(fileBytes);          // once per source image
//   MetadataWriteResult r = writeExportMetadata(encodedBytes, format, outputSize,
//                                               source, MetadataPolicy::Keep, iccProfile);
//
// Export pixels are always oriented (decodeImage() applied the EXIF orientation, the export applied
// the user's turn), so the orientation tags become 1; the pixel-dimension tags get the output size;
// thumbnails of the uncropped original (EXIF IFD1, XMP xmp:Thumbnails) are dropped, as are fields
// whose coordinates refer to the uncropped frame (Lightroom crs:Crop*, local corrections, subject
// area, face regions). Reading and writing go through exiv2 0.27 (not our own header parser, which
// only reads what decoding needs).
//
// Thread: reentrant. A SourceMetadata may be shared by several threads (read-only). exiv2's XMP
// toolkit is initialised once, with a lock, on first use; exiv2's own log output is muted so
// stderr stays clean (problems come back as warnings).

#include "core/geometry/Rect.h"
#include "core/io/ImageEncoder.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>

namespace cropwise {

enum class MetadataPolicy {
    Keep, // EXIF, XMP, IPTC, JPEG comment and ICC carried over, fixed as described above
    StripGps, // as Keep, minus location coordinates: Exif.GPSInfo.* and every XMP property named GPS*
    Strip, // nothing but the ICC profile (colour data: without it the same pixels show other colours)
};

// "keep", "strip-gps", "strip" (case-insensitive); nullopt otherwise.
std::optional<MetadataPolicy> parseMetadataPolicy(const QString &text);
QString metadataPolicyName(MetadataPolicy policy);

// The metadata of one source image, read once and written into any number of exports.
// Cheap to copy (shared, immutable). Empty when the source has none or it could not be read.
class SourceMetadata
{
public:
    SourceMetadata();
    ~SourceMetadata();
    SourceMetadata(const SourceMetadata &);
    SourceMetadata &operator=(const SourceMetadata &);

    bool isEmpty() const;
    // Problems met while reading (e.g. "the EXIF block cannot be read: ..."); the readable rest is kept.
    QStringList warnings() const;
    // True when EXIF (IFD0/Exif/GPS...), XMP, IPTC were found (for tests and reports).
    bool hasExif() const;
    bool hasXmp() const;
    bool hasIptc() const;

    struct Data; // exiv2 containers; defined in Metadata.cpp (exiv2 stays private to core/io)

private:
    friend struct MetadataWriter;
    std::shared_ptr<const Data> m_data;
};

// From the bytes of an image file (JPEG, PNG, WebP, TIFF; others give an empty result).
SourceMetadata readSourceMetadata(QByteArrayView fileBytes);
// From a file, reading only its metadata blocks (for exports that decoded the file by path).
SourceMetadata readSourceMetadataFile(const QString &path);

struct MetadataWriteResult
{
    QByteArray bytes; // the encoded image with the metadata written in
    QStringList warnings; // e.g. "IPTC cannot be stored in WebP files (its XMP copy is kept)"
    // Never fatal by design: when exiv2 cannot write into the file, bytes is the encoded image
    // without metadata and a warning says so (a file without metadata beats no file or a broken one).
};

// Writes `source` under `policy` into `encoded` (encodeImage() output in `format`), whose pixels
// are oriented and `outputSize` large. `iccProfile` is embedded into WebP and TIFF, which the
// encoder cannot do (JPEG and PNG already hold it from encodeImage()); empty = none.
MetadataWriteResult writeExportMetadata(const QByteArray &encoded, OutputFormat format, Size outputSize,
    const SourceMetadata &source, MetadataPolicy policy, QByteArrayView iccProfile = {});

} // namespace cropwise
