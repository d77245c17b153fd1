#include "ui/commands/TurnImageCommand.h"

#include "core/model/ImageDocument.h"

#include <QCoreApplication>

namespace cropwise {

TurnImageCommand::TurnImageCommand(ImageDocument *document, Turn turn, QUndoCommand *parent)
    : QUndoCommand(textFor(turn), parent)
    , m_document(document)
    , m_turn(turn)
{
}

QString TurnImageCommand::textFor(Turn turn)
{
    switch (turn) {
    case Turn::RotateClockwise:
        return QCoreApplication::translate("Commands", "Rotate right");
    case Turn::RotateCounterClockwise:
        return QCoreApplication::translate("Commands", "Rotate left");
    case Turn::FlipHorizontal:
        return QCoreApplication::translate("Commands", "Flip horizontally");
    case Turn::FlipVertical:
        return QCoreApplication::translate("Commands", "Flip vertically");
    }
    return QCoreApplication::translate("Commands", "Turn image");
}

void TurnImageCommand::redo()
{
    if (m_document)
        m_document->applyTurn(m_turn);
}

void TurnImageCommand::undo()
{
    // Exact on integer rects, so undo lands every crop back on the same pixels.
    if (m_document)
        m_document->applyTurn(inverse(m_turn));
}

} // namespace cropwise
