#include "ui/canvas/CropCanvas.h"

#include "core/geometry/HitTest.h"
#include "core/geometry/RectDrag.h"
#include "core/model/ImageDocument.h"
#include "ui/canvas/CanvasImage.h"
#include "ui/canvas/CanvasLayer.h"
#include "ui/canvas/OverlayPainter.h"

#include <QKeyEvent>
#include <QMouseEvent>
#include <QNativeGestureEvent>
#include <QPaintEvent>
#include <QPainter>
#include <QPainterPath>
#include <QWheelEvent>

#include <algorithm>
#include <array>
#include <cmath>

namespace cropwise {

namespace {

constexpr int kFitMargin = 28; // widget px around the image in fit mode (room for the readout)
constexpr double kHandleTolerance = 9; // widget px: how far from an edge a press still grabs it
constexpr double kDragThreshold = 3; // widget px before a press becomes a drag
constexpr int kNudgeStep = 1;
constexpr int kBigNudgeStep = 10;
const QColor kBackground(0x2a, 0x2a, 0x2a); // neutral: no colour cast next to the photo

// Zoom steps for zoomIn/zoomOut (device px per image px), the familiar photo-tool ladder.
constexpr std::array<double, 19> kZoomSteps = { 1.0 / 16, 1.0 / 12, 1.0 / 8, 1.0 / 6, 1.0 / 4, 1.0 / 3,
    1.0 / 2, 2.0 / 3, 1.0, 1.5, 2.0, 3.0, 4.0, 6.0, 8.0, 12.0, 16.0, 24.0, 32.0 };

PointF toPointF(QPointF p)
{
    return { p.x(), p.y() };
}

QRectF toQRectF(const RectF &r)
{
    return QRectF(r.x, r.y, r.width, r.height);
}

Qt::CursorShape cursorFor(Handle handle)
{
    switch (handle) {
    case Handle::TopLeft:
    case Handle::BottomRight:
        return Qt::SizeFDiagCursor;
    case Handle::TopRight:
    case Handle::BottomLeft:
        return Qt::SizeBDiagCursor;
    case Handle::Left:
    case Handle::Right:
        return Qt::SizeHorCursor;
    case Handle::Top:
    case Handle::Bottom:
        return Qt::SizeVerCursor;
    case Handle::Move:
        return Qt::SizeAllCursor;
    case Handle::None:
        break;
    }
    return Qt::CrossCursor;
}

} // namespace

CropCanvas::CropCanvas(QWidget *parent)
    : QWidget(parent)
    , m_image(new CanvasImage(this))
{
    setMouseTracking(true);
    setFocusPolicy(Qt::StrongFocus);
    setAttribute(Qt::WA_OpaquePaintEvent); // paintEvent fills every pixel
    setMinimumSize(160, 120);
    connect(m_image, &CanvasImage::loaded, this, &CropCanvas::onImageLoaded);
    connect(m_image, &CanvasImage::failed, this, &CropCanvas::onImageFailed);
    connect(m_image, &CanvasImage::updated, this, qOverload<>(&QWidget::update));
}

CropCanvas::~CropCanvas() = default;

// --- What is shown -------------------------------------------------------------------------------

void CropCanvas::setDocument(const ImageDocument *document)
{
    if (m_document == document)
        return;
    if (m_document)
        disconnect(m_document, nullptr, this, nullptr);
    cancelDrag();
    m_document = document;
    m_selectedId.clear();
    if (document) {
        const auto repaint = [this] { update(); };
        connect(document, &ImageDocument::cropAdded, this, repaint);
        connect(document, &ImageDocument::cropChanged, this, repaint);
        connect(document, &ImageDocument::cropRemoved, this, &CropCanvas::onCropRemoved);
        connect(document, &ImageDocument::cropsReset, this, [this] {
            if (!m_document)
                return;
            if (m_drag.kind == DragKind::Edit && m_document->indexOf(m_drag.cropId) < 0)
                cancelDrag();
            if (!m_selectedId.isEmpty() && m_document->indexOf(m_selectedId) < 0)
                m_selectedId.clear();
            update();
        });
        connect(document, &ImageDocument::userTurnChanged, this, &CropCanvas::onDocumentTurned);
        const Size shownBefore = m_image->displayedSize();
        m_image->setUserTurn(document->userTurn());
        if (m_image->displayedSize() != shownBefore)
            refit();
    }
    update();
}

const ImageDocument *CropCanvas::document() const
{
    return m_document;
}

void CropCanvas::loadImage(const QString &path)
{
    cancelDrag();
    m_path = path;
    m_fitMode = true;
    m_image->load(path, m_document ? m_document->userTurn() : UserTurn());
    update();
}

void CropCanvas::setImage(const QImage &picture, Size orientedSize)
{
    cancelDrag();
    m_path.clear();
    m_fitMode = true;
    m_image->setUserTurn(m_document ? m_document->userTurn() : UserTurn());
    m_image->setImage(picture, orientedSize);
    update();
}

void CropCanvas::clearImage()
{
    cancelDrag();
    m_path.clear();
    m_image->clear();
    update();
}

bool CropCanvas::hasImage() const
{
    return m_image->isReady();
}

Size CropCanvas::imageSize() const
{
    return m_image->displayedSize();
}

QString CropCanvas::imagePath() const
{
    return m_path;
}

QImage CropCanvas::previewImage() const
{
    return m_image->isReady() ? m_image->preview() : QImage();
}

void CropCanvas::onImageLoaded(Size orientedSize, const QStringList &warnings)
{
    refit();
    update();
    Q_EMIT imageLoaded(m_path, orientedSize, warnings);
}

void CropCanvas::onImageFailed(const QString &reason)
{
    update();
    Q_EMIT imageFailed(m_path, reason);
}

void CropCanvas::onDocumentTurned()
{
    cancelDrag();
    if (m_document)
        m_image->setUserTurn(m_document->userTurn());
    // The picture's shape changed: show all of it again.
    refit();
    update();
}

void CropCanvas::onCropRemoved(const QString &cropId)
{
    if (m_drag.kind == DragKind::Edit && m_drag.cropId == cropId)
        cancelDrag();
    if (m_selectedId == cropId)
        m_selectedId.clear();
    update();
}

// --- Editing state -------------------------------------------------------------------------------

void CropCanvas::setSelectedCropId(const QString &cropId)
{
    if (m_selectedId == cropId)
        return;
    if (m_drag.kind == DragKind::Edit)
        cancelDrag();
    m_selectedId = cropId;
    update();
}

void CropCanvas::setAspect(std::optional<AspectRatio> aspect)
{
    m_aspect = aspect;
    if (isDragging())
        updateDrag(m_drag.lastPos, m_drag.modifiers);
}

void CropCanvas::setMinimumCropSize(Size size)
{
    m_minimumSize = size;
}

void CropCanvas::setGuides(GuideOverlay guides)
{
    if (m_guides == guides)
        return;
    m_guides = guides;
    update();
}

std::optional<Rect> CropCanvas::shownRect(const QString &cropId) const
{
    if (m_drag.kind == DragKind::Edit && m_drag.cropId == cropId)
        return m_drag.current;
    if (!m_document)
        return std::nullopt;
    const auto crop = m_document->crop(cropId);
    return crop ? std::optional<Rect>(crop->rect) : std::nullopt;
}

bool CropCanvas::isDragging() const
{
    return m_drag.kind == DragKind::Draw || m_drag.kind == DragKind::Edit || m_drag.kind == DragKind::Pan;
}

Rect CropCanvas::imageBounds() const
{
    // The document is the authority on the coordinate space of crops.
    if (m_document)
        return Rect::fromSize(m_document->displayedSize());
    return Rect::fromSize(m_image->displayedSize());
}

CropConstraints CropCanvas::constraints(Qt::KeyboardModifiers modifiers) const
{
    CropConstraints c;
    c.bounds = imageBounds();
    c.aspect = m_aspect;
    c.minimumSize = m_minimumSize;
    c.mode = modifiers.testFlag(Qt::ShiftModifier) ? ResizeMode::FromCentre : ResizeMode::FromAnchor;
    return c;
}

// --- View ----------------------------------------------------------------------------------------

double CropCanvas::zoom() const
{
    return m_view.scale() * devicePixelRatioF();
}

void CropCanvas::setView(const ViewTransform &view, bool leaveFitMode)
{
    if (leaveFitMode)
        m_fitMode = false;
    m_idealView = view;
    // Whole device pixels for the image origin: image edges, cached previews and overlay lines
    // then fall on the pixel grid (sharp) and a 1:1 cache blit needs no resampling. Only the shown
    // view is snapped; zoom and pan keep working on the exact one, so rounding never accumulates.
    const double dpr = devicePixelRatioF();
    const ViewTransform snapped(
        view.scale(), { std::round(view.offset().x * dpr) / dpr, std::round(view.offset().y * dpr) / dpr });
    if (snapped == m_view)
        return;
    const bool zoomed = snapped.scale() != m_view.scale();
    m_view = snapped;
    update();
    if (zoomed)
        Q_EMIT zoomChanged(zoom());
}

void CropCanvas::refit()
{
    const Size image = m_image->displayedSize();
    if (image.isEmpty())
        return;
    m_fitMode = true;
    // Snapped here already, so the exact view starts equal to the shown one.
    const ViewTransform fit = ViewTransform::fit(image, { width(), height() }, kFitMargin);
    const double dpr = devicePixelRatioF();
    setView(ViewTransform(fit.scale(),
                { std::round(fit.offset().x * dpr) / dpr, std::round(fit.offset().y * dpr) / dpr }),
        false);
}

void CropCanvas::zoomToFit()
{
    refit();
}

void CropCanvas::zoomToActualSize()
{
    setZoom(1.0);
}

void CropCanvas::zoomIn()
{
    const double current = zoom();
    for (double step : kZoomSteps) {
        if (step > current * 1.001) {
            setZoom(step);
            return;
        }
    }
}

void CropCanvas::zoomOut()
{
    const double current = zoom();
    for (auto it = kZoomSteps.rbegin(); it != kZoomSteps.rend(); ++it) {
        if (*it < current / 1.001) {
            setZoom(*it);
            return;
        }
    }
}

void CropCanvas::setZoom(double zoom, QPointF anchor)
{
    if (!m_image->isReady())
        return;
    setView(m_idealView.zoomedAt(toPointF(anchor), zoom / devicePixelRatioF()), true);
}

void CropCanvas::setZoom(double zoom)
{
    setZoom(zoom, QPointF(width() / 2.0, height() / 2.0));
}

QRectF CropCanvas::imageOnCanvas() const
{
    return toQRectF(m_view.imageToCanvas(Rect::fromSize(m_image->displayedSize())));
}

// --- Painting ------------------------------------------------------------------------------------

void CropCanvas::paintEvent(QPaintEvent *event)
{
    QPainter painter(this);
    const QRectF viewport = rect();

    if (!m_image->isReady()) {
        painter.fillRect(event->rect(), kBackground);
        switch (m_image->state()) {
        case CanvasImage::State::Loading:
            break; // a blank canvas for the fraction of a second a preview takes
        case CanvasImage::State::Failed:
            overlay::paintEmptyState(painter, viewport, tr("Cannot show this image"), m_image->errorString());
            break;
        case CanvasImage::State::Empty:
        case CanvasImage::State::Ready:
            overlay::paintEmptyState(
                painter, viewport, tr("Open a photo or a folder"), tr("or drag it here"));
            break;
        }
        return;
    }

    // The background only around an opaque picture: filling under it too costs a full-screen fill
    // per frame while panning.
    QRegion background(event->rect());
    if (!m_image->hasAlpha()) {
        const QRectF shown = imageOnCanvas();
        const QPoint topLeft(int(std::ceil(shown.left())), int(std::ceil(shown.top())));
        const QPoint bottomRight(int(std::floor(shown.right())), int(std::floor(shown.bottom())));
        background -= QRect(topLeft, bottomRight - QPoint(1, 1));
    }
    for (const QRect &r : background)
        painter.fillRect(r, kBackground);
    m_image->paint(painter, m_view, QRectF(event->rect()));

    const double dpr = devicePixelRatioF();
    const QRectF image = overlay::snapToDevice(imageOnCanvas(), dpr);
    const auto onCanvas
        = [&](const Rect &r) { return overlay::snapToDevice(toQRectF(m_view.imageToCanvas(r)), dpr); };

    // The crop in focus: the one being drawn, else the selected one (live while dragged).
    std::optional<Rect> focus;
    QString focusId;
    if (m_drag.kind == DragKind::Draw) {
        focus = m_drag.current;
    } else if (!m_selectedId.isEmpty()) {
        focus = shownRect(m_selectedId);
        focusId = m_selectedId;
    }
    const bool active = m_drag.kind == DragKind::Draw || m_drag.kind == DragKind::Edit;

    paintLayers(painter, image, int(CanvasLayer::Depth::UnderDimming));
    QList<Crop> crops = m_document ? m_document->crops() : QList<Crop>();
    if (focus) {
        overlay::paintDimming(painter, image, { onCanvas(*focus) }, overlay::DimStrength::Focus);
    } else if (!crops.isEmpty()) {
        QList<QRectF> clear;
        for (const Crop &crop : crops)
            clear.append(onCanvas(crop.rect));
        overlay::paintDimming(painter, image, clear, overlay::DimStrength::Soft);
    }
    paintLayers(painter, image, int(CanvasLayer::Depth::OverDimming));

    const auto caption = [](const Crop &crop) {
        return crop.label.isEmpty() ? crop.name : crop.name + QStringLiteral(" \u00b7 ") + crop.label;
    };
    painter.save();
    if (focus) {
        // Other crops' captions and full frames stay out of the one in focus: its composition is
        // what the user judges.
        QPainterPath outsideFocus;
        outsideFocus.addRect(viewport);
        QPainterPath focusArea;
        focusArea.addRect(onCanvas(*focus));
        painter.setClipPath(outsideFocus.subtracted(focusArea), Qt::IntersectClip);
    }
    for (const Crop &crop : crops) {
        if (crop.id == focusId)
            continue;
        const QRectF r = onCanvas(crop.rect);
        const QColor labelColour = m_labelColours.value(crop.label);
        overlay::paintFrame(painter, r, overlay::FrameStyle::Other, dpr, labelColour);
        overlay::paintCaption(painter, r, caption(crop), overlay::FrameStyle::Other, viewport, labelColour);
    }
    painter.restore();
    if (focus) {
        // Inside it they stay as faint frames, without captions: the composition still reads, and
        // smaller crops nested in it (a face inside a portrait) do not vanish while it is selected.
        painter.save();
        painter.setClipRect(onCanvas(*focus), Qt::IntersectClip);
        painter.setOpacity(0.35);
        for (const Crop &crop : crops) {
            if (crop.id != focusId)
                overlay::paintFrame(painter, onCanvas(crop.rect), overlay::FrameStyle::Other, dpr,
                    m_labelColours.value(crop.label));
        }
        painter.restore();
    }

    if (focus) {
        const QRectF r = onCanvas(*focus);
        const auto style = active ? overlay::FrameStyle::Active : overlay::FrameStyle::Selected;
        overlay::paintGuides(painter, r, m_guides, style, dpr);
        overlay::paintFrame(painter, r, style, dpr);
        if (!active)
            overlay::paintHandles(painter, r, dpr);
        if (!focusId.isEmpty() && m_document) {
            if (const auto crop = m_document->crop(focusId))
                overlay::paintCaption(
                    painter, r, caption(*crop), style, viewport, m_labelColours.value(crop->label));
        }
        overlay::paintReadout(painter, r, overlay::readoutText(focus->size(), m_aspect), viewport);
    }
}

void CropCanvas::setLabelColours(const QHash<QString, QColor> &colours)
{
    m_labelColours = colours;
    update();
}

void CropCanvas::addLayer(CanvasLayer *layer)
{
    m_layers.append(layer);
    connect(layer, &CanvasLayer::changed, this, qOverload<>(&QWidget::update));
    connect(layer, &QObject::destroyed, this, qOverload<>(&QWidget::update));
    update();
}

void CropCanvas::paintLayers(QPainter &painter, const QRectF &image, int depth) const
{
    for (const QPointer<CanvasLayer> &layer : m_layers) {
        if (!layer || !layer->isVisible() || int(layer->depth()) != depth)
            continue;
        painter.save();
        layer->paint(painter, m_view, image);
        painter.restore();
    }
}

void CropCanvas::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    if (m_fitMode)
        refit();
}

