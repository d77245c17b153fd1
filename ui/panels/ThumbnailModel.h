#pragma once

// The images of the strip, with thumbnails decoded in the background.
//
// Each thumbnail is a reduced decode through the one decoder (decodeImage with maxLongSide: JPEG
// DCT scaling, so a 24 MP photo costs a few milliseconds), converted for display honouring its
// ICC profile (ui/ImageConversion.h). Jobs run on a private thread pool (at most two at a time, so
// the canvas's own decode is not starved) and come back through QFutureWatcher; the rows the view
// asks for first (the visible ones) are decoded first. The GUI thread never decodes.
//
// A file that cannot be decoded gets State::Failed with the decoder's reason (tool tip, error
// placeholder); one that decodes with a warning (e.g. a truncated JPEG) gets State::Warning.
// loadingFinished() is emitted once per setImages(), when every row has settled, so the window can
// show ONE summary of the bad files instead of a dialog per file.
//
// Thread: GUI thread. Workers get values (path, size) and return values.

#include <QAbstractListModel>
#include <QFutureWatcher>
#include <QImage>
#include <QList>
#include <QSize>
#include <QString>
#include <QStringList>
#include <QThreadPool>

#include <deque>

namespace cropwise {

class ThumbnailModel : public QAbstractListModel
{
    Q_OBJECT

public:
    enum Role {
        PathRole = Qt::UserRole + 1, // QString, absolute path
        StateRole, // int(State)
        ProblemRole, // QString: the error (Failed) or warnings (Warning); else empty
        ImageSizeRole, // QSize: displayed full-resolution size, once known
        ThumbnailRole, // QImage (null until ready or on failure)
        VerifiedRole, // bool: the image is marked verified (check mark); set by setVerified()
        PendingReviewRole, // int: suggestions still to review (amber badge); set by setPendingReview()
    };
    enum class State { Pending, Ready, Warning, Failed };

    explicit ThumbnailModel(QObject *parent = nullptr);
    ~ThumbnailModel() override;

    // Replaces the rows; loading starts at once. Stale results of the previous list are dropped.
    void setImages(const QStringList &paths);
    QStringList paths() const;
    QString path(int row) const;
    // Thumbnails are decoded with this long side in device pixels (default 256). Takes effect for
    // rows not loaded yet.
    void setThumbnailLongSide(int devicePixels);

    State state(int row) const;
    // The "verified" mark of the image at path (its document or sidecar is the truth; the window
    // mirrors it here). Unknown paths are ignored. Emits dataChanged for the row when it changes.
    void setVerified(const QString &path, bool verified);
    bool isVerified(int row) const;
    // How many suggested crops of row still await a decision (ui/review/ mirrors its review index
    // here). Out-of-range rows are ignored. Emits dataChanged for the row when it changes.
    void setPendingReview(int row, int pending);
    QString problem(int row) const;
    bool isLoading() const { return m_settled < m_items.size(); }
    int failedCount() const;
    int warningCount() const;
    // "file name: reason", for Failed rows (and Warning rows with withWarnings).
    QStringList problems(bool withWarnings = false) const;

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    void loadingFinished();

private:
    struct Item
    {
        QString path;
        State state = State::Pending;
        bool inFlight = false;
        QImage thumbnail;
        QSize imageSize;
        QString problem;
        bool verified = false;
        int pendingReview = 0;
    };
    struct Result;
    static Result load(const QString &path, int longSide);

    void request(int row) const; // bumps a pending row to the front of the queue
    void pump();
    void finish(quint64 generation, int row, const Result &result);

    QList<Item> m_items;
    QList<QFutureWatcher<Result> *> m_watchers; // jobs in flight or queued
    mutable std::deque<int> m_queue;
    QThreadPool m_pool;
    int m_inFlight = 0;
    int m_maxInFlight = 2;
    int m_settled = 0;
    int m_longSide = 256;
    quint64 m_generation = 0;
};

} // namespace cropwise
