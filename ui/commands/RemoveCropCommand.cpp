#include "ui/commands/RemoveCropCommand.h"

#include "core/model/ImageDocument.h"

#include <QCoreApplication>

namespace cropwise {

RemoveCropCommand::RemoveCropCommand(ImageDocument *document, const QString &cropId, QUndoCommand *parent)
    : QUndoCommand(QCoreApplication::translate("Commands", "Delete crop"), parent)
    , m_document(document)
{
    if (document) {
        m_index = document->indexOf(cropId);
        if (const auto crop = document->crop(cropId))
            m_crop = *crop;
    }
    // Nothing to remove: let QUndoStack drop the command instead of recording a no-op step.
    setObsolete(m_index < 0);
}

void RemoveCropCommand::redo()
{
    if (m_document && m_index >= 0)
        m_document->removeCrop(m_crop.id);
}

void RemoveCropCommand::undo()
{
    if (m_document && m_index >= 0)
        m_document->addCrop(m_crop, m_index); // same place in the panel list as before
}

} // namespace cropwise