void CropCanvas::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    // Moved to a screen with another pixel ratio: re-snap the view to the new device grid.
    if (event->type() == QEvent::ScreenChangeInternal) {
        if (m_fitMode)
            refit();
        else
            setView(m_idealView, false);
        Q_EMIT zoomChanged(zoom());
    }
}

// --- Mouse ---------------------------------------------------------------------------------------

QString CropCanvas::cropAt(QPointF pos) const
{
    if (!m_document)
        return {};
    const PointF p = toPointF(pos);
    const QList<Crop> &crops = m_document->crops();
    // Topmost first: later crops are painted over earlier ones.
    for (auto it = crops.crbegin(); it != crops.crend(); ++it) {
        const RectF r = m_view.imageToCanvas(it->rect);
        if (p.x >= r.x && p.x < r.rightEdge() && p.y >= r.y && p.y < r.bottomEdge())
            return it->id;
    }
    return {};
}

Handle CropCanvas::handleAt(QPointF pos) const
{
    if (m_selectedId.isEmpty())
        return Handle::None;
    const auto rect = shownRect(m_selectedId);
    if (!rect)
        return Handle::None;
    return hitTest(m_view.imageToCanvas(*rect), toPointF(pos), kHandleTolerance);
}

void CropCanvas::mousePressEvent(QMouseEvent *event)
{
    setFocus(Qt::MouseFocusReason);
    if (isDragging() || m_drag.kind == DragKind::Pending) {
        event->accept(); // a second button during a drag changes nothing
        return;
    }
    const QPointF pos = event->position();
    const bool pan
        = event->button() == Qt::MiddleButton || (event->button() == Qt::LeftButton && m_spaceHeld);
    if (!m_image->isReady() || (!pan && event->button() != Qt::LeftButton)) {
        event->ignore();
        return;
    }

    m_drag = Drag();
    m_drag.button = event->button();
    m_drag.pressPos = pos;
    m_drag.lastPos = pos;
    m_drag.modifiers = event->modifiers();
    if (pan) {
        m_spacePanned = m_spaceHeld;
        m_drag.kind = DragKind::Pan;
        m_drag.viewAtPress = m_idealView;
        setCursor(Qt::ClosedHandCursor);
        event->accept();
        return;
    }

    m_drag.kind = DragKind::Pending;
    const Handle handle = handleAt(pos);
    if (handle != Handle::None) {
        m_drag.handle = handle;
        m_drag.cropId = m_selectedId;
    } else if (const QString id = cropAt(pos); !id.isEmpty()) {
        // A press on another crop selects it at once; dragging on moves it.
        m_drag.handle = Handle::Move;
        m_drag.cropId = id;
        if (id != m_selectedId) {
            m_selectedId = id;
            update();
            Q_EMIT cropSelected(id);
        }
    } else {
        // Empty space: draw a new crop (or, for a plain click, clear the selection).
        m_drag.handle = Handle::None;
        m_drag.pressImagePixel = m_view.canvasToImagePixel(toPointF(pos));
    }
    if (!m_drag.cropId.isEmpty()) {
        const auto rect = shownRect(m_drag.cropId);
        if (!rect) {
            m_drag = Drag();
            event->ignore();
            return;
        }
        m_drag.atPress = *rect;
        m_drag.current = *rect;
    }
    event->accept();
}

