#pragma once

// Adds several crops to one image in one undo step ("Paste crop" / "Paste 3 crops"). The crops must
// already fit this image and carry fresh ids: prepare them with core/model/CropPaste.h pasteCrops().
// Pasting onto several images = one command per image, pushed on each image's own undo stack.

#include "core/model/Crop.h"
#include "core/model/ImageDocument.h"

#include <QList>
#include <QPointer>
#include <QUndoCommand>

namespace cropwise {

class PasteCropsCommand final : public QUndoCommand
{
public:
    // Appended after the existing crops, in order. Crops the document refuses (invalid rect,
    // duplicate id) are skipped and listed by rejectedCount() after the first redo().
    PasteCropsCommand(ImageDocument *document, const QList<Crop> &crops, QUndoCommand *parent = nullptr);

    void redo() override;
    void undo() override;

    int rejectedCount() const { return m_rejected; }

private:
    QPointer<ImageDocument> m_document;
    QList<Crop> m_crops;
    QList<QString> m_addedIds; // what redo() actually added, removed again by undo()
    int m_rejected = 0;
};

} // namespace cropwise
