#pragma once

// Exporting a training dataset from labelled crops and object boxes. Two modes (docs/datasets.md):
//
//  DatasetMode::Boxes — a DETECTION dataset of the original images: every labelled crop becomes a
//    box labelled with the crop's label on its source image, together with the image's object
//    boxes. Images are written upright (EXIF orientation and the user's turn applied to the
//    pixels; files already upright JPEG/PNG are copied byte for byte), so boxes and pixels agree
//    for every reader, whether or not it honours EXIF.
//  DatasetMode::Crops — every crop becomes its own image. With Folders this is a CLASSIFICATION
//    dataset (one folder per label, ImageNet / torchvision ImageFolder / Ultralytics classify
//    layout); with COCO, VOC, YOLO or CSV it is a DETECTION dataset of the crop images whose boxes
//    are the image's object boxes carried into each crop (boxIntoCrop(): shifted, clipped, scaled,
//    dropped below minVisibility, marked truncated when cut). Both write manifest.csv and
//    manifest.json pointing every crop image back to its source image and rectangle.
//
// Layouts: COCO images/ + annotations.json; VOC JPEGImages/ + Annotations/ + ImageSets/Main/
// trainval.txt; YOLO images/ + labels/ + classes.txt + data.yaml; CSV images/ + annotations.csv;
// Folders <label>/ + manifest.*. Every export also writes cropwise-dataset.json (what was written).
//
// Safety: every file goes through writeFileAtomically(). A non-empty output folder is refused
// unless overwrite is OverwritePolicy::Replace; then files are replaced and the files the previous
// Cropwise export listed in its cropwise-dataset.json are removed first (so no stale labels stay),
// nothing else. Label and image names become file names only through SafeName (no escape from the
// output folder, no silent collision).
//
// Thread: exportDataset() is reentrant and blocking; run it in a worker (values in, report out).
// progress is called from that worker.

#include "core/annotations/LabelSet.h"
#include "core/annotations/ObjectBox.h"
#include "core/io/AtomicWrite.h"
#include "core/io/CropExport.h"
#include "core/io/ImageEncoder.h"
#include "core/model/Crop.h"
#include "core/model/UserTurn.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

namespace cropwise {

enum class DatasetFormat { Coco, Voc, Yolo, Csv, Folders };
enum class DatasetMode { Boxes, Crops };

// "coco", "voc", "yolo", "csv", "folders" / "boxes", "crops" (case-insensitive).
std::optional<DatasetFormat> datasetFormatFromName(const QString &name);
QString datasetFormatName(DatasetFormat format);
std::optional<DatasetMode> datasetModeFromName(const QString &name);
QString datasetModeName(DatasetMode mode);
// The mode a format makes when none is asked for: Crops for Folders, Boxes for the others.
DatasetMode defaultModeFor(DatasetFormat format);

// One source image and what Cropwise knows about it.
struct DatasetSource
{
    QString imagePath;
    // Crops as the sidecar/ImageDocument hold them: displayed pixels (EXIF orientation + userTurn).
    QList<Crop> crops;
    UserTurn userTurn;
    // Object boxes in EXIF-oriented pixels without the user turn (ObjectBox.h).
    QList<ObjectBox> objects;
    bool verified = false;
};

struct DatasetExportOptions
{
    DatasetFormat format = DatasetFormat::Coco;
    DatasetMode mode = DatasetMode::Boxes;
    QString outputFolder;
    OverwritePolicy overwrite = OverwritePolicy::Refuse;
    // Share of an object box's area that must stay inside a crop (Crops mode).
    double minVisibility = 0.5;
    // Class order (ids). Labels met in crops or boxes but not in the set are appended in order of
    // appearance (and reported).
    LabelSet labels;
    // Size of crop images (Crops mode).
    ExportSize cropSize;
    // Format of images that are (re-)encoded: crop images, and originals that must be turned
    // upright or are not JPEG/PNG. Source ICC profiles are carried along.
    EncodeOptions encode { OutputFormat::Jpeg, 95, {} };
    // Called after each source image with (done, total); return false to cancel.
    std::function<bool(int done, int total)> progress;
};

struct DatasetExportReport
{
    QString error; // set when the export failed or was cancelled; one sentence
    QStringList warnings; // per-image and per-crop problems (skipped image, unlabelled crop...)
    int sourceImages = 0; // source images that contributed
    int imagesWritten = 0; // image files written (originals or crops)
    int cropsExported = 0; // Boxes: crops written as boxes; Crops: crop images written
    int boxesWritten = 0; // boxes in the annotation files (Folders: 0)
    int boxesDropped = 0; // object boxes left out by minVisibility (Crops mode)
    QStringList classes; // the class names in id order
    QStringList files; // every file written, relative to the output folder, '/'-separated
    bool ok() const { return error.isEmpty(); }
};

DatasetExportReport exportDataset(const QList<DatasetSource> &sources, const DatasetExportOptions &options);

// The name of the record every export writes into its folder.
inline constexpr auto kDatasetRecordFileName = "cropwise-dataset.json";

} // namespace cropwise
