#pragma once

// Renames a crop ("Rename crop"); before/after names.

#include "core/model/ImageDocument.h"

#include <QPointer>
#include <QString>
#include <QUndoCommand>

namespace cropwise {

class RenameCropCommand final : public QUndoCommand
{
public:
    RenameCropCommand(ImageDocument *document, const QString &cropId, const QString &before,
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
