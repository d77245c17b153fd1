#pragma once

// Changes a crop's training label ("Set label"); before/after labels (empty = none).

#include "core/model/ImageDocument.h"

#include <QPointer>
#include <QString>
#include <QUndoCommand>

namespace cropwise {

class SetCropLabelCommand final : public QUndoCommand
{
public:
    SetCropLabelCommand(ImageDocument *document, const QString &cropId, const QString &before,
        const QString &after, QUndoCommand *parent = nullptr);

    void redo() override;
    void undo() override;

private:
    QPointer<ImageDocument> m_document;
    QString m_cropId;
    QString m_before;
    QString m_after;
};

} // namespace cropwise
