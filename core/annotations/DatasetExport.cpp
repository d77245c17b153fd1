#include "core/annotations/DatasetExport.h"

#include "core/annotations/BoxTransform.h"
#include "core/annotations/DatasetWriters.h"
#include "core/annotations/SafeName.h"
#include "core/io/ImageDecoder.h"
#include "core/io/ImageProbe.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <opencv2/core.hpp>

#include <cmath>

namespace cropwise {

std::optional<DatasetFormat> datasetFormatFromName(const QString &name)
{
    const QString n = name.trimmed().toLower();
    if (n == QLatin1String("coco"))
        return DatasetFormat::Coco;
    if (n == QLatin1String("voc"))
        return DatasetFormat::Voc;
    if (n == QLatin1String("yolo"))
        return DatasetFormat::Yolo;
    if (n == QLatin1String("csv"))
        return DatasetFormat::Csv;
    if (n == QLatin1String("folders"))
        return DatasetFormat::Folders;
    return std::nullopt;
}

QString datasetFormatName(DatasetFormat format)
{
    switch (format) {
    case DatasetFormat::Coco:
        return QStringLiteral("coco");
    case DatasetFormat::Voc:
        return QStringLiteral("voc");
    case DatasetFormat::Yolo:
        return QStringLiteral("yolo");
    case DatasetFormat::Csv:
        return QStringLiteral("csv");
    case DatasetFormat::Folders:
        return QStringLiteral("folders");
    }
    return {};
}

std::optional<DatasetMode> datasetModeFromName(const QString &name)
{
    const QString n = name.trimmed().toLower();
    if (n == QLatin1String("boxes"))
        return DatasetMode::Boxes;
    if (n == QLatin1String("crops"))
        return DatasetMode::Crops;
    return std::nullopt;
}

QString datasetModeName(DatasetMode mode)
{
    return mode == DatasetMode::Boxes ? QStringLiteral("boxes") : QStringLiteral("crops");
}

DatasetMode defaultModeFor(DatasetFormat format)
{
    return format == DatasetFormat::Folders ? DatasetMode::Crops : DatasetMode::Boxes;
}

namespace {

constexpr auto kManifestCsv = "manifest.csv";
constexpr auto kManifestJson = "manifest.json";


// Channels of the file an encoder writes from pixels with `channels` (JPEG has no alpha).
int writtenDepth(int channels, OutputFormat format)
{
    return (format == OutputFormat::Jpeg && channels == 4) ? 3 : channels;
}

// The pixels as the user sees them: the decoder applied EXIF orientation, this applies the user's
// turn by replaying its steps (UserTurn.h), the same steps that turn the crops.
cv::Mat turnedPixels(const cv::Mat &oriented, const UserTurn &turn)
{
    cv::Mat out = oriented;
    for (Turn step : turn.steps()) {
        cv::Mat next;
        switch (step) {
        case Turn::FlipHorizontal:
            cv::flip(out, next, 1);
            break;
        case Turn::FlipVertical:
            cv::flip(out, next, 0);
            break;
        case Turn::RotateClockwise:
            cv::rotate(out, next, cv::ROTATE_90_CLOCKWISE);
            break;
        case Turn::RotateCounterClockwise:
            cv::rotate(out, next, cv::ROTATE_90_COUNTERCLOCKWISE);
            break;
        }
        out = next;
    }
    return out;
}

// A relative path from a previous record that is safe to delete inside the output folder.
bool isSafeRelativePath(const QString &path)
{
    if (path.isEmpty() || QDir::isAbsolutePath(path) || path.contains(QLatin1Char('\\'))
        || path.contains(QLatin1Char(':')))
        return false;
    const QStringList parts = path.split(QLatin1Char('/'));
    for (const QString &p : parts)
        if (p.isEmpty() || p == QLatin1String(".") || p == QLatin1String(".."))
            return false;
    return true;
}

struct ManifestRow
{
    QString file; // relative to the output folder
    QString label;
    QString source;
    QString cropId;
    QString cropName;
    Rect rect; // displayed pixels of the source
    Rect rawRect; // stored pixels of the source file
    Size sourceSize; // displayed
    int orientation = 1;
    UserTurn turn;
    Size outputSize;
};

class Exporter
{
public:
    Exporter(const QList<DatasetSource> &sources, const DatasetExportOptions &options)
        : m_sources(sources)
        , m_options(options)
        , m_out(options.outputFolder)
    {
    }

