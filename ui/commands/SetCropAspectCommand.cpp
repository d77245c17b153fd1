#include "ui/commands/SetCropAspectCommand.h"

#include "core/model/ImageDocument.h"

#include <QCoreApplication>

namespace cropwise {

SetCropAspectCommand::SetCropAspectCommand(ImageDocument *document, const QString &cropId,
    std::optional<AspectRatio> before, std::optional<AspectRatio> after, QUndoCommand *parent)
    : QUndoCommand(after ? QCoreApplication::translate("Commands", "Set ratio %1").arg(after->toString())
                         : QCoreApplication::translate("Commands", "Set ratio free"),
        parent)
    , m_document(document)
    , m_cropId(cropId)
    , m_before(before)
    , m_after(after)
{
}

void SetCropAspectCommand::redo()
{
    if (m_document)
        m_document->setCropAspect(m_cropId, m_after);
}

void SetCropAspectCommand::undo()
{
    if (m_document)
        m_document->setCropAspect(m_cropId, m_before);
}

} // namespace cropwise
