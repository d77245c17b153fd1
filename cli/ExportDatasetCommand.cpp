#include "cli/ExportDatasetCommand.h"

#include "cli/CliSupport.h"
#include "core/annotations/AnnotationImport.h"
#include "core/annotations/DatasetExport.h"
#include "core/annotations/ObjectBoxStore.h"
#include "core/io/ImageProbe.h"
#include "core/model/ImageCatalog.h"
#include "core/model/ReviewState.h"
#include "core/model/Sidecar.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QRegularExpression>

#include <optional>

namespace cropwise::cli {

namespace {

const QString kCommand = QStringLiteral("export-dataset");

struct ImageEntry
{
    QString path; // clean absolute
    QString folder; // the folder whose label set and object boxes apply
};

std::optional<Size> parseSize(const QString &text)
{
    static const QRegularExpression pattern(QStringLiteral("^\\s*(\\d+)\\s*[xX]\\s*(\\d+)\\s*$"));
    const QRegularExpressionMatch m = pattern.match(text);
    if (!m.hasMatch())
        return std::nullopt;
    const Size s { m.captured(1).toInt(), m.captured(2).toInt() };
    return s.isEmpty() ? std::nullopt : std::optional<Size>(s);
}

std::optional<int> parseInt(const QString &text, int min, int max)
{
    bool ok = false;
    const int v = text.trimmed().toInt(&ok);
    return (ok && v >= min && v <= max) ? std::optional<int>(v) : std::nullopt;
}

// Reads the sidecar without side effects: a broken one is reported, not renamed (the app does
// that when it opens the image).
std::optional<ImageState> readSidecarQuietly(
    const QString &imagePath, Size orientedSize, QStringList &warnings)
{
    const SidecarStore store;
    const std::optional<SidecarLocation> location = store.existingSidecar(imagePath);
    if (!location)
        return ImageState {};
    QFile file(location->path);
    if (!file.open(QIODevice::ReadOnly)) {
        warnings << QStringLiteral("%1: cannot be read (%2); the image is left out")
                        .arg(QDir::toNativeSeparators(location->path), file.errorString());
        return std::nullopt;
    }
    const SidecarParseResult parsed = parseSidecarJson(file.readAll(), orientedSize);
    if (!parsed.ok()) {
        warnings << QStringLiteral("%1: %2; the image is left out")
                        .arg(QDir::toNativeSeparators(location->path), parsed.error);
        return std::nullopt;
    }
    for (const QString &w : parsed.warnings)
        warnings << QStringLiteral("%1: %2").arg(QDir::toNativeSeparators(location->path), w);
    return parsed.state;
}

} // namespace

QString exportDatasetCommandSummary()
{
    return QStringLiteral("export labelled crops as a COCO, VOC, YOLO, CSV or folder dataset");
}

int runExportDataset(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Exports a training dataset from the crops Cropwise saved for the images (PATH = images or "
        "folders).\n"
        "--mode boxes: detection dataset of the upright originals, each labelled crop a box (default; not "
        "for "
        "folders).\n--mode crops: each crop its own image; with folders one folder per label "
        "(classification), "
        "otherwise detection labels of the crop images holding the object boxes carried into each crop.\n"
        "Conventions and layouts: docs/datasets.md."));
    const QCommandLineOption formatOption(QStringLiteral("format"),
        QStringLiteral("coco, voc, yolo, csv or folders."), QStringLiteral("FORMAT"));
    const QCommandLineOption modeOption(QStringLiteral("mode"),
        QStringLiteral("boxes or crops (default: crops for folders, else boxes)."), QStringLiteral("MODE"));
    const QCommandLineOption outOption(
        QStringLiteral("out"), QStringLiteral("The dataset folder to write."), QStringLiteral("DIR"));
    const QCommandLineOption boxesOption(QStringLiteral("boxes"),
        QStringLiteral("Object boxes to import: coco:FILE, voc:DIR or yolo:DIR (repeatable). Default: each "
                       "folder's cropwise-objects.json."),
        QStringLiteral("SOURCE"));
    const QCommandLineOption labelsOption(QStringLiteral("labels"),
        QStringLiteral("Label set (class order). Default: each folder's "
                       "cropwise-labels.json."),
        QStringLiteral("FILE"));
    const QCommandLineOption visibilityOption(QStringLiteral("min-visibility"),
        QStringLiteral("Share 0..1 of an object box that must stay inside a crop (crops mode; default 0.5)."),
        QStringLiteral("F"), QStringLiteral("0.5"));
    const QCommandLineOption sizeOption(QStringLiteral("size"),
        QStringLiteral("Crop images of exactly W x H (crops mode; must keep the "
                       "crop's aspect)."),
        QStringLiteral("WxH"));
    const QCommandLineOption longSideOption(QStringLiteral("long-side"),
        QStringLiteral("Crop images with the longer side N (crops mode)."), QStringLiteral("N"));
    const QCommandLineOption imageFormatOption(QStringLiteral("image-format"),
        QStringLiteral("Format of written images: jpg (default), png, webp, tiff."), QStringLiteral("EXT"),
        QStringLiteral("jpg"));
    const QCommandLineOption qualityOption(QStringLiteral("quality"),
        QStringLiteral("JPEG/WebP quality 1..100 (default 95)."), QStringLiteral("Q"), QStringLiteral("95"));
    const QCommandLineOption verifiedOption(
        QStringLiteral("verified-only"), QStringLiteral("Only images marked verified."));
    const QCommandLineOption recursiveOption(
        QStringLiteral("recursive"), QStringLiteral("Also look for images in subfolders of folder PATHs."));
    const QCommandLineOption overwriteOption(QStringLiteral("overwrite"),
        QStringLiteral("Write into a non-empty DIR, replacing files and removing "
                       "those of the previous Cropwise export there."));
    parser.addOptions({ formatOption, modeOption, outOption, boxesOption, labelsOption, visibilityOption,
        sizeOption, longSideOption, imageFormatOption, qualityOption, verifiedOption, recursiveOption,
        overwriteOption });
    parser.addPositionalArgument(
        QStringLiteral("PATH"), QStringLiteral("Images or folders of images."), QStringLiteral("PATH..."));
    int exitCode = ExitSuccess;
    const QString usage = QStringLiteral(
        "cropwise-cli export-dataset --format coco|voc|yolo|csv|folders [--mode boxes|crops] --out DIR "
        "[--boxes coco:FILE|voc:DIR|yolo:DIR] [--labels FILE] [--min-visibility F] [--size WxH | --long-side "
        "N] "
        "[--image-format EXT] [--quality Q] [--verified-only] [--recursive] [--overwrite] PATH...");
    if (!parseCommandLine(parser, kCommand, usage, args, &exitCode))
        return exitCode;

