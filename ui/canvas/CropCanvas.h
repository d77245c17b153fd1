#pragma once

// The crop canvas: shows one image with its crops, and turns mouse/keyboard input into INTENTS.
//
// It reads the ImageDocument (const) and never changes it: every edit leaves as a signal in image
// pixels (cropDrawn, cropEditRequested, cropDeleteRequested, cropSelected), and the owner of the
// undo stack (CropEditController) turns it into a QUndoCommand. While a drag runs, the canvas shows
// its own preview rect (snapshot at press + total offset, computed by core/geometry/RectDrag.h);
// the model changes once, on release. Esc during a drag restores the snapshot and emits nothing.
//
// Coordinates: signals carry displayed-image pixels (after EXIF orientation and the user's turn;
// edges at x and x + width), the space of Crop::rect. viewTransform() maps them to widget
// (logical, device-independent) pixels; the transform's offset is kept on whole device pixels so
// the image and the lines drawn over it stay sharp on high-DPI screens.
//
// Zoom: zoom() is in DEVICE pixels per image pixel, so 1.0 = "100 %" = one image pixel on one
// screen pixel (also on a 2x screen, as photo tools do); viewTransform().scale() is in logical
// pixels (= zoom() / devicePixelRatio). The canvas starts in fit mode (whole image, refitted on
// resize) and leaves it when the user zooms or pans.
//
// Mouse: left press on the selected crop's handle resizes (cursor per handle), inside a crop moves
// it (selecting it first if needed), elsewhere draws a new crop (after a 3 px threshold; a plain
// click on empty space clears the selection). Shift resizes/draws around the centre. A mouse
// wheel zooms at the cursor (with or without Ctrl); a touchpad's two-finger scroll pans and its
// pinch zooms; middle drag, or left drag with Space held, pans.
// Keys (with focus): arrows nudge the selected crop 1 px, Shift+arrows 10 px; Delete/Backspace
// request its removal; Esc cancels a drag; Space+drag pans. While they apply (a crop selected, a
// drag running) the canvas claims these keys before window shortcuts (ShortcutOverride); otherwise
// (arrows with no selection, Esc with no drag) they are ignored and reach the parent widgets.
// Space is always the canvas's while it has focus (hold to pan); a tap (press and release without
// a pan in between) emits spaceTapped(), which the window uses to toggle "verified".
//
// Thread: GUI thread only. Does not own the document (kept through a QPointer).

#include "core/geometry/AspectRatio.h"
#include "core/geometry/CropConstraints.h"
#include "core/geometry/Handle.h"
#include "core/geometry/Rect.h"
#include "core/geometry/ViewTransform.h"
#include "core/model/ImageDocument.h"
#include "ui/canvas/GuideOverlay.h"
#include "ui/commands/CropEditKind.h"

#include <QColor>
#include <QHash>
#include <QImage>
#include <QPointF>
#include <QPointer>
#include <QString>
#include <QStringList>
#include <QWidget>

#include <optional>

class QKeyEvent;

namespace cropwise {

class CanvasImage;
class CanvasLayer;

class CropCanvas : public QWidget
{
    Q_OBJECT

public:
    explicit CropCanvas(QWidget *parent = nullptr);
    ~CropCanvas() override;

    // --- What is shown ---------------------------------------------------------------------
    // The crops to draw; nullptr shows none. Not owned. The canvas repaints on the document's
    // signals, drops a selection whose crop disappears from view, and applies its userTurn() to the
    // picture. Changing the document cancels a running drag.
    void setDocument(const ImageDocument *document);
    const ImageDocument *document() const;

    // Decodes path in the background (preview first, full resolution later on demand) and emits
    // imageLoaded or imageFailed; the canvas is blank meanwhile (never the previous picture under
    // the new document's crops). Zoom returns to fit. The document's user turn is applied.
    void loadImage(const QString &path);
    // A picture already in memory (display-ready, EXIF applied, not user-turned; may be reduced)
    // and its full-resolution oriented size. Emits imageLoaded synchronously. For tests and callers
    // that decoded themselves; zooming past the picture's resolution paints it upscaled.
    void setImage(const QImage &picture, Size orientedSize);
    // Back to the empty state ("Open a photo or a folder").
    void clearImage();
    bool hasImage() const;
    // Displayed-image size (after the user turn); empty without an image.
    Size imageSize() const;
    QString imagePath() const;
    // The decoded screen preview (user-turned, display-ready, possibly reduced; null while not
    // ready): for small views of parts of the image (rendition thumbnails) without decoding again.
    // Its pixels per displayed-image pixel: previewImage().width() / imageSize().width.
    QImage previewImage() const;