void CropCanvas::mouseMoveEvent(QMouseEvent *event)
{
    const QPointF pos = event->position();
    if (m_image->isReady()) {
        const PointF p = m_view.canvasToImage(toPointF(pos));
        const Size size = m_image->displayedSize();
        if (p.x >= 0 && p.y >= 0 && p.x < size.width && p.y < size.height) {
            Q_EMIT hoverPositionChanged(Point { int(std::floor(p.x)), int(std::floor(p.y)) });
            m_hoverInside = true;
        } else if (m_hoverInside) {
            m_hoverInside = false;
            Q_EMIT hoverLeft();
        }
    }

    if (m_drag.kind == DragKind::None) {
        updateCursor(pos);
        return;
    }
    // Ignore stray moves without our button (e.g. the release went to another window).
    if (!(event->buttons() & m_drag.button)) {
        if (m_drag.kind == DragKind::Pending)
            m_drag = Drag();
        return;
    }
    if (m_drag.kind == DragKind::Pending) {
        const QPointF d = pos - m_drag.pressPos;
        if (std::max(std::abs(d.x()), std::abs(d.y())) < kDragThreshold)
            return;
        m_drag.kind = m_drag.cropId.isEmpty() ? DragKind::Draw : DragKind::Edit;
        setCursor(m_drag.kind == DragKind::Draw ? Qt::CrossCursor : cursorFor(m_drag.handle));
    }
    updateDrag(pos, event->modifiers());
    event->accept();
}

