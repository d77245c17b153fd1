#include "ui/review/ReviewCropCommand.h"

namespace cropwise {

ReviewCropCommand::ReviewCropCommand(
    ImageDocument *document, const Crop &before, const Crop &after, const QString &text, QUndoCommand *parent)
    : QUndoCommand(text, parent)
    , m_document(document)
    , m_before(before)
    , m_after(after)
{
    // Same id by contract (a decision changes a crop, never which crop it is).
    Q_ASSERT(before.id == after.id);
    setObsolete(before == after);
}

void ReviewCropCommand::redo()
{
    if (m_document)
        m_document->setCrop(m_after);
}

void ReviewCropCommand::undo()
{
    if (m_document)
        m_document->setCrop(m_before);
}

} // namespace cropwise
