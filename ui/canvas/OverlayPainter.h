#pragma once

// How the canvas draws everything on top of the picture: dimming, crop frames, handles, guides,
// captions, the size readout and the empty state. Plain functions of values (rects in widget
// logical pixels, already mapped through the ViewTransform), so CropCanvas stays input plumbing.
//
// Sharpness: every frame, handle and guide is laid out on whole DEVICE pixels (snapToDevice) and
// filled rather than stroked, so lines are one crisp screen pixel (x the device pixel ratio,
// rounded) on any screen instead of a blurred pair of half-covered pixels.

#include "core/geometry/AspectRatio.h"
#include "core/geometry/Rect.h"
#include "ui/canvas/GuideOverlay.h"

#include <QColor>
#include <QList>
#include <QRectF>
#include <QString>

#include <optional>

class QPainter;

namespace cropwise::overlay {

enum class FrameStyle {
    Selected, // bright frame with handles, guides and readout
    Active, // being drawn or dragged: bright frame, guides stronger, no handles
    Other, // another crop of the image: thin, quieter
};

enum class DimStrength {
    Focus, // outside the crop being edited: strongly dimmed
    Soft, // outside all crops when none is selected: a hint of where they are
};

// r with its edges rounded to the nearest device pixel of ratio dpr.
QRectF snapToDevice(const QRectF &r, double dpr);

// Dims imageOnCanvas outside the given rects (their union stays clear).
void paintDimming(
    QPainter &painter, const QRectF &imageOnCanvas, const QList<QRectF> &clearRects, DimStrength strength);

// The frame of a crop (drawn just outside its edges, so the crop's own pixels stay visible).
// colour: an Other frame in that colour (its training label's) instead of the neutral one.
void paintFrame(
    QPainter &painter, const QRectF &crop, FrameStyle style, double dpr, const QColor &colour = {});

// Corner brackets and edge bars of a selected crop.
void paintHandles(QPainter &painter, const QRectF &crop, double dpr);

// Composition guides inside crop. Active draws them a little stronger (while dragging).
void paintGuides(QPainter &painter, const QRectF &crop, GuideOverlay guides, FrameStyle style, double dpr);

// The name (and label) tag at the crop's top-left corner, above it when there is room in viewport.
// labelColour: a dot of the crop's label colour before the text (invalid = none).
void paintCaption(QPainter &painter, const QRectF &crop, const QString &text, FrameStyle style,
    const QRectF &viewport, const QColor &labelColour = {});

// "1080 × 1350 · 4:5" below the crop (inside it when there is no room), kept inside viewport.
void paintReadout(QPainter &painter, const QRectF &crop, const QString &text, const QRectF &viewport);

// The readout text for a crop of the given size: "W × H · ratio", where ratio is `locked` when it
// is given and the size has it exactly, else the exact reduced ratio when its terms are small
// (<= 32), else "≈ p:q" when AspectRatio::approximate is within 0.5 %, else a decimal ("1.27:1").
QString readoutText(Size size, std::optional<AspectRatio> locked);

// The empty canvas: a headline and a hint, centred, in a dashed frame.
void paintEmptyState(QPainter &painter, const QRectF &viewport, const QString &headline, const QString &hint);

} // namespace cropwise::overlay
