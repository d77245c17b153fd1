#include "ui/commands/SetVerifiedCommand.h"

#include <QCoreApplication>

namespace cropwise {

SetVerifiedCommand::SetVerifiedCommand(ImageDocument *document, bool before, bool after, QUndoCommand *parent)
    : QUndoCommand(after ? QCoreApplication::translate("Commands", "Mark verified")
                         : QCoreApplication::translate("Commands", "Unmark verified"),
        parent)
    , m_document(document)
    , m_before(before)
    , m_after(after)
{
}

void SetVerifiedCommand::redo()
{
    if (m_document)
        m_document->setVerified(m_after);
}

void SetVerifiedCommand::undo()
{
    if (m_document)
        m_document->setVerified(m_before);
}

} // namespace cropwise