void CropCanvas::updateDrag(QPointF pos, Qt::KeyboardModifiers modifiers)
{
    m_drag.lastPos = pos;
    m_drag.modifiers = modifiers;
    switch (m_drag.kind) {
    case DragKind::None:
    case DragKind::Pending:
        return;
    case DragKind::Pan:
        setView(m_drag.viewAtPress.panned(toPointF(pos - m_drag.pressPos)), true);
        return;
    case DragKind::Draw:
        // Snapshot + total offset: recomputed from the press point every time, so nothing drifts.
        m_drag.current = drawRect(
            m_drag.pressImagePixel, m_view.canvasToImagePixel(toPointF(pos)), constraints(modifiers));
        break;
    case DragKind::Edit:
        m_drag.current = dragHandle(m_drag.handle, m_drag.atPress,
            m_view.canvasDeltaToImage(toPointF(pos - m_drag.pressPos)), constraints(modifiers));
        break;
    }
    update();
    Q_EMIT dragPreviewChanged(m_drag.kind == DragKind::Edit ? m_drag.cropId : QString(), m_drag.current);
}

void CropCanvas::mouseReleaseEvent(QMouseEvent *event)
{
    if (m_drag.kind == DragKind::None || event->button() != m_drag.button) {
        event->ignore();
        return;
    }
    const Drag drag = m_drag;
    m_drag = Drag(); // finished before anyone reacts to the signals below
    update();
    updateCursor(event->position());
    event->accept();

    switch (drag.kind) {
    case DragKind::None:
    case DragKind::Pan:
        return;
    case DragKind::Pending:
        // A click. On empty space it clears the selection; on a crop it already selected it.
        if (drag.cropId.isEmpty() && !m_selectedId.isEmpty()) {
            m_selectedId.clear();
            Q_EMIT cropSelected(QString());
        }
        return;
    case DragKind::Draw:
        Q_EMIT dragFinished();
        if (!drag.current.isEmpty())
            Q_EMIT cropDrawn(drag.current);
        return;
    case DragKind::Edit:
        Q_EMIT dragFinished();
        if (drag.current != drag.atPress)
            Q_EMIT cropEditRequested(drag.cropId, drag.current,
                drag.handle == Handle::Move ? CropEditKind::Move : CropEditKind::Resize);
        return;
    }
}

