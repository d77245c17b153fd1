#pragma once

// Rotates or flips the image, crops following ("Rotate right", "Rotate left", "Flip horizontally",
// "Flip vertically"). redo applies the turn, undo its inverse (exact on integer rects).

#include "core/geometry/ImageTurn.h"
#include "core/model/ImageDocument.h"

#include <QPointer>
#include <QUndoCommand>

namespace cropwise {

class TurnImageCommand final : public QUndoCommand
{
public:
    TurnImageCommand(ImageDocument *document, Turn turn, QUndoCommand *parent = nullptr);

    void redo() override;
    void undo() override;

    static QString textFor(Turn turn);

private:
    QPointer<ImageDocument> m_document;
    Turn m_turn;
};

} // namespace cropwise
