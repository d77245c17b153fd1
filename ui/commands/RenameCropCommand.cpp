#include "ui/commands/RenameCropCommand.h"

#include "core/model/ImageDocument.h"

#include <QCoreApplication>

namespace cropwise {

RenameCropCommand::RenameCropCommand(ImageDocument *document, const QString &cropId, const QString &before,
    const QString &after, QUndoCommand *parent)
    : QUndoCommand(QCoreApplication::translate("Commands", "Rename crop"), parent)
    , m_document(document)
    , m_cropId(cropId)
    , m_before(before)
    , m_after(after)
{
}

void RenameCropCommand::redo()
{
    if (m_document)
        m_document->setCropName(m_cropId, m_after);
}

void RenameCropCommand::undo()
{
    if (m_document)
        m_document->setCropName(m_cropId, m_before);
}

} // namespace cropwise
