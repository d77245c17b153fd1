#pragma once

// Which pixels of an image a rendition shows (docs/renditions.md, "Which crop"):
//   1. the saved crop linked to the rendition (linkedCrop()), else
//   2. the suggester's best crop for the rendition's aspect, when the caller has one (--suggest), else
//   3. the largest centred crop of the rendition's aspect ("original" renditions: the whole image).
//
// The link between saved crops and renditions: a crop belongs to a rendition when its "rendition"
// member names it (the linked editor sets it); otherwise a crop with no "rendition" member serves
// every rendition of its aspect (its aspect lock equals it, or its rect has it exactly), the first
// such crop in panel order. Until core/model's Crop has its own member, the tag lives in
// Crop::extraFields["rendition"], which the sidecar already keeps and writes back verbatim.
//
// Coordinates: displayed pixels after EXIF orientation and the user's turn, as the model stores
// crops. Plain functions; thread: reentrant.

#include "core/geometry/Rect.h"
#include "core/model/Crop.h"
#include "core/renditions/Rendition.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace cropwise {

// The crop's "rendition" member; empty when the crop is not tagged.
QString renditionTag(const Crop &crop);
// Tags (or, with an empty name, untags) the crop.
void setRenditionTag(Crop &crop, const QString &renditionName);
// A new crop for the linked editor: named and tagged after the rendition, aspect locked to it.
Crop makeRenditionCrop(const Rendition &rendition, const Rect &rect);

// The saved crop linked to the rendition by the rule above, rejected suggestions left out;
// nullopt when none.
std::optional<Crop> linkedCrop(const QList<Crop> &crops, const Rendition &rendition);

enum class CropSource {
    Saved, // a saved crop (linked as above)
    Suggested, // the suggester's best crop for the aspect
    Centred, // the largest centred crop of the aspect
    Whole, // the whole image ("original" rendition without a saved crop)
};
QString cropSourceName(CropSource source); // "saved", "suggested", "centred", "whole"

struct RenditionCropChoice
{
    Rect rect; // empty when no crop of the aspect fits the image (see error)
    CropSource source = CropSource::Centred;
    QString cropId; // Saved: the crop's id
    QString label; // Saved: the crop's label (for {label})
    QStringList warnings; // e.g. a saved crop that had to be fitted to the aspect
    QString error; // e.g. "the image (20 x 10) is too small for a 40:21 crop"
    bool ok() const { return error.isEmpty() && !rect.isEmpty(); }
};

// Picks the crop of `rendition` on an image of displayedSize. suggested: the suggester's best rect
// for the rendition's aspect, or nullopt when suggestions are not wanted (ignored for "original").
// A saved rect whose proportions differ from the rendition's by more than one output pixel is
// replaced by the largest crop of the aspect centred inside it (with a warning) rather than stretched.
RenditionCropChoice chooseRenditionCrop(const Rendition &rendition, Size displayedSize,
    const QList<Crop> &crops, const std::optional<Rect> &suggested = std::nullopt);

// The crop without saved crops or suggestions: centred for a fixed aspect, the whole image for "original".
Rect defaultRenditionRect(const Rendition &rendition, Size displayedSize);

// True when the crop holds fewer pixels than the output needs in either direction (the export
// enlarges it: allowed, with a warning badge/line). factor: how much it is enlarged (>1), else 1.
bool needsUpscaling(Size cropSize, Size outputSize);
double upscaleFactor(Size cropSize, Size outputSize);

} // namespace cropwise