    // --- Editing state (view state, not model) --------------------------------------------
    // The highlighted crop (handles, guides, readout). Empty = none. Does not emit cropSelected
    // (that signal is the user's intent only).
    void setSelectedCropId(const QString &cropId);
    QString selectedCropId() const { return m_selectedId; }
    // The ratio every draw and resize keeps (the aspect lock); nullopt = free.
    void setAspect(std::optional<AspectRatio> aspect);
    std::optional<AspectRatio> aspect() const { return m_aspect; }
    // Smallest crop a drag or draw may produce (image pixels; default 8 x 8).
    void setMinimumCropSize(Size size);
    Size minimumCropSize() const { return m_minimumSize; }
    void setGuides(GuideOverlay guides);
    GuideOverlay guides() const { return m_guides; }
    // Extra drawings (faces, heat map, object boxes), painted in the order added at their depth.
    // Not owned; a destroyed layer drops out by itself.
    void addLayer(CanvasLayer *layer);
    // Training-label colours (label name -> colour): a crop with a listed label gets a frame and a
    // caption dot in that colour. Empty = the neutral frames.
    void setLabelColours(const QHash<QString, QColor> &colours);
    // The crop rect as shown now: the live preview while it is dragged, else the model's.
    std::optional<Rect> shownRect(const QString &cropId) const;
    bool isDragging() const;

    // --- View -------------------------------------------------------------------------------
    double zoom() const; // device px per image px; 1.0 = 100 %
    bool isFitMode() const { return m_fitMode; }
    ViewTransform viewTransform() const { return m_view; } // image px <-> widget px

public Q_SLOTS:
    void zoomToFit();
    void zoomToActualSize(); // 100 %, centred on the view's centre
    void zoomIn(); // next step of 1/16 ... 1/2, 2/3, 1, 3/2, 2 ... 32
    void zoomOut();
    // Zoom (device px per image px) keeping the image point under the widget point anchor fixed.
    void setZoom(double zoom, QPointF anchor);
    void setZoom(double zoom); // anchored at the widget's centre

Q_SIGNALS:
    // --- Intents (image pixels); nothing here has changed the document -------------------
    void cropDrawn(const cropwise::Rect &rect);
    // Once per edit: on release of a move/resize drag, per arrow key press for nudges.
    void cropEditRequested(const QString &cropId, const cropwise::Rect &newRect, cropwise::CropEditKind kind);
    // A click on a crop (or an empty id: a click on empty space).
    void cropSelected(const QString &cropId);
    void cropDeleteRequested(const QString &cropId);

    // --- Feedback ----------------------------------------------------------------------------
    // Live rect while dragging (cropId empty while drawing a new crop), for panels' readouts.
    void dragPreviewChanged(const QString &cropId, const cropwise::Rect &rect);
    // The drag ended (committed or cancelled): panels should show the model's values again.
    void dragFinished();
    void zoomChanged(double zoom);
    // The image pixel under the mouse (status bar); hoverLeft when the mouse leaves the image.
    void hoverPositionChanged(const cropwise::Point &imagePixel);
    void hoverLeft();
    void imageLoaded(const QString &path, const cropwise::Size &orientedSize, const QStringList &warnings);
    void imageFailed(const QString &path, const QString &reason);
    // Space pressed and released with no pan drag in between (not auto-repeat).
    void spaceTapped();

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void keyReleaseEvent(QKeyEvent *event) override;
    void leaveEvent(QEvent *event) override;
    void focusOutEvent(QFocusEvent *event) override;
    void changeEvent(QEvent *event) override;
    bool event(QEvent *event) override;

private:
    enum class DragKind { None, Pending, Draw, Edit, Pan };
    struct Drag
    {
        DragKind kind = DragKind::None;
        Qt::MouseButton button = Qt::NoButton;
        QPointF pressPos; // widget px
        QPointF lastPos; // widget px, for re-evaluating when Shift changes
        Qt::KeyboardModifiers modifiers;
        Point pressImagePixel; // nearest pixel edge under the press
        Handle handle = Handle::None;
        QString cropId; // Edit: the crop being edited
        Rect atPress; // Edit: its rect at press (the snapshot)
        Rect current; // live result
        ViewTransform viewAtPress; // Pan
    };

    void onImageLoaded(Size orientedSize, const QStringList &warnings);
    void onImageFailed(const QString &reason);
    void onDocumentTurned();
    void onCropRemoved(const QString &cropId);
    void setView(const ViewTransform &view, bool leaveFitMode);
    void refit();
    QRectF imageOnCanvas() const;
    Rect imageBounds() const;
    CropConstraints constraints(Qt::KeyboardModifiers modifiers) const;
    void updateDrag(QPointF pos, Qt::KeyboardModifiers modifiers);
    void cancelDrag();
    void updateCursor(QPointF pos);
    void nudge(Point delta);
    QString cropAt(QPointF pos) const;
    Handle handleAt(QPointF pos) const;
    bool wantsKey(const QKeyEvent *event) const;

    void paintLayers(QPainter &painter, const QRectF &image, int depth) const;

    CanvasImage *m_image = nullptr;
    QList<QPointer<CanvasLayer>> m_layers;
    QHash<QString, QColor> m_labelColours;
    QPointer<const ImageDocument> m_document;
    QString m_path;
    QString m_selectedId;
    std::optional<AspectRatio> m_aspect;
    Size m_minimumSize { 8, 8 };
    GuideOverlay m_guides = GuideOverlay::Thirds;
    ViewTransform m_idealView; // as zoomed/panned, exact: zooming at a point never drifts
    ViewTransform m_view; // m_idealView with its origin on whole device pixels: what is shown
    bool m_fitMode = true;
    bool m_spaceHeld = false;
    bool m_spacePanned = false; // a pan started while Space was held: the release is no tap
    bool m_hoverInside = false;
    Drag m_drag;
};

} // namespace cropwise
