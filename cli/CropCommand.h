#pragma once

// `cropwise-cli crop --rect x,y,w,h --out FILE [--quality Q] [--size WxH | --long-side N]
//                   [--overwrite] IMAGE`
// Writes exactly the rectangle x,y,w,h of the displayed image (EXIF orientation applied; edges at
// x and x + w) to FILE, atomically. The format comes from FILE's suffix (.jpg/.jpeg, .png, .webp,
// .tif/.tiff); --quality (1..100, default 92) applies to JPEG and WebP (100 = lossless WebP).
// --size WxH scales to that size, which must have the rectangle's aspect (within a pixel);
// --long-side N scales so the longer side is N. Without either, the pixels are copied 1:1.
// An existing FILE is never replaced without --overwrite.
// On success prints one JSON line:
//   {"image": IMAGE, "rect": [x,y,w,h], "out": FILE, "width": W, "height": H, "format": "jpeg"}
// Errors: one line on stderr naming the file and the reason; exit 1 for bad input (unreadable
// image, rectangle outside it, FILE exists, write failed), 2 for bad usage. See docs/cli.md.

#include <QString>
#include <QStringList>

namespace cropwise::cli {

int runCrop(const QStringList &args);
QString cropCommandSummary();

} // namespace cropwise::cli
