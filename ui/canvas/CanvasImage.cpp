#include "ui/canvas/CanvasImage.h"

#include "core/io/ImageDecoder.h"
#include "ui/ImageConversion.h"

#include <QCoreApplication>
#include <QGuiApplication>
#include <QPainter>
#include <QScreen>
#include <QTransform>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <memory>

namespace cropwise {

namespace {

// Mip levels stop here: below this the zoom cache (or the smallest level) is cheap anyway.
constexpr int kSmallestMipLongSide = 256;
// How long the zoom has to stay put before the exact-scale cache is rebuilt (ms).
constexpr int kZoomCacheDelayMs = 60;

QImage turned(const QImage &image, UserTurn turn)
{
    if (turn.isIdentity() || image.isNull())
        return image;
    // Replays UserTurn::steps(): mirror first, then clockwise quarter turns.
    QImage out = turn.isMirrored() ? image.mirrored(true, false) : image;
    switch (turn.clockwiseDegrees()) {
    case 90:
        out = out.transformed(QTransform().rotate(90));
        break;
    case 180:
        out = out.mirrored(true, true);
        break;
    case 270:
        out = out.transformed(QTransform().rotate(270));
        break;
    default:
        break;
    }
    return out;
}

std::vector<QImage> buildMips(const QImage &preview)
{
    std::vector<QImage> mips;
    QImage level = preview;
    while (std::max(level.width(), level.height()) / 2 >= kSmallestMipLongSide) {
        level = level.scaled(std::max(1, level.width() / 2), std::max(1, level.height() / 2),
            Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
        mips.push_back(level);
    }
    return mips;
}

struct DecodeResult
{
    QImage oriented; // display-ready, EXIF applied
    QImage turned; // oriented with the requested user turn
    std::vector<QImage> mips;
    Size orientedSize;
    QStringList warnings;
    QString error;
};

// Runs in a worker: values in, values out. `latest` is the only shared state: the canvas's current
// generation, read atomically, so a decode queued behind a fast user's next image is skipped
// instead of delaying it (browsing 20 images quickly must not decode 20 images).
DecodeResult decodeForDisplay(const QString &path, int maxLongSide, UserTurn turn, bool withMips,
    std::shared_ptr<const std::atomic<quint64>> latest, quint64 generation)
{
    DecodeResult result;
    if (latest->load() != generation) {
        result.error = QStringLiteral("superseded");
        return result;
    }
    DecodeOptions options;
    options.maxLongSide = maxLongSide;
    const DecodedImage decoded = decodeImage(path, options);
    if (!decoded.ok()) {
        result.error = decoded.error.isEmpty()
            ? QCoreApplication::translate("CanvasImage", "the image holds no pixels")
            : decoded.error;
        return result;
    }
    if (latest->load() != generation) {
        result.error = QStringLiteral("superseded");
        return result;
    }
    result.oriented = toDisplayImage(decoded.pixels, decoded.iccProfile);
    if (result.oriented.isNull()) {
        result.error = QCoreApplication::translate("CanvasImage", "not enough memory to display the image");
        return result;
    }
    result.turned = turned(result.oriented, turn);
    if (withMips)
        result.mips = buildMips(result.turned);
    result.orientedSize = decoded.fullSize;
    result.warnings = decoded.warnings;
    return result;
}

// The integer pixel rect of an image of size imageSize (level pixels) covering the image region
// `region` (level pixels, fractional), clamped to the image.
QRect coveringPixels(const QRectF &region, QSize imageSize)
{
    const int left = std::max(0, int(std::floor(region.left())));
    const int top = std::max(0, int(std::floor(region.top())));
    const int right = std::min(imageSize.width(), int(std::ceil(region.right())));
    const int bottom = std::min(imageSize.height(), int(std::ceil(region.bottom())));
    return QRect(left, top, std::max(0, right - left), std::max(0, bottom - top));
}

QRectF toQRectF(const RectF &r)
{
    return QRectF(r.x, r.y, r.width, r.height);
}

const QBrush &checkerBrush()
{
    static const QBrush brush = [] {
        QImage tile(16, 16, QImage::Format_RGB32);
        QPainter p(&tile);
        p.fillRect(0, 0, 16, 16, QColor(0x9a, 0x9a, 0x9a));
        p.fillRect(0, 0, 8, 8, QColor(0x6e, 0x6e, 0x6e));
        p.fillRect(8, 8, 8, 8, QColor(0x6e, 0x6e, 0x6e));
        return QBrush(tile);
    }();
    return brush;
}

} // namespace

CanvasImage::CanvasImage(QObject *parent)
    : QObject(parent)
    , m_latest(std::make_shared<std::atomic<quint64>>(0))
{
    m_zoomCacheTimer.setSingleShot(true);
    m_zoomCacheTimer.setInterval(kZoomCacheDelayMs);
    connect(&m_zoomCacheTimer, &QTimer::timeout, this, [this] { requestZoomCache(m_wantedCacheScale); });
}

CanvasImage::~CanvasImage() = default;

int CanvasImage::previewLongSide()
{
    int longest = 0;
    if (qGuiApp) {
        for (const QScreen *screen : QGuiApplication::screens()) {
            const QSize s = screen->size() * screen->devicePixelRatio();
            longest = std::max({ longest, s.width(), s.height() });
        }
    }
    return std::clamp(longest, 2048, 4096);
}

void CanvasImage::resetPixels()
{
    m_orientedPreview = QImage();
    m_preview = QImage();
    m_mips.clear();
    m_fullState = FullState::None;
    m_orientedFull = QImage();
    m_full = QImage();
    m_zoomCache = QImage();
    m_zoomCacheScale = 0;
    m_wantedCacheScale = 0;
    m_zoomCacheTimer.stop();
}

void CanvasImage::nextGeneration()
{
    m_latest->store(++m_generation);
}

void CanvasImage::load(const QString &path, UserTurn turn)
{
    nextGeneration();
    resetPixels();
    m_path = path;
    m_error.clear();
    m_orientedSize = {};
    m_turn = turn;
    m_state = State::Loading;

    const quint64 generation = m_generation;
    auto *watcher = new QFutureWatcher<DecodeResult>(this);
    connect(watcher, &QFutureWatcher<DecodeResult>::finished, this, [this, watcher, generation, turn] {
        watcher->deleteLater();
        if (generation != m_generation)
            return; // superseded by another load/clear
        DecodeResult result = watcher->result();
        if (!result.error.isEmpty()) {
            m_state = State::Failed;
            m_error = result.error;
            Q_EMIT failed(m_error);
            return;
        }
        m_orientedPreview = result.oriented;
        m_orientedSize = result.orientedSize;
        if (turn == m_turn) {
            m_preview = result.turned;
            m_mips = std::move(result.mips);
        } else {
            rebuildTurned();
        }
        m_state = State::Ready;
        // A preview that already has every pixel needs no second decode.
        if (m_orientedPreview.size() == QSize(m_orientedSize.width, m_orientedSize.height)) {
            m_fullState = FullState::Ready;
            m_orientedFull = m_orientedPreview;
            m_full = m_preview;
        }
        Q_EMIT loaded(m_orientedSize, result.warnings);
    });
    watcher->setFuture(QtConcurrent::run(decodeForDisplay, path, previewLongSide(), turn, true,
        std::shared_ptr<const std::atomic<quint64>>(m_latest), generation));
}

void CanvasImage::setImage(const QImage &picture, Size orientedSize)
{
    nextGeneration();
    resetPixels();
    m_path.clear();
    m_error.clear();
    if (picture.isNull() || orientedSize.isEmpty()) {
        m_state = State::Empty;
        m_orientedSize = {};
        return;
    }
    m_orientedSize = orientedSize;
    const bool alpha = picture.hasAlphaChannel();
    m_orientedPreview
        = picture.convertToFormat(alpha ? QImage::Format_ARGB32_Premultiplied : QImage::Format_RGB32);
    rebuildTurned();
    m_state = State::Ready;
    if (m_orientedPreview.size() == QSize(orientedSize.width, orientedSize.height)) {
        m_fullState = FullState::Ready;
        m_orientedFull = m_orientedPreview;
        m_full = m_preview;
    }
    Q_EMIT loaded(m_orientedSize, {});
}

void CanvasImage::clear()
{
    nextGeneration();
    resetPixels();
    m_path.clear();
    m_error.clear();
    m_orientedSize = {};
    m_turn = {};
    m_state = State::Empty;
}

void CanvasImage::setUserTurn(UserTurn turn)
{
    if (turn == m_turn)
        return;
    m_turn = turn;
    if (m_state != State::Ready)
        return; // a running load applies m_turn when it lands
    rebuildTurned();
    Q_EMIT updated();
}

void CanvasImage::rebuildTurned()
{
    m_preview = turned(m_orientedPreview, m_turn);
    m_mips = buildMips(m_preview);
    m_zoomCache = QImage();
    m_zoomCacheScale = 0;
    if (m_fullState != FullState::Ready)
        return;
    if (m_orientedFull.cacheKey() == m_orientedPreview.cacheKey()) {
        m_full = m_preview; // the preview is the full image
        return;
    }
    // Turning 24 MP takes a noticeable moment: do it in the background, paint the preview meanwhile.
    m_full = QImage();
    const quint64 generation = m_generation;
    const UserTurn turn = m_turn;
    auto *watcher = new QFutureWatcher<QImage>(this);
    connect(watcher, &QFutureWatcher<QImage>::finished, this, [this, watcher, generation, turn] {
        watcher->deleteLater();
        if (generation != m_generation || turn != m_turn)
            return;
        m_full = watcher->result();
        Q_EMIT updated();
    });
    watcher->setFuture(QtConcurrent::run([image = m_orientedFull, turn] { return turned(image, turn); }));
}

Size CanvasImage::displayedSize() const
{
    return m_state == State::Ready ? m_turn.apply(m_orientedSize) : Size {};
}

bool CanvasImage::hasAlpha() const
{
    return m_preview.hasAlphaChannel();
}

double CanvasImage::previewScale() const
{
    const Size size = displayedSize();
    return size.isEmpty() || m_preview.isNull() ? 1.0 : double(m_preview.width()) / size.width;
}

bool CanvasImage::hasFullResolution() const
{
    return m_fullState == FullState::Ready && !m_full.isNull();
}

void CanvasImage::requestFullResolution()
{
    if (m_fullState != FullState::None || m_path.isEmpty() || m_state != State::Ready)
        return;
    m_fullState = FullState::Decoding;
    const quint64 generation = m_generation;
    const UserTurn turn = m_turn;
    auto *watcher = new QFutureWatcher<DecodeResult>(this);
    connect(watcher, &QFutureWatcher<DecodeResult>::finished, this, [this, watcher, generation, turn] {
        watcher->deleteLater();
        if (generation != m_generation)
            return;
        const DecodeResult result = watcher->result();
        if (!result.error.isEmpty()) {
            // The preview decoded, so this is rare (e.g. out of memory): keep painting the preview.
            m_fullState = FullState::Failed;
            return;
        }
        m_fullState = FullState::Ready;
        m_orientedFull = result.oriented;
        if (turn == m_turn) {
            m_full = result.turned;
            Q_EMIT updated();
        } else {
            m_full = QImage();
            rebuildTurned(); // the user turned meanwhile; turns the full image again in background
        }
    });
    watcher->setFuture(QtConcurrent::run(decodeForDisplay, m_path, 0, turn, false,
        std::shared_ptr<const std::atomic<quint64>>(m_latest), generation));
}

void CanvasImage::requestZoomCache(double deviceScale)
{
    m_wantedCacheScale = deviceScale;
    if (m_zoomCacheBusy || m_preview.isNull() || std::abs(m_zoomCacheScale - deviceScale) < 1e-9)
        return;
    const Size size = displayedSize();
    const QSize target(std::max(1, int(std::lround(size.width * deviceScale))),
        std::max(1, int(std::lround(size.height * deviceScale))));
    m_zoomCacheBusy = true;
    const quint64 generation = m_generation;
    const qint64 previewKey = m_preview.cacheKey();
    auto *watcher = new QFutureWatcher<QImage>(this);
    connect(watcher, &QFutureWatcher<QImage>::finished, this,
        [this, watcher, generation, previewKey, deviceScale] {
            watcher->deleteLater();
            m_zoomCacheBusy = false;
            if (generation != m_generation || previewKey != m_preview.cacheKey())
                return; // another image or turn; a later paint asks again
            m_zoomCache = watcher->result();
            m_zoomCacheScale = deviceScale;
            if (std::abs(m_wantedCacheScale - deviceScale) > 1e-9 && m_wantedCacheScale > 0)
                m_zoomCacheTimer.start(); // the zoom moved on while we worked
            Q_EMIT updated();
        });
    // Smooth QImage::scaled averages whole areas when shrinking: the best quality for a still view.
    watcher->setFuture(QtConcurrent::run([preview = m_preview, target] {
        return preview.scaled(target, Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
    }));
}

const QImage &CanvasImage::mipFor(double deviceScale, double *levelScale) const
{
    // The smallest level that still has at least as many pixels as the screen shows: shrinking it
    // on the fly is then at most 2x, where bilinear filtering does not alias.
    const double base = previewScale();
    const QImage *best = &m_preview;
    double bestScale = base;
    for (const QImage &level : m_mips) {
        const double s = base * double(level.width()) / double(m_preview.width());
        if (s + 1e-9 < deviceScale)
            break;
        best = &level;
        bestScale = s;
    }
    *levelScale = bestScale;
    return *best;
}

void CanvasImage::paint(QPainter &painter, const ViewTransform &view, const QRectF &exposed)
{
    if (m_state != State::Ready || m_preview.isNull())
        return;
    const Size size = displayedSize();
    const QRectF imageOnCanvas = toQRectF(view.imageToCanvas(Rect::fromSize(size)));
    const QRectF visible = imageOnCanvas.intersected(exposed);
    if (visible.isEmpty())
        return;

    painter.save();
    if (hasAlpha())
        painter.fillRect(visible, checkerBrush());

    const double dpr = painter.device() ? painter.device()->devicePixelRatioF() : 1.0;
    const double deviceScale = view.scale() * dpr; // device px per displayed-image px
    const RectF visibleImage
        = view.canvasToImage(RectF { visible.x(), visible.y(), visible.width(), visible.height() });
    const QRectF visibleInImage(visibleImage.x, visibleImage.y, visibleImage.width, visibleImage.height);

    // Draws the pixels of `image` (whose pixels are `levelScale` per displayed-image pixel) that
    // cover the visible region, mapped exactly through the view.
    const auto drawLevel = [&](const QImage &image, double levelScale, bool smooth) {
        const QRectF regionInLevel(visibleInImage.x() * levelScale, visibleInImage.y() * levelScale,
            visibleInImage.width() * levelScale, visibleInImage.height() * levelScale);
        const QRect source = coveringPixels(regionInLevel, image.size());
        if (source.isEmpty())
            return;
        const QRectF target(view.imageToCanvas(PointF { source.x() / levelScale, source.y() / levelScale }).x,
            view.imageToCanvas(PointF { source.x() / levelScale, source.y() / levelScale }).y,
            source.width() / levelScale * view.scale(), source.height() / levelScale * view.scale());
        painter.setRenderHint(QPainter::SmoothPixmapTransform, smooth);
        painter.drawImage(target, image, QRectF(source));
    };

    const double base = previewScale();
    if (deviceScale > base * 1.0001) {
        // More detail on screen than the preview holds: the full-resolution pixels, when we have them.
        requestFullResolution();
        if (hasFullResolution()) {
            // At 100 % and above show real pixels (no blur when pixel peeping); below, filter.
            drawLevel(m_full, 1.0, deviceScale < 0.999);
        } else {
            drawLevel(m_preview, base, true);
        }
    } else if (!m_zoomCache.isNull() && std::abs(m_zoomCacheScale - deviceScale) < 1e-9) {
        // The cache is the whole image at exactly this zoom: a 1:1 blit of the visible part.
        m_zoomCache.setDevicePixelRatio(dpr);
        const QRectF regionInCache((visible.x() - imageOnCanvas.x()) * dpr,
            (visible.y() - imageOnCanvas.y()) * dpr, visible.width() * dpr, visible.height() * dpr);
        const QRect source = coveringPixels(regionInCache, m_zoomCache.size());
        const QPointF topLeft(imageOnCanvas.x() + source.x() / dpr, imageOnCanvas.y() + source.y() / dpr);
        painter.setRenderHint(QPainter::SmoothPixmapTransform, false);
        painter.drawImage(topLeft, m_zoomCache, QRectF(source));
    } else {
        double levelScale = base;
        const QImage &level = mipFor(deviceScale, &levelScale);
        drawLevel(level, levelScale, true);
        m_wantedCacheScale = deviceScale;
        m_zoomCacheTimer.start();
    }
    painter.restore();
}

} // namespace cropwise
