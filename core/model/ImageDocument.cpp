#include "core/model/ImageDocument.h"

#include "core/model/ReviewState.h"

#include <QSet>

#include <algorithm>

namespace cropwise {

ImageDocument::ImageDocument(const QString &imagePath, Size orientedSize, QObject *parent)
    : QObject(parent)
    , m_imagePath(imagePath)
    , m_orientedSize(orientedSize)
{
    Q_ASSERT(!orientedSize.isEmpty());
}

int ImageDocument::indexOf(const QString &cropId) const
{
    for (int i = 0; i < m_crops.size(); ++i) {
        if (m_crops[i].id == cropId)
            return i;
    }
    return -1;
}

std::optional<Crop> ImageDocument::crop(const QString &cropId) const
{
    const int i = indexOf(cropId);
    if (i < 0)
        return std::nullopt;
    return m_crops[i];
}

bool ImageDocument::isValidCropRect(const Rect &rect) const
{
    return !rect.isEmpty() && Rect::fromSize(displayedSize()).contains(rect);
}

QString ImageDocument::nextCropName() const
{
    QSet<QString> names;
    for (const Crop &c : m_crops)
        names.insert(c.name);
    for (int n = cropCount() + 1;; ++n) {
        const QString name = QStringLiteral("Crop %1").arg(n);
        if (!names.contains(name))
            return name;
    }
}

Crop *ImageDocument::findCrop(const QString &cropId)
{
    const int i = indexOf(cropId);
    return i < 0 ? nullptr : &m_crops[i];
}

bool ImageDocument::addCrop(const Crop &crop, int index)
{
    if (crop.id.isEmpty() || indexOf(crop.id) >= 0 || !isValidCropRect(crop.rect))
        return false;
    if (index < 0 || index > cropCount())
        index = cropCount();
    m_crops.insert(index, crop);
    emit cropAdded(index);
    emit changed();
    return true;
}

bool ImageDocument::removeCrop(const QString &cropId)
{
    const int i = indexOf(cropId);
    if (i < 0)
        return false;
    m_crops.removeAt(i);
    emit cropRemoved(cropId, i);
    emit changed();
    return true;
}

bool ImageDocument::updateCrop(const QString &cropId, const std::function<bool(Crop &)> &edit)
{
    Crop *c = findCrop(cropId);
    if (!c)
        return false;
    Crop edited = *c;
    if (!edit(edited))
        return false;
    if (edited == *c)
        return true;
    *c = edited;
    emit cropChanged(cropId);
    emit changed();
    return true;
}

bool ImageDocument::setCrop(const Crop &crop)
{
    if (!isValidCropRect(crop.rect))
        return false;
    return updateCrop(crop.id, [&](Crop &c) {
        c = crop;
        return true;
    });
}

bool ImageDocument::setCropRect(const QString &cropId, const Rect &rect)
{
    if (!isValidCropRect(rect))
        return false;
    return updateCrop(cropId, [&](Crop &c) {
        c = editedCrop(c, rect);
        return true;
    });
}

bool ImageDocument::setCropName(const QString &cropId, const QString &name)
{
    return updateCrop(cropId, [&](Crop &c) {
        c.name = name;
        return true;
    });
}

bool ImageDocument::setCropLabel(const QString &cropId, const QString &label)
{
    return updateCrop(cropId, [&](Crop &c) {
        c.label = label;
        return true;
    });
}

bool ImageDocument::setCropAspect(const QString &cropId, std::optional<AspectRatio> aspect)
{
    return updateCrop(cropId, [&](Crop &c) {
        c.aspect = aspect;
        return true;
    });
}

bool ImageDocument::setCropReview(const QString &cropId, const std::optional<CropReview> &review)
{
    return updateCrop(cropId, [&](Crop &c) {
        c.review = review;
        return true;
    });
}

bool ImageDocument::setCrops(const QList<Crop> &crops)
{
    QSet<QString> ids;
    for (const Crop &c : crops) {
        if (c.id.isEmpty() || ids.contains(c.id) || !isValidCropRect(c.rect))
            return false;
        ids.insert(c.id);
    }
    if (crops == m_crops)
        return true;
    m_crops = crops;
    emit cropsReset();
    emit changed();
    return true;
}

void ImageDocument::applyTurn(Turn turn)
{
    const Size before = displayedSize();
    for (Crop &c : m_crops) {
        c.rect = turnRect(c.rect, before, turn);
        if (c.review)
            c.review->suggested = turnRect(c.review->suggested, before, turn);
    }
    for (MustIncludeRegion &r : m_mustInclude)
        r.rect = turnRect(r.rect, before, turn);
    m_userTurn = m_userTurn.then(turn);
    Q_ASSERT(displayedSize() == turnedSize(before, turn));
    emit userTurnChanged();
    emit cropsReset();
    if (!m_mustInclude.isEmpty())
        emit mustIncludeChanged();
    emit changed();
}

bool ImageDocument::setMustInclude(const QList<MustIncludeRegion> &regions)
{
    for (const MustIncludeRegion &r : regions) {
        if (!isValidCropRect(r.rect))
            return false;
    }
    if (regions == m_mustInclude)
        return true;
    m_mustInclude = regions;
    emit mustIncludeChanged();
    emit changed();
    return true;
}

std::optional<SuggestionCache> ImageDocument::currentSuggestions() const
{
    if (!m_suggestions || m_suggestions->key.userTurn != m_userTurn
        || m_suggestions->key.mustInclude != m_mustInclude)
        return std::nullopt;
    return m_suggestions;
}

void ImageDocument::setSuggestions(const std::optional<SuggestionCache> &suggestions)
{
    if (suggestions == m_suggestions)
        return;
    m_suggestions = suggestions;
    emit suggestionsChanged();
    emit changed();
}

void ImageDocument::setVerified(bool verified)
{
    if (verified == m_verified)
        return;
    m_verified = verified;
    emit verifiedChanged(verified);
    emit changed();
}

ImageState ImageDocument::state() const
{
    ImageState s;
    s.crops = m_crops;
    s.userTurn = m_userTurn;
    s.verified = m_verified;
    s.extraFields = m_extraFields;
    s.mustInclude = m_mustInclude;
    s.suggestions = m_suggestions;
    return s;
}

QStringList ImageDocument::setState(const ImageState &state)
{
    QStringList repairs;
    const Rect bounds = Rect::fromSize(state.userTurn.apply(m_orientedSize));
    QList<Crop> crops;
    QSet<QString> ids;
    for (Crop c : state.crops) {
        if (c.rect.isEmpty() || !bounds.contains(c.rect)) {
            repairs.append(tr("The crop \"%1\" (%2, %3, %4 x %5) does not lie inside the %6 x %7 image "
                              "and was left out.")
                               .arg(c.name)
                               .arg(c.rect.x)
                               .arg(c.rect.y)
                               .arg(c.rect.width)
                               .arg(c.rect.height)
                               .arg(bounds.width)
                               .arg(bounds.height));
            continue;
        }
        if (c.id.isEmpty() || ids.contains(c.id)) {
            repairs.append(c.id.isEmpty()
                    ? tr("The crop \"%1\" had no id and got a new one.").arg(c.name)
                    : tr("The crop \"%1\" repeated the id %2 and got a new one.").arg(c.name, c.id));
            c.id = Crop::newId();
        }
        ids.insert(c.id);
        crops.append(c);
    }

    QList<MustIncludeRegion> regions;
    for (const MustIncludeRegion &r : state.mustInclude) {
        if (!r.rect.isEmpty() && bounds.contains(r.rect)) {
            regions.append(r);
            continue;
        }
        repairs.append(tr("A must-include region (%1, %2, %3 x %4) does not lie inside the %5 x %6 image "
                          "and was left out.")
                           .arg(r.rect.x)
                           .arg(r.rect.y)
                           .arg(r.rect.width)
                           .arg(r.rect.height)
                           .arg(bounds.width)
                           .arg(bounds.height));
    }

    const bool turnChanged = state.userTurn != m_userTurn;
    const bool verifiedDiffers = state.verified != m_verified;
    const bool cropsDiffer = crops != m_crops;
    const bool extrasDiffer = state.extraFields != m_extraFields;
    const bool regionsDiffer = regions != m_mustInclude;
    const bool suggestionsDiffer = state.suggestions != m_suggestions;
    if (!turnChanged && !verifiedDiffers && !cropsDiffer && !extrasDiffer && !regionsDiffer
        && !suggestionsDiffer)
        return repairs;

    m_userTurn = state.userTurn;
    m_verified = state.verified;
    m_crops = crops;
    m_extraFields = state.extraFields;
    m_mustInclude = regions;
    m_suggestions = state.suggestions;
    if (turnChanged)
        emit userTurnChanged();
    if (verifiedDiffers)
        emit verifiedChanged(m_verified);
    if (regionsDiffer)
        emit mustIncludeChanged();
    if (suggestionsDiffer)
        emit suggestionsChanged();
    emit cropsReset();
    emit changed();
    return repairs;
}

} // namespace cropwise
