#include "ui/renditions/RenditionsFeature.h"

#include "core/model/ImageDocument.h"
#include "ui/CropEditController.h"
#include "ui/ImageSession.h"
#include "ui/MainWindow.h"
#include "ui/Plural.h"
#include "ui/Shortcuts.h"
#include "ui/panels/MessageBar.h"
#include "ui/renditions/RenditionExportDialog.h"
#include "ui/renditions/RenditionPresetDialog.h"
#include "ui/renditions/RenditionsPanel.h"

#include <QDesktopServices>
#include <QDir>
#include <QDockWidget>
#include <QFileInfo>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QStatusBar>
#include <QUrl>

namespace cropwise {

namespace {

QString htmlPath(const QString &path)
{
    return QDir::toNativeSeparators(path).toHtmlEscaped();
}

} // namespace

RenditionsFeature::RenditionsFeature(
    MainWindow *window, ImageSession *session, CropEditController *controller, CropCanvas *canvas)
    : QObject(window)
    , m_window(window)
    , m_session(session)
    , m_controller(controller)
    , m_panel(new RenditionsPanel(controller, canvas))
    , m_dock(new QDockWidget(tr("Renditions"), window))
    , m_runner(new RenditionExportRunner(window, this))
{
    m_dock->setObjectName(QStringLiteral("renditionsDock"));
    m_dock->setWidget(m_panel);
    m_dock->setAllowedAreas(Qt::LeftDockWidgetArea | Qt::RightDockWidgetArea);
    m_panel->setMinimumWidth(300);
    // Left of the photo, the full height of the window: the right column is shared by the crop,
    // label and review panels, and the previews want room.
    window->addDockWidget(Qt::LeftDockWidgetArea, m_dock);
    // Hidden until asked for (View > Panels, Ctrl+Shift+R): the panel makes crops for the
    // renditions of every photo it is shown with, which people who do not publish do not want.
    m_dock->hide();
    if (auto *panels = window->menuBar()->findChild<QMenu *>(QStringLiteral("panelsMenu")))
        panels->addAction(window->action(ShortcutId::ShowRenditions));

    if (QAction *show = window->action(ShortcutId::ShowRenditions))
        connect(show, &QAction::triggered, this, &RenditionsFeature::togglePanel);
    if (QAction *exportAction = window->action(ShortcutId::ExportRenditions)) {
        connect(exportAction, &QAction::triggered, this, &RenditionsFeature::showExportDialog);
        m_panel->setExportAction(exportAction);
        exportAction->setEnabled(false);
        connect(session, &ImageSession::imagesChanged, exportAction,
            [exportAction, session] { exportAction->setEnabled(session->count() > 0); });
    }
    connect(m_panel, &RenditionsPanel::editSetsRequested, this, &RenditionsFeature::showPresetDialog);
    connect(m_runner, &RenditionExportRunner::finished, this, &RenditionsFeature::onExportFinished);
    m_lastFolder = QSettings().value(QStringLiteral("renditions/folder")).toString();
}

void RenditionsFeature::setDocument(ImageDocument *document, QUndoStack *stack)
{
    m_panel->setDocument(document, stack);
}

void RenditionsFeature::togglePanel()
{
    if (m_dock->isVisible() && m_panel->isVisible() && !m_dock->visibleRegion().isEmpty()) {
        m_dock->hide();
        return;
    }
    showPanel();
}

void RenditionsFeature::showPanel()
{
    const bool wasHidden = m_dock->isHidden();
    m_dock->show();
    m_dock->raise();
    // Two columns of previews, leaving the photo most of the width.
    if (wasHidden && !m_dock->isFloating())
        m_window->resizeDocks({ m_dock }, { 390 }, Qt::Horizontal);
}

RenditionsFeature::OverwriteChoice RenditionsFeature::askOverwrite(const QStringList &existing) const
{
    if (m_prompt)
        return m_prompt(existing);
    QMessageBox box(QMessageBox::Question, tr("Files Exist"),
        plural(existing.size(), tr("%1 of the renditions exists already in the folder."),
            tr("%1 of the renditions exist already in the folder.")),
        QMessageBox::NoButton, m_window);
    box.setInformativeText(tr("Replace them, or keep them and write only the new ones?"));
    QStringList names;
    for (const QString &path : existing)
        names << QFileInfo(path).fileName();
    box.setDetailedText(names.join(QLatin1Char('\n')));
    QPushButton *replace = box.addButton(tr("Replace"), QMessageBox::DestructiveRole);
    QPushButton *keep = box.addButton(tr("Keep Existing"), QMessageBox::AcceptRole);
    box.addButton(QMessageBox::Cancel);
    box.setDefaultButton(keep);
    box.exec();
    if (box.clickedButton() == replace)
        return OverwriteChoice::Replace;
    if (box.clickedButton() == keep)
        return OverwriteChoice::Skip;
    return OverwriteChoice::Cancel;
}

QList<ExportInput> RenditionsFeature::inputsFor(RenditionExportRequest::Scope scope) const
{
    QStringList paths;
    if (scope == RenditionExportRequest::Scope::AllImages)
        paths = m_session->imagePaths();
    else if (!m_session->currentPath().isEmpty())
        paths << m_session->currentPath();
    QList<ExportInput> inputs;
    for (const QString &path : paths) {
        ExportInput input { path, std::nullopt, QString() };
        // Open images as on screen, saved or not; the others from their sidecars.
        if (m_session->isOpen(path)) {
            if (ImageDocument *doc = m_session->document(path))
                input.state = doc->state();
        }
        inputs << input;
    }
    return inputs;
}

bool RenditionsFeature::exportRenditions(const RenditionExportRequest &request)
{
    MessageBar *bar = m_window->messageBar();
    if (m_runner->isRunning()) {
        m_window->statusBar()->showMessage(tr("A rendition export is already running."), 4000);
        return false;
    }
    if (request.set.renditions.isEmpty() || request.folder.isEmpty())
        return false;
    // Images that are not open are read from their sidecars: write what is pending first.
    m_session->flushAll();

    const QList<ExportInput> inputs = inputsFor(request.scope);
    if (inputs.isEmpty()) {
        bar->showMessage(MessageBar::Level::Information, tr("Nothing to export: open a photo first."));
        return false;
    }
    if (!QDir().mkpath(request.folder)) {
        bar->showMessage(MessageBar::Level::Error,
            tr("Cannot create the folder <b>%1</b>.").arg(htmlPath(request.folder)));
        return false;
    }

    RenditionExportOptions options;
    options.set = request.set;
    options.outputFolder = QDir(request.folder).absolutePath();
    options.fallback = request.fallback;
    options.metadata = request.metadata;
    options.sidecars = m_session->sidecarStore();
    const RenditionExportPlan plan = planRenditionExport(inputs, options);

    QStringList kept;
    const QStringList existing = plan.existingOutputs();
    if (!existing.isEmpty()) {
        switch (askOverwrite(existing)) {
        case OverwriteChoice::Replace:
            options.overwrite = OverwritePolicy::Replace;
            break;
        case OverwriteChoice::Skip:
            kept = existing;
            break;
        case OverwriteChoice::Cancel:
            m_window->statusBar()->showMessage(tr("Export cancelled; nothing was written."), 5000);
            return false;
        }
    }
    m_lastFolder = options.outputFolder;
    QSettings().setValue(QStringLiteral("renditions/folder"), m_lastFolder);
    m_runner->start(plan, options, kept);
    m_window->statusBar()->showMessage(
        tr("Exporting %1 of %2…")
            .arg(plural(plan.renditionCount(), tr("%1 rendition"), tr("%1 renditions")),
                plural(plan.images.size(), tr("%1 image"), tr("%1 images"))));
    return true;
}

void RenditionsFeature::onExportFinished(const RenditionExportSummary &summary)
{
    m_window->statusBar()->clearMessage();
    const QString folder = htmlPath(summary.folder);
    const QString written = plural(summary.written.size(), tr("%1 rendition"), tr("%1 renditions"));
    MessageBar::Level level = MessageBar::Level::Positive;
    QString text;
    if (summary.canceled) {
        level = MessageBar::Level::Warning;
        text = tr("Export cancelled: %1 written to <b>%2</b>.").arg(written, folder);
    } else if (summary.failures.isEmpty()) {
        text = tr("Exported %1 of %2 (%3 set) to <b>%4</b>.")
                   .arg(written, plural(summary.images, tr("%1 image"), tr("%1 images")),
                       summary.setName.toHtmlEscaped(), folder);
    } else {
        level = MessageBar::Level::Error;
        text = tr("Exported %1 of %2 files to <b>%3</b>; %4 failed.")
                   .arg(summary.written.size())
                   .arg(summary.planned)
                   .arg(folder)
                   .arg(summary.failures.size());
    }
    if (summary.upscaled > 0) {
        if (level == MessageBar::Level::Positive)
            level = MessageBar::Level::Warning;
        text += QLatin1Char(' ')
            + plural(summary.upscaled, tr("Warning: %1 was enlarged (its crop is smaller than the output)."),
                tr("Warning: %1 were enlarged (their crops are smaller than the output)."));
    }
    if (summary.kept > 0)
        text += QLatin1Char(' ')
            + plural(summary.kept, tr("%1 existing file kept."), tr("%1 existing files kept."));
    MessageBar *bar = m_window->messageBar();
    bar->showMessage(level, text, (summary.failures + summary.warnings).join(QLatin1Char('\n')));
    const QString path = summary.folder;
    bar->setAction(tr("Show Folder"), [path] { QDesktopServices::openUrl(QUrl::fromLocalFile(path)); });
    emit exportFinished(summary);
}

void RenditionsFeature::showExportDialog()
{
    RenditionExportDialog dialog(m_window);
    dialog.setSets(m_panel->sets(), m_panel->currentSet().name);
    dialog.setImageCounts(m_session->currentPath().isEmpty() ? 0 : 1, m_session->count());
    QString folder = m_lastFolder;
    if (folder.isEmpty() && !m_session->currentPath().isEmpty())
        folder = QFileInfo(m_session->currentPath()).absoluteDir().filePath(QStringLiteral("renditions"));
    RenditionExportRequest request;
    request.folder = folder;
    request.set = m_panel->currentSet();
    dialog.setRequest(request);
    if (dialog.exec() != QDialog::Accepted)
        return;
    exportRenditions(dialog.request());
}

void RenditionsFeature::showPresetDialog()
{
    RenditionPresetDialog dialog(m_panel->presetStore(), m_window);
    dialog.setStartingSet(m_panel->currentSet());
    dialog.exec();
    m_panel->reloadSets();
    if (!dialog.lastSavedName().isEmpty())
        m_panel->setCurrentSet(dialog.lastSavedName());
}

} // namespace cropwise
