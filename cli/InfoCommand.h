#pragma once

// `cropwise-cli info IMAGE...`: for each image, one JSON object per line on stdout:
//   {"image": "<path as given>", "width": W, "height": H, "orientation": O, "format": "jpeg"}
// width and height are the displayed size (EXIF orientation applied); orientation is the EXIF value
// 1..8; format is what the content is (never the extension): jpeg, png, webp, tiff, bmp.
// Reads headers only (fast; pixel data is not checked) and never writes anything. A file that
// cannot be used prints "cropwise-cli: <path>: <reason>" on stderr and the others go on; the exit
// code is then 1. No IMAGE: usage error, exit 2. See docs/cli.md.

#include <QString>
#include <QStringList>

namespace cropwise::cli {

int runInfo(const QStringList &args);
QString infoCommandSummary();

} // namespace cropwise::cli
