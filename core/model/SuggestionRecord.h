#pragma once

// The suggester's output for one image as plain model values, so it can be cached in the sidecar
// and shown by the UI without core/model depending on core/suggest (core/jobs converts).
// All rects are in displayed pixels (after EXIF orientation and the user's turn), like Crop::rect.

#include "core/geometry/AspectRatio.h"
#include "core/geometry/Rect.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace cropwise {

// One suggested crop.
struct SuggestionRecord
{
    Rect rect;
    std::optional<AspectRatio> aspect; // nullopt = free
    double score = 0.0; // [0, 1], higher = more confident
    QStringList reasons; // short, human-readable ("keeps 2 of 2 faces", ...)
    int alternative = 0; // 0 = best of its aspect, then 1, 2... in decreasing score

    friend bool operator==(const SuggestionRecord &, const SuggestionRecord &) = default;
};

// The suggestions for one requested aspect: the best first, then the alternatives.
struct AspectSuggestionRecords
{
    std::optional<AspectRatio> aspect; // nullopt = free
    QList<SuggestionRecord> suggestions; // empty when error is set
    QString error; // e.g. "the must-include regions do not fit a 9:16 crop"

    friend bool operator==(const AspectSuggestionRecords &, const AspectSuggestionRecords &) = default;
};

// A face the suggester found (or was given).
struct FaceRecord
{
    Rect rect; // tight face box
    double score = 0.0; // detector confidence in [0, 1]

    friend bool operator==(const FaceRecord &, const FaceRecord &) = default;
};

// The importance (saliency) map reduced for a heat-map overlay: 8-bit, row-major, one byte per
// cell, 255 = the most important spot of THIS image (values are relative per image). It covers the
// whole displayed image: cell (cx, cy) spans displayed pixels [cx * W / size.width, ...).
// Its long side is at most kImportancePreviewLongSide.
struct ImportancePreview
{
    Size size; // cells
    QByteArray values; // size.width * size.height bytes, rows top to bottom

    bool isEmpty() const { return size.isEmpty() || values.size() != size.area(); }
    friend bool operator==(const ImportancePreview &, const ImportancePreview &) = default;
};

// Small on purpose: one preview is stored in every image's sidecar (64 x 48 = 3 KB, 4 KB as text).
inline constexpr int kImportancePreviewLongSide = 64;

// "1:1" or "free": the spelling used in sidecars and JSON output (same as the CLI's --aspects).
QString aspectOrFreeName(const std::optional<AspectRatio> &aspect);
// Inverse; *ok says whether the text was readable ("free" gives nullopt with *ok = true).
std::optional<AspectRatio> parseAspectOrFree(const QString &text, bool *ok);

} // namespace cropwise
