#include "ui/CropEditController.h"

#include "core/geometry/RectDrag.h"
#include "core/model/CropPaste.h"
#include "core/model/ImageDocument.h"
#include "ui/canvas/CropCanvas.h"
#include "ui/commands/AddCropCommand.h"
#include "ui/commands/PasteCropsCommand.h"
#include "ui/commands/RemoveCropCommand.h"
#include "ui/commands/RenameCropCommand.h"
#include "ui/commands/SetCropAspectCommand.h"
#include "ui/commands/SetCropLabelCommand.h"
#include "ui/commands/SetCropRectCommand.h"
#include "ui/commands/TurnImageCommand.h"

#include <QCoreApplication>
#include <QUndoStack>

namespace cropwise {

CropEditController::CropEditController(CropCanvas *canvas, QObject *parent)
    : QObject(parent)
    , m_canvas(canvas)
{
    Q_ASSERT(canvas);
    connect(canvas, &CropCanvas::cropDrawn, this, &CropEditController::onCropDrawn);
    connect(canvas, &CropCanvas::cropEditRequested, this, &CropEditController::onCropEditRequested);
    connect(canvas, &CropCanvas::cropSelected, this, &CropEditController::setSelectedCropId);
    connect(canvas, &CropCanvas::cropDeleteRequested, this, &CropEditController::removeCrop);
    m_aspect = canvas->aspect();
}

void CropEditController::setDocument(ImageDocument *document)
{
    if (m_document == document)
        return;
    if (m_document)
        disconnect(m_document, nullptr, this, nullptr);
    m_document = document;
    if (document) {
        connect(document, &ImageDocument::cropRemoved, this, &CropEditController::onDocumentCropRemoved);
        connect(document, &ImageDocument::cropsReset, this, &CropEditController::onDocumentCropsReset);
        connect(document, &ImageDocument::cropChanged, this, &CropEditController::onDocumentCropChanged);
    }
    if (m_canvas)
        m_canvas->setDocument(document);
    setSelectedCropId(QString());
}

void CropEditController::setUndoStack(QUndoStack *stack)
{
    m_stack = stack;
}

bool CropEditController::canEdit() const
{
    return m_document && m_stack;
}

// --- Selection -----------------------------------------------------------------------------------

void CropEditController::setSelectedCropId(const QString &cropId)
{
    QString id = cropId;
    std::optional<Crop> crop;
    if (!id.isEmpty()) {
        crop = m_document ? m_document->crop(id) : std::nullopt;
        if (!crop)
            id.clear();
    }
    if (m_canvas)
        m_canvas->setSelectedCropId(id);
    if (id == m_selectedId)
        return;
    m_selectedId = id;
    Q_EMIT selectedCropChanged(id);
    // Re-editing a crop keeps the ratio it was made with.
    if (crop)
        adoptAspect(crop->aspect);
}

void CropEditController::selectNextCrop()
{
    if (!m_document || m_document->cropCount() == 0)
        return;
    const int i = m_document->indexOf(m_selectedId);
    setSelectedCropId(m_document->crops().at((i + 1) % m_document->cropCount()).id);
}

void CropEditController::selectPreviousCrop()
{
    if (!m_document || m_document->cropCount() == 0)
        return;
    const int n = m_document->cropCount();
    const int i = m_document->indexOf(m_selectedId);
    setSelectedCropId(m_document->crops().at(i < 0 ? n - 1 : (i + n - 1) % n).id);
}

void CropEditController::onDocumentCropRemoved(const QString &cropId)
{
    if (cropId == m_selectedId)
        setSelectedCropId(QString());
}

void CropEditController::onDocumentCropsReset()
{
    if (!m_selectedId.isEmpty() && (!m_document || m_document->indexOf(m_selectedId) < 0))
        setSelectedCropId(QString());
}

void CropEditController::onDocumentCropChanged(const QString &cropId)
{
    // Undo/redo of a ratio change: the lock follows the selected crop's stored ratio.
    if (cropId != m_selectedId || !m_document)
        return;
    if (const auto crop = m_document->crop(cropId))
        adoptAspect(crop->aspect);
}

// --- Aspect and label ----------------------------------------------------------------------------

void CropEditController::adoptAspect(std::optional<AspectRatio> aspect)
{
    if (m_canvas)
        m_canvas->setAspect(aspect);
    if (aspect == m_aspect)
        return;
    m_aspect = aspect;
    Q_EMIT aspectChanged(aspect);
}

void CropEditController::setAspect(std::optional<AspectRatio> aspect)
{
    const auto crop = (m_document && !m_selectedId.isEmpty()) ? m_document->crop(m_selectedId) : std::nullopt;
    if (crop && canEdit() && (crop->aspect != aspect || (aspect && !aspect->matches(crop->rect.size())))) {
        const Rect bounds = Rect::fromSize(m_document->displayedSize());
        const Rect reshaped = aspect ? applyAspect(crop->rect, *aspect, bounds) : crop->rect;
        auto *step = new QUndoCommand(aspect
                ? QCoreApplication::translate("Commands", "Set ratio %1").arg(aspect->toString())
                : QCoreApplication::translate("Commands", "Set ratio free"));
        new SetCropAspectCommand(m_document, crop->id, crop->aspect, aspect, step);
        if (reshaped != crop->rect && !reshaped.isEmpty())
            new SetCropRectCommand(m_document, crop->id, crop->rect, reshaped, CropEditKind::Aspect, step);
        m_stack->push(step); // cropChanged -> onDocumentCropChanged adopts the ratio
    }
    adoptAspect(aspect);
}

void CropEditController::swapAspectOrientation()
{
    const auto crop = (m_document && !m_selectedId.isEmpty()) ? m_document->crop(m_selectedId) : std::nullopt;
    if (m_aspect) {
        const AspectRatio swapped = m_aspect->swapped();
        if (crop && canEdit()) {
            const Rect bounds = Rect::fromSize(m_document->displayedSize());
            const Rect turned = swapOrientation(crop->rect, swapped.swapped(), bounds);
            auto *step = new QUndoCommand(
                QCoreApplication::translate("Commands", "Set ratio %1").arg(swapped.toString()));
            new SetCropAspectCommand(m_document, crop->id, crop->aspect, swapped, step);
            if (turned != crop->rect && !turned.isEmpty())
                new SetCropRectCommand(m_document, crop->id, crop->rect, turned, CropEditKind::Aspect, step);
            m_stack->push(step);
        }
        adoptAspect(swapped);
        return;
    }
    if (crop && canEdit()) {
        const Rect turned = swapOrientation(crop->rect, Rect::fromSize(m_document->displayedSize()));
        if (turned != crop->rect && !turned.isEmpty())
            m_stack->push(
                new SetCropRectCommand(m_document, crop->id, crop->rect, turned, CropEditKind::Aspect));
    }
}

void CropEditController::setCurrentLabel(const QString &label)
{
    m_currentLabel = label;
}

// --- Edits ---------------------------------------------------------------------------------------

void CropEditController::onCropDrawn(const Rect &rect)
{
    addCrop(rect);
}

bool CropEditController::addCrop(const Rect &rect)
{
    if (!canEdit() || !m_document->isValidCropRect(rect))
        return false;
    const Crop crop = Crop::create(m_document->nextCropName(), rect, m_aspect, m_currentLabel);
    m_stack->push(new AddCropCommand(m_document, crop));
    if (m_document->indexOf(crop.id) < 0)
        return false;
    setSelectedCropId(crop.id);
    return true;
}

void CropEditController::onCropEditRequested(const QString &cropId, const Rect &rect, CropEditKind kind)
{
    if (!canEdit())
        return;
    const auto crop = m_document->crop(cropId);
    if (!crop || crop->rect == rect || !m_document->isValidCropRect(rect))
        return;
    // A drag or nudge under the lock also records the lock with the crop (its metadata).
    if (crop->aspect != m_aspect && m_aspect && m_aspect->matches(rect.size())
        && kind != CropEditKind::Nudge) {
        auto *step = new QUndoCommand(SetCropRectCommand::textFor(kind));
        new SetCropRectCommand(m_document, cropId, crop->rect, rect, kind, step);
        new SetCropAspectCommand(m_document, cropId, crop->aspect, m_aspect, step);
        m_stack->push(step);
        return;
    }
    m_stack->push(new SetCropRectCommand(m_document, cropId, crop->rect, rect, kind));
}

bool CropEditController::setCropRect(const QString &cropId, const Rect &rect)
{
    if (!canEdit())
        return false;
    const auto crop = m_document->crop(cropId);
    if (!crop || !m_document->isValidCropRect(rect))
        return false;
    if (crop->rect != rect)
        m_stack->push(new SetCropRectCommand(m_document, cropId, crop->rect, rect, CropEditKind::Numeric));
    return true;
}

bool CropEditController::renameCrop(const QString &cropId, const QString &name)
{
    if (!canEdit())
        return false;
    const auto crop = m_document->crop(cropId);
    if (!crop)
        return false;
    if (crop->name != name)
        m_stack->push(new RenameCropCommand(m_document, cropId, crop->name, name));
    return true;
}

bool CropEditController::setCropLabel(const QString &cropId, const QString &label)
{
    if (!canEdit())
        return false;
    const auto crop = m_document->crop(cropId);
    if (!crop)
        return false;
    if (crop->label != label)
        m_stack->push(new SetCropLabelCommand(m_document, cropId, crop->label, label));
    return true;
}

bool CropEditController::removeCrop(const QString &cropId)
{
    if (!canEdit() || m_document->indexOf(cropId) < 0)
        return false;
    m_stack->push(new RemoveCropCommand(m_document, cropId));
    return m_document->indexOf(cropId) < 0;
}

bool CropEditController::removeSelectedCrop()
{
    return !m_selectedId.isEmpty() && removeCrop(m_selectedId);
}

bool CropEditController::turnImage(Turn turn)
{
    if (!canEdit())
        return false;
    m_stack->push(new TurnImageCommand(m_document, turn));
    return true;
}

int CropEditController::pasteCrops(const QList<Crop> &crops, Size sourceSize)
{
    if (!canEdit() || crops.isEmpty())
        return 0;
    const QList<Crop> adapted = cropwise::pasteCrops(crops, sourceSize, m_document->displayedSize());
    if (adapted.isEmpty())
        return 0;
    auto *command = new PasteCropsCommand(m_document, adapted);
    m_stack->push(command); // redo() runs inside push
    const int added = int(adapted.size()) - command->rejectedCount();
    for (auto it = adapted.crbegin(); it != adapted.crend(); ++it) {
        if (m_document->indexOf(it->id) >= 0) {
            setSelectedCropId(it->id);
            break;
        }
    }
    return added;
}

} // namespace cropwise
