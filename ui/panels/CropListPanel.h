#pragma once

// The "Crops" panel: every named crop of the current image (name and label editable in place),
// the selected crop's position and size as spin boxes, and a W x H / ratio readout that follows a
// drag live. Every edit goes through CropEditController, so each is one undo step; the panel never
// changes the document itself.
//
// Numeric entry with the aspect locked keeps the ratio exactly: a typed width becomes the nearest
// exact k*num x k*den size (rounded to the nearest k, then limited to the image), and the crop is
// shifted, not shrunk, when it would leave the image. See numericEdit().
// Thread: GUI thread only.

#include "core/geometry/AspectRatio.h"
#include "core/geometry/Rect.h"

#include <QPointer>
#include <QWidget>

#include <optional>

class QLabel;
class QSpinBox;
class QTableView;
class QToolButton;
class QAction;

namespace cropwise {

class CropEditController;
class CropListModel;
class ImageDocument;

class CropListPanel : public QWidget
{
    Q_OBJECT

public:
    enum class Field { X, Y, Width, Height };

    explicit CropListPanel(CropEditController *controller, QWidget *parent = nullptr);

    void setDocument(const ImageDocument *document);
    // Buttons under the table (New crop, Delete crop): the window's actions, so keys and enabled
    // state are shared.
    void setActions(QAction *addCrop, QAction *deleteCrop);

    // Opens the name editor of the selected crop (F2 / Edit > Rename Crop).
    void editSelectedName();

    // While a drag runs on the canvas: show its live rect (not yet in the model).
    void showLiveRect(const QString &cropId, const Rect &rect);
    // Back to the model's values (drag finished or cancelled).
    void showModelValues();

    QTableView *table() const { return m_table; }
    CropListModel *model() const { return m_model; }
    QSpinBox *spinBox(Field field) const;
    QString readoutText() const;

    // The rect a typed value gives (pure; public for tests): current with field set to value,
    // ratio kept exactly when lock is set, shifted inside image; nullopt when nothing valid fits.
    static std::optional<Rect> numericEdit(
        const Rect &current, Field field, int value, std::optional<AspectRatio> lock, Size image);

private:
    void onSelectedCropChanged(const QString &cropId);
    void onTableSelectionChanged();
    void onSpinValueChanged(Field field, int value);
    void refreshEditor();
    void showRect(const Rect &rect, std::optional<AspectRatio> lock, bool live);

    QPointer<CropEditController> m_controller;
    QPointer<const ImageDocument> m_document;
    CropListModel *m_model;
    QTableView *m_table;
    QWidget *m_editor;
    QSpinBox *m_x;
    QSpinBox *m_y;
    QSpinBox *m_w;
    QSpinBox *m_h;
    QLabel *m_sizeReadout;
    QLabel *m_ratioReadout;
    QLabel *m_emptyHint;
    QToolButton *m_addButton;
    QToolButton *m_deleteButton;
    bool m_syncing = false;
};

} // namespace cropwise
