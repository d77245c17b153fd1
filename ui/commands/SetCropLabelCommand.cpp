#include "ui/commands/SetCropLabelCommand.h"

#include "core/model/ImageDocument.h"

#include <QCoreApplication>

namespace cropwise {

SetCropLabelCommand::SetCropLabelCommand(ImageDocument *document, const QString &cropId,
    const QString &before, const QString &after, QUndoCommand *parent)
    : QUndoCommand(QCoreApplication::translate("Commands", "Set label"), parent)
    , m_document(document)
    , m_cropId(cropId)
    , m_before(before)
    , m_after(after)
{
}

void SetCropLabelCommand::redo()
{
    if (m_document)
        m_document->setCropLabel(m_cropId, m_after);
}

void SetCropLabelCommand::undo()
{
    if (m_document)
        m_document->setCropLabel(m_cropId, m_before);
}

} // namespace cropwise
