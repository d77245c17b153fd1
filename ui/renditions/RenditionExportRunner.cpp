#include "ui/renditions/RenditionExportRunner.h"

#include "ui/Plural.h"
#include "ui/dialogs/JobProgressDialog.h"

#include <QFileInfo>
#include <QMutex>
#include <QProgressDialog>
#include <QtConcurrent>

#include <atomic>
#include <numeric>

namespace cropwise {

namespace {

// core's startRenditionExport() with one difference: cancelling sets `stop` instead of cancelling
// the future. A cancelled QFuture drops the results of images that were already being exported,
// whose files do get written, so the summary would say "0 written" beside files on disk. Here every
// image that starts reports its result; images not started yet are skipped.
void runExport(QPromise<ImageExportResult> &promise, const RenditionExportPlan &plan,
    const RenditionExportOptions &options, const std::shared_ptr<std::atomic<bool>> &stop)
{
    const int count = int(plan.images.size());
    promise.setProgressRange(0, count);
    QList<int> indexes(count);
    std::iota(indexes.begin(), indexes.end(), 0);
    std::atomic<int> done { 0 };
    QMutex reporting;
    QtConcurrent::blockingMap(indexes, [&](int i) {
        if (stop->load())
            return;
        ImageExportResult result = exportPlannedImage(plan.images[i], options);
        const QMutexLocker lock(&reporting);
        promise.addResult(std::move(result), i);
        promise.setProgressValue(++done);
    });
}

} // namespace

RenditionExportRunner::RenditionExportRunner(QWidget *dialogParent, QObject *parent)
    : QObject(parent)
    , m_dialogParent(dialogParent)
{
    connect(
        &m_watcher, &QFutureWatcher<ImageExportResult>::finished, this, &RenditionExportRunner::onFinished);
    connect(&m_watcher, &QFutureWatcher<ImageExportResult>::progressValueChanged, this, [this](int done) {
        if (m_progress)
            m_progress->setValue(done);
        emit progressChanged(done, m_summary.images);
    });
}

RenditionExportRunner::~RenditionExportRunner()
{
    if (m_watcher.isRunning()) {
        cancel();
        m_watcher.waitForFinished();
    }
}

void RenditionExportRunner::cancel()
{
    if (m_stop)
        m_stop->store(true);
}

bool RenditionExportRunner::start(
    const RenditionExportPlan &plan, const RenditionExportOptions &options, const QStringList &keptExisting)
{
    if (isRunning())
        return false;
    m_plan = plan;
    m_kept = QSet<QString>(keptExisting.begin(), keptExisting.end());
    m_summary = RenditionExportSummary();
    m_summary.folder = options.outputFolder;
    m_summary.setName = options.set.name;
    m_summary.images = int(plan.images.size());
    m_summary.planned = plan.renditionCount();
    if (m_dialogParent) {
        m_progress = createJobProgressDialog(m_dialogParent, tr("Export Renditions"),
            tr("Exporting the %1 set: %2…")
                .arg(options.set.name, plural(m_summary.planned, tr("%1 file"), tr("%1 files"))),
            m_summary.images);
        m_progress->setObjectName(QStringLiteral("renditionExportProgress"));
        connect(m_progress, &QProgressDialog::canceled, this, &RenditionExportRunner::cancel);
    }
    m_stop = std::make_shared<std::atomic<bool>>(false);
    m_watcher.setFuture(QtConcurrent::run(runExport, plan, options, m_stop));
    return true;
}

void RenditionExportRunner::onFinished()
{
    const QFuture<ImageExportResult> f = m_watcher.future();
    m_summary.canceled = m_stop && m_stop->load();
    // Results come in plan order at the plan's index; a cancelled export has holes.
    for (int i = 0; i < m_plan.images.size(); ++i) {
        if (!f.isResultReadyAt(i))
            continue;
        const ImageExportResult r = f.resultAt(i);
        const QString image = QFileInfo(r.imagePath).fileName();
        for (const QString &w : r.warnings)
            m_summary.warnings << QStringLiteral("%1: %2").arg(image, w);
        if (!r.error.isEmpty() && r.renditions.isEmpty())
            m_summary.failures << QStringLiteral("%1: %2").arg(image, r.error);
        for (const RenditionOutcome &o : r.renditions) {
            const QString where = QStringLiteral("%1 · %2").arg(image, o.rendition);
            if (o.ok()) {
                m_summary.written << o.outputPath;
                if (o.upscaled)
                    ++m_summary.upscaled;
                for (const QString &w : o.warnings)
                    m_summary.warnings << QStringLiteral("%1: %2").arg(where, w);
            } else if (m_kept.contains(o.outputPath)) {
                ++m_summary.kept;
            } else {
                m_summary.failures << QStringLiteral("%1: %2").arg(where, o.error);
            }
        }
    }
    if (m_progress) {
        m_progress->disconnect(this);
        m_progress->close();
        m_progress->deleteLater();
        m_progress = nullptr;
    }
    emit finished(m_summary);
}

} // namespace cropwise
