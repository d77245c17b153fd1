#include "ui/renditions/AddRenditionCropsCommand.h"

#include <QCoreApplication>

namespace cropwise {

AddRenditionCropsCommand::AddRenditionCropsCommand(
    ImageDocument *document, const QList<Crop> &crops, QUndoCommand *parent)
    : QUndoCommand(crops.size() == 1
            ? QCoreApplication::translate("Commands", "Add rendition crop")
            : QCoreApplication::translate("Commands", "Add %1 rendition crops").arg(crops.size()),
        parent)
    , m_document(document)
    , m_crops(crops)
{
    setObsolete(crops.isEmpty());
}

void AddRenditionCropsCommand::redo()
{
    m_addedIds.clear();
    if (!m_document)
        return;
    for (const Crop &crop : m_crops) {
        if (m_document->addCrop(crop))
            m_addedIds.append(crop.id);
    }
}

void AddRenditionCropsCommand::undo()
{
    if (!m_document)
        return;
    for (auto it = m_addedIds.crbegin(); it != m_addedIds.crend(); ++it)
        m_document->removeCrop(*it);
}

int AddRenditionCropsCommand::updateRects(const QHash<QString, Rect> &rects)
{
    if (!m_document)
        return 0;
    int changed = 0;
    for (Crop &crop : m_crops) {
        const auto it = rects.constFind(crop.id);
        if (it == rects.constEnd() || !m_addedIds.contains(crop.id))
            continue;
        const std::optional<Crop> now = m_document->crop(crop.id);
        // A crop the user already moved keeps the user's rect.
        if (!now || now->rect != crop.rect || *it == crop.rect)
            continue;
        if (m_document->setCropRect(crop.id, *it)) {
            crop.rect = *it;
            ++changed;
        }
    }
    return changed;
}

} // namespace cropwise