void CropCanvas::cancelDrag()
{
    const DragKind kind = m_drag.kind;
    if (kind == DragKind::None)
        return;
    if (kind == DragKind::Pan)
        setView(m_drag.viewAtPress, false);
    m_drag = Drag();
    update();
    if (kind == DragKind::Draw || kind == DragKind::Edit)
        Q_EMIT dragFinished();
}

void CropCanvas::updateCursor(QPointF pos)
{
    if (m_spaceHeld) {
        setCursor(Qt::OpenHandCursor);
        return;
    }
    if (!m_image->isReady()) {
        unsetCursor();
        return;
    }
    const Handle handle = handleAt(pos);
    if (handle != Handle::None) {
        setCursor(cursorFor(handle));
        return;
    }
    setCursor(cropAt(pos).isEmpty() ? Qt::CrossCursor : Qt::SizeAllCursor);
}

void CropCanvas::wheelEvent(QWheelEvent *event)
{
    if (!m_image->isReady()) {
        event->ignore();
        return;
    }
    const QPoint angle = event->angleDelta();
    const bool touchpad = !event->pixelDelta().isNull() || event->phase() != Qt::NoScrollPhase;
    if (touchpad && !event->modifiers().testFlag(Qt::ControlModifier)) {
        // Two fingers on a touchpad scroll the view (pinch or Ctrl zooms), as in photo tools.
        const QPoint pixels = event->pixelDelta().isNull() ? angle / 4 : event->pixelDelta();
        setView(m_idealView.panned({ double(pixels.x()), double(pixels.y()) }), true);
    } else if (angle.y() == 0 && angle.x() != 0) {
        // A sideways wheel or tilt: pan horizontally.
        setView(m_idealView.panned({ angle.x() / 2.0, 0 }), true);
    } else if (angle.y() != 0) {
        // 120 units = one notch = 1.25x; smooth wheels send smaller steps and zoom smoothly.
        const double factor = std::pow(1.25, angle.y() / 120.0);
        setView(m_idealView.zoomedAt(toPointF(event->position()), m_idealView.scale() * factor), true);
        if (m_drag.kind == DragKind::Draw || m_drag.kind == DragKind::Edit)
            updateDrag(m_drag.lastPos, m_drag.modifiers);
    }
    event->accept();
}

