#pragma once

// Turns a CropCanvas's intents (and the panels' edits) into QUndoCommands on the current image's
// undo stack. It owns neither the canvas, the document nor the stack: the main window creates one
// controller per window and, when the user switches images, calls setDocument() and setUndoStack()
// with that image's document and stack (one QUndoStack per image inside a QUndoGroup).
//
// It is also the single entry point for the editing state the canvas shows:
//  - the selection (setSelectedCropId / selectedCropChanged); panels select through it;
//  - the aspect lock (setAspect / aspectChanged). Selecting a crop adopts the ratio stored with it
//    (Crop::aspect), so re-editing a 4:5 crop keeps 4:5; choosing a ratio while a crop is selected
//    reshapes that crop (one undo step "Set ratio 4:5"); new crops take the current ratio;
//  - the label given to new crops (setCurrentLabel).
// Do not call CropCanvas::setAspect/setSelectedCropId/setDocument directly when a controller
// drives the canvas: the controller would not know.
//
// New crops are named "Crop N" (ImageDocument::nextCropName()) and get the current label and ratio.
// Without a document or a stack, intents are ignored (nothing to edit).
// Thread: GUI thread only.

#include "core/geometry/AspectRatio.h"
#include "core/geometry/ImageTurn.h"
#include "core/geometry/Rect.h"
#include "core/model/Crop.h"
#include "core/model/ImageDocument.h"
#include "ui/commands/CropEditKind.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QUndoStack>

#include <optional>

namespace cropwise {

class CropCanvas;

class CropEditController : public QObject
{
    Q_OBJECT

public:
    // canvas: not owned, must outlive the controller or be destroyed with it (same parent).
    explicit CropEditController(CropCanvas *canvas, QObject *parent = nullptr);

    // Shows document on the canvas (canvas->setDocument) and clears the selection.
    // nullptr = no image. Not owned.
    void setDocument(ImageDocument *document);
    ImageDocument *document() const { return m_document; }
    // Where commands go. Not owned. nullptr = edits are ignored.
    void setUndoStack(QUndoStack *stack);
    QUndoStack *undoStack() const { return m_stack; }

    QString selectedCropId() const { return m_selectedId; }
    std::optional<AspectRatio> aspect() const { return m_aspect; }
    QString currentLabel() const { return m_currentLabel; }

public Q_SLOTS:
    // Empty = none. Unknown ids select nothing. Emits selectedCropChanged when it changes, and
    // aspectChanged when the newly selected crop stores another ratio.
    void setSelectedCropId(const QString &cropId);
    // Cycle through the crops in panel order (wraps around); selects the first when none is.
    void selectNextCrop();
    void selectPreviousCrop();

    // The aspect lock for drawing and resizing. With a crop selected whose stored ratio or rect
    // differs, pushes one step: the crop's stored ratio and, if its rect does not have the ratio,
    // the rect reshaped (core applyAspect: area and centre kept as far as the image allows).
    void setAspect(std::optional<AspectRatio> aspect);
    // 4:5 <-> 5:4 (also reshapes the selected crop, keeping its centre). Free: swaps the selected
    // crop's width and height.
    void swapAspectOrientation();
    // Label for crops drawn from now on (empty = none).
    void setCurrentLabel(const QString &label);

    // Panel edits (each one undo step; no-ops when nothing changes; false when refused:
    // unknown crop, invalid rect, or no document/stack).
    bool setCropRect(const QString &cropId, const Rect &rect); // numeric x / y / w / h
    bool renameCrop(const QString &cropId, const QString &name);
    bool setCropLabel(const QString &cropId, const QString &label);
    bool removeCrop(const QString &cropId);
    bool removeSelectedCrop();
    // Adds a crop with the next "Crop N" name, current label and ratio, and selects it.
    bool addCrop(const Rect &rect);
    // Rotates/flips the image with its crops.
    bool turnImage(Turn turn);
    // Pastes crops copied from an image of size sourceSize onto the current image: each rect is
    // scaled (core/model/CropPaste.h pasteCrops), gets a fresh id, and all land in one undo step.
    // The last pasted crop is selected. Returns how many were added.
    int pasteCrops(const QList<Crop> &crops, Size sourceSize);

Q_SIGNALS:
    void selectedCropChanged(const QString &cropId);
    void aspectChanged(std::optional<cropwise::AspectRatio> aspect);

private:
    void onCropDrawn(const Rect &rect);
    void onCropEditRequested(const QString &cropId, const Rect &rect, CropEditKind kind);
    void onDocumentCropRemoved(const QString &cropId);
    void onDocumentCropsReset();
    void onDocumentCropChanged(const QString &cropId);
    bool canEdit() const;
    void adoptAspect(std::optional<AspectRatio> aspect);

    QPointer<CropCanvas> m_canvas;
    QPointer<ImageDocument> m_document;
    QPointer<QUndoStack> m_stack;
    QString m_selectedId;
    std::optional<AspectRatio> m_aspect;
    QString m_currentLabel;
};

} // namespace cropwise
