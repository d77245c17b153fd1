#pragma once

// Adds one crop to an image ("Add crop"); undo removes it again.

#include "core/model/Crop.h"
#include "core/model/ImageDocument.h"

#include <QPointer>
#include <QUndoCommand>

namespace cropwise {

class AddCropCommand final : public QUndoCommand
{
public:
    // index: where to insert (-1 = append). The crop must be valid for document (ImageDocument
    // refuses otherwise and then redo() does nothing). document is not owned; if it is destroyed
    // before the command, redo/undo do nothing.
    AddCropCommand(ImageDocument *document, const Crop &crop, int index = -1, QUndoCommand *parent = nullptr);

    void redo() override;
    void undo() override;

    const Crop &crop() const { return m_crop; }

private:
    QPointer<ImageDocument> m_document;
    Crop m_crop;
    int m_index;
};

} // namespace cropwise