    // Usage first: everything that can be judged without touching a file.
    DatasetExportOptions options;
    if (!parser.isSet(formatOption))
        return usageError(kCommand, QStringLiteral("--format coco|voc|yolo|csv|folders is required"));
    const auto format = datasetFormatFromName(parser.value(formatOption));
    if (!format)
        return usageError(kCommand,
            QStringLiteral("unknown --format '%1': expected coco, voc, yolo, csv or folders")
                .arg(parser.value(formatOption)));
    options.format = *format;
    options.mode = defaultModeFor(*format);
    if (parser.isSet(modeOption)) {
        const auto mode = datasetModeFromName(parser.value(modeOption));
        if (!mode)
            return usageError(kCommand,
                QStringLiteral("unknown --mode '%1': expected boxes or crops").arg(parser.value(modeOption)));
        options.mode = *mode;
    }
    if (options.format == DatasetFormat::Folders && options.mode == DatasetMode::Boxes)
        return usageError(kCommand,
            QStringLiteral("--format folders writes crop images (one folder per label): use "
                           "--mode crops"));
    if (!parser.isSet(outOption) || parser.value(outOption).trimmed().isEmpty())
        return usageError(kCommand, QStringLiteral("--out DIR is required"));
    options.outputFolder = parser.value(outOption);
    bool visibilityOk = false;
    options.minVisibility = parser.value(visibilityOption).toDouble(&visibilityOk);
    if (!visibilityOk || !(options.minVisibility >= 0.0 && options.minVisibility <= 1.0))
        return usageError(kCommand,
            QStringLiteral("invalid --min-visibility '%1': expected a number from 0 to 1")
                .arg(parser.value(visibilityOption)));
    if (parser.isSet(sizeOption) && parser.isSet(longSideOption))
        return usageError(kCommand, QStringLiteral("give either --size or --long-side, not both"));
    if ((parser.isSet(sizeOption) || parser.isSet(longSideOption)) && options.mode != DatasetMode::Crops)
        return usageError(
            kCommand, QStringLiteral("--size and --long-side resize crop images: use --mode crops"));
    if (parser.isSet(sizeOption)) {
        const auto s = parseSize(parser.value(sizeOption));
        if (!s)
            return usageError(kCommand,
                QStringLiteral("invalid --size '%1': expected WxH, e.g. 224x224")
                    .arg(parser.value(sizeOption)));
        options.cropSize = ExportSize::exact(s->width, s->height);
    } else if (parser.isSet(longSideOption)) {
        const auto n = parseInt(parser.value(longSideOption), 1, 1'000'000);
        if (!n)
            return usageError(kCommand,
                QStringLiteral("invalid --long-side '%1': expected a positive number")
                    .arg(parser.value(longSideOption)));
        options.cropSize = ExportSize::longestSide(*n);
    }
    const auto imageFormat = outputFormatForSuffix(parser.value(imageFormatOption));
    if (!imageFormat)
        return usageError(kCommand,
            QStringLiteral("unknown --image-format '%1': expected jpg, png, webp or tiff")
                .arg(parser.value(imageFormatOption)));
    options.encode.format = *imageFormat;
    const auto quality = parseInt(parser.value(qualityOption), 1, 100);
    if (!quality)
        return usageError(kCommand,
            QStringLiteral("invalid --quality '%1': expected 1..100").arg(parser.value(qualityOption)));
    options.encode.quality = *quality;
    options.overwrite = parser.isSet(overwriteOption) ? OverwritePolicy::Replace : OverwritePolicy::Refuse;
    struct BoxSource
    {
        AnnotationFormat format;
        QString path;
    };
    QList<BoxSource> boxSources;
    for (const QString &value : parser.values(boxesOption)) {
        const auto kind = annotationFormatFromName(value.section(QLatin1Char(':'), 0, 0));
        const QString path = value.section(QLatin1Char(':'), 1);
        if (!kind || path.isEmpty())
            return usageError(kCommand,
                QStringLiteral("invalid --boxes '%1': expected coco:FILE, voc:DIR or yolo:DIR").arg(value));
        boxSources.append({ *kind, path });
    }
    const QStringList paths = parser.positionalArguments();
    if (paths.isEmpty())
        return usageError(kCommand, QStringLiteral("no images or folders given"));

