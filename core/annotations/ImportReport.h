#pragma once

// What the annotation importers (CocoImporter.h, VocImporter.h, YoloImporter.h) return: the boxes
// per image plus one message per problem. A bad entry is skipped and reported, a bad file is
// skipped and reported; nothing throws and nothing is printed.
//
// Messages name the file and the line (VOC XML, YOLO txt, JSON syntax errors) or the field (COCO
// JSON, e.g. "annotations[3].bbox"): "labels/a.txt:3: expected 5 numbers (class cx cy w h), found 4".
//
// Orientation (docs/datasets.md, "Orientation"): boxes come out in EXIF-oriented pixels of the
// image (ObjectBox.h). Files whose recorded image size (COCO width/height, VOC <size>) equals the
// stored, unrotated size of a photo whose EXIF orientation swaps the axes were made on the raw
// pixels; their boxes are turned to the displayed orientation and a notice says so. YOLO files
// record no size: they are taken as normalised to the displayed image (as Ultralytics reads them).

#include "core/annotations/ObjectBox.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <functional>

namespace cropwise {

struct ImportMessage
{
    enum class Severity {
        Notice, // something was adjusted (turned, clipped) but nothing was lost
        Skipped, // an entry (box, image, file) was left out
    };
    Severity severity = Severity::Skipped;
    QString file; // as given to the importer (folder-relative where the importer knows the folder)
    int line = 0; // 1-based; 0 when the format has no useful line (COCO fields)
    QString field; // e.g. "annotations[3].bbox"; empty when line says where
    QString text; // what is wrong and what was done, without the file name

    // "file:line: text", "file: field: text" or "file: text".
    QString toString() const;
};

struct ImportResult
{
    QList<ImageAnnotations> images; // one entry per annotated image, in the file's order
    // Label names in the dataset's class order (COCO categories by id, classes.txt order, first
    // appearance for VOC), for LabelSet::addMissing().
    QStringList labels;
    QList<ImportMessage> messages;
    // Set when nothing could be read at all (file missing, not JSON, folder without files).
    QString error;

    bool ok() const { return error.isEmpty(); }
    int boxCount() const;
    int skippedCount() const; // messages with Severity::Skipped
    QStringList messageLines() const;
};

// Finds the image an annotation file refers to: gets the name as written in the file (COCO
// file_name, VOC filename, or "<stem>.<ext>" for YOLO) and returns the absolute path of an existing
// image, or an empty string when there is none.
using ImageLocator = std::function<QString(const QString &nameInFile)>;

// Looks for folder/name, then folder/<file name part of name>.
ImageLocator locateInFolder(const QString &folder);
// Tries each locator in turn.
ImageLocator locateInAny(const QList<ImageLocator> &locators);

} // namespace cropwise
