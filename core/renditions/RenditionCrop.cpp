#include "core/renditions/RenditionCrop.h"

#include "core/geometry/AspectSolver.h"
#include "core/io/CropExport.h"
#include "core/model/ReviewState.h"

#include <QJsonValue>

#include <algorithm>

namespace cropwise {

namespace {

// The crop member linking it to a rendition (docs/renditions.md). Kept in Crop::extraFields, which
// the sidecar preserves, until core/model's Crop gets a member of its own: when it does (and the
// sidecar starts reading "rendition"), these accessors must switch to it in the same change
// (RenditionExportTest::renditionTag_survivesTheSidecar fails otherwise).
const QString kRenditionKey = QStringLiteral("rendition");

bool hasAspect(const Crop &crop, AspectRatio aspect)
{
    return (crop.aspect && *crop.aspect == aspect) || aspect.matches(crop.rect.size());
}

QString sizeText(Size s)
{
    return QStringLiteral("%1 x %2").arg(s.width).arg(s.height);
}

} // namespace

QString renditionTag(const Crop &crop)
{
    return crop.extraFields.value(kRenditionKey).toString();
}

void setRenditionTag(Crop &crop, const QString &renditionName)
{
    if (renditionName.isEmpty())
        crop.extraFields.remove(kRenditionKey);
    else
        crop.extraFields.insert(kRenditionKey, renditionName);
}

Crop makeRenditionCrop(const Rendition &rendition, const Rect &rect)
{
    Crop crop = Crop::create(rendition.name, rect, rendition.aspect);
    setRenditionTag(crop, rendition.name);
    return crop;
}

std::optional<Crop> linkedCrop(const QList<Crop> &allCrops, const Rendition &rendition)
{
    // A rejected suggestion is a "no", never the crop to publish.
    QList<Crop> crops = allCrops;
    crops.removeIf([](const Crop &c) { return reviewStatus(c) == ReviewStatus::Rejected; });
    for (const Crop &c : crops) {
        if (renditionTag(c).compare(rendition.name, Qt::CaseInsensitive) == 0)
            return c;
    }
    if (!rendition.aspect)
        return std::nullopt; // "original" links only by tag: any crop would have "its own" aspect
    for (const Crop &c : crops) {
        if (renditionTag(c).isEmpty() && hasAspect(c, *rendition.aspect))
            return c;
    }
    return std::nullopt;
}

QString cropSourceName(CropSource source)
{
    switch (source) {
    case CropSource::Saved:
        return QStringLiteral("saved");
    case CropSource::Suggested:
        return QStringLiteral("suggested");
    case CropSource::Centred:
        return QStringLiteral("centred");
    case CropSource::Whole:
        return QStringLiteral("whole");
    }
    return {};
}

Rect defaultRenditionRect(const Rendition &rendition, Size displayedSize)
{
    if (!rendition.aspect)
        return Rect::fromSize(displayedSize);
    return centredCrop(displayedSize, *rendition.aspect);
}

RenditionCropChoice chooseRenditionCrop(const Rendition &rendition, Size displayedSize,
    const QList<Crop> &crops, const std::optional<Rect> &suggested)
{
    RenditionCropChoice choice;
    const Rect bounds = Rect::fromSize(displayedSize);
    if (const std::optional<Crop> saved = linkedCrop(crops, rendition);
        saved && bounds.contains(saved->rect)) {
        choice.rect = saved->rect;
        choice.source = CropSource::Saved;
        choice.cropId = saved->id;
        choice.label = saved->label;
        if (rendition.aspect) {
            // Within one output pixel it is the aspect (rounding); beyond that, fit rather than stretch.
            const Size out = renditionOutputSize(rendition, saved->rect.size());
            QString mismatch;
            if (exportPixelSize(saved->rect.size(), ExportSize::exact(out.width, out.height), &mismatch)
                    .isEmpty()) {
                choice.rect = fitAspectInside(saved->rect, *rendition.aspect, bounds);
                choice.warnings << QStringLiteral(
                    "the saved crop \"%1\" (%2) is not %3: its largest %3 part is used")
                                       .arg(saved->name, sizeText(saved->rect.size()),
                                           rendition.aspect->toString());
            }
        }
    } else if (rendition.aspect && suggested && !suggested->isEmpty() && bounds.contains(*suggested)) {
        choice.rect = *suggested;
        choice.source = CropSource::Suggested;
    } else {
        choice.rect = defaultRenditionRect(rendition, displayedSize);
        choice.source = rendition.aspect ? CropSource::Centred : CropSource::Whole;
    }
    if (choice.rect.isEmpty())
        choice.error = QStringLiteral("the image (%1) is too small for a %2 crop")
                           .arg(sizeText(displayedSize),
                               rendition.aspect ? rendition.aspect->toString() : QStringLiteral("original"));
    return choice;
}

bool needsUpscaling(Size cropSize, Size outputSize)
{
    return outputSize.width > cropSize.width || outputSize.height > cropSize.height;
}

double upscaleFactor(Size cropSize, Size outputSize)
{
    if (cropSize.isEmpty() || outputSize.isEmpty())
        return 1.0;
    return std::max(
        { 1.0, double(outputSize.width) / cropSize.width, double(outputSize.height) / cropSize.height });
}

} // namespace cropwise