void CropCanvas::leaveEvent(QEvent *event)
{
    QWidget::leaveEvent(event);
    if (m_hoverInside) {
        m_hoverInside = false;
        Q_EMIT hoverLeft();
    }
}

// --- Keyboard ------------------------------------------------------------------------------------

bool CropCanvas::event(QEvent *event)
{
    // Claim our keys before window shortcuts see them (e.g. a menu action on Delete), but only
    // when they mean something here; otherwise the shortcut runs as usual.
    if (event->type() == QEvent::NativeGesture && m_image->isReady()) {
        auto *gesture = static_cast<QNativeGestureEvent *>(event);
        if (gesture->gestureType() == Qt::ZoomNativeGesture) {
            setView(m_idealView.zoomedAt(
                        toPointF(gesture->position()), m_idealView.scale() * (1.0 + gesture->value())),
                true);
            return true;
        }
    }
    if (event->type() == QEvent::ShortcutOverride) {
        auto *key = static_cast<QKeyEvent *>(event);
        if (wantsKey(key)) {
            event->accept();
            return true;
        }
    }
    return QWidget::event(event);
}

bool CropCanvas::wantsKey(const QKeyEvent *event) const
{
    const Qt::KeyboardModifiers mods = event->modifiers() & ~(Qt::KeypadModifier | Qt::ShiftModifier);
    switch (event->key()) {
    case Qt::Key_Escape:
        return m_drag.kind == DragKind::Draw || m_drag.kind == DragKind::Edit || m_drag.kind == DragKind::Pan;
    case Qt::Key_Space: // hold to pan, tap for spaceTapped(): never a window shortcut while focused
        return mods == Qt::NoModifier;
    case Qt::Key_Left:
    case Qt::Key_Right:
    case Qt::Key_Up:
    case Qt::Key_Down:
    case Qt::Key_Delete:
    case Qt::Key_Backspace:
        return mods == Qt::NoModifier && !m_selectedId.isEmpty() && !isDragging() && m_document
            && m_document->indexOf(m_selectedId) >= 0;
    default:
        return false;
    }
}

