#pragma once

// Object boxes: labelled rectangles around objects in an image, as detection datasets describe them
// (COCO, Pascal VOC, YOLO). They are not crops: a crop is what Cropwise cuts out; object boxes are
// what the crop contains and are carried into every exported crop (BoxTransform.h).
//
// Units and coordinates (docs/datasets.md, "Coordinates"): image pixels with edges at x and
// x + width, like Rect, but in doubles because datasets store sub-pixel boxes (COCO bbox floats,
// YOLO normalised values) and a box scaled into a resized crop stops being integral.
// Which image: the EXIF-oriented image (what a viewer shows and what LabelImg, CVAT and Ultralytics
// annotate), WITHOUT the user's own turn (UserTurn). The user turn can change at any time; boxes
// follow it only when drawn or exported (turnedBox() in BoxTransform.h).

#include "core/geometry/Rect.h"

#include <QList>
#include <QString>

#include <algorithm>

namespace cropwise {

// A rectangle in image pixels with double precision. Edges at x and x + width.
struct BoxF
{
    double x = 0.0;
    double y = 0.0;
    double width = 0.0;
    double height = 0.0;

    constexpr double rightEdge() const { return x + width; }
    constexpr double bottomEdge() const { return y + height; }
    constexpr bool isEmpty() const { return !(width > 0.0) || !(height > 0.0); } // NaN counts as empty
    constexpr double area() const { return isEmpty() ? 0.0 : width * height; }

    // The overlap of both boxes; an empty BoxF (all zero) when they do not overlap.
    constexpr BoxF intersected(const BoxF &o) const
    {
        const double l = std::max(x, o.x);
        const double t = std::max(y, o.y);
        const double r = std::min(rightEdge(), o.rightEdge());
        const double b = std::min(bottomEdge(), o.bottomEdge());
        return (r > l && b > t) ? BoxF { l, t, r - l, b - t } : BoxF {};
    }
    static constexpr BoxF fromEdges(double left, double top, double right, double bottom)
    {
        return { left, top, right - left, bottom - top };
    }
    static constexpr BoxF fromRect(const Rect &r)
    {
        return { double(r.x), double(r.y), double(r.width), double(r.height) };
    }
    static constexpr BoxF fromSize(Size s) { return { 0.0, 0.0, double(s.width), double(s.height) }; }

    friend constexpr bool operator==(const BoxF &, const BoxF &) = default;
};

// One labelled object. difficult and truncated mean what they mean in Pascal VOC: difficult =
// hard to recognise (evaluations usually ignore it); truncated = the object extends beyond the
// box (cut by the image border, or by a crop: BoxTransform sets it when clipping).
struct ObjectBox
{
    QString label; // class name as written in the dataset; may be anything, even empty
    BoxF box; // EXIF-oriented image pixels (see the top of this file)
    bool difficult = false;
    bool truncated = false;

    friend bool operator==(const ObjectBox &, const ObjectBox &) = default;
};

// The object boxes of one image, as imported from a dataset or stored by ObjectBoxStore.
struct ImageAnnotations
{
    QString imagePath; // absolute when the image was found; otherwise the name the file gave
    Size size; // EXIF-oriented image size the boxes refer to; empty when unknown
    QList<ObjectBox> boxes;
    // LabelImg's Space key: a person checked this image's annotations. Read from and written to
    // VOC (<annotation verified="yes">); Cropwise's own per-image flag lives in the sidecar
    // (ImageState::verified), which wins when both exist.
    bool verified = false;

    friend bool operator==(const ImageAnnotations &, const ImageAnnotations &) = default;
};

} // namespace cropwise
