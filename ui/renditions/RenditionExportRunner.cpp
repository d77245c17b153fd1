#include "ui/renditions/RenditionExportRunner.h"

#include "ui/Plural.h"
#include "ui/dialogs/JobProgressDialog.h"

#include <QFileInfo>
#include <QProgressDialog>

namespace cropwise {

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
    m_stop.request();
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
    m_stop = RenditionExportStop();
    m_watcher.setFuture(startRenditionExport(plan, options, nullptr, m_stop));
    return true;
}

void RenditionExportRunner::onFinished()
{
    const QFuture<ImageExportResult> f = m_watcher.future();
    m_summary.canceled = m_stop.requested();
    // One result per image in plan order; the ones a cancel skipped say so.
    for (int i = 0; i < m_plan.images.size(); ++i) {
        if (!f.isResultReadyAt(i))
            continue;
        const ImageExportResult r = f.resultAt(i);
        if (r.skipped)
            continue;
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
