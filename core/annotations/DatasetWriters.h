#pragma once

// The annotation files of each dataset format, as bytes (writing them is DatasetExport's job).
// Pure functions of their input; deterministic output. Conventions (docs/datasets.md):
//  - COCO: one JSON; image ids 1..n in the given order; category_id = class id + 1 (0 is left for
//    "background" by many trainers); bbox [x, y, width, height] in pixels (floats, 3 decimals),
//    area = width * height, iscrowd 0, segmentation [] (boxes only); Cropwise's difficult/truncated
//    go into "attributes" (as CVAT does), which COCO readers ignore.
//  - Pascal VOC: one XML per image; 1-based integer pixels: xmin = round(x) + 1, ymin = round(y) + 1,
//    xmax = round(x + width), ymax = round(y + height) (so a box of the whole W x H image is 1..W).
//  - YOLO: one txt per image, "class cx cy w h" normalised to 0..1 with 6 decimals; classes.txt
//    lists the class names in id order (line n = class n); data.yaml for Ultralytics.
//  - CSV: one file, a header line, one row per box, RFC 4180 quoting.

#include "core/annotations/ObjectBox.h"
#include "core/geometry/Rect.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace cropwise {

// The classes of one export: ids are positions. Names are compared exactly (case-sensitive).
struct ClassList
{
    QStringList names;
    int idOf(const QString &name) const { return int(names.indexOf(name)); }
    // Appends name when absent; returns its id.
    int add(const QString &name);
};

// A label as it goes into a dataset: trimmed, line breaks and control characters replaced by
// spaces (they would break classes.txt and CSV lines). Empty means "no label".
QString datasetClassName(const QString &label);

// One image of a detection dataset: the image file as written and its boxes in its pixels.
struct DatasetImage
{
    QString fileName; // relative to the images folder, '/'-separated
    Size size; // pixel size of that image file
    int depth = 3; // channels (VOC <depth>)
    QList<ObjectBox> boxes;
    bool verified = false;
};

QByteArray cocoJson(const QList<DatasetImage> &images, const ClassList &classes);
// imagesFolderName: the <folder> element (the images' folder name, e.g. "JPEGImages").
QByteArray vocXml(const DatasetImage &image, const QString &imagesFolderName);
QByteArray yoloLabels(const DatasetImage &image, const ClassList &classes);
QByteArray yoloClassesTxt(const ClassList &classes);
// An Ultralytics dataset file: path ".", train and val both "images" (Cropwise does no split),
// names by id.
QByteArray yoloDataYaml(const ClassList &classes);
// Header: image,image_width,image_height,label,class_id,x,y,width,height,difficult,truncated
QByteArray csvAnnotations(const QList<DatasetImage> &images, const ClassList &classes);

// One field of a CSV line, quoted when needed (RFC 4180).
QString csvField(const QString &value);

} // namespace cropwise
