#pragma once

// What an export will write, decided before anything is written: one item per crop with its
// output path (from the file-name pattern), so the window can ask about existing files first and
// the background job only writes. Plain values and pure functions (QtCore only); the writing is
// ui/ExportRunner.h.
//
// File-name pattern tokens: {stem} image file name without extension, {name} crop name,
// {label} crop label, {index} crop number within its image (01, 02...), {w} / {h} output size in
// pixels, {ratio} the crop's ratio as "4x5". Characters not allowed in file names (/ \ : * ? " < > |
// and control characters) and runs of white space become "_"; an empty result becomes "crop".
// Two items that would get the same name (case-insensitively) get "_2", "_3"... appended.

#include "core/geometry/Rect.h"
#include "core/io/CropExport.h"
#include "core/model/Crop.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace cropwise {

inline const QString kDefaultFileNamePattern = QStringLiteral("{stem}_{name}");

struct ExportSettings
{
    QString folder;
    OutputFormat format = OutputFormat::Jpeg;
    int quality = 92; // JPEG only
    ExportSize size; // original pixels, long side, width or height (aspect always kept)
    QString pattern = kDefaultFileNamePattern;
};

// The crops to export from one image, as the model holds them.
struct ExportSource
{
    QString imagePath;
    // UserTurn::toOrientation() of the image's turn: crops are in turned pixels, so the decoded
    // pixels are turned the same way before cutting (1 = not turned).
    int turnOrientation = 1;
    QList<Crop> crops;
};

struct ExportItem
{
    QString imagePath;
    int turnOrientation = 1;
    QString cropName;
    Rect rect;
    QString outPath;
    OverwritePolicy overwrite = OverwritePolicy::Refuse;
};

// The file name (without folder and suffix) for one crop; index is 1-based within its image.
QString expandFileNamePattern(
    const QString &pattern, const QString &imagePath, const Crop &crop, int index, Size outputSize);
// Replaces characters not allowed in file names; never returns an empty string.
QString sanitizeFileName(const QString &name);

// One item per crop in source order, with unique output paths inside settings.folder. Crops whose
// output size cannot be computed (e.g. an Exact size of another ratio) are still listed: the job
// reports their error.
QList<ExportItem> planExport(const QList<ExportSource> &sources, const ExportSettings &settings);

// The output paths of items that already exist on disk.
QStringList existingOutputs(const QList<ExportItem> &items);

} // namespace cropwise
