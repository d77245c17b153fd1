#pragma once

// Export of a chosen crop as an image file: cut the rect from the full-resolution decoded image,
// resize if asked (aspect kept), encode, write atomically.
// Thread: reentrant; never throws.

#include "core/geometry/Rect.h"
#include "core/io/AtomicWrite.h"
#include "core/io/ImageDecoder.h"
#include "core/io/ImageEncoder.h"
#include "core/io/Metadata.h"

#include <QString>

#include <opencv2/core/mat.hpp>

namespace cropwise {

struct ExportSize
{
    enum Mode {
        Original, // exactly the crop's pixels
        Exact, // width x height; must have the crop's aspect (within rounding, see below)
        LongestSide, // long side = length, other side by aspect
        Width, // width = length
        Height, // height = length
    };
    Mode mode = Original;
    int width = 0; // Exact only
    int height = 0; // Exact only
    int length = 0; // LongestSide, Width, Height

    static ExportSize original() { return {}; }
    static ExportSize exact(int w, int h) { return { Exact, w, h, 0 }; }
    static ExportSize longestSide(int n) { return { LongestSide, 0, 0, n }; }
    static ExportSize fixedWidth(int n) { return { Width, 0, 0, n }; }
    static ExportSize fixedHeight(int n) { return { Height, 0, 0, n }; }
};

struct CropExportOptions
{
    EncodeOptions encode;
    ExportSize size;
    OverwritePolicy overwrite = OverwritePolicy::Refuse;
    // The source's EXIF/XMP/IPTC (readSourceMetadataFile(imagePath), core/io/Metadata.h) and what
    // of it the export keeps (docs/metadata.md). Empty = nothing to carry (the ICC profile still goes).
    SourceMetadata metadata;
    MetadataPolicy metadataPolicy = MetadataPolicy::Keep;
};

// The output pixel size for a crop of cropSize under `size`, or an empty Size with `error` set.
// Exact sizes must match the crop's aspect to within one pixel of rounding on either side
// (keeping the aspect is a promise; stretching is refused rather than done silently).
Size exportPixelSize(Size cropSize, const ExportSize &size, QString *error = nullptr);

// The pixels of `crop` (in displayed full-resolution pixels) resized as `size` asks: INTER_AREA to
// shrink, INTER_CUBIC to enlarge. Depth and channels are kept. Empty Mat + error when the rect
// does not lie inside the image or the size is invalid.
cv::Mat renderCrop(
    const cv::Mat &fullPixels, const Rect &crop, const ExportSize &size, QString *error = nullptr);

// Cuts, resizes, encodes and writes atomically. `fullImage` must be a full-resolution decode
// (scale 1): exporting from a reduced preview would silently lose resolution, so it is refused.
// Returns an empty string on success, else a short reason (without the output path).
// Refuses early (before any work) when the file exists and overwrite is Refuse.
// Metadata: the source's ICC profile is embedded (unless options.encode.iccProfile is set), and
// options.metadata is written under options.metadataPolicy (writeExportMetadata(): orientation
// reset to 1 since the pixels are already oriented, sizes updated, thumbnail dropped).
QString exportCrop(const DecodedImage &fullImage, const Rect &crop, const CropExportOptions &options,
    const QString &outPath);

} // namespace cropwise