    // Refuse a non-empty output folder before any long work (the exporter checks again).
    const QFileInfo outInfo(options.outputFolder);
    if (outInfo.exists() && !outInfo.isDir()) {
        printError(options.outputFolder, QStringLiteral("exists and is not a folder"));
        return ExitInputError;
    }
    if (outInfo.isDir() && options.overwrite == OverwritePolicy::Refuse
        && !QDir(options.outputFolder)
                .isEmpty(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System)) {
        printError(
            options.outputFolder, QStringLiteral("is not empty; choose a new folder or add --overwrite"));
        return ExitInputError;
    }

    // The images.
    QList<ImageEntry> images;
    QStringList folders; // in order of first appearance
    const FolderDepth depth = parser.isSet(recursiveOption) ? FolderDepth::Recursive : FolderDepth::TopLevel;
    for (const QString &path : paths) {
        const QFileInfo info(path);
        if (info.isDir()) {
            const CatalogResult catalog = scanFolder(path, depth);
            if (!catalog.ok()) {
                printError(path, catalog.error);
                return ExitInputError;
            }
            for (const QString &image : catalog.imagePaths)
                images.append({ image, QFileInfo(image).absolutePath() });
        } else if (info.isFile()) {
            images.append({ QDir::cleanPath(info.absoluteFilePath()), info.absolutePath() });
        } else {
            printError(path, QStringLiteral("no such file or folder"));
            return ExitInputError;
        }
    }
    for (const ImageEntry &e : std::as_const(images))
        if (!folders.contains(e.folder))
            folders << e.folder;
    if (images.isEmpty()) {
        printError(kCommand, QStringLiteral("no images found in %1").arg(paths.join(QStringLiteral(", "))));
        return ExitInputError;
    }

    QStringList warnings;

    // The label set: --labels, else each folder's, merged in folder order.
    if (parser.isSet(labelsOption)) {
        const LabelSetLoadResult loaded = LabelSet::load(parser.value(labelsOption));
        if (!QFileInfo(parser.value(labelsOption)).isFile() || !loaded.ok()) {
            printError(
                parser.value(labelsOption), loaded.ok() ? QStringLiteral("no such file") : loaded.error);
            return ExitInputError;
        }
        warnings += loaded.warnings;
        options.labels = loaded.labels;
    } else {
        for (const QString &folder : std::as_const(folders)) {
            const LabelSetLoadResult loaded = LabelSet::load(LabelSet::pathInFolder(folder));
            if (!loaded.ok()) {
                printError(LabelSet::pathInFolder(folder), loaded.error);
                return ExitInputError;
            }
            warnings += loaded.warnings;
            if (options.labels.isEmpty())
                options.labels = loaded.labels;
            else
                options.labels.addMissing(loaded.labels.names());
        }
    }

