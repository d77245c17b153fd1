#pragma once

// The "Renditions" panel, the linked editor: a chooser of rendition sets (built-in social / web /
// print, then the user's own, core/renditions/RenditionPresetStore.h) and, for the current photo,
// every rendition of the set side by side as a live preview (RenditionPreview).
//
// Each rendition has its own crop in the ImageDocument, linked by its "rendition" tag
// (RenditionLinker adds the missing ones, suggested in the background, when the panel is shown,
// the set is chosen or the image changes). A click on a preview selects that crop through the
// CropEditController, which locks the aspect to the rendition's ratio, so the ordinary handle
// drags on the canvas edit it (undoable). Previews follow the model and, during a drag, the
// canvas's live rect; their pixels come from the canvas's screen preview.
//
// Thread: GUI thread only.

#include "core/model/ImageDocument.h"
#include "core/renditions/Rendition.h"
#include "core/renditions/RenditionPresetStore.h"

#include <QList>
#include <QPointer>
#include <QStringList>
#include <QUndoStack>
#include <QWidget>

class QAction;
class QComboBox;
class QGridLayout;
class QLabel;
class QScrollArea;
class QToolButton;

namespace cropwise {

class CropCanvas;
class CropEditController;
class RenditionLinker;
class RenditionPreview;

class RenditionsPanel : public QWidget
{
    Q_OBJECT

public:
    // controller and canvas: not owned, must outlive the panel (the main window's).
    RenditionsPanel(CropEditController *controller, CropCanvas *canvas, QWidget *parent = nullptr);

    // Where user sets live (default: RenditionPresetStore()); reloads the list.
    void setPresetStore(const RenditionPresetStore &store);
    const RenditionPresetStore &presetStore() const { return m_store; }
    // Re-reads built-in and user sets, keeping the current choice when it still exists.
    void reloadSets();
    const QList<RenditionSet> &sets() const { return m_sets; }
    // Problems with user preset files, each naming the file and the field.
    const QStringList &presetErrors() const { return m_presetErrors; }

    // Chooses a set by name (case-insensitive); false when there is none. Links its crops when shown.
    bool setCurrentSet(const QString &name);
    RenditionSet currentSet() const;

    // The image on screen and its undo stack (nullptr: none). Not owned.
    void setDocument(ImageDocument *document, QUndoStack *stack);
    ImageDocument *document() const { return m_document; }

    // What a click on the rendition's preview does: adds its crop if it has none, selects it and
    // locks the aspect. False when the rendition is unknown or nothing fits.
    bool editRendition(const QString &renditionName);

    QList<RenditionPreview *> previews() const { return m_tiles; }
    RenditionPreview *preview(const QString &renditionName) const;
    RenditionLinker *linker() const { return m_linker; }
    QComboBox *setCombo() const { return m_combo; }
    // The button under the previews triggers this action (the window's "Export Renditions").
    void setExportAction(QAction *action);

Q_SIGNALS:
    void editSetsRequested();
    void currentSetChanged(const QString &name);

protected:
    void showEvent(QShowEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void onSetChosen(int index);
    void rebuildTiles();
    void layoutTiles();
    void refresh();
    void linkIfShown();
    void onDragPreview(const QString &cropId, const Rect &rect);

    QPointer<CropEditController> m_controller;
    QPointer<CropCanvas> m_canvas;
    QPointer<ImageDocument> m_document;
    QPointer<QUndoStack> m_stack;
    RenditionPresetStore m_store;
    QList<RenditionSet> m_sets;
    QStringList m_presetErrors;
    RenditionLinker *m_linker;

    QComboBox *m_combo;
    QToolButton *m_editButton;
    QLabel *m_errors;
    QLabel *m_status;
    QScrollArea *m_scroll;
    QWidget *m_grid;
    QGridLayout *m_gridLayout;
    QToolButton *m_exportButton;
    QList<RenditionPreview *> m_tiles;
    int m_columns = 0;
};

} // namespace cropwise
