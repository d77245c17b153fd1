#pragma once

// Changes the aspect lock stored with a crop (Crop::aspect, metadata). Usually a child of a macro
// that also reshapes the rect ("Set ratio 4:5").

#include "core/geometry/AspectRatio.h"
#include "core/model/ImageDocument.h"

#include <QPointer>
#include <QString>
#include <QUndoCommand>

#include <optional>

namespace cropwise {

class SetCropAspectCommand final : public QUndoCommand
{
public:
    SetCropAspectCommand(ImageDocument *document, const QString &cropId, std::optional<AspectRatio> before,
        std::optional<AspectRatio> after, QUndoCommand *parent = nullptr);

    void redo() override;
    void undo() override;

private:
    QPointer<ImageDocument> m_document;
    QString m_cropId;
    std::optional<AspectRatio> m_before;
    std::optional<AspectRatio> m_after;
};

} // namespace cropwise