    // Object boxes: imported, else each folder's cropwise-objects.json.
    QList<ImageAnnotations> annotations;
    if (!boxSources.isEmpty()) {
        // Names in the files are matched to the exported images by file name when they are not
        // found where the file says (datasets are often moved).
        QStringList imagePaths;
        for (const ImageEntry &e : std::as_const(images))
            imagePaths << e.path;
        const ImageLocator byFileName = locateByFileName(imagePaths);
        for (const BoxSource &source : std::as_const(boxSources)) {
            const ImportResult imported = importAnnotations(source.format, source.path, byFileName);
            if (!imported.ok()) {
                printError(source.path, imported.error);
                return ExitInputError;
            }
            warnings += imported.messageLines();
            options.labels.addMissing(imported.labels); // keep the dataset's own class order after ours
            annotations += imported.images;
        }
    } else {
        for (const QString &folder : std::as_const(folders)) {
            const ObjectBoxesLoadResult loaded = loadObjectBoxes(folder);
            if (!loaded.ok()) {
                printError(objectBoxesPath(folder), loaded.error);
                return ExitInputError;
            }
            warnings += loaded.warnings;
            annotations += loaded.images;
        }
    }
    const QHash<QString, ImageAnnotations> objectsByImage = indexByImagePath(annotations);

    // The sources: crops from the sidecars, objects from above.
    QList<DatasetSource> sources;
    int crops = 0;
    int objects = 0;
    for (const ImageEntry &e : std::as_const(images)) {
        const ProbeResult probe = probeImage(e.path);
        if (!probe.ok()) {
            warnings << QStringLiteral("%1: %2; left out").arg(QDir::toNativeSeparators(e.path), probe.error);
            continue;
        }
        const std::optional<ImageState> state = readSidecarQuietly(e.path, probe.displayedSize, warnings);
        if (!state)
            continue;
        DatasetSource source;
        source.imagePath = e.path;
        source.crops = state->crops;
        // Pending and rejected suggestions are review material, not training data (as in the app).
        source.crops.removeIf([](const Crop &crop) { return !isFinalCrop(crop); });
        source.userTurn = state->userTurn;
        const ImageAnnotations found = objectsByImage.value(imageKey(e.path));
        source.objects = found.boxes;
        source.verified = state->verified || found.verified;
        if (parser.isSet(verifiedOption) && !source.verified)
            continue;
        crops += int(source.crops.size());
        objects += int(source.objects.size());
        sources.append(source);
    }
    for (const QString &w : std::as_const(warnings))
        printError(kCommand, w);
    const bool needsObjects = options.mode == DatasetMode::Boxes;
    if (crops == 0 && !(needsObjects && objects > 0)) {
        printError(kCommand,
            QStringLiteral("nothing to export: none of the %1 images has saved crops%2")
                .arg(images.size())
                .arg(parser.isSet(verifiedOption) ? QStringLiteral(" and is verified") : QString()));
        return ExitInputError;
    }

    const DatasetExportReport report = exportDataset(sources, options);
    for (const QString &w : report.warnings)
        printError(kCommand, w);
    if (!report.ok()) {
        printError(options.outputFolder, report.error);
        return ExitInputError;
    }
    printJsonLine({ { QStringLiteral("out"), options.outputFolder },
        { QStringLiteral("format"), datasetFormatName(options.format) },
        { QStringLiteral("mode"), datasetModeName(options.mode) },
        { QStringLiteral("source_images"), report.sourceImages },
        { QStringLiteral("images"), report.imagesWritten }, { QStringLiteral("crops"), report.cropsExported },
        { QStringLiteral("boxes"), report.boxesWritten },
        { QStringLiteral("dropped_boxes"), report.boxesDropped },
        { QStringLiteral("classes"), QJsonArray::fromStringList(report.classes) },
        { QStringLiteral("warnings"), int(warnings.size() + report.warnings.size()) } });
    printError(kCommand,
        QStringLiteral("wrote %1 images (%2 crops, %3 boxes, %4 classes) from %5 source images to %6")
            .arg(report.imagesWritten)
            .arg(report.cropsExported)
            .arg(report.boxesWritten)
            .arg(report.classes.size())
            .arg(report.sourceImages)
            .arg(QDir::toNativeSeparators(options.outputFolder)));
    return ExitSuccess;
}

} // namespace cropwise::cli
