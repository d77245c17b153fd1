#include "ui/labels/LabelsWorkbench.h"

#include "core/model/ImageDocument.h"
#include "ui/CropEditController.h"
#include "ui/ImageSession.h"
#include "ui/MainWindow.h"
#include "ui/Plural.h"
#include "ui/Shortcuts.h"
#include "ui/canvas/CropCanvas.h"
#include "ui/labels/DatasetExportDialog.h"
#include "ui/labels/DatasetExportRunner.h"
#include "ui/labels/ImportBoxesDialog.h"
#include "ui/labels/LabelPanel.h"
#include "ui/labels/LabelsController.h"
#include "ui/labels/ObjectBoxCatalog.h"
#include "ui/labels/ObjectBoxLayer.h"
#include "ui/labels/ObjectBoxPanel.h"
#include "ui/panels/MessageBar.h"
#include "ui/panels/ThumbnailModel.h"

#include <QDesktopServices>
#include <QDir>
#include <QDockWidget>
#include <QFileInfo>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QStatusBar>
#include <QUrl>

namespace cropwise {

namespace {

QString htmlPath(const QString &path)
{
    return QDir::toNativeSeparators(path).toHtmlEscaped();
}

bool isNonEmptyFolder(const QString &path)
{
    const QFileInfo info(path);
    return info.isDir()
        && !QDir(path).isEmpty(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System);
}

} // namespace

LabelsWorkbench::LabelsWorkbench(MainWindow *window)
    : QObject(window)
    , m_window(window)
    , m_labels(new LabelsController(window->session(), window->controller(), this))
    , m_catalog(new ObjectBoxCatalog(this))
    , m_layer(new ObjectBoxLayer(this))
    , m_labelPanel(new LabelPanel(m_labels))
    , m_boxPanel(new ObjectBoxPanel(m_catalog))
    , m_runner(new DatasetExportRunner(window, this))
    , m_verified(new QLabel)
{
    setObjectName(QStringLiteral("labelsWorkbench"));
    window->canvas()->addLayer(m_layer);
    m_verified->setObjectName(QStringLiteral("statusVerified"));
    m_verified->setToolTip(tr("Verified: the labels of this image were checked (Space toggles)"));
    window->statusBar()->addPermanentWidget(m_verified);
    m_lastRequest.options.format = DatasetFormat::Yolo;

    // Default question before writing into a non-empty folder.
    m_prompt = [this](const QString &folder) {
        const auto answer = QMessageBox::warning(m_window, tr("Replace Dataset?"),
            tr("The folder %1 is not empty.\n\nReplace the dataset in it? Files of the previous Cropwise "
               "export there are removed first; other files are kept.")
                .arg(QDir::toNativeSeparators(folder)),
            QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel);
        return answer == QMessageBox::Yes;
    };

    createDocks();
    connectActions();
    ImageSession *session = window->session();
    connect(session, &ImageSession::currentChanged, this, &LabelsWorkbench::onCurrentImageChanged);
    connect(session, &ImageSession::imagesChanged, this, &LabelsWorkbench::onImagesChanged);
    connect(m_labels, &LabelsController::labelSetChanged, this, &LabelsWorkbench::onLabelSetChanged);
    connect(m_labels, &LabelsController::labelRenamed, this, [this](const QString &from, const QString &to) {
        if (const QString why = m_catalog->renameLabel(from, to); !why.isEmpty())
            m_window->messageBar()->showMessage(MessageBar::Level::Error, why.toHtmlEscaped());
    });
    connect(m_labels, &LabelsController::message, this,
        [this](const QString &text) { m_window->statusBar()->showMessage(text, 8000); });
    connect(m_catalog, &ObjectBoxCatalog::boxesChanged, this, &LabelsWorkbench::refreshBoxes);
    connect(m_catalog, &ObjectBoxCatalog::message, this, [this](const QString &text) {
        m_window->messageBar()->showMessage(MessageBar::Level::Warning, text.toHtmlEscaped());
    });
    connect(m_boxPanel, &ObjectBoxPanel::boxHighlighted, m_layer, &ObjectBoxLayer::setHighlighted);
    connect(m_boxPanel, &ObjectBoxPanel::message, this,
        [this](const QString &text) { m_window->statusBar()->showMessage(text, 8000); });
    connect(m_runner, &DatasetExportRunner::finished, this, &LabelsWorkbench::onDatasetExported);
    onLabelSetChanged();
    refreshVerified();
}

void LabelsWorkbench::createDocks()
{
    m_labelDock = new QDockWidget(tr("Labels"), m_window);
    m_labelDock->setObjectName(QStringLiteral("labelsDock"));
    m_labelDock->setWidget(m_labelPanel);
    m_labelDock->setAllowedAreas(Qt::LeftDockWidgetArea | Qt::RightDockWidgetArea);
    m_boxDock = new QDockWidget(tr("Object Boxes"), m_window);
    m_boxDock->setObjectName(QStringLiteral("objectBoxesDock"));
    m_boxDock->setWidget(m_boxPanel);
    m_boxDock->setAllowedAreas(Qt::LeftDockWidgetArea | Qt::RightDockWidgetArea);
    // Under the Crops panel: labelling is done with both in view.
    if (auto *crops = m_window->findChild<QDockWidget *>(QStringLiteral("cropsDock"))) {
        m_window->splitDockWidget(crops, m_labelDock, Qt::Vertical);
        m_window->tabifyDockWidget(m_labelDock, m_boxDock);
        m_labelDock->raise();
    } else {
        m_window->addDockWidget(Qt::RightDockWidgetArea, m_labelDock);
        m_window->addDockWidget(Qt::RightDockWidgetArea, m_boxDock);
    }
    if (auto *panels = m_window->menuBar()->findChild<QMenu *>(QStringLiteral("panelsMenu"))) {
        panels->addAction(m_labelDock->toggleViewAction());
        panels->addAction(m_boxDock->toggleViewAction());
    }
}

void LabelsWorkbench::connectActions()
{
    for (int n = 1; n <= 9; ++n) {
        if (QAction *a = m_window->action(ShortcutId(int(ShortcutId::LabelHotkey1) + n - 1)))
            connect(a, &QAction::triggered, this, [this, n] {
                const bool cropSelected = !m_window->controller()->selectedCropId().isEmpty();
                const QString applied = m_labels->applyHotkey(n);
                if (applied.isEmpty())
                    return;
                m_window->statusBar()->showMessage(cropSelected
                        ? tr("Label: %1").arg(applied)
                        : tr("No crop selected: new crops get the label %1.").arg(applied),
                    4000);
            });
    }
    if (QAction *verified = m_window->action(ShortcutId::ToggleVerified)) {
        verified->setCheckable(true);
        connect(verified, &QAction::triggered, this, [this] {
            m_labels->toggleVerified();
            refreshVerified();
        });
        connect(m_window->canvas(), &CropCanvas::spaceTapped, verified, &QAction::trigger);
    }
    if (QAction *boxes = m_window->action(ShortcutId::ToggleObjectBoxes)) {
        boxes->setCheckable(true);
        boxes->setChecked(m_layer->isVisible());
        connect(boxes, &QAction::toggled, m_layer, &ObjectBoxLayer::setVisible);
    }
    if (QAction *import = m_window->action(ShortcutId::ImportObjectBoxes))
        connect(import, &QAction::triggered, this, &LabelsWorkbench::showImportDialog);
    if (QAction *exportDataset = m_window->action(ShortcutId::ExportDataset))
        connect(exportDataset, &QAction::triggered, this, &LabelsWorkbench::showExportDialog);
}

QString LabelsWorkbench::currentFolder() const
{
    const QString path = m_window ? m_window->session()->currentPath() : QString();
    return path.isEmpty() ? QString() : QFileInfo(path).absolutePath();
}

void LabelsWorkbench::onCurrentImageChanged(int index, const QString &path)
{
    if (m_document)
        disconnect(m_document, nullptr, this, nullptr);
    m_document = index >= 0 ? m_window->session()->document(path) : nullptr;
    if (m_document) {
        connect(m_document, &ImageDocument::userTurnChanged, this, &LabelsWorkbench::refreshBoxes);
        connect(m_document, &ImageDocument::verifiedChanged, this, &LabelsWorkbench::refreshVerified);
    }
    m_labels->setFolder(currentFolder());
    m_catalog->setFolder(currentFolder());
    m_boxPanel->setImage(index >= 0 ? path : QString());
    refreshBoxes();
    refreshVerified();
}

void LabelsWorkbench::onImagesChanged()
{
    // The filmstrip's check marks of open images; the others come from the folder's sidecar index
    // (ReviewIndex, read in the background; MainWindow connects it to the filmstrip).
    ImageSession *session = m_window->session();
    for (const QString &path : session->imagePaths()) {
        if (session->isOpen(path) && session->document(path))
            m_window->thumbnailModel()->setVerified(path, session->document(path)->isVerified());
    }
}

void LabelsWorkbench::onLabelSetChanged()
{
    QHash<QString, QColor> colours;
    for (const Label &l : m_labels->labelSet().labels())
        colours.insert(l.name, QColor(l.colour));
    m_layer->setLabelColours(colours);
    m_window->canvas()->setLabelColours(colours); // crop frames and captions in their label's colour
    for (int n = 1; n <= 9; ++n) {
        QAction *a = m_window->action(ShortcutId(int(ShortcutId::LabelHotkey1) + n - 1));
        if (!a)
            continue;
        const auto label = m_labels->labelSet().labelForHotkey(n);
        // "&3  dog": the menu says what each number does in this folder.
        a->setText(label ? tr("&%1  %2").arg(n).arg(label->name) : tr("&%1  (no label)").arg(n));
    }
}

void LabelsWorkbench::refreshBoxes()
{
    if (!m_document) {
        m_layer->setBoxes({}, Size {}, UserTurn());
        return;
    }
    m_layer->setBoxes(
        m_catalog->boxes(m_document->imagePath()), m_document->orientedSize(), m_document->userTurn());
}

void LabelsWorkbench::refreshVerified()
{
    const bool verified = m_document && m_document->isVerified();
    if (m_document)
        m_window->thumbnailModel()->setVerified(m_document->imagePath(), verified);
    if (QAction *a = m_window->action(ShortcutId::ToggleVerified)) {
        a->setEnabled(m_document != nullptr);
        a->setChecked(verified);
    }
    if (!m_document) {
        m_verified->clear();
        return;
    }
    m_verified->setText(verified ? tr("✔ Verified") : tr("Not verified"));
    m_verified->setStyleSheet(
        verified ? QStringLiteral("color: #5cc27a; font-weight: 600;") : QStringLiteral("color: #8a8a8a;"));
}

QString LabelsWorkbench::verifiedText() const
{
    return m_verified->text();
}

// --- Import ------------------------------------------------------------------------------------------

void LabelsWorkbench::showImportDialog()
{
    if (currentFolder().isEmpty()) {
        m_window->messageBar()->showMessage(MessageBar::Level::Information,
            tr("Open a folder of images first, then import its object boxes."));
        return;
    }
    ImportBoxesDialog dialog(currentFolder(), m_window);
    if (dialog.exec() == QDialog::Accepted)
        importBoxes(dialog.format(), dialog.path());
}

ImportResult LabelsWorkbench::importBoxes(AnnotationFormat format, const QString &path)
{
    m_catalog->setFolder(currentFolder());
    const ImportResult result = m_catalog->importBoxes(format, path, m_window->session()->imagePaths());
    MessageBar *bar = m_window->messageBar();
    if (!result.ok()) {
        bar->showMessage(MessageBar::Level::Error,
            tr("Could not import <b>%1</b>: %2").arg(htmlPath(path), result.error.toHtmlEscaped()),
            result.messageLines().join(QLatin1Char('\n')));
        return result;
    }
    // The dataset's classes join the label set after ours (same order as the CLI's export).
    m_labels->addMissingLabels(result.labels);
    QString text
        = tr("Imported %1 for %2 from <b>%3</b>.")
              .arg(plural(result.boxCount(), tr("%1 object box"), tr("%1 object boxes")),
                  plural(int(result.images.size()), tr("%1 image"), tr("%1 images")), htmlPath(path));
    const int skipped = result.skippedCount();
    if (skipped > 0)
        text += QLatin1Char(' ')
            + plural(skipped, tr("%1 bad entry was skipped; see Details."),
                tr("%1 bad entries were skipped; see Details."));
    bar->showMessage(skipped > 0 ? MessageBar::Level::Warning : MessageBar::Level::Positive, text,
        result.messageLines().join(QLatin1Char('\n')));
    if (QAction *boxes = m_window->action(ShortcutId::ToggleObjectBoxes))
        boxes->setChecked(true);
    return result;
}

// --- Export ------------------------------------------------------------------------------------------

void LabelsWorkbench::showExportDialog()
{
    DatasetExportDialog dialog(m_window);
    DatasetRequest request = m_lastRequest;
    if (request.options.outputFolder.isEmpty() && !currentFolder().isEmpty())
        request.options.outputFolder = QDir(currentFolder()).filePath(QStringLiteral("dataset"));
    dialog.setRequest(request);
    if (dialog.exec() != QDialog::Accepted)
        return;
    m_lastRequest = dialog.request();
    exportDataset(m_lastRequest);
}

bool LabelsWorkbench::exportDataset(const DatasetRequest &request)
{
    MessageBar *bar = m_window->messageBar();
    if (m_runner->isRunning()) {
        m_window->statusBar()->showMessage(tr("A dataset export is already running."), 4000);
        return false;
    }
    ImageSession *session = m_window->session();
    session->flushAll(); // images not open are read from their sidecars
    QStringList problems;
    const QList<DatasetSource> sources
        = collectDatasetSources(*session, *m_catalog, request.images, &problems);
    if (sources.isEmpty()) {
        bar->showMessage(MessageBar::Level::Information,
            request.images == DatasetImages::VerifiedOnly
                ? tr("Nothing to export: no verified image has labelled crops or object boxes.")
                : tr("Nothing to export: no image has labelled crops or object boxes."),
            problems.join(QLatin1Char('\n')));
        return false;
    }
    DatasetExportOptions options = request.options;
    options.labels = m_labels->labelSet();
    const QFileInfo out(options.outputFolder);
    if (options.outputFolder.isEmpty() || (out.exists() && !out.isDir())) {
        bar->showMessage(MessageBar::Level::Error,
            tr("<b>%1</b> is not a folder a dataset can be written to.").arg(htmlPath(options.outputFolder)));
        return false;
    }
    // Never into a non-empty folder without consent.
    options.overwrite = OverwritePolicy::Refuse;
    if (isNonEmptyFolder(options.outputFolder)) {
        if (!m_prompt || !m_prompt(options.outputFolder)) {
            m_window->statusBar()->showMessage(tr("Dataset export cancelled; nothing was written."), 5000);
            return false;
        }
        options.overwrite = OverwritePolicy::Replace;
    }
    if (!m_runner->start(sources, options))
        return false;
    m_lastRequest = request;
    m_window->statusBar()->showMessage(
        tr("Exporting the dataset from %1…")
            .arg(plural(int(sources.size()), tr("%1 image"), tr("%1 images"))));
    return true;
}

void LabelsWorkbench::onDatasetExported(const DatasetExportReport &report)
{
    m_window->statusBar()->clearMessage();
    MessageBar *bar = m_window->messageBar();
    const QString folder = m_lastRequest.options.outputFolder;
    QStringList details = report.warnings;
    if (!report.ok()) {
        bar->showMessage(MessageBar::Level::Error,
            tr("The dataset export failed: %1").arg(report.error.toHtmlEscaped()),
            details.join(QLatin1Char('\n')));
    } else {
        QString text = tr("Dataset written: %1, %2, %3 (%4).")
                           .arg(plural(report.imagesWritten, tr("%1 image"), tr("%1 images")),
                               plural(report.cropsExported, tr("%1 crop"), tr("%1 crops")),
                               plural(report.boxesWritten, tr("%1 box"), tr("%1 boxes")),
                               plural(int(report.classes.size()), tr("%1 class"), tr("%1 classes")));
        if (!report.warnings.isEmpty())
            text += QLatin1Char(' ')
                + plural(int(report.warnings.size()), tr("%1 warning; see Details."),
                    tr("%1 warnings; see Details."));
        bar->showMessage(report.warnings.isEmpty() ? MessageBar::Level::Positive : MessageBar::Level::Warning,
            text, details.join(QLatin1Char('\n')));
        bar->setAction(
            tr("Show Folder"), [folder] { QDesktopServices::openUrl(QUrl::fromLocalFile(folder)); });
    }
    Q_EMIT datasetExported(report);
}

} // namespace cropwise
