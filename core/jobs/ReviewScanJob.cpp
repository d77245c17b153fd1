#include "core/jobs/ReviewScanJob.h"

#include "core/model/SidecarPeek.h"

#include <QFileInfo>
#include <QThreadPool>
#include <QtConcurrent>

namespace cropwise {

void runReviewScan(
    QPromise<ReviewScanResult> &promise, const QStringList &imagePaths, const SidecarStore &store)
{
    const int count = int(imagePaths.size());
    promise.setProgressRange(0, count);
    promise.setProgressValue(0);
    for (int i = 0; i < count; ++i) {
        promise.suspendIfRequested();
        if (promise.isCanceled())
            return;
        const SidecarPeekResult peeked = peekSidecar(store, imagePaths[i]);
        ReviewScanResult result;
        result.index = i;
        result.imagePath = imagePaths[i];
        result.sidecarPath = peeked.sidecarPath;
        result.state = peeked.state;
        result.error = peeked.error;
        promise.addResult(std::move(result), i);
        promise.setProgressValueAndText(i + 1, QFileInfo(imagePaths[i]).fileName());
    }
}

QFuture<ReviewScanResult> startReviewScan(
    const QStringList &imagePaths, const SidecarStore &store, QThreadPool *pool)
{
    // Copies in: the caller may change its list at once.
    return QtConcurrent::run(pool ? pool : QThreadPool::globalInstance(),
        [imagePaths, store](
            QPromise<ReviewScanResult> &promise) { runReviewScan(promise, imagePaths, store); });
}

} // namespace cropwise
