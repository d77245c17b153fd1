#pragma once

// One entry point for the three importers, for the GUI's "Import boxes..." and the CLI's --boxes.

#include "core/annotations/ImportReport.h"

#include <QString>

#include <optional>

namespace cropwise {

enum class AnnotationFormat {
    Coco, // path = the JSON file
    Voc, // path = the folder of XML files
    Yolo, // path = the folder of label .txt files
};

// "coco", "voc", "yolo" (case-insensitive).
std::optional<AnnotationFormat> annotationFormatFromName(const QString &name);
QString annotationFormatName(AnnotationFormat format);

// Imports with the format's default image locator (see CocoImporter.h, VocImporter.h,
// YoloImporter.h), then `fallback` for names not found there (e.g. matching by file name among
// the images the user has open). fallback may be empty.
ImportResult importAnnotations(
    AnnotationFormat format, const QString &path, const ImageLocator &fallback = {});

// Locates images by file name alone among imagePaths (names in the annotation file may carry
// another folder). Names that occur in two folders match nothing rather than the wrong image.
ImageLocator locateByFileName(const QStringList &imagePaths);

} // namespace cropwise
