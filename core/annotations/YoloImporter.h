#pragma once

// Reads object boxes from YOLO label files (darknet / Ultralytics detection format): one
// "<stem>.txt" per image, one line "class cx cy w h" per object, the box centre and size
// normalised by the image's displayed width and height (so the image is needed to get pixels: it
// is probed, not decoded). Class names come from classes.txt (one name per line, line n = class n,
// as LabelImg writes it) or from the "names:" of an Ultralytics data.yaml; without either, the
// class ids themselves become the label names (with a message). Thread: reentrant.

#include "core/annotations/ImportReport.h"

#include <QString>

namespace cropwise {

// Every *.txt in labelsFolder except classes.txt, in natural order. classesPath: classes.txt or
// data.yaml; empty = look for classes.txt in labelsFolder and its parent, then data.yaml/dataset.yaml
// in the parent and labelsFolder. By default (empty locate) images are looked for in ../images
// (the Ultralytics layout images/ + labels/) and in labelsFolder itself; for "a.txt" the names
// a.jpg, a.jpeg, a.png, a.webp, a.tif, a.tiff, a.bmp (and upper-case extensions) are tried.
ImportResult importYolo(
    const QString &labelsFolder, const ImageLocator &locate = {}, const QString &classesPath = {});

ImageLocator defaultYoloLocator(const QString &labelsFolder);

} // namespace cropwise
