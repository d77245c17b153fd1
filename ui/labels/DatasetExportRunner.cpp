#include "ui/labels/DatasetExportRunner.h"

#include "ui/dialogs/JobProgressDialog.h"

#include <QProgressDialog>
#include <QPromise>
#include <QtConcurrent/QtConcurrentRun>

namespace cropwise {

DatasetExportRunner::DatasetExportRunner(QWidget *dialogParent, QObject *parent)
    : QObject(parent)
    , m_dialogParent(dialogParent)
{
    qRegisterMetaType<cropwise::DatasetExportReport>();
    connect(
        &m_watcher, &QFutureWatcher<DatasetExportReport>::finished, this, &DatasetExportRunner::onFinished);
    connect(&m_watcher, &QFutureWatcher<DatasetExportReport>::progressValueChanged, this, [this](int done) {
        Q_EMIT progressChanged(done, m_watcher.progressMaximum());
        if (m_progress) {
            m_progress->setMaximum(m_watcher.progressMaximum());
            m_progress->setValue(done);
        }
    });
}

DatasetExportRunner::~DatasetExportRunner()
{
    if (isRunning()) {
        cancel();
        m_watcher.waitForFinished();
    }
}

bool DatasetExportRunner::isRunning() const
{
    return m_watcher.isRunning();
}

bool DatasetExportRunner::start(const QList<DatasetSource> &sources, DatasetExportOptions options)
{
    if (isRunning())
        return false;
    m_cancel = std::make_shared<std::atomic_bool>(false);
    if (m_dialogParent) {
        delete m_progress;
        m_progress = createJobProgressDialog(m_dialogParent, tr("Export Dataset"), tr("Exporting the dataset…"),
            int(qMax<qsizetype>(1, sources.size())));
        connect(m_progress, &QProgressDialog::canceled, this, &DatasetExportRunner::cancel);
    }
    // The worker gets values and the shared flag only; nothing of `this`.
    const auto cancelFlag = m_cancel;
    m_watcher.setFuture(
        QtConcurrent::run([sources, options, cancelFlag](QPromise<DatasetExportReport> &promise) mutable {
            promise.setProgressRange(0, int(sources.size()));
            options.progress = [&promise, cancelFlag](int done, int total) {
                promise.setProgressRange(0, total);
                promise.setProgressValue(done);
                return !cancelFlag->load();
            };
            promise.addResult(exportDataset(sources, options));
        }));
    return true;
}

void DatasetExportRunner::cancel()
{
    if (m_cancel)
        m_cancel->store(true);
}

void DatasetExportRunner::onFinished()
{
    if (m_progress) {
        m_progress->hide();
        m_progress->deleteLater();
        m_progress = nullptr;
    }
    DatasetExportReport report;
    if (m_watcher.future().resultCount() > 0)
        report = m_watcher.result();
    else
        report.error = tr("the export stopped without a report");
    Q_EMIT finished(report);
}

} // namespace cropwise
