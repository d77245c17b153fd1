#pragma once

// Runs one crop-suggestion job at a time in the background (core/jobs/SuggestJob.h) and hands its
// results back on the GUI thread as they finish, with progress and cancel. Values in, values out:
// the runner knows no document; its owner decides where each result goes.
//
// start() while a job runs cancels that job first (its remaining results are dropped): the newest
// request wins, as when the user pins a second face before the first run is done.
//
// Thread: GUI thread. The job runs on the global QThreadPool and touches no QObject.

#include "core/jobs/SuggestJob.h"

#include <QFutureWatcher>
#include <QObject>
#include <QString>

namespace cropwise {

class SuggestionRunner : public QObject
{
    Q_OBJECT

public:
    explicit SuggestionRunner(QObject *parent = nullptr);
    ~SuggestionRunner() override; // cancels and waits for the running image to stop

    void start(const SuggestJobRequest &request);
    void cancel();
    // From start() until finished() was emitted: every result of the job has been delivered by then
    // (the future itself stops running before its queued results reach the GUI thread).
    bool isRunning() const { return m_running; }

    // Of the current (or last) job.
    int total() const { return m_total; }
    int done() const { return m_done; }
    int computedCount() const { return m_computed; } // analysed now
    int cachedCount() const { return m_cached; } // taken from the sidecar's cache
    int failedCount() const { return m_failed; }

Q_SIGNALS:
    void started(int total);
    void progressed(int done, int total, const QString &fileName);
    void resultReady(const cropwise::SuggestJobResult &result);
    // canceled: the user stopped it (results already delivered stay delivered).
    void finished(bool canceled);

private:
    void onResultReadyAt(int index);
    void onFinished();

    QFutureWatcher<SuggestJobResult> m_watcher;
    bool m_running = false;
    int m_total = 0;
    int m_done = 0;
    int m_computed = 0;
    int m_cached = 0;
    int m_failed = 0;
};

} // namespace cropwise