    DatasetExportReport run();

private:
    bool isDetection() const { return m_options.format != DatasetFormat::Folders; }
    QString imagesFolder() const
    {
        return m_options.format == DatasetFormat::Voc ? QStringLiteral("JPEGImages")
                                                      : QStringLiteral("images");
    }
    bool fail(const QString &error)
    {
        if (m_report.error.isEmpty())
            m_report.error = error;
        return false;
    }
    void warn(const QString &source, const QString &text)
    {
        m_report.warnings << QStringLiteral("%1: %2").arg(QDir::toNativeSeparators(source), text);
    }

    bool prepareFolder();
    void collectClasses();
    bool write(const QString &relativePath, const QByteArray &bytes);
    bool exportBoxes(const DatasetSource &source);
    bool exportCrops(const DatasetSource &source);
    bool writeAnnotations();
    bool writeManifest();
    bool writeRecord();

    const QList<DatasetSource> &m_sources;
    const DatasetExportOptions &m_options;
    QDir m_out;
    DatasetExportReport m_report;
    ClassList m_classes;
    SafeNameAllocator m_imageNames; // stems of written images (unique across extensions)
    SafeNameAllocator m_labelFolders; // Folders: one folder per class
    QList<DatasetImage> m_images; // detection entries
    QList<ManifestRow> m_manifest;
    QStringList m_createdFolders;
};

bool Exporter::prepareFolder()
{
    const QString path = m_options.outputFolder;
    if (path.trimmed().isEmpty())
        return fail(QStringLiteral("no output folder given"));
    const QFileInfo info(path);
    if (info.exists() && !info.isDir())
        return fail(QStringLiteral("%1 exists and is not a folder").arg(QDir::toNativeSeparators(path)));
    if (info.exists()) {
        const bool empty
            = QDir(path).isEmpty(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System);
        if (!empty && m_options.overwrite == OverwritePolicy::Refuse)
            return fail(QStringLiteral("%1 is not empty; choose an empty or new folder, or allow overwriting "
                                       "(--overwrite)")
                            .arg(QDir::toNativeSeparators(path)));
        if (!empty) {
            // Remove what the previous Cropwise export wrote (and only that), so no stale label file
            // of an image that is not exported any more survives into the new dataset.
            QFile record(m_out.filePath(QString::fromLatin1(kDatasetRecordFileName)));
            if (record.open(QIODevice::ReadOnly)) {
                const QJsonArray files = QJsonDocument::fromJson(record.readAll())
                                             .object()
                                             .value(QStringLiteral("files"))
                                             .toArray();
                for (const QJsonValue &v : files) {
                    const QString rel = v.toString();
                    if (!isSafeRelativePath(rel))
                        continue;
                    const QFileInfo old(m_out.filePath(rel));
                    if (old.isFile() && !old.isSymLink())
                        QFile::remove(old.absoluteFilePath());
                }
            }
        }
    } else if (!QDir().mkpath(path)) {
        return fail(QStringLiteral("cannot create the folder %1").arg(QDir::toNativeSeparators(path)));
    }
    m_out = QDir(QFileInfo(path).absoluteFilePath());
    return true;
}

void Exporter::collectClasses()
{
    for (const QString &name : m_options.labels.names())
        m_classes.add(datasetClassName(name));
    const int fromSet = int(m_classes.names.size());
    const bool cropLabels
        = m_options.mode == DatasetMode::Boxes || m_options.format == DatasetFormat::Folders;
    const bool objectLabels = isDetection();
    for (const DatasetSource &source : m_sources) {
        if (cropLabels)
            for (const Crop &crop : source.crops)
                if (const QString c = datasetClassName(crop.label); !c.isEmpty())
                    m_classes.add(c);
        if (objectLabels)
            for (const ObjectBox &box : source.objects)
                if (const QString c = datasetClassName(box.label); !c.isEmpty())
                    m_classes.add(c);
    }
    // Without a label set the classes simply follow the order of appearance; with one, labels
    // missing from it deserve a word (a typo, or a set to extend before ids get used).
    if (fromSet > 0 && m_classes.names.size() > fromSet) {
        const QStringList extra = m_classes.names.mid(fromSet);
        m_report.warnings << QStringLiteral("labels not in the label set were given the next class ids: %1")
                                 .arg(extra.join(QStringLiteral(", ")));
    }
    m_report.classes = m_classes.names;
    if (m_options.format == DatasetFormat::Folders) {
        for (const char *reserved : { kManifestCsv, kManifestJson, kDatasetRecordFileName })
            m_labelFolders.reserve(QString::fromLatin1(reserved));
        for (const QString &name : std::as_const(m_classes.names))
            m_labelFolders.nameFor(name); // in id order, so suffixes (-2) are deterministic
    }
}

bool Exporter::write(const QString &relativePath, const QByteArray &bytes)
{
    const QString path = m_out.filePath(relativePath);
    const QString folder = QFileInfo(path).absolutePath();
    if (!m_createdFolders.contains(folder)) {
        if (!QDir().mkpath(folder))
            return fail(QStringLiteral("cannot create the folder %1").arg(QDir::toNativeSeparators(folder)));
        m_createdFolders << folder;
    }
    const QString why = writeFileAtomically(path, bytes, m_options.overwrite);
    if (!why.isEmpty())
        return fail(QStringLiteral("%1: %2").arg(QDir::toNativeSeparators(path), why));
    m_report.files << relativePath;
    return true;
}

bool Exporter::exportBoxes(const DatasetSource &source)
{
    const QString stemText = QFileInfo(source.imagePath).completeBaseName();
    const ProbeResult probe = probeImage(source.imagePath);
    if (!probe.ok()) {
        warn(source.imagePath, QStringLiteral("cannot be read (%1); left out").arg(probe.error));
        return true;
    }
    const Size oriented = probe.displayedSize;
    const Size displayed = source.userTurn.apply(oriented);

    QList<ObjectBox> boxes;
    int crops = 0;
    for (const Crop &crop : source.crops) {
        const QString label = datasetClassName(crop.label);
        if (label.isEmpty()) {
            warn(source.imagePath, QStringLiteral("the crop \"%1\" has no label; left out").arg(crop.name));
            continue;
        }
        if (crop.rect.isEmpty() || !Rect::fromSize(displayed).contains(crop.rect)) {
            warn(source.imagePath,
                QStringLiteral("the crop \"%1\" does not lie inside the image; left out").arg(crop.name));
            continue;
        }
        boxes.append(ObjectBox { label, BoxF::fromRect(crop.rect), false, false });
        ++crops;
    }
    for (const ObjectBox &object : source.objects) {
        ObjectBox b = turnedBox(object, oriented, source.userTurn);
        b.label = datasetClassName(b.label);
        if (b.label.isEmpty())
            continue;
        if (auto clipped = clipToImage(b, displayed))
            boxes.append(*clipped);
    }
    if (boxes.isEmpty())
        return true; // nothing labelled on this image

    // The image, upright. Files that already are (no EXIF turn, no user turn) and that every
    // trainer reads are copied byte for byte: no generation loss.
    DatasetImage entry;
    QByteArray bytes;
    QString extension;
    const bool copyable = probe.orientation == 1 && source.userTurn.isIdentity()
        && (probe.format == ImageFormat::Jpeg || probe.format == ImageFormat::Png);
    if (copyable) {
        QFile file(source.imagePath);
        if (!file.open(QIODevice::ReadOnly)) {
            warn(source.imagePath, QStringLiteral("cannot be read (%1); left out").arg(file.errorString()));
            return true;
        }
        bytes = file.readAll();
        // A small decode checks the file is whole and gives the channel count for VOC <depth>.
        DecodeOptions small;
        small.maxLongSide = 64;
        const DecodedImage check = decodeImageData(bytes, small);
        if (!check.ok()) {
            warn(source.imagePath, QStringLiteral("cannot be decoded (%1); left out").arg(check.error));
            return true;
        }
        entry.depth = check.pixels.channels();
        extension = probe.format == ImageFormat::Jpeg ? QStringLiteral("jpg") : QStringLiteral("png");
    } else {
        const DecodedImage decoded = decodeImage(source.imagePath);
        if (!decoded.ok()) {
            warn(source.imagePath, QStringLiteral("cannot be decoded (%1); left out").arg(decoded.error));
            return true;
        }
        const cv::Mat upright = turnedPixels(decoded.pixels, source.userTurn);
        EncodeOptions encode = m_options.encode;
        encode.iccProfile = decoded.iccProfile;
        const EncodeResult encoded = encodeImage(upright, encode);
        if (!encoded.ok()) {
            warn(source.imagePath, QStringLiteral("cannot be encoded (%1); left out").arg(encoded.error));
            return true;
        }
        bytes = encoded.bytes;
        entry.depth = writtenDepth(upright.channels(), encode.format);
        extension = outputFormatSuffix(encode.format);
    }
    entry.fileName = m_imageNames.claim(stemText) + QLatin1Char('.') + extension;
    entry.size = displayed;
    entry.boxes = boxes;
    entry.verified = source.verified;
    if (!write(imagesFolder() + QLatin1Char('/') + entry.fileName, bytes))
        return false;
    ++m_report.imagesWritten;
    ++m_report.sourceImages;
    m_report.cropsExported += crops;
    m_report.boxesWritten += int(boxes.size());
    m_images.append(entry);
    return true;
}

bool Exporter::exportCrops(const DatasetSource &source)
{
    const bool folders = m_options.format == DatasetFormat::Folders;
    QList<const Crop *> wanted;
    for (const Crop &crop : source.crops) {
        if (folders && datasetClassName(crop.label).isEmpty()) {
            warn(source.imagePath, QStringLiteral("the crop \"%1\" has no label; left out").arg(crop.name));
            continue;
        }
        wanted.append(&crop);
    }
    if (wanted.isEmpty())
        return true;

    const DecodedImage decoded = decodeImage(source.imagePath);
    if (!decoded.ok()) {
        warn(source.imagePath, QStringLiteral("cannot be decoded (%1); left out").arg(decoded.error));
        return true;
    }
    const Size oriented = decoded.fullSize;
    const Size rawSize = (decoded.orientation >= 5 && decoded.orientation <= 8)
        ? Size { oriented.height, oriented.width }
        : oriented;
    const cv::Mat pixels = turnedPixels(decoded.pixels, source.userTurn);
    const Size displayed { pixels.cols, pixels.rows };
    EncodeOptions encode = m_options.encode;
    encode.iccProfile = decoded.iccProfile;
    const QString stemText = QFileInfo(source.imagePath).completeBaseName();

    bool contributed = false;
    for (int i = 0; i < wanted.size(); ++i) {
        const Crop &crop = *wanted[i];
        const QString label = datasetClassName(crop.label);
        QString why;
        const cv::Mat cropPixels = renderCrop(pixels, crop.rect, m_options.cropSize, &why);
        if (cropPixels.empty()) {
            warn(source.imagePath,
                QStringLiteral("the crop \"%1\" cannot be exported (%2); left out").arg(crop.name, why));
            continue;
        }
        const EncodeResult encoded = encodeImage(cropPixels, encode);
        if (!encoded.ok()) {
            warn(source.imagePath,
                QStringLiteral("the crop \"%1\" cannot be encoded (%2); left out")
                    .arg(crop.name, encoded.error));
            continue;
        }
        const Size outputSize { cropPixels.cols, cropPixels.rows };
        const QString cropPart
            = crop.name.trimmed().isEmpty() ? QStringLiteral("crop%1").arg(i + 1) : crop.name;
        const QString fileName = m_imageNames.claim(stemText + QLatin1Char('_') + cropPart) + QLatin1Char('.')
            + outputFormatSuffix(encode.format);
        const QString relative = folders ? m_labelFolders.nameFor(label) + QLatin1Char('/') + fileName
                                         : imagesFolder() + QLatin1Char('/') + fileName;
        if (!write(relative, encoded.bytes))
            return false;
        ++m_report.imagesWritten;
        ++m_report.cropsExported;
        contributed = true;

        if (isDetection()) {
            DatasetImage entry;
            entry.fileName = fileName;
            entry.size = outputSize;
            entry.depth = writtenDepth(cropPixels.channels(), encode.format);
            entry.verified = source.verified;
            for (const ObjectBox &object : source.objects) {
                ObjectBox b = turnedBox(object, oriented, source.userTurn);
                b.label = datasetClassName(b.label);
                if (b.label.isEmpty())
                    continue;
                if (auto inCrop = boxIntoCrop(b, crop.rect, outputSize, m_options.minVisibility)) {
                    entry.boxes.append(*inCrop);
                } else if (!b.box.intersected(BoxF::fromRect(crop.rect)).isEmpty()) {
                    ++m_report.boxesDropped; // overlapped the crop, but too little of it
                }
            }
            m_report.boxesWritten += int(entry.boxes.size());
            m_images.append(entry);
        }

        ManifestRow row;
        row.file = relative;
        row.label = label;
        row.source = QDir::cleanPath(QFileInfo(source.imagePath).absoluteFilePath());
        row.cropId = crop.id;
        row.cropName = crop.name;
        row.rect = crop.rect;
        const BoxF inOriented
            = unorientBox(BoxF::fromRect(crop.rect), oriented, source.userTurn.toOrientation());
        const BoxF inRaw = unorientBox(inOriented, rawSize, decoded.orientation);
        row.rawRect = Rect { int(std::lround(inRaw.x)), int(std::lround(inRaw.y)),
            int(std::lround(inRaw.width)), int(std::lround(inRaw.height)) };
        row.sourceSize = displayed;
        row.orientation = decoded.orientation;
        row.turn = source.userTurn;
        row.outputSize = outputSize;
        m_manifest.append(row);
    }
    if (contributed)
        ++m_report.sourceImages;
    return true;
}

bool Exporter::writeAnnotations()
{
    switch (m_options.format) {
    case DatasetFormat::Coco:
        return write(QStringLiteral("annotations.json"), cocoJson(m_images, m_classes));
    case DatasetFormat::Voc: {
        QByteArray list;
        for (const DatasetImage &image : std::as_const(m_images)) {
            const QString stem = QFileInfo(image.fileName).completeBaseName();
            if (!write(QStringLiteral("Annotations/%1.xml").arg(stem), vocXml(image, imagesFolder())))
                return false;
            list += stem.toUtf8() + '\n';
        }
        QByteArray labels;
        for (const QString &name : std::as_const(m_classes.names))
            labels += name.toUtf8() + '\n';
        return write(QStringLiteral("ImageSets/Main/trainval.txt"), list)
            && write(QStringLiteral("labels.txt"), labels);
    }
    case DatasetFormat::Yolo:
        for (const DatasetImage &image : std::as_const(m_images)) {
            const QString stem = QFileInfo(image.fileName).completeBaseName();
            if (!write(QStringLiteral("labels/%1.txt").arg(stem), yoloLabels(image, m_classes)))
                return false;
        }
        return write(QStringLiteral("classes.txt"), yoloClassesTxt(m_classes))
            && write(QStringLiteral("data.yaml"), yoloDataYaml(m_classes));
    case DatasetFormat::Csv:
        return write(QStringLiteral("annotations.csv"), csvAnnotations(m_images, m_classes));
    case DatasetFormat::Folders:
        return true;
    }
    return true;
}

bool Exporter::writeManifest()
{
    QString csv
        = QStringLiteral("file,label,source,crop_id,crop_name,x,y,width,height,source_width,source_height,"
                         "exif_orientation,user_rotation,user_mirrored,raw_x,raw_y,raw_width,raw_height,"
                         "output_width,output_height\n");
    QJsonArray crops;
    for (const ManifestRow &r : std::as_const(m_manifest)) {
        const QStringList fields = { csvField(r.file), csvField(r.label), csvField(r.source),
            csvField(r.cropId), csvField(r.cropName), QString::number(r.rect.x), QString::number(r.rect.y),
            QString::number(r.rect.width), QString::number(r.rect.height),
            QString::number(r.sourceSize.width), QString::number(r.sourceSize.height),
            QString::number(r.orientation), QString::number(r.turn.clockwiseDegrees()),
            r.turn.isMirrored() ? QStringLiteral("1") : QStringLiteral("0"), QString::number(r.rawRect.x),
            QString::number(r.rawRect.y), QString::number(r.rawRect.width), QString::number(r.rawRect.height),
            QString::number(r.outputSize.width), QString::number(r.outputSize.height) };
        csv += fields.join(QLatin1Char(',')) + QLatin1Char('\n');
        auto rectJson = [](const Rect &rect) {
            return QJsonObject { { QStringLiteral("x"), rect.x }, { QStringLiteral("y"), rect.y },
                { QStringLiteral("width"), rect.width }, { QStringLiteral("height"), rect.height } };
        };
        crops.append(QJsonObject {
            { QStringLiteral("file"), r.file },
            { QStringLiteral("label"), r.label },
            { QStringLiteral("source"), r.source },
            { QStringLiteral("crop_id"), r.cropId },
            { QStringLiteral("crop_name"), r.cropName },
            { QStringLiteral("rect"), rectJson(r.rect) },
            { QStringLiteral("source_size"),
                QJsonObject { { QStringLiteral("width"), r.sourceSize.width },
                    { QStringLiteral("height"), r.sourceSize.height } } },
            { QStringLiteral("exif_orientation"), r.orientation },
            { QStringLiteral("user_turn"),
                QJsonObject { { QStringLiteral("clockwise_degrees"), r.turn.clockwiseDegrees() },
                    { QStringLiteral("mirrored"), r.turn.isMirrored() } } },
            { QStringLiteral("raw_rect"), rectJson(r.rawRect) },
            { QStringLiteral("output_size"),
                QJsonObject { { QStringLiteral("width"), r.outputSize.width },
                    { QStringLiteral("height"), r.outputSize.height } } },
        });
    }
    const QJsonObject root {
        { QStringLiteral("format"), QStringLiteral("cropwise.manifest") },
        { QStringLiteral("version"), 1 },
        { QStringLiteral("coordinates"),
            QStringLiteral(
                "rect: pixels of the source as displayed (EXIF orientation and user_turn applied), "
                "edges at x and x + width; raw_rect: the same pixels in the file as stored") },
        { QStringLiteral("crops"), crops },
    };
    return write(QString::fromLatin1(kManifestCsv), csv.toUtf8())
        && write(QString::fromLatin1(kManifestJson), QJsonDocument(root).toJson(QJsonDocument::Indented));
}

bool Exporter::writeRecord()
{
    QStringList files = m_report.files;
    const QJsonObject root {
        { QStringLiteral("format"), QStringLiteral("cropwise.dataset") },
        { QStringLiteral("version"), 1 },
        { QStringLiteral("dataset_format"), datasetFormatName(m_options.format) },
        { QStringLiteral("mode"), datasetModeName(m_options.mode) },
        { QStringLiteral("classes"), QJsonArray::fromStringList(m_classes.names) },
        { QStringLiteral("files"), QJsonArray::fromStringList(files) },
    };
    // The record replaces the previous one even when overwriting was not allowed: it is ours, and
    // the folder was empty or refused before anything was written.
    const QString path = m_out.filePath(QString::fromLatin1(kDatasetRecordFileName));
    const QString why = writeFileAtomically(
        path, QJsonDocument(root).toJson(QJsonDocument::Indented), OverwritePolicy::Replace);
    if (!why.isEmpty())
        return fail(QStringLiteral("%1: %2").arg(QDir::toNativeSeparators(path), why));
    m_report.files << QString::fromLatin1(kDatasetRecordFileName);
    return true;
}

DatasetExportReport Exporter::run()
{
    if (m_options.format == DatasetFormat::Folders && m_options.mode == DatasetMode::Boxes) {
        fail(QStringLiteral(
            "the folders format is a classification layout of crop images; use the crops mode"));
        return m_report;
    }
    if (!prepareFolder())
        return m_report;
    collectClasses();
    const int total = int(m_sources.size());
    for (int i = 0; i < total; ++i) {
        const bool ok
            = m_options.mode == DatasetMode::Boxes ? exportBoxes(m_sources[i]) : exportCrops(m_sources[i]);
        if (!ok)
            return m_report;
        if (m_options.progress && !m_options.progress(i + 1, total)) {
            fail(QStringLiteral("cancelled; the folder holds a partial dataset"));
            writeRecord(); // so the next export with overwrite can clean up what was written
            return m_report;
        }
    }
    const int skipped = total - m_report.sourceImages;
    if (skipped > 0)
        m_report.warnings << QStringLiteral("%1 of %2 images had nothing to export (no %3) and were left out")
                                 .arg(skipped)
                                 .arg(total)
                                 .arg(m_options.mode == DatasetMode::Boxes
                                         ? QStringLiteral("labelled crops or boxes")
                                         : QStringLiteral("usable crops"));
    if (!writeAnnotations())
        return m_report;
    if (m_options.mode == DatasetMode::Crops && !writeManifest())
        return m_report;
    writeRecord();
    return m_report;
}

} // namespace

DatasetExportReport exportDataset(const QList<DatasetSource> &sources, const DatasetExportOptions &options)
{
    return Exporter(sources, options).run();
}

} // namespace cropwise
