#pragma once

// Reads object boxes from a COCO detection JSON file (https://cocodataset.org/#format-data):
// "images" (id, file_name, width, height), "annotations" (image_id, category_id, bbox [x, y, w, h]
// in pixels, iscrowd) and "categories" (id, name). Per-box "attributes" {"difficult", "truncated"}
// (as Cropwise and CVAT write them) are read when present; "iscrowd": 1 regions are not objects
// and are skipped with a message. Thread: reentrant.

#include "core/annotations/ImportReport.h"

#include <QString>

namespace cropwise {

// locate finds the images by file_name; by default (empty) in the "images" folder beside the JSON
// file, then beside the JSON file itself.
ImportResult importCoco(const QString &jsonPath, const ImageLocator &locate = {});

// The default locator importCoco uses for jsonPath.
ImageLocator defaultCocoLocator(const QString &jsonPath);

} // namespace cropwise
