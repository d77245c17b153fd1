#pragma once

// The pixels the crop canvas paints, and how they get there fast.
//
// Loading: load(path) decodes a reduced PREVIEW (long side about the screen's, see
// previewLongSide()) in the background through the one decoder (core/io/ImageDecoder.h), converts
// it to sRGB honouring an embedded ICC profile (toDisplayImage) and emits loaded() or failed().
// Painting: paint() draws only the part of the image inside the exposed canvas rect, from
//  - a cached copy of the preview scaled to exactly the current zoom (device pixels, rebuilt in
//    the background when the zoom settles), so panning is a plain 1:1 blit;
//  - until that cache matches, the nearest of a few pre-halved copies of the preview (mip levels),
//    with smooth filtering (never more than 2x downscale per paint, so no aliasing);
//  - when the zoom shows more detail than the preview holds (e.g. 100 % on a 24 MP photo), the
//    full-resolution image, decoded lazily in the background on first need; until it arrives the
//    preview is painted upscaled.
// The user's turn (rotate/flip, ImageDocument::userTurn()) is applied to every copy, so all
// painting happens in displayed-image pixels, the coordinate space of crops.
//
// Thread: a GUI-thread QObject. Workers receive copies of values (path, QImage, sizes) and return
// values through QFutureWatcher; results that arrive for an older image or turn are dropped
// (a generation counter), so a fast user never sees the wrong picture.

#include "core/geometry/Rect.h"
#include "core/geometry/ViewTransform.h"
#include "core/model/UserTurn.h"

#include <QFutureWatcher>
#include <QImage>
#include <QObject>
#include <QRectF>
#include <QString>
#include <QStringList>
#include <QTimer>

#include <atomic>
#include <memory>
#include <vector>

class QPainter;

namespace cropwise {

class CanvasImage : public QObject
{
    Q_OBJECT

public:
    enum class State { Empty, Loading, Ready, Failed };

    explicit CanvasImage(QObject *parent = nullptr);
    ~CanvasImage() override;

    // Starts decoding path in the background (previous loads are superseded); turn = the
    // document's user turn (setUserTurn() may change it at any time, also while loading).
    void load(const QString &path, UserTurn turn = {});
    // Shows a picture already in memory, e.g. in tests or for a generated image: picture is the
    // display image (sRGB, EXIF orientation applied, NOT user-turned), possibly reduced;
    // orientedSize its full-resolution size. Without a path there is no full-resolution decode:
    // zooming past the picture's resolution paints it upscaled. Emits loaded() synchronously.
    void setImage(const QImage &picture, Size orientedSize);
    void clear();
    // Re-turns the picture for the document's turn (preview now, full resolution in background).
    void setUserTurn(UserTurn turn);

    State state() const { return m_state; }
    bool isReady() const { return m_state == State::Ready; }
    QString path() const { return m_path; }
    QString errorString() const { return m_error; }
    Size orientedSize() const { return m_orientedSize; }
    // Full-resolution size after the user turn: the coordinate space of crops. Empty when not ready.
    Size displayedSize() const;
    UserTurn userTurn() const { return m_turn; }
    bool hasAlpha() const;
    // The turned preview (display-ready) and its pixels per displayed-image pixel (<= 1).
    QImage preview() const { return m_preview; }
    double previewScale() const;
    // True once the full-resolution pixels are in memory (immediately when the preview is full size).
    bool hasFullResolution() const;

    // Paints the visible part of the image. view maps displayed-image pixels to canvas (logical)
    // pixels; exposed is the canvas rect to repaint; the painter's device pixel ratio decides how
    // many device pixels a canvas pixel has. Never blocks on decoding.
    void paint(QPainter &painter, const ViewTransform &view, const QRectF &exposed);

    // The long side, in pixels, that load() asks the decoder for (about the largest screen's long
    // side in device pixels, between 2048 and 4096).
    static int previewLongSide();

Q_SIGNALS:
    // The preview is ready. orientedSize = full-resolution size after EXIF orientation;
    // warnings = the decoder's (e.g. a truncated JPEG).
    void loaded(cropwise::Size orientedSize, const QStringList &warnings);
    // Decoding failed; reason in our words, without the file name.
    void failed(const QString &reason);
    // Better pixels are available (full resolution, zoom cache, re-turned image): repaint.
    void updated();

private:
    void nextGeneration();
    void resetPixels();
    void rebuildTurned();
    void requestFullResolution();
    void requestZoomCache(double deviceScale);
    const QImage &mipFor(double deviceScale, double *levelScale) const;

    State m_state = State::Empty;
    QString m_path;
    QString m_error;
    Size m_orientedSize;
    UserTurn m_turn;
    quint64 m_generation = 0; // bumped by load/setImage/clear: stale results are dropped
    // m_generation shared with the workers (read-only there), so queued stale decodes are skipped.
    std::shared_ptr<std::atomic<quint64>> m_latest;

    QImage m_orientedPreview; // as decoded (EXIF applied), not user-turned
    QImage m_preview; // user-turned
    std::vector<QImage> m_mips; // m_preview halved repeatedly (index 0 = half size)

    enum class FullState { None, Decoding, Ready, Failed };
    FullState m_fullState = FullState::None;
    QImage m_orientedFull; // full resolution, not turned (kept to re-turn without decoding again)
    QImage m_full; // full resolution, turned

    QImage m_zoomCache; // m_preview scaled to m_zoomCacheScale device px per image px
    double m_zoomCacheScale = 0;
    double m_wantedCacheScale = 0;
    bool m_zoomCacheBusy = false;
    QTimer m_zoomCacheTimer; // waits for the zoom to settle before rebuilding the cache
};

} // namespace cropwise
