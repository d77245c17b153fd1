#pragma once

// One review decision on one crop: "Accept suggestion", "Reject suggestion", "Restore suggestion",
// "Show alternative". Carries the whole crop before and after (rect, aspect lock and review), so
// undo restores the review status exactly (ImageDocument::setCrop stores verbatim). The after value
// is computed by core (ReviewState.h acceptedCrop / rejectedCrop / restoredCrop / cropWithSuggestion).
// "Accept all" is a parent QUndoCommand with one child per crop.

#include "core/model/Crop.h"
#include "core/model/ImageDocument.h"

#include <QPointer>
#include <QString>
#include <QUndoCommand>

namespace cropwise {

class ReviewCropCommand final : public QUndoCommand
{
public:
    ReviewCropCommand(ImageDocument *document, const Crop &before, const Crop &after, const QString &text,
        QUndoCommand *parent = nullptr);

    void redo() override;
    void undo() override;

    const Crop &before() const { return m_before; }
    const Crop &after() const { return m_after; }

private:
    QPointer<ImageDocument> m_document;
    Crop m_before;
    Crop m_after;
};

} // namespace cropwise