void CropCanvas::keyPressEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Space) {
        if (!event->isAutoRepeat()) {
            m_spaceHeld = true;
            m_spacePanned = false;
            if (m_drag.kind == DragKind::None)
                setCursor(Qt::OpenHandCursor);
        }
        event->accept();
        return;
    }
    if (event->key() == Qt::Key_Shift && (m_drag.kind == DragKind::Draw || m_drag.kind == DragKind::Edit)) {
        updateDrag(m_drag.lastPos, event->modifiers() | Qt::ShiftModifier);
        event->accept();
        return;
    }
    if (!wantsKey(event)) {
        event->ignore(); // let the parent (next image, window shortcuts...) have it
        return;
    }
    const int step = event->modifiers().testFlag(Qt::ShiftModifier) ? kBigNudgeStep : kNudgeStep;
    switch (event->key()) {
    case Qt::Key_Escape:
        cancelDrag();
        break;
    case Qt::Key_Left:
        nudge({ -step, 0 });
        break;
    case Qt::Key_Right:
        nudge({ step, 0 });
        break;
    case Qt::Key_Up:
        nudge({ 0, -step });
        break;
    case Qt::Key_Down:
        nudge({ 0, step });
        break;
    case Qt::Key_Delete:
    case Qt::Key_Backspace:
        Q_EMIT cropDeleteRequested(m_selectedId);
        break;
    default:
        break;
    }
    event->accept();
}

