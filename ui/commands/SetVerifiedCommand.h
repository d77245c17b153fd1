#pragma once

// Marks an image verified or not ("Mark verified", LabelImg's Space key); before/after values.

#include "core/model/ImageDocument.h"

#include <QPointer>
#include <QUndoCommand>

namespace cropwise {

class SetVerifiedCommand final : public QUndoCommand
{
public:
    SetVerifiedCommand(ImageDocument *document, bool before, bool after, QUndoCommand *parent = nullptr);

    void redo() override;
    void undo() override;

private:
    QPointer<ImageDocument> m_document;
    bool m_before;
    bool m_after;
};

} // namespace cropwise
