#pragma once

// Exports every rendition of a set for a batch of images: `cropwise-cli export` and the GUI's
// rendition export. Values in, values out, in two steps:
//
//   RenditionExportPlan plan = planRenditionExport(inputs, options);  // cheap: headers, sidecars, names
//   QFuture<ImageExportResult> f = startRenditionExport(plan, options); // decode, render, encode, write
//
// Planning reads only image headers and sidecars: it resolves each rendition's crop (RenditionCrop.h;
// suggestions come later), output size and file name, and gives the later of two renditions that
// would write the same file an error (deterministic, whatever the thread count). The GUI can ask
// existingOutputs() before starting, since nothing is ever replaced without OverwritePolicy::Replace.
//
// Export, per image (exportPlannedImage(), one image per worker): the file is read once; its pixels
// are decoded once for all its renditions (JPEGs at the largest libjpeg DCT reduction 1/2, 1/4, 1/8
// that still leaves every rendition at least its output pixels, like libvips' shrink-on-load;
// everything else at full size) and turned like the sidecar says; with CropFallback::Suggest the
// suggester gets its own small analysis decode, exactly as `cropwise-cli suggest` does, so the
// rectangles are the same. Each rendition is cut, resized (INTER_AREA to shrink, INTER_CUBIC to
// enlarge: allowed, with a warning), encoded, given the metadata policy (core/io/Metadata.h), its
// size and orientation checked by reading the encoded header back (probeImageData), and written
// atomically. One image's failure never stops the others.
//
// Thread: the functions are reentrant; startRenditionExport() runs images in parallel on `pool`.

#include "core/geometry/Rect.h"
#include "core/io/AtomicWrite.h"
#include "core/io/ImageDecoder.h"
#include "core/io/Metadata.h"
#include "core/model/ImageState.h"
#include "core/model/Sidecar.h"
#include "core/model/UserTurn.h"
#include "core/renditions/Rendition.h"
#include "core/renditions/RenditionCrop.h"
#include "core/suggest/SuggestParams.h"

#include <QFuture>
#include <QList>
#include <QString>
#include <QStringList>

#include <atomic>
#include <memory>
#include <optional>

class QThreadPool;

namespace cropwise {

// What a rendition without a saved crop gets.
enum class CropFallback {
    Centred, // the largest centred crop of its aspect
    Suggest, // the suggester's best crop for its aspect (the same as `cropwise-cli suggest`)
};

struct RenditionExportOptions
{
    RenditionSet set;
    QString outputFolder; // must exist (the CLI creates it; the GUI picks an existing one)
    CropFallback fallback = CropFallback::Centred;
    OverwritePolicy overwrite = OverwritePolicy::Refuse;
    MetadataPolicy metadata = MetadataPolicy::Keep;
    SuggestParams suggestParams; // CropFallback::Suggest only
    SidecarStore sidecars; // where saved crops are looked up (inputs without a state or sidecar path)
};

struct ExportInput
{
    QString imagePath;
    // The image's state as the GUI holds it (possibly not saved yet); nullopt = read its sidecar.
    std::optional<ImageState> state;
    // Read this sidecar instead of looking one up (a sidecar named on the command line).
    QString sidecarPath;
};

struct ExportInputs
{
    QList<ExportInput> inputs; // each image once, in the order given (folders: natural order)
    QStringList errors; // paths that are neither an image, a folder nor a sidecar, with the reason
};

// Command-line PATHs: image files (any name: the decoder decides), folders (searched recursively,
// hidden files and sidecars skipped), sidecars ("<image>.cropwise.json" or a per-user sidecar:
// the image they belong to, with the crops of that very sidecar).
// skipFolder (the output folder): images found inside it while searching a folder are left out,
// so exporting into a subfolder of the input never picks up earlier exports as new photos.
ExportInputs collectExportInputs(const QStringList &paths, const QString &skipFolder = {});

struct PlannedRendition
{
    Rendition rendition;
    // The crop as far as planning can tell. With needsSuggestion, rect is the centred crop that
    // is used only if the suggester fails for the image (with a warning).
    RenditionCropChoice crop;
    bool needsSuggestion = false;
    Size outputSize;
    QString outputPath; // inside options.outputFolder; empty when error is set
    QString error; // e.g. the same file as another rendition, image too small for the aspect
};

struct PlannedImage
{
    QString imagePath;
    Size orientedSize; // after EXIF orientation
    UserTurn userTurn; // from the state/sidecar; applied to the pixels
    Size displayedSize; // orientedSize after userTurn: the space of every crop rect
    QList<PlannedRendition> renditions; // in the set's order
    QStringList warnings; // e.g. sidecar repairs
    QString error; // nothing of this image can be exported (unreadable, broken sidecar)
};

struct RenditionExportPlan
{
    QList<PlannedImage> images;
    int renditionCount() const; // planned outputs without an error
    // Planned output files that exist already (the GUI asks before replacing).
    QStringList existingOutputs() const;
};

RenditionExportPlan planRenditionExport(
    const QList<ExportInput> &inputs, const RenditionExportOptions &options);

struct RenditionOutcome
{
    QString rendition; // its name
    QString outputPath; // planned path (written only when ok())
    Rect crop; // the rect used, displayed full-size pixels
    CropSource source = CropSource::Centred;
    Size outputSize;
    bool upscaled = false;
    QStringList warnings; // enlarged, fitted saved crop, metadata notes...
    QString error; // empty = written
    bool ok() const { return error.isEmpty(); }
};

struct ImageExportResult
{
    QString imagePath;
    QList<RenditionOutcome> renditions;
    QStringList warnings;
    QString error; // the image failed as a whole (then no rendition was written)
    bool skipped = false; // a RenditionExportStop came before the image started: nothing was tried
    bool ok() const;
    int writtenCount() const;
};

// One image, all its renditions. Never throws.
ImageExportResult exportPlannedImage(const PlannedImage &image, const RenditionExportOptions &options);

// Stops a running startRenditionExport() softly: images that have not started are skipped, the
// ones being exported finish and are reported. Copies share one switch.
class RenditionExportStop
{
public:
    void request() { m_requested->store(true); }
    bool requested() const { return m_requested->load(); }

private:
    std::shared_ptr<std::atomic<bool>> m_requested = std::make_shared<std::atomic<bool>>(false);
};

// All images of the plan on `pool` (nullptr: the global pool; it must outlive the future). One
// result per image, in plan order: future.resultAt(i) belongs to plan.images[i]. Progress: images
// done of plan.images.size(). To stop, use `stop`: the images being exported finish (no rendition
// is half-done), the others come back `skipped`, so the results list every file written.
// future.cancel() stops as early, but QFuture drops the results that arrive after it: files get
// written unreported.
QFuture<ImageExportResult> startRenditionExport(const RenditionExportPlan &plan,
    const RenditionExportOptions &options, QThreadPool *pool = nullptr, RenditionExportStop stop = {});

// The reduced decode the suggester analyses, the same as `cropwise-cli suggest` uses
// (cli/SuggestCommand.cpp): only then are the rectangles the same.
DecodeOptions suggestionDecodeOptions(const SuggestParams &params);

} // namespace cropwise
