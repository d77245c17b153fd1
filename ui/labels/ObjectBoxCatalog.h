#pragma once

// The object boxes of the folder being worked on: core's per-folder cropwise-objects.json
// (ObjectBoxStore.h), loaded when the folder changes, replaced image by image by an import
// (mergeAnnotations: an image imported again gets exactly the new file's boxes) and saved at once,
// atomically, after every import or flag edit. Box edits are not undoable (they are not part of an
// image's sidecar); the file is rewritten right away instead.
// Thread: GUI thread only (imports run here; they read small text files and probe image headers).

#include "core/annotations/AnnotationImport.h"
#include "core/annotations/ObjectBox.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>

namespace cropwise {

class ObjectBoxCatalog : public QObject
{
    Q_OBJECT

public:
    explicit ObjectBoxCatalog(QObject *parent = nullptr);

    // Loads folder's cropwise-objects.json (missing = no boxes). Same folder: no-op.
    void setFolder(const QString &folder);
    QString folder() const { return m_folder; }

    // The boxes of one image (EXIF-oriented pixels, ObjectBox.h); empty when it has none.
    QList<ObjectBox> boxes(const QString &imagePath) const;
    const QList<ImageAnnotations> &annotations() const { return m_images; }
    // The imported file marked the image verified (VOC verified="yes").
    bool isVerifiedInFile(const QString &imagePath) const;
    int boxCount() const;

    // Imports path (COCO file, VOC or YOLO folder). Names the file gives are looked for where it
    // says, then among imagePaths by file name. Boxes of images outside the folder are dropped with
    // a message (the file is per folder). On success the boxes are merged and saved; the result
    // carries the report (skipped entries with file:line) and, in error, why nothing was read.
    ImportResult importBoxes(AnnotationFormat format, const QString &path, const QStringList &imagePaths);

    // Sets the flags of box `index` of the image. Empty string = saved; else why not.
    QString setBoxFlags(const QString &imagePath, int index, bool difficult, bool truncated);
    // Relabels every box called from (after a label rename). Empty string = saved or nothing to do.
    QString renameLabel(const QString &from, const QString &to);

Q_SIGNALS:
    void boxesChanged(); // after a load, import or edit: redraw
    void message(const QString &text);

private:
    QString save();
    int indexOfImage(const QString &imagePath) const;

    QString m_folder;
    QList<ImageAnnotations> m_images;
};

} // namespace cropwise
