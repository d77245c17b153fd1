#include "ui/ExportRunner.h"

#include "core/io/CropExport.h"
#include "core/io/ImageDecoder.h"
#include "core/io/ImageOrientation.h"
#include "core/io/Metadata.h"
#include "ui/Plural.h"
#include "ui/dialogs/JobProgressDialog.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QProgressDialog>
#include <QPromise>
#include <QtConcurrent/QtConcurrentRun>

namespace cropwise {

void runExportJob(
    QPromise<ExportItemResult> &promise, const QList<ExportItem> &items, const ExportSettings &settings)
{
    promise.setProgressRange(0, int(items.size()));
    int done = 0;
    int i = 0;
    while (i < items.size()) {
        // Items come grouped by image: decode each image once, for all its crops.
        const QString path = items[i].imagePath;
        const int turn = items[i].turnOrientation;
        int end = i;
        while (end < items.size() && items[end].imagePath == path && items[end].turnOrientation == turn)
            ++end;

        if (promise.isCanceled())
            return;
        DecodedImage image = decodeImage(path);
        const SourceMetadata metadata = readSourceMetadataFile(path);
        if (image.ok() && turn != 1) {
            // Crops are stored in the user-turned image: turn the pixels the same way.
            image.pixels = applyOrientation(image.pixels, turn).clone();
            image.fullSize = Size { image.pixels.cols, image.pixels.rows };
        }
        for (; i < end; ++i) {
            if (promise.isCanceled())
                return;
            const ExportItem &item = items[i];
            ExportItemResult result;
            result.imagePath = item.imagePath;
            result.outPath = item.outPath;
            if (!image.ok()) {
                result.error = QCoreApplication::translate("ExportRunner", "cannot read %1: %2")
                                   .arg(QFileInfo(path).fileName(), image.error);
            } else {
                CropExportOptions options;
                options.encode.format = settings.format;
                options.encode.quality = settings.quality;
                options.size = settings.size;
                options.overwrite = item.overwrite;
                options.metadata = metadata;
                result.error = exportCrop(image, item.rect, options, item.outPath);
            }
            promise.addResult(result);
            promise.setProgressValue(++done);
        }
    }
}

ExportRunner::ExportRunner(QWidget *dialogParent, QObject *parent)
    : QObject(parent)
    , m_dialogParent(dialogParent)
{
    connect(&m_watcher, &QFutureWatcher<ExportItemResult>::finished, this, &ExportRunner::onFinished);
    connect(&m_watcher, &QFutureWatcher<ExportItemResult>::progressValueChanged, this, [this](int value) {
        if (m_progress)
            m_progress->setValue(value);
        emit progressChanged(value, m_summary.planned);
    });
}

ExportRunner::~ExportRunner()
{
    // The job holds only values; stop it and wait so it does not outlive the app's objects.
    if (m_watcher.isRunning()) {
        m_watcher.cancel();
        m_watcher.waitForFinished();
    }
}

bool ExportRunner::isRunning() const
{
    return m_watcher.isRunning();
}

bool ExportRunner::start(const QList<ExportItem> &items, const ExportSettings &settings, int skipped)
{
    if (isRunning())
        return false;
    m_summary = ExportSummary();
    m_summary.folder = settings.folder;
    m_summary.skipped = skipped;
    m_summary.planned = int(items.size());
    if (m_dialogParent) {
        m_progress = createJobProgressDialog(m_dialogParent, tr("Export"),
            tr("Exporting %1…").arg(plural(items.size(), tr("%1 crop"), tr("%1 crops"))), int(items.size()));
        connect(m_progress, &QProgressDialog::canceled, this, &ExportRunner::cancel);
    }
    m_watcher.setFuture(QtConcurrent::run(&runExportJob, items, settings));
    return true;
}

void ExportRunner::cancel()
{
    m_watcher.cancel();
}

void ExportRunner::onFinished()
{
    const QFuture<ExportItemResult> f = m_watcher.future();
    m_summary.canceled = f.isCanceled();
    // Results reported before a cancel are still there; resultAt() on a canceled future is fine
    // for the indexes that were reported.
    const int count = f.resultCount();
    for (int i = 0; i < count; ++i) {
        const ExportItemResult r = f.resultAt(i);
        if (r.error.isEmpty())
            m_summary.written << r.outPath;
        else
            m_summary.failures << QStringLiteral("%1: %2").arg(QFileInfo(r.outPath).fileName(), r.error);
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
