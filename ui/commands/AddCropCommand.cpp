#include "ui/commands/AddCropCommand.h"

#include "core/model/ImageDocument.h"

#include <QCoreApplication>

namespace cropwise {

AddCropCommand::AddCropCommand(ImageDocument *document, const Crop &crop, int index, QUndoCommand *parent)
    : QUndoCommand(QCoreApplication::translate("Commands", "Add crop"), parent)
    , m_document(document)
    , m_crop(crop)
    , m_index(index)
{
}

void AddCropCommand::redo()
{
    if (m_document)
        m_document->addCrop(m_crop, m_index);
}

void AddCropCommand::undo()
{
    if (m_document)
        m_document->removeCrop(m_crop.id);
}

} // namespace cropwise
