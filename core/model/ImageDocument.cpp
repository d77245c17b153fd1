#include "core/model/ImageDocument.h"

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
        c.rect = rect;
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
    for (Crop &c : m_crops)
        c.rect = turnRect(c.rect, before, turn);
    m_userTurn = m_userTurn.then(turn);
    Q_ASSERT(displayedSize() == turnedSize(before, turn));
    emit userTurnChanged();
    emit cropsReset();
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

    const bool turnChanged = state.userTurn != m_userTurn;
    const bool verifiedDiffers = state.verified != m_verified;
    const bool cropsDiffer = crops != m_crops;
    const bool extrasDiffer = state.extraFields != m_extraFields;
    if (!turnChanged && !verifiedDiffers && !cropsDiffer && !extrasDiffer)
        return repairs;

    m_userTurn = state.userTurn;
    m_verified = state.verified;
    m_crops = crops;
    m_extraFields = state.extraFields;
    if (turnChanged)
        emit userTurnChanged();
    if (verifiedDiffers)
        emit verifiedChanged(m_verified);
    emit cropsReset();
    emit changed();
    return repairs;
}

} // namespace cropwise
