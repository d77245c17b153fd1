#pragma once

// What the window knows about the review state of every image in the filmstrip, without opening
// them: a background sidecar scan (core/jobs/ReviewScanJob.h) when the list changes, then live
// updates from open documents and from suggestion results written for images that are not open.
// Feeds the filmstrip filter (needsReview, lowestPendingScore: core ReviewState.h), the folder
// suggestion run (each image's turn, regions and cached suggestions) and the in-app metrics
// (computeReviewStats, core ReviewStats.h). It decides nothing itself.
//
// Rows are the image list's indexes (ImageSession::imagePaths()).
// Thread: GUI thread; the scan runs on the global pool and returns values.

#include "core/jobs/ReviewScanJob.h"
#include "core/model/ImageState.h"
#include "core/model/ReviewStats.h"
#include "core/model/Sidecar.h"

#include <QFutureWatcher>
#include <QList>
#include <QObject>
#include <QStringList>

#include <optional>

namespace cropwise {

class ReviewIndex : public QObject
{
    Q_OBJECT

public:
    explicit ReviewIndex(SidecarStore store, QObject *parent = nullptr);
    ~ReviewIndex() override;

    // New list: every row starts unknown (default state) and a scan starts. Cancels a running one.
    void setImages(const QStringList &paths);
    bool isScanning() const { return m_watcher.isRunning(); }
    int count() const { return int(m_paths.size()); }
    int rowOf(const QString &path) const { return int(m_paths.indexOf(path)); }
    QString path(int row) const { return m_paths.value(row); }

    // The last known state of row (default when unknown).
    ImageState state(int row) const { return m_states.value(row); }
    // A fresher state for path (an open document changed, a result was stored). Emits rowChanged.
    void update(const QString &path, const ImageState &state);
    // Re-reads path's sidecar (read-only, SidecarPeek.h): after storeSuggestions() wrote it.
    void reread(const QString &path);

    bool needsReview(int row) const;
    int pendingCount(int row) const; // suggested crops still to decide
    std::optional<double> lowestPendingScore(int row) const;
    ReviewStats stats() const;

Q_SIGNALS:
    void rowChanged(int row);
    void scanFinished();

private:
    SidecarStore m_store;
    QStringList m_paths;
    QList<ImageState> m_states;
    QList<bool> m_fresh; // set by update(): a late scan result must not overwrite it
    QFutureWatcher<ReviewScanResult> m_watcher;
};

} // namespace cropwise
