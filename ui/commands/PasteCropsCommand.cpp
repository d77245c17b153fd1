#include "ui/commands/PasteCropsCommand.h"

#include "core/model/ImageDocument.h"

#include <QCoreApplication>

namespace cropwise {

PasteCropsCommand::PasteCropsCommand(ImageDocument *document, const QList<Crop> &crops, QUndoCommand *parent)
    : QUndoCommand(crops.size() == 1
            ? QCoreApplication::translate("Commands", "Paste crop")
            : QCoreApplication::translate("Commands", "Paste %1 crops").arg(crops.size()),
        parent)
    , m_document(document)
    , m_crops(crops)
{
    setObsolete(crops.isEmpty());
}

void PasteCropsCommand::redo()
{
    m_addedIds.clear();
    m_rejected = 0;
    if (!m_document)
        return;
    for (const Crop &crop : m_crops) {
        if (m_document->addCrop(crop))
            m_addedIds.append(crop.id);
        else
            ++m_rejected;
    }
}

void PasteCropsCommand::undo()
{
    if (!m_document)
        return;
    // Reverse order, so the list shrinks back exactly the way it grew.
    for (auto it = m_addedIds.crbegin(); it != m_addedIds.crend(); ++it)
        m_document->removeCrop(*it);
}

} // namespace cropwise
