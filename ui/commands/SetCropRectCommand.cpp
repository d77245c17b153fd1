#include "ui/commands/SetCropRectCommand.h"

#include "core/model/ImageDocument.h"
#include "ui/commands/CommandIds.h"

#include <QCoreApplication>

namespace cropwise {

SetCropRectCommand::SetCropRectCommand(ImageDocument *document, const QString &cropId, const Rect &before,
    const Rect &after, CropEditKind kind, QUndoCommand *parent)
    : QUndoCommand(textFor(kind), parent)
    , m_document(document)
    , m_cropId(cropId)
    , m_before(before)
    , m_after(after)
    , m_kind(kind)
{
}

QString SetCropRectCommand::textFor(CropEditKind kind)
{
    switch (kind) {
    case CropEditKind::Move:
        return QCoreApplication::translate("Commands", "Move crop");
    case CropEditKind::Resize:
        return QCoreApplication::translate("Commands", "Resize crop");
    case CropEditKind::Nudge:
        return QCoreApplication::translate("Commands", "Nudge crop");
    case CropEditKind::Numeric:
        return QCoreApplication::translate("Commands", "Set crop size");
    case CropEditKind::Aspect:
        return QCoreApplication::translate("Commands", "Fit crop to ratio");
    }
    return QCoreApplication::translate("Commands", "Change crop");
}

void SetCropRectCommand::redo()
{
    if (!m_document)
        return;
    if (!m_cropBefore)
        m_cropBefore = m_document->crop(m_cropId);
    m_document->setCropRect(m_cropId, m_after);
}

void SetCropRectCommand::undo()
{
    if (!m_document)
        return;
    // setCropRect() would apply the review edit rule again (suggested -> edited) on the way back:
    // restore the rect together with the review the crop had before.
    const std::optional<Crop> now = m_document->crop(m_cropId);
    if (now && m_cropBefore && m_cropBefore->rect == m_before && now->review != m_cropBefore->review) {
        Crop restored = *now;
        restored.rect = m_before;
        restored.review = m_cropBefore->review;
        m_document->setCrop(restored);
        return;
    }
    m_document->setCropRect(m_cropId, m_before);
}

int SetCropRectCommand::id() const
{
    return m_kind == CropEditKind::Nudge ? int(CommandId::NudgeCrop) : -1;
}

bool SetCropRectCommand::mergeWith(const QUndoCommand *other)
{
    // QUndoStack only offers commands with the same id(), i.e. nudges; the crop must match too.
    const auto *next = dynamic_cast<const SetCropRectCommand *>(other);
    if (!next || next->m_kind != CropEditKind::Nudge || m_kind != CropEditKind::Nudge
        || next->m_cropId != m_cropId || next->m_document != m_document)
        return false;
    m_after = next->m_after;
    // Nudged back to where the burst started: nothing left to undo (Qt 6 removes obsolete commands).
    setObsolete(m_after == m_before);
    return true;
}

} // namespace cropwise
