#pragma once

// Reads object boxes from Pascal VOC XML files (one <annotation> per image; the format of the
// PASCAL VOC devkit, LabelImg and CVAT): <filename>, <size> (width, height), and per <object> the
// <name>, <truncated>, <difficult> and <bndbox> with 1-based pixel coordinates, converted as
// x = xmin - 1, y = ymin - 1, width = xmax - xmin + 1, height = ymax - ymin + 1 (so a box covering
// the whole W x H image is xmin 1, xmax W). Fractional coordinates are accepted. LabelImg's
// <annotation verified="yes"> sets ImageAnnotations::verified. Thread: reentrant.

#include "core/annotations/ImportReport.h"

#include <QString>

namespace cropwise {

// Every *.xml file directly in folder, in natural order. By default (empty locate) the images are
// looked for in ../JPEGImages, ../images and the folder itself.
ImportResult importVoc(const QString &folder, const ImageLocator &locate = {});
// One file; messages name it by its file name.
ImportResult importVocFile(const QString &xmlPath, const ImageLocator &locate = {});

ImageLocator defaultVocLocator(const QString &folder);

} // namespace cropwise
