#pragma once

// Runs a planned export (ui/ExportPlan.h) in the background: each image is decoded once at full
// resolution, turned like the model's crops (UserTurn), and each of its crops is cut, resized,
// encoded and written atomically by core (exportCrop). The job takes values and gives values:
// QtConcurrent::run with a QPromise (progress = crops done, cancel between crops), results come
// back on the GUI thread through a QFutureWatcher. A QProgressDialog with Cancel shows while it
// runs (only when it takes longer than a moment). finished() carries the summary.
//
// Overwriting: each item carries its own OverwritePolicy; the window asks the user BEFORE start
// (existingOutputs()), so the job never decides to replace a file by itself. A file that appears
// in the meantime is refused by core ("already exists") and reported.
// Thread: GUI thread object; the work runs on the global thread pool.

#include "ui/ExportPlan.h"

#include <QFuture>
#include <QFutureWatcher>
#include <QMetaType>
#include <QObject>
#include <QPointer>
#include <QStringList>

class QProgressDialog;
class QWidget;

namespace cropwise {

struct ExportItemResult
{
    QString imagePath;
    QString outPath;
    QString error; // empty = written
};

struct ExportSummary
{
    QString folder;
    QStringList written; // output paths
    QStringList failures; // "file name: reason", one per failed crop
    int skipped = 0; // existing files the user chose to keep
    bool canceled = false;
    int planned = 0;
};

} // namespace cropwise

Q_DECLARE_METATYPE(cropwise::ExportSummary)

namespace cropwise {

// The job itself (worker thread). Public for tests.
void runExportJob(
    QPromise<ExportItemResult> &promise, const QList<ExportItem> &items, const ExportSettings &settings);

class ExportRunner : public QObject
{
    Q_OBJECT

public:
    // dialogParent: where the progress dialog appears (nullptr: none, e.g. in tests).
    explicit ExportRunner(QWidget *dialogParent, QObject *parent = nullptr);
    ~ExportRunner() override;

    bool isRunning() const;
    // Starts the job; refused (false) while another runs. skipped: how many existing files the
    // user chose to keep (only reported in the summary).
    bool start(const QList<ExportItem> &items, const ExportSettings &settings, int skipped = 0);
    void cancel();
    QFuture<ExportItemResult> future() const { return m_watcher.future(); }

Q_SIGNALS:
    void progressChanged(int done, int total);
    void finished(const cropwise::ExportSummary &summary);

private:
    void onFinished();

    QPointer<QWidget> m_dialogParent;
    QProgressDialog *m_progress = nullptr;
    QFutureWatcher<ExportItemResult> m_watcher;
    ExportSummary m_summary;
};

} // namespace cropwise
