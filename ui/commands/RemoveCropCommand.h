#pragma once

// Removes one crop ("Delete crop"); undo puts it back at the same index with all its fields.

#include "core/model/Crop.h"
#include "core/model/ImageDocument.h"

#include <QPointer>
#include <QUndoCommand>

namespace cropwise {

class RemoveCropCommand final : public QUndoCommand
{
public:
    // Snapshots the crop and its index at construction; if cropId is absent the command is
    // obsolete (isObsolete(), QUndoStack drops it) and does nothing.
    RemoveCropCommand(ImageDocument *document, const QString &cropId, QUndoCommand *parent = nullptr);

    void redo() override;
    void undo() override;

private:
    QPointer<ImageDocument> m_document;
    Crop m_crop;
    int m_index = -1;
};

} // namespace cropwise
