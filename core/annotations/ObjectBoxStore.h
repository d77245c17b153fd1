#pragma once

// Where Cropwise keeps object boxes between sessions until the model stores them per image: one
// JSON file per folder, "cropwise-objects.json" beside the images (format in docs/datasets.md,
// "Object boxes file"). The GUI writes it after an import or an edit of boxes; the CLI's
// export-dataset reads it when no --boxes option is given. Image paths are stored relative to the
// folder; boxes in EXIF-oriented pixels (ObjectBox.h). Thread: reentrant.

#include "core/annotations/ObjectBox.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

namespace cropwise {

inline constexpr auto kObjectBoxesFileName = "cropwise-objects.json";
inline constexpr auto kObjectBoxesFormatName = "cropwise.objects";
inline constexpr int kObjectBoxesVersion = 1;

struct ObjectBoxesLoadResult
{
    QList<ImageAnnotations> images; // imagePath absolute (folder + stored relative path)
    QString error; // unusable file; a sentence naming it
    QStringList warnings; // skipped entries, "file: images[2].boxes[0]: ..."
    bool ok() const { return error.isEmpty(); }
};

// folder + "/cropwise-objects.json"
QString objectBoxesPath(const QString &folder);

QByteArray objectBoxesToJson(const QList<ImageAnnotations> &images, const QString &folder);
ObjectBoxesLoadResult objectBoxesFromJson(
    const QByteArray &json, const QString &folder, const QString &fileName);

// A missing file is no error (no images).
ObjectBoxesLoadResult loadObjectBoxes(const QString &folder);
// Atomic; replaces the previous file. Empty string on success, else a sentence naming the path.
QString saveObjectBoxes(const QString &folder, const QList<ImageAnnotations> &images);

// The annotations by clean absolute image path; entries for the same image are merged (boxes
// appended, verified if any says so).
QHash<QString, ImageAnnotations> indexByImagePath(const QList<ImageAnnotations> &images);
// existing with the images in imported replaced by the imported entry (an image imported again
// gets exactly the boxes of the new file); other images are kept. Order: existing, then new images.
QList<ImageAnnotations> mergeAnnotations(
    const QList<ImageAnnotations> &existing, const QList<ImageAnnotations> &imported);
// The key indexByImagePath uses for a path.
QString imageKey(const QString &imagePath);

} // namespace cropwise
