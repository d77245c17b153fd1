#pragma once

// Rendition presets: the named output sizes of one photo (a square 1080x1080 JPEG, a 16:9 hero
// 2560x1440 WebP...) grouped into sets ("social", "web", "print", or the user's own), stored as JSON.
// Format, built-in sets and rules: docs/renditions.md. Plain values; parsing never throws and names
// the offending field in its error ("presets.json: renditions[2].size: expected \"WxH\" or a number").

#include "core/geometry/AspectRatio.h"
#include "core/geometry/Rect.h"
#include "core/io/ImageEncoder.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>

namespace cropwise {

// The output pixel size of a rendition.
struct RenditionSize
{
    enum class Kind {
        Exact, // exactly width x height
        LongestSide, // the long side is `longestSide`, the other follows the aspect
    };
    Kind kind = Kind::Exact;
    int width = 0; // Exact
    int height = 0; // Exact
    int longestSide = 0; // LongestSide

    static RenditionSize exact(int w, int h) { return { Kind::Exact, w, h, 0 }; }
    static RenditionSize longest(int n) { return { Kind::LongestSide, 0, 0, n }; }
    QString toString() const; // "1080x1350" or "2048"
    friend bool operator==(const RenditionSize &, const RenditionSize &) = default;
};

struct Rendition
{
    // Unique within its set (case-insensitively); it goes into file names through {rendition} and
    // links saved crops to this rendition (a crop whose "rendition" member is this name).
    QString name;
    // The crop's aspect. nullopt = "original": the image's own frame (the whole image, or a saved crop
    // tagged with this rendition), which needs a LongestSide size. Parsed without an aspect, an
    // exact size gets the simplest ratio it has to within one pixel (1200x628 -> 21:11).
    std::optional<AspectRatio> aspect;
    RenditionSize size;
    OutputFormat format = OutputFormat::Jpeg;
    int quality = 90; // 1..100; JPEG and WebP only (WebP 100 = lossless)
    // File name without folder; the extension of `format` is appended unless the name already ends
    // with it. Placeholders: {stem} {rendition} {w} {h} {label}. See FileNameTemplate.h.
    QString fileNameTemplate = QStringLiteral("{stem}_{rendition}");

    friend bool operator==(const Rendition &, const Rendition &) = default;
};

struct RenditionSet
{
    QString name; // "social"; how --preset NAME finds it
    QString description;
    QList<Rendition> renditions; // never empty in a parsed set

    std::optional<Rendition> rendition(const QString &name) const;
    friend bool operator==(const RenditionSet &, const RenditionSet &) = default;
};

inline constexpr int kRenditionFormatVersion = 1;
inline constexpr int kMaxRenditionSide = 30000; // per side; larger is certainly a typo

struct RenditionSetParseResult
{
    RenditionSet set;
    // "<source>: <field>: <what is wrong>", e.g. "presets.json: renditions[2].size: expected "WxH"
    // or a number"; "<source>: line 3, column 7: not valid JSON (...)". Empty when ok.
    QString error;
    bool ok() const { return error.isEmpty(); }
};

// sourceName: how to call the file in errors (the path as the user gave it, or "built-in social").
RenditionSetParseResult parseRenditionSet(const QByteArray &json, const QString &sourceName);

// Deterministic, indented JSON that parseRenditionSet() reads back to an equal set.
QByteArray toRenditionSetJson(const RenditionSet &set);

// Checks a set built in code (the GUI's preset editor) by the same rules as parsing; empty = ok,
// else "<field>: <what is wrong>".
QString validateRenditionSet(const RenditionSet &set);

// "jpeg" -> Jpeg etc. (jpg, jpeg, png, webp, tif, tiff; case-insensitive).
std::optional<OutputFormat> parseOutputFormatName(const QString &name);

// The output size for a crop of cropSize: Exact sizes as given; LongestSide by the rendition's
// aspect (fixed) or the crop's own proportions (original), rounded, at least 1 pixel.
Size renditionOutputSize(const Rendition &rendition, Size cropSize);

// "1:1 1080x1080 jpeg q90" — for lists and logs.
QString renditionSummary(const Rendition &rendition);

} // namespace cropwise