void CropCanvas::keyReleaseEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Space && !event->isAutoRepeat()) {
        const bool tapped = m_spaceHeld && !m_spacePanned && m_drag.kind == DragKind::None;
        m_spaceHeld = false;
        if (m_drag.kind == DragKind::None)
            updateCursor(mapFromGlobal(QCursor::pos()));
        event->accept();
        if (tapped)
            Q_EMIT spaceTapped();
        return;
    }
    if (event->key() == Qt::Key_Shift && (m_drag.kind == DragKind::Draw || m_drag.kind == DragKind::Edit)) {
        updateDrag(m_drag.lastPos, event->modifiers() & ~Qt::ShiftModifier);
        event->accept();
        return;
    }
    QWidget::keyReleaseEvent(event);
}

void CropCanvas::focusOutEvent(QFocusEvent *event)
{
    QWidget::focusOutEvent(event);
    m_spaceHeld = false; // the release may go to another widget
}

void CropCanvas::nudge(Point delta)
{
    const auto rect = shownRect(m_selectedId);
    if (!rect)
        return;
    const Rect moved = nudged(*rect, delta, imageBounds());
    if (moved != *rect)
        Q_EMIT cropEditRequested(m_selectedId, moved, CropEditKind::Nudge);
}

} // namespace cropwise
