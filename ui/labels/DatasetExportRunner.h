#pragma once

// Runs core's exportDataset() off the GUI thread: values in (sources, options), a report out.
// QtConcurrent::run with a QPromise for the progress (source images done); cancel sets a shared
// flag the exporter polls between images (through DatasetExportOptions::progress), so the report
// still comes back, saying it was cancelled. The result arrives on the GUI thread through a
// QFutureWatcher. A QProgressDialog with Cancel shows when it takes longer than a moment.
// Thread: GUI thread object; the work runs on the global thread pool.

#include "core/annotations/DatasetExport.h"

#include <QFutureWatcher>
#include <QObject>
#include <QPointer>

#include <atomic>
#include <memory>

class QProgressDialog;
class QWidget;

namespace cropwise {

class DatasetExportRunner : public QObject
{
    Q_OBJECT

public:
    // dialogParent: where the progress dialog appears (nullptr: none).
    explicit DatasetExportRunner(QWidget *dialogParent, QObject *parent = nullptr);
    ~DatasetExportRunner() override; // cancels and waits: the worker holds no pointer to us

    bool isRunning() const;
    // Refused (false) while another export runs. options.progress is set here.
    bool start(const QList<DatasetSource> &sources, DatasetExportOptions options);
    void cancel();
    QFuture<DatasetExportReport> future() const { return m_watcher.future(); }

Q_SIGNALS:
    void progressChanged(int done, int total);
    void finished(const cropwise::DatasetExportReport &report);

private:
    void onFinished();

    QPointer<QWidget> m_dialogParent;
    QProgressDialog *m_progress = nullptr;
    QFutureWatcher<DatasetExportReport> m_watcher;
    std::shared_ptr<std::atomic_bool> m_cancel;
};

} // namespace cropwise

Q_DECLARE_METATYPE(cropwise::DatasetExportReport)
