#pragma once

// Reads the review state of many images in the background, without opening them: the data for the
// "needs review" and "low confidence" filters and the in-app review metrics of a folder.
//
//   QFuture<ReviewScanResult> f = startReviewScan(catalog.imagePaths);
//   watcher->setFuture(f);   // resultReadyAt(i): f.resultAt(i).state -> needsReview(state),
//                            //   lowestPendingScore(state) (ReviewState.h); when finished,
//                            //   computeReviewStats(all states) (ReviewStats.h)
//
// Read-only (SidecarPeek.h): broken sidecars are reported in the result and left where they are;
// no image is read. Progress 0..N images; cancel honoured between images.
// Thread: runs on a QThreadPool thread, touches no QObject.

#include "core/model/ImageState.h"
#include "core/model/Sidecar.h"

#include <QFuture>
#include <QPromise>
#include <QString>
#include <QStringList>

class QThreadPool;

namespace cropwise {

struct ReviewScanResult
{
    int index = -1; // into the paths given
    QString imagePath;
    QString sidecarPath; // empty when the image has no sidecar
    ImageState state; // the default state when there is no sidecar or it is broken
    QString error; // the sidecar exists but cannot be used (a short reason)
    bool ok() const { return error.isEmpty(); }
};

QFuture<ReviewScanResult> startReviewScan(
    const QStringList &imagePaths, const SidecarStore &store = SidecarStore(), QThreadPool *pool = nullptr);

// The job's body, for callers that bring their own (started) promise.
void runReviewScan(
    QPromise<ReviewScanResult> &promise, const QStringList &imagePaths, const SidecarStore &store);

} // namespace cropwise
