#pragma once

// `cropwise-cli export-dataset --format coco|voc|yolo|csv|folders [--mode boxes|crops] --out DIR
//                             [--boxes coco:FILE|voc:DIR|yolo:DIR]... [--labels FILE]
//                             [--min-visibility F] [--size WxH | --long-side N]
//                             [--image-format jpg|png|webp|tiff] [--quality Q]
//                             [--verified-only] [--recursive] [--overwrite] PATH...`
// Exports a training dataset from the crops saved by Cropwise (the sidecars beside the images,
// read without changing them) of the images given or found in the folders given.
//   --mode boxes (default, not for folders): a detection dataset of the upright original images
//     with every labelled crop as a labelled box, plus the object boxes.
//   --mode crops (default for folders): every crop as its own image; folders = one folder per
//     label (classification); the other formats = detection labels of the crop images, the object
//     boxes carried into each crop (dropped below --min-visibility, default 0.5).
// Object boxes come from --boxes (imported; image names are matched against the exported images)
// or else from each folder's cropwise-objects.json. Class order from --labels or else each
// folder's cropwise-labels.json.
// A non-empty DIR is refused unless --overwrite. stdout: one JSON line with the totals; stderr:
// one line per warning or error and a summary line. Exit 0 success, 1 bad input or failed export,
// 2 bad usage. See docs/datasets.md.

#include <QString>
#include <QStringList>

namespace cropwise::cli {

int runExportDataset(const QStringList &args);
QString exportDatasetCommandSummary();

} // namespace cropwise::cli
