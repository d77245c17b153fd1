#pragma once

// Shared steps of the importers (not a public API): finding the image a file refers to, deciding
// whether the file's boxes are on the raw or the displayed pixels, and fitting boxes into the image.

#include "core/annotations/ImportReport.h"
#include "core/annotations/ObjectBox.h"
#include "core/geometry/Rect.h"

#include <QList>
#include <QString>

#include <optional>

namespace cropwise::importdetail {

// Where messages about one entry point to.
struct Where
{
    QString file;
    int line = 0;
    QString field;
};

void notice(QList<ImportMessage> &messages, const Where &where, const QString &text);
void skipped(QList<ImportMessage> &messages, const Where &where, const QString &text);

// The image an annotation file describes, as found on disk.
struct ImageFrame
{
    QString path; // absolute path when found, else the name as written in the file
    bool found = false;
    Size displayedSize; // EXIF-oriented size; the recorded size when the image was not found
    Size rawSize; // stored size (found only)
    int orientation = 1;
    bool turnFromRaw = false; // the file's boxes are on the raw pixels: turn them
};

// Locates nameInFile and compares recordedSize (empty when the format records none) with the
// image's sizes; reports a raw-pixel file (turned) and a size that matches neither (kept as is).
ImageFrame frameFor(const ImageLocator &locate, const QString &nameInFile, Size recordedSize,
    const Where &where, QList<ImportMessage> &messages);

// box (as the file gives it) on the displayed image: turned when the frame says so, then fitted
// into the image: an overshoot of up to half a pixel (rounding in the tool that wrote it) is
// clamped quietly; more is clipped, marked truncated and reported; a box outside the image or
// without area is skipped and reported (nullopt).
std::optional<ObjectBox> placeBox(
    ObjectBox box, const ImageFrame &frame, const Where &where, QList<ImportMessage> &messages);

// "12.5" / "12" / " 3e2 " as a finite double; nullopt otherwise.
std::optional<double> parseNumber(const QString &text);

// Line and column (1-based) of a byte offset in text.
std::pair<int, int> lineAndColumn(const QByteArray &text, qsizetype offset);

} // namespace cropwise::importdetail
