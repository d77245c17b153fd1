#include "core/renditions/RenditionExport.h"

#include "core/io/ImageEncoder.h"
#include "core/io/ImageFormat.h"
#include "core/io/ImageProbe.h"
#include "core/model/ImageCatalog.h"
#include "core/renditions/FileNameTemplate.h"
#include "core/suggest/CropSuggester.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QSet>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentMap>

#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>

namespace cropwise {

namespace {

QString sizeText(Size s)
{
    return QStringLiteral("%1 x %2").arg(s.width).arg(s.height);
}

QString absoluteClean(const QString &path)
{
    return QDir::cleanPath(QFileInfo(path).absoluteFilePath());
}

// The image a sidecar file belongs to: "<image>.cropwise.json" beside it, or the path recorded in
// a per-user sidecar. Empty + *error when it cannot be told or the image is gone.
QString imageOfSidecar(const QString &sidecarPath, QString *error)
{
    if (sidecarPath.endsWith(QLatin1String(kSidecarSuffix))) {
        const QString image = sidecarPath.chopped(qsizetype(qstrlen(kSidecarSuffix)));
        if (QFileInfo(image).isFile())
            return image;
        *error = QStringLiteral("the sidecar's image %1 does not exist").arg(image);
        return {};
    }
    QFile file(sidecarPath);
    if (file.size() > 16 * 1024 * 1024 || !file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("not an image, folder or sidecar that can be read");
        return {};
    }
    const SidecarParseResult parsed = parseSidecarJson(file.readAll(), Size {});
    if (!parsed.ok()) {
        *error = QStringLiteral("not a Cropwise sidecar (%1)").arg(parsed.error);
        return {};
    }
    const QString image = parsed.recordedImage.absolutePath;
    if (image.isEmpty() || !QFileInfo(image).isFile()) {
        *error = image.isEmpty() ? QStringLiteral("the sidecar does not record its image's path")
                                 : QStringLiteral("the sidecar's image %1 does not exist").arg(image);
        return {};
    }
    return image;
}

bool looksLikeSidecar(const QString &path)
{
    if (path.endsWith(QLatin1String(kSidecarSuffix)))
        return true;
    // Per-user sidecars are "<sha1>.json": a .json file is never an image, so try it as a sidecar.
    return path.endsWith(QLatin1String(".json"), Qt::CaseInsensitive);
}

struct StateRead
{
    ImageState state;
    QStringList warnings;
    QString error;
};

// Read-only: unlike SidecarStore::read(), a broken sidecar is reported and left where it is (an
// export must not touch its inputs), and the image fails rather than being exported without the
// user's crops.
StateRead readState(const ExportInput &input, Size orientedSize, const SidecarStore &store)
{
    StateRead result;
    if (input.state) {
        result.state = *input.state;
        return result;
    }
    QString path = input.sidecarPath;
    if (path.isEmpty()) {
        const std::optional<SidecarLocation> found = store.existingSidecar(input.imagePath);
        if (!found)
            return result; // no sidecar: no saved crops, no turn
        path = found->path;
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        result.error = QStringLiteral("its sidecar %1 cannot be read (%2)").arg(path, file.errorString());
        return result;
    }
    const SidecarParseResult parsed = parseSidecarJson(file.readAll(), orientedSize);
    if (!parsed.ok()) {
        result.error = QStringLiteral("its sidecar %1 cannot be used (%2); fix or move it, then export again")
                           .arg(path, parsed.error);
        return result;
    }
    result.state = parsed.state;
    for (const QString &w : parsed.warnings)
        result.warnings << QStringLiteral("sidecar: %1").arg(w);
    return result;
}

QString aspectKey(const std::optional<AspectRatio> &aspect)
{
    return aspect ? aspect->toString() : QStringLiteral("original");
}

// The crop of full-size displayed pixels, taken from `pixels` (which may be a reduced decode:
// sx, sy = pixels per full-size pixel) and resized to exactly `out`.
cv::Mat renderRendition(
    const cv::Mat &pixels, double sx, double sy, const Rect &crop, Size out, QString *error)
{
    const Rect bounds { 0, 0, pixels.cols, pixels.rows };
    const Rect r = Rect::fromEdges(int(std::lround(crop.x * sx)), int(std::lround(crop.y * sy)),
        int(std::lround(crop.rightEdge() * sx)), int(std::lround(crop.bottomEdge() * sy)))
                       .intersected(bounds);
    if (r.isEmpty() || out.isEmpty()) {
        *error = QStringLiteral("the crop %1,%2,%3,%4 does not lie inside the image")
                     .arg(crop.x)
                     .arg(crop.y)
                     .arg(crop.width)
                     .arg(crop.height);
        return {};
    }
    try {
        const cv::Mat roi = pixels(cv::Rect(r.x, r.y, r.width, r.height));
        if (r.size() == out)
            return roi.clone();
        // INTER_AREA averages when shrinking (no aliasing); INTER_CUBIC is sharper when enlarging.
        const bool shrinking = out.width <= r.width && out.height <= r.height;
        cv::Mat result;
        cv::resize(
            roi, result, cv::Size(out.width, out.height), 0, 0, shrinking ? cv::INTER_AREA : cv::INTER_CUBIC);
        return result;
    } catch (const cv::Exception &e) {
        *error = e.code == cv::Error::StsNoMem
            ? QStringLiteral("not enough memory to render the crop")
            : QStringLiteral("rendering failed: %1").arg(QString::fromStdString(e.msg));
        return {};
    }
}

// How much of the full resolution the renditions need: the largest output/crop ratio (<= 1 means
// a reduced decode can serve them all).
double neededScale(const QList<std::pair<Rect, Size>> &cropsAndOutputs)
{
    double needed = 0.0;
    for (const auto &[crop, out] : cropsAndOutputs) {
        if (crop.isEmpty())
            continue;
        needed = std::max({ needed, double(out.width) / crop.width, double(out.height) / crop.height });
    }
    return needed;
}

// The user's turn replayed on the pixels, step by step as UserTurn::steps() defines it (the crops
// are stored in the turned image). (Not via applyOrientation(): core/io/ImageOrientation.h and
// core/geometry/ImageTurn.h cannot be included together at the moment.)
void turnPixels(DecodedImage &image, const UserTurn &turn)
{
    if (turn.isIdentity() || !image.ok())
        return;
    cv::Mat pixels = image.pixels;
    for (const Turn step : turn.steps()) {
        cv::Mat next;
        switch (step) {
        case Turn::RotateClockwise:
            cv::rotate(pixels, next, cv::ROTATE_90_CLOCKWISE);
            break;
        case Turn::RotateCounterClockwise:
            cv::rotate(pixels, next, cv::ROTATE_90_COUNTERCLOCKWISE);
            break;
        case Turn::FlipHorizontal:
            cv::flip(pixels, next, 1);
            break;
        case Turn::FlipVertical:
            cv::flip(pixels, next, 0);
            break;
        }
        pixels = next;
    }
    image.pixels = pixels;
    image.fullSize = turn.apply(image.fullSize);
}

} // namespace

DecodeOptions suggestionDecodeOptions(const SuggestParams &params)
{
    DecodeOptions options;
    options.maxLongSide = std::max(params.faces.workingLongSide, params.analysisLongSide);
    return options;
}

ExportInputs collectExportInputs(const QStringList &paths, const QString &skipFolder)
{
    ExportInputs result;
    const QString skipPrefix
        = skipFolder.isEmpty() ? QString() : absoluteClean(skipFolder) + QLatin1Char('/');
    QSet<QString> seen;
    const auto add = [&](const QString &image, const QString &sidecar) {
        const QString key = absoluteClean(image);
        if (seen.contains(key))
            return;
        seen.insert(key);
        result.inputs.append({ key, std::nullopt, sidecar.isEmpty() ? QString() : absoluteClean(sidecar) });
    };
    for (const QString &path : paths) {
        const QFileInfo info(path);
        if (!info.exists()) {
            result.errors << QStringLiteral("%1: no such file or folder").arg(path);
        } else if (info.isDir()) {
            const CatalogResult catalog = scanFolder(path, FolderDepth::Recursive);
            if (!catalog.ok())
                result.errors << catalog.error;
            for (const QString &image : catalog.imagePaths) {
                if (skipPrefix.isEmpty() || !absoluteClean(image).startsWith(skipPrefix))
                    add(image, {});
            }
        } else if (looksLikeSidecar(path)) {
            QString error;
            const QString image = imageOfSidecar(path, &error);
            if (image.isEmpty())
                result.errors << QStringLiteral("%1: %2").arg(path, error);
            else
                add(image, path);
        } else {
            add(path, {}); // named explicitly: tried whatever its extension (the decoder decides)
        }
    }
    return result;
}

int RenditionExportPlan::renditionCount() const
{
    int n = 0;
    for (const PlannedImage &image : images) {
        if (!image.error.isEmpty())
            continue;
        for (const PlannedRendition &r : image.renditions)
            n += r.error.isEmpty() ? 1 : 0;
    }
    return n;
}

QStringList RenditionExportPlan::existingOutputs() const
{
    QStringList existing;
    for (const PlannedImage &image : images) {
        if (!image.error.isEmpty())
            continue;
        for (const PlannedRendition &r : image.renditions) {
            if (r.error.isEmpty() && (QFileInfo::exists(r.outputPath) || QFileInfo(r.outputPath).isSymLink()))
                existing << r.outputPath;
        }
    }
    return existing;
}

RenditionExportPlan planRenditionExport(
    const QList<ExportInput> &inputs, const RenditionExportOptions &options)
{
    RenditionExportPlan plan;
    // Output path -> who writes it first ("photo.jpg, rendition square").
    QHash<QString, QString> claimed;
    for (const ExportInput &input : inputs) {
        PlannedImage image;
        image.imagePath = input.imagePath;
        const ProbeResult probe = probeImage(input.imagePath);
        if (!probe.ok()) {
            image.error = probe.error;
            plan.images.append(image);
            continue;
        }
        image.orientedSize = probe.displayedSize;
        image.warnings << probe.warnings;
        const StateRead state = readState(input, probe.displayedSize, options.sidecars);
        if (!state.error.isEmpty()) {
            image.error = state.error;
            plan.images.append(image);
            continue;
        }
        image.warnings << state.warnings;
        image.userTurn = state.state.userTurn;
        image.displayedSize = image.userTurn.apply(image.orientedSize);

        const QString stem = QFileInfo(input.imagePath).completeBaseName();
        for (const Rendition &rendition : options.set.renditions) {
            PlannedRendition planned;
            planned.rendition = rendition;
            planned.crop = chooseRenditionCrop(rendition, image.displayedSize, state.state.crops);
            planned.needsSuggestion
                = options.fallback == CropFallback::Suggest && planned.crop.source == CropSource::Centred;
            if (!planned.crop.ok() && !planned.needsSuggestion) {
                planned.error = planned.crop.error;
                image.renditions.append(planned);
                continue;
            }
            planned.outputSize = renditionOutputSize(rendition, planned.crop.rect.size());
            QString error;
            const QString name = expandFileName(rendition.fileNameTemplate,
                { stem, rendition.name, planned.crop.label, planned.outputSize.width,
                    planned.outputSize.height },
                rendition.format, &error);
            if (!name.isEmpty())
                planned.outputPath = outputPathIn(options.outputFolder, name, &error);
            if (planned.outputPath.isEmpty()) {
                planned.error = error;
            } else if (const auto other = claimed.constFind(planned.outputPath);
                       other != claimed.constEnd()) {
                planned.error = QStringLiteral("%1 is also the file of %2; give the file name template more "
                                               "placeholders (e.g. {rendition})")
                                    .arg(QFileInfo(planned.outputPath).fileName(), *other);
                planned.outputPath.clear();
            } else {
                claimed.insert(planned.outputPath,
                    QStringLiteral("%1, rendition %2")
                        .arg(QFileInfo(input.imagePath).fileName(), rendition.name));
            }
            image.renditions.append(planned);
        }
        plan.images.append(image);
    }
    return plan;
}

bool ImageExportResult::ok() const
{
    if (!error.isEmpty())
        return false;
    return std::all_of(
        renditions.begin(), renditions.end(), [](const RenditionOutcome &r) { return r.ok(); });
}

int ImageExportResult::writtenCount() const
{
    return int(std::count_if(
        renditions.begin(), renditions.end(), [](const RenditionOutcome &r) { return r.ok(); }));
}

namespace {

ImageExportResult exportImage(const PlannedImage &image, const RenditionExportOptions &options)
{
    ImageExportResult result;
    result.imagePath = image.imagePath;
    result.warnings = image.warnings;
    if (!image.error.isEmpty()) {
        result.error = image.error;
        return result;
    }

    // Outcomes in the set's order; the ones still to do are listed in `pending`.
    QList<int> pending;
    for (const PlannedRendition &planned : image.renditions) {
        RenditionOutcome outcome;
        outcome.rendition = planned.rendition.name;
        outcome.outputPath = planned.outputPath;
        outcome.crop = planned.crop.rect;
        outcome.source = planned.crop.source;
        outcome.outputSize = planned.outputSize;
        outcome.warnings = planned.crop.warnings;
        outcome.error = planned.error;
        if (outcome.error.isEmpty() && options.overwrite == OverwritePolicy::Refuse
            && (QFileInfo::exists(planned.outputPath) || QFileInfo(planned.outputPath).isSymLink()))
            outcome.error = QStringLiteral("already exists (not overwritten)");
        if (outcome.error.isEmpty())
            pending.append(int(result.renditions.size()));
        result.renditions.append(outcome);
    }
    if (pending.isEmpty())
        return result; // nothing to do: not even a decode

    QFile file(image.imagePath);
    if (!file.open(QIODevice::ReadOnly)) {
        result.error = QStringLiteral("cannot read the file (%1)").arg(file.errorString());
        return result;
    }
    const QByteArray bytes = file.readAll();
    file.close();
    const auto failAll = [&](const QString &reason) {
        result.error = reason;
        for (const int i : pending)
            result.renditions[i].error = QStringLiteral("not written: %1").arg(reason);
        return result;
    };
    if (bytes.isEmpty())
        return failAll(QStringLiteral("empty file"));

    // Suggestions first: their rects decide how much resolution the pixels need.
    QList<std::optional<AspectRatio>> suggestAspects;
    for (const int i : pending) {
        const PlannedRendition &planned = image.renditions[i];
        if (planned.needsSuggestion && !suggestAspects.contains(planned.rendition.aspect))
            suggestAspects.append(planned.rendition.aspect);
    }
    QHash<QString, Rect> suggested;
    if (!suggestAspects.isEmpty()) {
        DecodedImage small = decodeImageData(bytes, suggestionDecodeOptions(options.suggestParams));
        turnPixels(small, image.userTurn);
        QString problem;
        if (!small.ok()) {
            problem = small.error.isEmpty() ? QStringLiteral("cannot decode the image") : small.error;
        } else {
            SuggestRequest request;
            request.aspects.assign(suggestAspects.begin(), suggestAspects.end());
            request.top = 1;
            request.params = options.suggestParams;
            const SuggestResult suggestions = suggestCrops(small.pixels, image.displayedSize, request);
            if (!suggestions.ok())
                problem = suggestions.error;
            for (const AspectSuggestions &a : suggestions.aspects) {
                if (a.ok() && !a.suggestions.empty())
                    suggested.insert(aspectKey(a.aspect), a.suggestions.front().rect);
            }
        }
        for (const int i : pending) {
            const PlannedRendition &planned = image.renditions[i];
            if (!planned.needsSuggestion)
                continue;
            RenditionOutcome &outcome = result.renditions[i];
            const auto it = suggested.constFind(aspectKey(planned.rendition.aspect));
            if (it != suggested.constEnd()) {
                outcome.crop = *it;
                outcome.source = CropSource::Suggested;
            } else {
                outcome.warnings << QStringLiteral("no suggestion (%1): the centred crop is used")
                                        .arg(problem.isEmpty() ? QStringLiteral("none for this aspect")
                                                               : problem);
            }
        }
    }

    // The pixels, decoded once for every rendition: reduced when even the most demanding rendition
    // needs less than the full resolution (JPEG DCT scaling; other formats would only be decoded
    // fully and then resized twice, so they are decoded at full size).
    QList<std::pair<Rect, Size>> demands;
    for (const int i : pending)
        demands.append({ result.renditions[i].crop, result.renditions[i].outputSize });
    const double needed = neededScale(demands);
    DecodeOptions decodeOptions;
    const int longSide = std::max(image.orientedSize.width, image.orientedSize.height);
    if (needed > 0.0 && needed < 0.5
        && sniffFormat(QByteArrayView(bytes).first(std::min<qsizetype>(bytes.size(), kSniffBytes)))
            == ImageFormat::Jpeg) {
        // A few pixels of margin so that rounding never leaves a rendition short of its output.
        decodeOptions.maxLongSide = std::min(longSide, int(std::ceil(needed * longSide)) + 8);
    }
    DecodedImage decoded = decodeImageData(bytes, decodeOptions);
    if (!decoded.ok())
        return failAll(decoded.error.isEmpty() ? QStringLiteral("cannot decode the image") : decoded.error);
    result.warnings << decoded.warnings;
    turnPixels(decoded, image.userTurn);
    if (decoded.fullSize != image.displayedSize)
        return failAll(QStringLiteral("the image changed while exporting (now %1, planned %2)")
                           .arg(sizeText(decoded.fullSize), sizeText(image.displayedSize)));
    const double sx = double(decoded.pixels.cols) / image.displayedSize.width;
    const double sy = double(decoded.pixels.rows) / image.displayedSize.height;

    SourceMetadata metadata;
    if (options.metadata != MetadataPolicy::Strip) {
        metadata = readSourceMetadata(bytes);
        for (const QString &w : metadata.warnings())
            result.warnings << QStringLiteral("metadata: %1").arg(w);
    }

    for (const int i : pending) {
        const PlannedRendition &planned = image.renditions[i];
        RenditionOutcome &outcome = result.renditions[i];
        const Rendition &rendition = planned.rendition;
        const Size out = outcome.outputSize;
        if (needsUpscaling(outcome.crop.size(), out)) {
            outcome.upscaled = true;
            outcome.warnings << QStringLiteral("enlarged %1x: the crop (%2) is smaller than the output (%3)")
                                    .arg(QString::number(upscaleFactor(outcome.crop.size(), out), 'f', 2),
                                        sizeText(outcome.crop.size()), sizeText(out));
        }
        QString error;
        const cv::Mat pixels = renderRendition(decoded.pixels, sx, sy, outcome.crop, out, &error);
        if (pixels.empty()) {
            outcome.error = error;
            continue;
        }
        EncodeOptions encode;
        encode.format = rendition.format;
        encode.quality = rendition.quality;
        encode.iccProfile = decoded.iccProfile; // the pixels are not converted: their profile goes along
        const EncodeResult encoded = encodeImage(pixels, encode);
        if (!encoded.ok()) {
            outcome.error = encoded.error;
            continue;
        }
        const MetadataWriteResult withMetadata = writeExportMetadata(
            encoded.bytes, rendition.format, out, metadata, options.metadata, decoded.iccProfile);
        outcome.warnings << withMetadata.warnings;

        // The promise is "exactly this size, upright": read the header of what we are about to write.
        const ProbeResult check = probeImageData(withMetadata.bytes);
        if (!check.ok() || check.storedSize != out || check.orientation != 1) {
            outcome.error = check.ok()
                ? QStringLiteral("the encoded file is %1 with orientation %2, not %3 upright; "
                                 "nothing written")
                      .arg(sizeText(check.storedSize))
                      .arg(check.orientation)
                      .arg(sizeText(out))
                : QStringLiteral("the encoded file cannot be read back (%1); nothing written")
                      .arg(check.error);
            continue;
        }
        // Replacing a symbolic link would write wherever it points, possibly outside the folder.
        if (QFileInfo(outcome.outputPath).isSymLink()) {
            outcome.error = QStringLiteral("is a symbolic link (not replaced)");
            continue;
        }
        outcome.error = writeFileAtomically(outcome.outputPath, withMetadata.bytes, options.overwrite);
    }
    return result;
}

} // namespace

ImageExportResult exportPlannedImage(const PlannedImage &image, const RenditionExportOptions &options)
{
    // Errors are values: an exception (out of memory while turning or decoding a huge image) fails
    // this image only. Renditions written before it stay on disk (each file is complete: atomic
    // writes); the image is reported as failed.
    try {
        return exportImage(image, options);
    } catch (const cv::Exception &e) {
        ImageExportResult result;
        result.imagePath = image.imagePath;
        result.error = e.code == cv::Error::StsNoMem
            ? QStringLiteral("not enough memory")
            : QStringLiteral("export failed: %1").arg(QString::fromStdString(e.msg));
        return result;
    } catch (const std::bad_alloc &) {
        ImageExportResult result;
        result.imagePath = image.imagePath;
        result.error = QStringLiteral("not enough memory");
        return result;
    }
}

QFuture<ImageExportResult> startRenditionExport(
    const RenditionExportPlan &plan, const RenditionExportOptions &options, QThreadPool *pool, RenditionExportStop stop)
{
    // Values in: each worker gets its PlannedImage and a copy of the options; only `stop` is shared.
    return QtConcurrent::mapped(pool ? pool : QThreadPool::globalInstance(), plan.images,
        [options, stop](const PlannedImage &image) {
            if (!stop.requested())
                return exportPlannedImage(image, options);
            ImageExportResult skipped;
            skipped.imagePath = image.imagePath;
            skipped.skipped = true;
            return skipped;
        });
}

} // namespace cropwise
