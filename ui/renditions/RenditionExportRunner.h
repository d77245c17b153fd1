#pragma once

// Runs a planned rendition export (core/renditions/RenditionExport.h startRenditionExport(): each
// image decoded once for all its renditions, images in parallel, metadata policy, exact sizes
// checked, atomic writes) and watches it from the GUI thread: a
// QProgressDialog with Cancel (images done of all), and finished() with the summary. Cancel stops before the
// next image; files already written stay complete.
//
// Overwriting is decided BEFORE start by the caller (plan.existingOutputs() + a question): keptExisting
// lists the files the user chose to keep, so their "already exists" outcomes count as kept, not failed.
// Thread: GUI thread object; the work runs on the global thread pool with copied values.

#include "core/renditions/RenditionExport.h"

#include <QFutureWatcher>
#include <QMetaType>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QStringList>


class QProgressDialog;
class QWidget;

namespace cropwise {

struct RenditionExportSummary
{
    QString folder;
    QString setName;
    int images = 0; // images in the plan
    int planned = 0; // rendition files planned
    QStringList written; // output paths
    QStringList failures; // "photo.jpg · square: reason" (also whole-image failures)
    QStringList warnings; // "photo.jpg · story: enlarged 1.35x: ..." and other warnings
    int upscaled = 0; // written renditions that were enlarged
    int kept = 0; // existing files the user chose to keep
    bool canceled = false;
};

class RenditionExportRunner : public QObject
{
    Q_OBJECT

public:
    // dialogParent: where the progress dialog appears (nullptr: none).
    explicit RenditionExportRunner(QWidget *dialogParent, QObject *parent = nullptr);
    ~RenditionExportRunner() override; // cancels and waits

    bool isRunning() const { return m_watcher.isRunning(); }
    // Refused (false) while another export runs.
    bool start(const RenditionExportPlan &plan, const RenditionExportOptions &options,
        const QStringList &keptExisting = {});
    // Stops before the next image; images being exported finish and are reported.
    void cancel();
    QFuture<ImageExportResult> future() const { return m_watcher.future(); }

Q_SIGNALS:
    void progressChanged(int imagesDone, int images);
    void finished(const cropwise::RenditionExportSummary &summary);

private:
    void onFinished();

    QPointer<QWidget> m_dialogParent;
    QProgressDialog *m_progress = nullptr;
    QFutureWatcher<ImageExportResult> m_watcher;
    RenditionExportPlan m_plan;
    QSet<QString> m_kept;
    RenditionExportSummary m_summary;
    RenditionExportStop m_stop; // shared with the running job
};

} // namespace cropwise

Q_DECLARE_METATYPE(cropwise::RenditionExportSummary)
