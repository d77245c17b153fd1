#pragma once

// Changes one crop's rect: "Move crop", "Resize crop", "Nudge crop", "Set crop size", "Fit crop to
// ratio". Carries before/after values (and the whole crop as it was before the first redo, so undo
// also restores its review status: a dragged suggestion becomes "edited", undo makes it
// "suggested" again). Consecutive NUDGES of the same crop merge into one undo step
// (one arrow-key burst = one undo); moves and resizes never merge.

#include "core/geometry/Rect.h"
#include "core/model/Crop.h"
#include "core/model/ImageDocument.h"
#include "ui/commands/CropEditKind.h"

#include <QPointer>
#include <QString>
#include <QUndoCommand>

#include <optional>

namespace cropwise {

class SetCropRectCommand final : public QUndoCommand
{
public:
    SetCropRectCommand(ImageDocument *document, const QString &cropId, const Rect &before, const Rect &after,
        CropEditKind kind, QUndoCommand *parent = nullptr);

    void redo() override;
    void undo() override;
    // CommandId::NudgeCrop for nudges, -1 (never merge) otherwise.
    int id() const override;
    // Merges a following nudge of the same crop: keeps this command's before and takes the other's
    // after. If the merged edit returns to the start, the command becomes obsolete (dropped).
    bool mergeWith(const QUndoCommand *other) override;

    QString cropId() const { return m_cropId; }
    Rect before() const { return m_before; }
    Rect after() const { return m_after; }
    CropEditKind kind() const { return m_kind; }

    static QString textFor(CropEditKind kind);

private:
    QPointer<ImageDocument> m_document;
    QString m_cropId;
    Rect m_before;
    Rect m_after;
    CropEditKind m_kind;
    std::optional<Crop> m_cropBefore; // taken on the first redo(); undo() restores its review
};

} // namespace cropwise
