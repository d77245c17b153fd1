#pragma once

// "Add rendition crops": the linked editor's crops for the renditions of a set that had none, in one
// undo step. Created with centred (or saved) rects while the suggester runs; when its answer arrives
// and this command is still the newest step, updateRects() puts the suggested rects into the same
// step (so one undo removes the crops, and redo brings back the suggested ones, not the centred).

#include "core/geometry/Rect.h"
#include "core/model/Crop.h"
#include "core/model/ImageDocument.h"

#include <QHash>
#include <QList>
#include <QPointer>
#include <QUndoCommand>

namespace cropwise {

class AddRenditionCropsCommand final : public QUndoCommand
{
public:
    // crops: fresh ids, rects valid in document (makeRenditionCrop()). Appended in order.
    AddRenditionCropsCommand(
        ImageDocument *document, const QList<Crop> &crops, QUndoCommand *parent = nullptr);

    void redo() override;
    void undo() override;

    const QList<Crop> &crops() const { return m_crops; }
    // While applied: sets the rects of crops (by id) that still have their rect at creation, in the
    // document and in this command. Returns how many changed. Call only while this command is the
    // newest applied step of its stack (an older one would replay different crops on redo).
    int updateRects(const QHash<QString, Rect> &rects);

private:
    QPointer<ImageDocument> m_document;
    QList<Crop> m_crops;
    QList<QString> m_addedIds;
};

} // namespace cropwise
