#include "ui/MainWindow.h"

#include "core/geometry/AspectPresets.h"
#include "core/geometry/AspectSolver.h"
#include "core/model/CropPaste.h"
#include "core/model/ImageCatalog.h"
#include "core/model/ImageDocument.h"
#include "ui/AspectControls.h"
#include "ui/CropEditController.h"
#include "ui/ExportFlow.h"
#include "ui/ExportRunner.h"
#include "ui/ImageSession.h"
#include "ui/Plural.h"
#include "ui/RecentFiles.h"
#include "ui/canvas/CropCanvas.h"
#include "ui/labels/LabelsWorkbench.h"
#include "ui/commands/PasteCropsCommand.h"
#include "ui/dialogs/ShortcutsDialog.h"
#include "ui/panels/CropListPanel.h"
#include "ui/panels/CropReadout.h"
#include "ui/panels/MessageBar.h"
#include "ui/panels/ThumbnailModel.h"
#include "ui/panels/ThumbnailStrip.h"
#include "ui/renditions/RenditionsFeature.h"
#include "ui/review/ReviewController.h"
#include "ui/review/ReviewIndex.h"
#include "ui/review/ReviewWorkbench.h"

#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QComboBox>
#include <QDesktopServices>
#include <QDir>
#include <QDockWidget>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QImageReader>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QStatusBar>
#include <QToolBar>
#include <QToolButton>
#include <QUndoGroup>
#include <QUndoStack>
#include <QUrl>
#include <QVBoxLayout>

namespace cropwise {

namespace {

QString fileName(const QString &path)
{
    return QFileInfo(path).fileName();
}

QString htmlPath(const QString &path)
{
    return QDir::toNativeSeparators(path).toHtmlEscaped();
}

QString guideName(GuideOverlay g)
{
    switch (g) {
    case GuideOverlay::None:
        return QCoreApplication::translate("MainWindow", "No Guides");
    case GuideOverlay::Thirds:
        return QCoreApplication::translate("MainWindow", "Rule of Thirds");
    case GuideOverlay::Grid:
        return QCoreApplication::translate("MainWindow", "Grid");
    case GuideOverlay::GoldenSections:
        return QCoreApplication::translate("MainWindow", "Golden Sections");
    case GuideOverlay::Diagonals:
        return QCoreApplication::translate("MainWindow", "Diagonals");
    }
    return QString();
}

const QList<GuideOverlay> &guideCycle()
{
    // O cycles like Lightroom's overlay key; "none" last so one more press brings thirds back.
    static const QList<GuideOverlay> cycle { GuideOverlay::Thirds, GuideOverlay::Grid,
        GuideOverlay::GoldenSections, GuideOverlay::Diagonals, GuideOverlay::None };
    return cycle;
}

} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_session(new ImageSession(SidecarStore(), this))
    , m_canvas(new CropCanvas)
    , m_controller(new CropEditController(m_canvas, this))
    , m_thumbnails(new ThumbnailModel(this))
    , m_strip(new ThumbnailStrip)
    , m_cropPanel(new CropListPanel(m_controller))
    , m_messageBar(new MessageBar)
    , m_exportFlow(new ExportFlow(m_session, this, this))
    , m_recent(new RecentFiles(this))
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/cropwise.svg")));
    setAcceptDrops(true);
    setDockOptions(QMainWindow::AnimatedDocks | QMainWindow::AllowTabbedDocks);

    m_canvas->setObjectName(QStringLiteral("cropCanvas"));
    m_canvas->setMinimumSize(360, 260);
    m_strip->setThumbnailModel(m_thumbnails);

    auto *central = new QWidget;
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    // The message bar sits above the photo with a small margin; a layout whose widgets are all
    // hidden takes no space, so the canvas gets the full height when there is no message.
    auto *barRow = new QVBoxLayout;
    barRow->setContentsMargins(8, 6, 8, 2);
    barRow->addWidget(m_messageBar);
    layout->addLayout(barRow);
    layout->addWidget(m_canvas, 1);
    setCentralWidget(central);

    createActions();
    createMenus();
    createToolBar();
    createDocks();
    createStatusBar();
    connectSignals();
    m_labels = new LabelsWorkbench(this); // labels, verified, object boxes, datasets (issue 6)
    m_review = new ReviewWorkbench(this); // suggestions: background runs, triage, overlays (issue 4)
    // The folder's sidecar index (read in the background) also gives the filmstrip its verified marks.
    ReviewIndex *index = m_review->controller()->index();
    connect(index, &ReviewIndex::rowChanged, this, [this, index](int row) {
        m_thumbnails->setVerified(index->path(row), index->state(row).verified);
    });
    readSettings();
    updateActions();
    updateStatus();
    updateTitle();
    m_canvas->setFocus();
}

MainWindow::~MainWindow()
{
    // The session goes first, while the window is whole: closing its stacks makes the undo group
    // emit signals, which must not reach a half-destroyed window.
    disconnect(m_session->undoGroup(), nullptr, this, nullptr);
    disconnect(m_session, nullptr, this, nullptr);
    m_controller->setDocument(nullptr);
    m_controller->setUndoStack(nullptr);
    m_cropPanel->setDocument(nullptr);
    delete m_session;
    m_session = nullptr;
}

// --- Construction -----------------------------------------------------------------------------------

void MainWindow::createActions()
{
    for (const ShortcutEntry &e : shortcutTable()) {
        if (e.kind != ShortcutKind::Action || e.id == ShortcutId::Undo || e.id == ShortcutId::Redo)
            continue;
        QAction *a = createAction(e.id, this);
        m_actions.insert(e.id, a);
        // Canvas-context keys (Tab / Shift+Tab) live on the canvas, so they do not take Tab away
        // from the spin boxes and tables; the rest work anywhere in the window.
        if (e.context == ShortcutContext::Canvas)
            m_canvas->addAction(a);
        else
            addAction(a);
    }
    QAction *undo = m_session->undoGroup()->createUndoAction(this, tr("&Undo"));
    applyShortcut(undo, ShortcutId::Undo);
    QAction *redo = m_session->undoGroup()->createRedoAction(this, tr("&Redo"));
    applyShortcut(redo, ShortcutId::Redo);
    m_actions.insert(ShortcutId::Undo, undo);
    m_actions.insert(ShortcutId::Redo, redo);
    addAction(undo);
    addAction(redo);

    QAction *lock = m_actions[ShortcutId::LockAspect];
    QIcon lockIcon;
    lockIcon.addFile(QStringLiteral(":/icons/unlock.svg"), QSize(), QIcon::Normal, QIcon::Off);
    lockIcon.addFile(QStringLiteral(":/icons/lock.svg"), QSize(), QIcon::Normal, QIcon::On);
    lock->setIcon(lockIcon);
    m_actions[ShortcutId::FullScreen]->setCheckable(true);

    connect(m_actions[ShortcutId::OpenFiles], &QAction::triggered, this, &MainWindow::chooseFiles);
    connect(m_actions[ShortcutId::OpenFolder], &QAction::triggered, this, &MainWindow::chooseFolder);
    connect(m_actions[ShortcutId::ExportCrops], &QAction::triggered, this, &MainWindow::showExportDialog);
    connect(m_actions[ShortcutId::Quit], &QAction::triggered, this, &QWidget::close);
    connect(m_actions[ShortcutId::CopyCrop], &QAction::triggered, this, &MainWindow::copyCrops);
    connect(m_actions[ShortcutId::PasteCrop], &QAction::triggered, this, &MainWindow::pasteCrops);
    connect(m_actions[ShortcutId::AddCrop], &QAction::triggered, this, &MainWindow::addNewCrop);
    connect(m_actions[ShortcutId::DeleteCrop], &QAction::triggered, m_controller,
        &CropEditController::removeSelectedCrop);
    connect(m_actions[ShortcutId::RenameCrop], &QAction::triggered, this, [this] {
        m_cropDock->show();
        m_cropDock->raise();
        m_cropPanel->editSelectedName();
    });
    connect(m_actions[ShortcutId::NextCrop], &QAction::triggered, m_controller,
        &CropEditController::selectNextCrop);
    connect(m_actions[ShortcutId::PreviousCrop], &QAction::triggered, m_controller,
        &CropEditController::selectPreviousCrop);
    m_aspect = new AspectControls(m_controller, lock, m_actions[ShortcutId::SwapOrientation],
        m_actions[ShortcutId::CustomAspect], this, this);
    connect(m_aspect, &AspectControls::aspectChosen, this, [this] {
        m_canvas->setFocus();
        updateStatus();
    });
    connect(m_actions[ShortcutId::RotateLeft], &QAction::triggered, this,
        [this] { m_controller->turnImage(Turn::RotateCounterClockwise); });
    connect(m_actions[ShortcutId::RotateRight], &QAction::triggered, this,
        [this] { m_controller->turnImage(Turn::RotateClockwise); });
    connect(m_actions[ShortcutId::FlipHorizontal], &QAction::triggered, this,
        [this] { m_controller->turnImage(Turn::FlipHorizontal); });
    connect(m_actions[ShortcutId::FlipVertical], &QAction::triggered, this,
        [this] { m_controller->turnImage(Turn::FlipVertical); });
    connect(m_actions[ShortcutId::NextImage], &QAction::triggered, this, &MainWindow::nextImage);
    connect(m_actions[ShortcutId::PreviousImage], &QAction::triggered, this, &MainWindow::previousImage);
    connect(m_actions[ShortcutId::FirstImage], &QAction::triggered, this, [this] { goToImage(0); });
    connect(m_actions[ShortcutId::LastImage], &QAction::triggered, this,
        [this] { goToImage(m_session->count() - 1); });
    connect(m_actions[ShortcutId::CycleGuides], &QAction::triggered, this, &MainWindow::cycleGuides);
    connect(m_actions[ShortcutId::ZoomFit], &QAction::triggered, m_canvas, &CropCanvas::zoomToFit);
    connect(m_actions[ShortcutId::Zoom100], &QAction::triggered, m_canvas, &CropCanvas::zoomToActualSize);
    connect(m_actions[ShortcutId::ZoomIn], &QAction::triggered, m_canvas, &CropCanvas::zoomIn);
    connect(m_actions[ShortcutId::ZoomOut], &QAction::triggered, m_canvas, &CropCanvas::zoomOut);
    connect(m_actions[ShortcutId::FullScreen], &QAction::triggered, this, [this](bool on) {
        if (on)
            showFullScreen();
        else
            showNormal();
    });
    connect(m_actions[ShortcutId::ShowShortcuts], &QAction::triggered, this, &MainWindow::showShortcuts);

    // Guides: an exclusive choice, also cycled with O.
    m_guidesGroup = new QActionGroup(this);
    for (GuideOverlay g : { GuideOverlay::None, GuideOverlay::Thirds, GuideOverlay::Grid,
             GuideOverlay::GoldenSections, GuideOverlay::Diagonals }) {
        QAction *a = m_guidesGroup->addAction(guideName(g));
        a->setCheckable(true);
        a->setData(int(g));
        a->setObjectName(QStringLiteral("view.guides.%1").arg(int(g)));
        connect(a, &QAction::triggered, this, [this, g] { setGuides(g); });
    }
}

void MainWindow::createMenus()
{
    auto add = [this](QMenu *menu, ShortcutId id) { menu->addAction(m_actions[id]); };

    QMenu *file = menuBar()->addMenu(tr("&File"));
    add(file, ShortcutId::OpenFiles);
    add(file, ShortcutId::OpenFolder);
    m_recentMenu = file->addMenu(QIcon(QStringLiteral(":/icons/document-open.svg")), tr("Open &Recent"));
    connect(m_recentMenu, &QMenu::aboutToShow, this, [this] { m_recent->populateMenu(m_recentMenu); });
    m_recent->populateMenu(m_recentMenu);
    file->addSeparator();
    add(file, ShortcutId::ExportCrops);
    add(file, ShortcutId::ExportRenditions);
    add(file, ShortcutId::ImportObjectBoxes);
    add(file, ShortcutId::ExportDataset);
    file->addSeparator();
    add(file, ShortcutId::Quit);

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    add(edit, ShortcutId::Undo);
    add(edit, ShortcutId::Redo);
    edit->addSeparator();
    add(edit, ShortcutId::CopyCrop);
    add(edit, ShortcutId::PasteCrop);
    edit->addSeparator();
    add(edit, ShortcutId::AddCrop);
    add(edit, ShortcutId::RenameCrop);
    add(edit, ShortcutId::DeleteCrop);
    edit->addSeparator();
    add(edit, ShortcutId::NextCrop);
    add(edit, ShortcutId::PreviousCrop);

    QMenu *crop = menuBar()->addMenu(tr("&Crop"));
    QMenu *aspect = crop->addMenu(tr("&Aspect Ratio"));
    aspect->addActions(m_aspect->presetActions());
    aspect->addSeparator();
    add(aspect, ShortcutId::CustomAspect);
    add(crop, ShortcutId::LockAspect);
    add(crop, ShortcutId::SwapOrientation);

    QMenu *image = menuBar()->addMenu(tr("&Image"));
    add(image, ShortcutId::RotateLeft);
    add(image, ShortcutId::RotateRight);
    add(image, ShortcutId::FlipHorizontal);
    add(image, ShortcutId::FlipVertical);
    image->addSeparator();
    add(image, ShortcutId::PreviousImage);
    add(image, ShortcutId::NextImage);
    add(image, ShortcutId::FirstImage);
    add(image, ShortcutId::LastImage);

    QMenu *view = menuBar()->addMenu(tr("&View"));
    QMenu *guides = view->addMenu(QIcon(QStringLiteral(":/icons/guides.svg")), tr("&Guides"));
    guides->addActions(m_guidesGroup->actions());
    guides->addSeparator();
    add(guides, ShortcutId::CycleGuides);
    view->addSeparator();
    add(view, ShortcutId::ZoomFit);
    add(view, ShortcutId::Zoom100);
    add(view, ShortcutId::ZoomIn);
    add(view, ShortcutId::ZoomOut);
    view->addSeparator();
    QMenu *panels = view->addMenu(tr("&Panels"));
    panels->setObjectName(QStringLiteral("panelsMenu"));
    add(view, ShortcutId::FullScreen);

    QMenu *labels = menuBar()->addMenu(tr("&Labels"));
    labels->setObjectName(QStringLiteral("labelsMenu"));
    for (int n = 1; n <= 9; ++n)
        add(labels, ShortcutId(int(ShortcutId::LabelHotkey1) + n - 1));
    labels->addSeparator();
    add(labels, ShortcutId::ToggleVerified);
    add(labels, ShortcutId::ToggleObjectBoxes);

    QMenu *review = menuBar()->addMenu(tr("&Review"));
    review->setObjectName(QStringLiteral("reviewMenu"));
    for (ShortcutId id : { ShortcutId::SuggestImage, ShortcutId::SuggestFolder, ShortcutId::AcceptSuggestion,
             ShortcutId::RejectSuggestion, ShortcutId::RestoreSuggestion, ShortcutId::AcceptAllSuggestions,
             ShortcutId::NextSuggestion, ShortcutId::PreviousSuggestion, ShortcutId::NextAlternative,
             ShortcutId::PreviousAlternative, ShortcutId::MustIncludeArea, ShortcutId::ClearMustInclude,
             ShortcutId::ToggleFaces, ShortcutId::ToggleHeatMap, ShortcutId::ShowReviewMetrics }) {
        if (id == ShortcutId::AcceptSuggestion || id == ShortcutId::NextSuggestion
            || id == ShortcutId::MustIncludeArea || id == ShortcutId::ToggleFaces)
            review->addSeparator();
        add(review, id);
    }

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    add(help, ShortcutId::ShowShortcuts);
    help->addSeparator();
    help->addAction(windowIcon(), tr("&About Cropwise"), this, &MainWindow::showAbout);
}

void MainWindow::createToolBar()
{
    QToolBar *bar = addToolBar(tr("Tools"));
    bar->setObjectName(QStringLiteral("mainToolBar"));
    bar->setMovable(false);
    bar->setIconSize(QSize(20, 20));
    bar->setToolButtonStyle(Qt::ToolButtonIconOnly);
    bar->addAction(m_actions[ShortcutId::OpenFiles]);
    bar->addAction(m_actions[ShortcutId::OpenFolder]);
    bar->addSeparator();
    bar->addAction(m_actions[ShortcutId::Undo]);
    bar->addAction(m_actions[ShortcutId::Redo]);
    bar->addSeparator();

    auto *aspectLabel = new QLabel(tr("Aspect"));
    aspectLabel->setStyleSheet(QStringLiteral("color: #9a9a9a; padding: 0 6px 0 2px;"));
    bar->addWidget(aspectLabel);
    bar->addWidget(m_aspect->comboBox());
    bar->addAction(m_actions[ShortcutId::LockAspect]);
    bar->addAction(m_actions[ShortcutId::SwapOrientation]);
    bar->addSeparator();

    auto *guidesButton = new QToolButton;
    guidesButton->setObjectName(QStringLiteral("guidesButton"));
    auto *guidesMenu = new QMenu(guidesButton);
    guidesMenu->addActions(m_guidesGroup->actions());
    guidesButton->setMenu(guidesMenu);
    guidesButton->setDefaultAction(m_actions[ShortcutId::CycleGuides]);
    guidesButton->setPopupMode(QToolButton::MenuButtonPopup);
    bar->addWidget(guidesButton);
    bar->addSeparator();
    bar->addAction(m_actions[ShortcutId::RotateLeft]);
    bar->addAction(m_actions[ShortcutId::RotateRight]);
    bar->addAction(m_actions[ShortcutId::FlipHorizontal]);
    bar->addAction(m_actions[ShortcutId::FlipVertical]);
    bar->addSeparator();
    bar->addAction(m_actions[ShortcutId::ZoomFit]);
    bar->addAction(m_actions[ShortcutId::Zoom100]);
    bar->addAction(m_actions[ShortcutId::ZoomOut]);
    bar->addAction(m_actions[ShortcutId::ZoomIn]);

    auto *spacer = new QWidget;
    spacer->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    bar->addWidget(spacer);
    auto *exportButton = new QToolButton;
    exportButton->setObjectName(QStringLiteral("exportButton"));
    exportButton->setDefaultAction(m_actions[ShortcutId::ExportCrops]);
    exportButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    exportButton->setText(tr("Export"));
    exportButton->setStyleSheet(
        QStringLiteral("QToolButton { background: #2f5a85; border: 1px solid #3d6f9f; border-radius: 4px; "
                       "padding: 4px 12px; color: white; }"
                       "QToolButton:hover { background: #386a9c; } QToolButton:disabled { background: #333; "
                       "border-color: #3a3a3a; color: #777; }"));
    bar->addWidget(exportButton);
}

void MainWindow::createDocks()
{
    m_cropDock = new QDockWidget(tr("Crops"), this);
    m_cropDock->setObjectName(QStringLiteral("cropsDock"));
    m_cropDock->setWidget(m_cropPanel);
    m_cropDock->setAllowedAreas(Qt::LeftDockWidgetArea | Qt::RightDockWidgetArea);
    m_cropPanel->setActions(m_actions[ShortcutId::AddCrop], m_actions[ShortcutId::DeleteCrop]);
    m_cropPanel->setMinimumWidth(300);
    addDockWidget(Qt::RightDockWidgetArea, m_cropDock);

    m_stripDock = new QDockWidget(tr("Filmstrip"), this);
    m_stripDock->setObjectName(QStringLiteral("filmstripDock"));
    m_stripDock->setWidget(m_strip);
    addDockWidget(Qt::BottomDockWidgetArea, m_stripDock);
    connect(m_stripDock, &QDockWidget::dockLocationChanged, this, [this](Qt::DockWidgetArea area) {
        m_strip->setHorizontal(area == Qt::TopDockWidgetArea || area == Qt::BottomDockWidgetArea);
    });
    // The filmstrip spans the full width under the canvas and the panel, as in Lightroom.
    setCorner(Qt::BottomRightCorner, Qt::BottomDockWidgetArea);
    setCorner(Qt::BottomLeftCorner, Qt::BottomDockWidgetArea);

    if (auto *panels = menuBar()->findChild<QMenu *>(QStringLiteral("panelsMenu"))) {
        panels->addAction(m_cropDock->toggleViewAction());
        panels->addAction(m_stripDock->toggleViewAction());
    }
    m_renditions = new RenditionsFeature(this, m_session, m_controller, m_canvas);
}

void MainWindow::createStatusBar()
{
    auto label = [](const QString &name, const QString &tip) {
        auto *l = new QLabel;
        l->setObjectName(name);
        l->setToolTip(tip);
        return l;
    };
    m_statusName = label(QStringLiteral("statusName"), tr("Image"));
    m_statusIndex = label(QStringLiteral("statusIndex"), tr("Position in the filmstrip"));
    m_statusSize = label(QStringLiteral("statusSize"), tr("Image size (after rotation)"));
    m_statusZoom = label(QStringLiteral("statusZoom"), tr("Zoom: 100 % = one image pixel per screen pixel"));
    m_statusCursor = label(QStringLiteral("statusCursor"), tr("Image pixel under the mouse"));
    m_statusSave = label(QStringLiteral("statusSave"), QString());
    m_statusSave->setStyleSheet(QStringLiteral("color: #e06c5f;"));
    m_statusSave->hide();
    m_statusCursor->setMinimumWidth(fontMetrics().horizontalAdvance(QStringLiteral("x 00000  y 00000")) + 16);
    m_statusZoom->setMinimumWidth(fontMetrics().horizontalAdvance(QStringLiteral("Fit · 100 %")) + 16);
    statusBar()->addWidget(m_statusName, 1);
    statusBar()->addPermanentWidget(m_statusSave);
    statusBar()->addPermanentWidget(m_statusIndex);
    statusBar()->addPermanentWidget(m_statusSize);
    statusBar()->addPermanentWidget(m_statusZoom);
    statusBar()->addPermanentWidget(m_statusCursor);
    statusBar()->setSizeGripEnabled(true);
}

void MainWindow::connectSignals()
{
    connect(m_session, &ImageSession::currentChanged, this, &MainWindow::onCurrentImageChanged);
    connect(m_session, &ImageSession::autosaveFailed, this, &MainWindow::onAutosaveFailed);
    connect(m_session, &ImageSession::autosaved, this, &MainWindow::onAutosaved);
    connect(m_session, &ImageSession::sidecarProblem, this, &MainWindow::onSidecarProblem);
    connect(m_session, &ImageSession::sidecarNotice, this,
        [this](const QString &, const QString &message) { statusBar()->showMessage(message, 8000); });
    connect(m_session->undoGroup(), &QUndoGroup::indexChanged, this, &MainWindow::updateActions);

    connect(m_strip, &ThumbnailStrip::currentRowChanged, this, &MainWindow::goToImage);
    connect(m_strip, &ThumbnailStrip::selectionCountChanged, this, &MainWindow::updateActions);
    connect(m_thumbnails, &ThumbnailModel::loadingFinished, this, &MainWindow::onThumbnailsFinished);

    connect(m_canvas, &CropCanvas::imageLoaded, this,
        [this](const QString &path, const Size &, const QStringList &warnings) {
            if (path != m_session->currentPath())
                return;
            if (!warnings.isEmpty())
                m_messageBar->showMessage(MessageBar::Level::Warning,
                    tr("<b>%1</b>: %2")
                        .arg(
                            fileName(path).toHtmlEscaped(), warnings.join(QLatin1Char(' ')).toHtmlEscaped()));
            updateActions();
            updateStatus();
            emit imageShown(path);
        });
    connect(m_canvas, &CropCanvas::imageFailed, this, [this](const QString &path, const QString &reason) {
        if (path != m_session->currentPath())
            return;
        m_messageBar->showMessage(MessageBar::Level::Error,
            tr("<b>%1</b> cannot be opened: %2").arg(fileName(path).toHtmlEscaped(), reason.toHtmlEscaped()));
        updateActions();
        updateStatus();
        emit imageShown(path);
    });
    connect(m_canvas, &CropCanvas::zoomChanged, this, &MainWindow::updateZoomLabel);
    connect(m_canvas, &CropCanvas::hoverPositionChanged, this,
        [this](const Point &p) { m_statusCursor->setText(tr("x %1  y %2").arg(p.x).arg(p.y)); });
    connect(m_canvas, &CropCanvas::hoverLeft, this, [this] { m_statusCursor->clear(); });
    connect(m_canvas, &CropCanvas::dragPreviewChanged, m_cropPanel, &CropListPanel::showLiveRect);
    connect(m_canvas, &CropCanvas::dragFinished, m_cropPanel, &CropListPanel::showModelValues);

    connect(m_controller, &CropEditController::selectedCropChanged, this, &MainWindow::updateActions);

    connect(m_exportFlow->runner(), &ExportRunner::finished, this, &MainWindow::onExportFinished);
    connect(
        m_recent, &RecentFiles::openRequested, this, [this](const QString &path) { openPaths({ path }); });
}

void MainWindow::readSettings()
{
    QSettings s;
    if (!restoreGeometry(s.value(QStringLiteral("window/geometry")).toByteArray()))
        resize(1440, 900);
    restoreState(s.value(QStringLiteral("window/state")).toByteArray());

    const int guides = s.value(QStringLiteral("view/guides"), int(GuideOverlay::Thirds)).toInt();
    setGuides(guides >= int(GuideOverlay::None) && guides <= int(GuideOverlay::Diagonals)
            ? GuideOverlay(guides)
            : GuideOverlay::Thirds);

    // The aspect choice survives restarts: "free", "original" or "a:b".
    m_aspect->restoreSettingsValue(s.value(QStringLiteral("crop/aspect"), QStringLiteral("free")).toString());

    m_exportSettings.folder = s.value(QStringLiteral("export/folder")).toString();
    m_exportSettings.format = s.value(QStringLiteral("export/format")).toString() == QLatin1String("png")
        ? OutputFormat::Png
        : OutputFormat::Jpeg;
    m_exportSettings.quality = qBound(1, s.value(QStringLiteral("export/quality"), 92).toInt(), 100);
    const QString sizeMode
        = s.value(QStringLiteral("export/sizeMode"), QStringLiteral("original")).toString();
    const int length = qMax(16, s.value(QStringLiteral("export/sizeValue"), 2048).toInt());
    if (sizeMode == QLatin1String("long"))
        m_exportSettings.size = ExportSize::longestSide(length);
    else if (sizeMode == QLatin1String("width"))
        m_exportSettings.size = ExportSize::fixedWidth(length);
    else if (sizeMode == QLatin1String("height"))
        m_exportSettings.size = ExportSize::fixedHeight(length);
    m_exportSettings.pattern = s.value(QStringLiteral("export/pattern"), kDefaultFileNamePattern).toString();
}

void MainWindow::writeSettings() const
{
    QSettings s;
    s.setValue(QStringLiteral("window/geometry"), saveGeometry());
    s.setValue(QStringLiteral("window/state"), saveState());
    s.setValue(QStringLiteral("view/guides"), int(m_canvas->guides()));
    s.setValue(QStringLiteral("crop/aspect"), m_aspect->settingsValue());
    s.setValue(QStringLiteral("export/folder"), m_exportSettings.folder);
    s.setValue(QStringLiteral("export/format"),
        m_exportSettings.format == OutputFormat::Png ? QStringLiteral("png") : QStringLiteral("jpeg"));
    s.setValue(QStringLiteral("export/quality"), m_exportSettings.quality);
    QString sizeMode = QStringLiteral("original");
    switch (m_exportSettings.size.mode) {
    case ExportSize::LongestSide:
        sizeMode = QStringLiteral("long");
        break;
    case ExportSize::Width:
        sizeMode = QStringLiteral("width");
        break;
    case ExportSize::Height:
        sizeMode = QStringLiteral("height");
        break;
    default:
        break;
    }
    s.setValue(QStringLiteral("export/sizeMode"), sizeMode);
    if (m_exportSettings.size.length > 0)
        s.setValue(QStringLiteral("export/sizeValue"), m_exportSettings.size.length);
    s.setValue(QStringLiteral("export/pattern"), m_exportSettings.pattern);
}

// --- Opening ------------------------------------------------------------------------------------------

void MainWindow::openPaths(const QStringList &paths)
{
    QStringList folders;
    QStringList files;
    for (const QString &p : paths) {
        const QFileInfo info(p);
        (info.isDir() ? folders : files) << QDir::cleanPath(info.absoluteFilePath());
    }
    for (const QString &p : folders + files)
        m_recent->add(p);

    if (folders.size() == 1 && files.isEmpty()) {
        openFolder(folders.first());
        return;
    }
    if (files.size() == 1 && folders.isEmpty()) {
        // One file: show its whole folder, starting at it (as image viewers do).
        const CatalogResult one = catalogFromFiles(files);
        if (one.imagePaths.isEmpty()) {
            QStringList reasons = one.skipped;
            if (reasons.isEmpty())
                reasons << one.error;
            m_messageBar->showMessage(
                MessageBar::Level::Error, reasons.join(QLatin1Char(' ')).toHtmlEscaped());
            return;
        }
        openFolder(QFileInfo(one.imagePaths.first()).absolutePath(), one.imagePaths.first());
        return;
    }

    QStringList images;
    QStringList problems;
    for (const QString &folder : folders) {
        const CatalogResult r = scanFolder(folder);
        if (!r.ok())
            problems << r.error;
        images += r.imagePaths;
    }
    if (!files.isEmpty()) {
        const CatalogResult r = catalogFromFiles(files);
        images += r.imagePaths;
        problems += r.skipped;
    }
    images.removeDuplicates();
    showImages(images, 0, plural(images.size(), tr("%1 image"), tr("%1 images")), problems);
}

void MainWindow::openFolder(const QString &folder, const QString &currentFile)
{
    QSettings().setValue(QStringLiteral("dialogs/lastFolder"), folder);
    const CatalogResult r = scanFolder(folder);
    if (!r.ok()) {
        if (!currentFile.isEmpty()) {
            // The folder cannot be listed but the file itself was readable: show just the file.
            showImages({ currentFile }, 0, fileName(currentFile), { r.error });
            return;
        }
        m_messageBar->showMessage(MessageBar::Level::Error, r.error.toHtmlEscaped());
        return;
    }
    if (r.imagePaths.isEmpty()) {
        showImages({}, 0, QString(), {});
        m_messageBar->showMessage(MessageBar::Level::Information,
            tr("<b>%1</b> holds no images Cropwise can open (JPEG, PNG, WebP, TIFF, BMP).")
                .arg(htmlPath(folder)));
        return;
    }
    int current = 0;
    if (!currentFile.isEmpty())
        current = qMax(0, int(r.imagePaths.indexOf(currentFile)));
    showImages(r.imagePaths, current, QDir(folder).dirName(), {});
}

void MainWindow::showImages(
    const QStringList &paths, int current, const QString &summaryTitle, const QStringList &problems)
{
    m_messageBar->dismiss();
    m_openProblems = problems;
    m_openTitle = summaryTitle;
    m_sidecarProblems.clear();
    m_thumbnails->setThumbnailLongSide(int(ThumbnailDelegate::thumbnailBox().width() * devicePixelRatioF()));
    m_thumbnails->setImages(paths);
    m_session->setImages(paths, current);
    m_strip->setCurrentRow(m_session->currentIndex());
    if (paths.isEmpty())
        onCurrentImageChanged(-1, QString());
    m_canvas->setFocus();
}

bool MainWindow::goToImage(int index)
{
    if (!m_session->setCurrentIndex(index))
        return false;
    return true;
}

void MainWindow::nextImage()
{
    if (!goToImage(m_session->currentIndex() + 1) && m_session->count() > 0)
        statusBar()->showMessage(tr("This is the last image."), 2000);
}

void MainWindow::previousImage()
{
    if (!goToImage(m_session->currentIndex() - 1) && m_session->count() > 0)
        statusBar()->showMessage(tr("This is the first image."), 2000);
}

void MainWindow::chooseFiles()
{
    const QString start = QSettings()
                              .value(QStringLiteral("dialogs/lastFolder"),
                                  QStandardPaths::writableLocation(QStandardPaths::PicturesLocation))
                              .toString();
    QStringList patterns;
    for (const QString &ext : imageFileExtensions())
        patterns << QStringLiteral("*.%1 *.%2").arg(ext, ext.toUpper());
    const QStringList files = QFileDialog::getOpenFileNames(this, tr("Open Images"), start,
        tr("Images (%1);;All files (*)").arg(patterns.join(QLatin1Char(' '))));
    if (!files.isEmpty())
        openPaths(files);
}

void MainWindow::chooseFolder()
{
    const QString start = QSettings()
                              .value(QStringLiteral("dialogs/lastFolder"),
                                  QStandardPaths::writableLocation(QStandardPaths::PicturesLocation))
                              .toString();
    const QString folder = QFileDialog::getExistingDirectory(this, tr("Open Folder"), start);
    if (!folder.isEmpty())
        openPaths({ folder });
}

void MainWindow::onCurrentImageChanged(int index, const QString &path)
{
    QString error;
    ImageDocument *doc = index >= 0 ? m_session->document(path, &error) : nullptr;
    m_controller->setUndoStack(doc ? m_session->undoStack(path) : nullptr);
    m_controller->setDocument(doc);
    m_cropPanel->setDocument(doc);
    m_renditions->setDocument(doc, doc ? m_session->undoStack(path) : nullptr);
    if (doc) {
        connect(doc, &ImageDocument::changed, this, &MainWindow::updateActions, Qt::UniqueConnection);
        connect(doc, &ImageDocument::userTurnChanged, this, &MainWindow::updateStatus, Qt::UniqueConnection);
    }
    if (index < 0) {
        m_canvas->clearImage();
    } else {
        // Also for an image whose header could not be read: the canvas then shows why, and the
        // message bar says it once.
        m_canvas->loadImage(path);
        if (!doc)
            m_messageBar->showMessage(MessageBar::Level::Error,
                tr("<b>%1</b> cannot be opened: %2")
                    .arg(fileName(path).toHtmlEscaped(), error.toHtmlEscaped()));
    }
    // When the strip itself moved (a click, Ctrl+click), leave its multi-selection alone.
    if (m_strip->currentRow() != index)
        m_strip->setCurrentRow(index);
    m_aspect->imageChanged();
    // Show the image's first crop ready to edit (handles, guides, the outside dimmed), as a crop
    // tool opens with its crop active. Selecting adopts the crop's own ratio lock.
    if (doc && doc->cropCount() > 0)
        m_controller->setSelectedCropId(doc->crops().first().id);
    updateActions();
    updateStatus();
    updateTitle();
}

void MainWindow::onThumbnailsFinished()
{
    QStringList details = m_openProblems;
    const QStringList bad = m_thumbnails->problems();
    details += bad;
    const int warnings = m_thumbnails->warningCount();
    if (warnings > 0) {
        QStringList all = m_thumbnails->problems(true);
        for (const QString &line : all) {
            if (!bad.contains(line))
                details << line;
        }
    }
    if (details.isEmpty())
        return;
    const int total = m_thumbnails->rowCount();
    QStringList parts;
    if (!bad.isEmpty()) {
        QString part = tr("%1 of %2 cannot be opened")
                           .arg(bad.size())
                           .arg(plural(total, tr("%1 file"), tr("%1 files")));
        if (bad.size() <= 3) { // few: name them right here
            QStringList names;
            for (int row = 0; row < total; ++row) {
                if (m_thumbnails->state(row) == ThumbnailModel::State::Failed)
                    names << fileName(m_thumbnails->path(row));
            }
            part += QStringLiteral(" (%1)").arg(names.join(QStringLiteral(", ")));
        }
        parts << part;
    }
    if (warnings > 0)
        parts << plural(warnings, tr("%1 opened with a warning"), tr("%1 opened with warnings"));
    if (!m_openProblems.isEmpty())
        parts << plural(m_openProblems.size(), tr("%1 item was skipped"), tr("%1 items were skipped"));
    QString text = parts.join(QStringLiteral("; ")) + QLatin1Char('.');
    text[0] = text[0].toUpper();
    if (!bad.isEmpty() || warnings > 0)
        text += QLatin1Char(' ') + tr("Their thumbnails are marked; hover one for the reason.");
    m_messageBar->showMessage(
        MessageBar::Level::Warning, text.toHtmlEscaped(), details.join(QLatin1Char('\n')));
    statusBar()->showMessage(text, 10000);
}

// --- Guides ----------------------------------------------------------------------------------

void MainWindow::setGuides(GuideOverlay guides)
{
    m_canvas->setGuides(guides);
    for (QAction *a : m_guidesGroup->actions())
        a->setChecked(a->data().toInt() == int(guides));
    m_actions[ShortcutId::CycleGuides]->setToolTip(
        tr("Guides: %1 — %2 cycles").arg(guideName(guides), keysText(shortcut(ShortcutId::CycleGuides))));
}

void MainWindow::cycleGuides()
{
    const QList<GuideOverlay> &cycle = guideCycle();
    const int at = int(cycle.indexOf(m_canvas->guides()));
    const GuideOverlay next = cycle[(at + 1) % cycle.size()];
    setGuides(next);
    statusBar()->showMessage(tr("Guides: %1").arg(guideName(next)), 2000);
}

// --- Crops -----------------------------------------------------------------------------------------

void MainWindow::addNewCrop()
{
    const ImageDocument *doc = m_controller->document();
    if (!doc)
        return;
    const Size size = doc->displayedSize();
    const Rect bounds = Rect::fromSize(size);
    // A new crop covers the central 80 % (a full-image crop would hide its own edges), with the
    // current ratio when one is locked.
    const Rect inset { size.width / 10, size.height / 10, size.width - 2 * (size.width / 10),
        size.height - 2 * (size.height / 10) };
    Rect r = inset;
    if (const auto aspect = m_controller->aspect()) {
        r = fitAspectInside(inset, *aspect, bounds);
        if (r.isEmpty())
            r = centredCrop(size, *aspect);
    }
    if (!r.isEmpty())
        m_controller->addCrop(r);
    m_canvas->setFocus();
}

int MainWindow::copyCrops()
{
    const ImageDocument *doc = m_controller->document();
    if (!doc || doc->cropCount() == 0)
        return 0;
    QList<Crop> crops;
    if (const auto selected = doc->crop(m_controller->selectedCropId()))
        crops << *selected;
    else
        crops = doc->crops();
    m_clipboard = Clipboard { crops, doc->displayedSize(), doc->imagePath() };
    const QString what = crops.size() == 1 ? QStringLiteral("“%1”").arg(crops.first().name)
                                           : tr("%n crops", nullptr, int(crops.size()));
    statusBar()->showMessage(
        tr("Copied %1. Select images in the filmstrip (Ctrl/Shift+click) and paste with %2.")
            .arg(what, keysText(shortcut(ShortcutId::PasteCrop))),
        8000);
    updateActions();
    return int(crops.size());
}

int MainWindow::pasteCrops()
{
    if (m_clipboard.crops.isEmpty())
        return 0;
    QStringList targets;
    for (int row : m_strip->selectedRows())
        targets << m_thumbnails->path(row);

    if (targets.size() <= 1) {
        // Onto the image on screen: one undo step, the pasted crop selected.
        const int added = m_controller->pasteCrops(m_clipboard.crops, m_clipboard.sourceSize);
        if (added > 0)
            statusBar()->showMessage(plural(added, tr("Pasted %1 crop."), tr("Pasted %1 crops.")), 4000);
        return added > 0 ? 1 : 0;
    }

    targets.removeAll(m_clipboard.sourcePath); // "onto the other selected images"
    int images = 0;
    QStringList failures;
    for (const QString &path : targets) {
        QString error;
        ImageDocument *doc = m_session->document(path, &error);
        if (!doc) {
            failures << QStringLiteral("%1: %2").arg(fileName(path), error);
            continue;
        }
        const QList<Crop> crops
            = cropwise::pasteCrops(m_clipboard.crops, m_clipboard.sourceSize, doc->displayedSize());
        if (crops.isEmpty()) {
            failures << tr("%1: the image is too small for the crop").arg(fileName(path));
            continue;
        }
        // One undo step per image, on that image's own stack.
        m_session->undoStack(path)->push(new PasteCropsCommand(doc, crops));
        ++images;
    }
    const QString message
        = tr("Pasted onto %1, each scaled to its image with the aspect kept. Undo works per image.")
              .arg(plural(images, tr("%1 image"), tr("%1 images")));
    if (failures.isEmpty()) {
        statusBar()->showMessage(message, 8000);
    } else {
        m_messageBar->showMessage(MessageBar::Level::Warning,
            (message + QLatin1Char(' ')
                + plural(failures.size(), tr("%1 image could not take the crop."),
                    tr("%1 images could not take the crop.")))
                .toHtmlEscaped(),
            failures.join(QLatin1Char('\n')));
    }
    updateActions();
    return images;
}

// --- Export ------------------------------------------------------------------------------------------

void MainWindow::showExportDialog()
{
    ImageDocument *doc = m_controller->document();
    ExportDialog dialog(this);
    ExportDialog::Counts counts;
    const auto selected = doc ? doc->crop(m_controller->selectedCropId()) : std::nullopt;
    counts.hasSelectedCrop = selected.has_value();
    counts.currentImageCrops = doc ? doc->cropCount() : 0;
    counts.selectedImages = int(m_strip->selectedRows().size());
    counts.allImages = m_session->count();
    dialog.setCounts(counts);
    if (doc) {
        const Crop example = selected ? *selected : (doc->cropCount() > 0 ? doc->crops().first() : Crop());
        dialog.setExample(doc->imagePath(), example);
    }
    ExportSettings settings = m_exportSettings;
    if (settings.folder.isEmpty() && !m_session->currentPath().isEmpty())
        settings.folder = QFileInfo(m_session->currentPath()).absoluteDir().filePath(QStringLiteral("crops"));
    dialog.setSettings(settings);
    dialog.setScope(m_exportScope);
    if (dialog.exec() != QDialog::Accepted)
        return;
    m_exportSettings = dialog.settings();
    m_exportScope = dialog.scope();
    writeSettings();
    exportCrops(m_exportSettings, m_exportScope);
}

bool MainWindow::exportCrops(const ExportSettings &settings, ExportDialog::Scope scope)
{
    // Images not open are read from their sidecars: write what is pending first.
    m_session->flushAll();

    QList<ExportSource> sources;
    QStringList problems;
    ImageDocument *current = m_controller->document();
    switch (scope) {
    case ExportDialog::Scope::SelectedCrop:
        if (current) {
            if (const auto crop = current->crop(m_controller->selectedCropId())) {
                ExportSource one = ExportFlow::sourceOf(*current);
                one.crops = { *crop };
                sources << one;
            }
        }
        break;
    case ExportDialog::Scope::CurrentImage:
        if (current)
            sources << ExportFlow::sourceOf(*current);
        break;
    case ExportDialog::Scope::SelectedImages: {
        QStringList paths;
        for (int row : m_strip->selectedRows())
            paths << m_thumbnails->path(row);
        sources = m_exportFlow->sourcesForImages(paths, &problems);
        break;
    }
    case ExportDialog::Scope::AllImages:
        sources = m_exportFlow->sourcesForImages(m_session->imagePaths(), &problems);
        break;
    }

    int skipped = 0;
    int planned = 0;
    switch (m_exportFlow->start(sources, settings, &skipped, &planned)) {
    case ExportFlow::Outcome::Started:
        statusBar()->showMessage(tr("Exporting %1…").arg(plural(planned, tr("%1 crop"), tr("%1 crops"))));
        return true;
    case ExportFlow::Outcome::Busy:
        statusBar()->showMessage(tr("An export is already running."), 4000);
        return false;
    case ExportFlow::Outcome::NothingToExport:
        m_messageBar->showMessage(MessageBar::Level::Information,
            tr("Nothing to export: no crops in the chosen images. Draw a crop first."),
            problems.join(QLatin1Char('\n')));
        return false;
    case ExportFlow::Outcome::Cancelled:
        statusBar()->showMessage(tr("Export cancelled; nothing was written."), 5000);
        return false;
    case ExportFlow::Outcome::AllExist:
        m_messageBar->showMessage(MessageBar::Level::Information,
            plural(skipped, tr("Nothing exported: the file exists already and was kept."),
                tr("Nothing exported: all %1 files exist already and were kept.")));
        return false;
    case ExportFlow::Outcome::FolderError:
        m_messageBar->showMessage(MessageBar::Level::Error,
            tr("Cannot create the folder <b>%1</b>.").arg(htmlPath(settings.folder)));
        return false;
    }
    return false;
}

bool MainWindow::exportDataset(const DatasetRequest &request)
{
    return m_labels->exportDataset(request);
}

void MainWindow::onExportFinished(const ExportSummary &summary)
{
    statusBar()->clearMessage();
    const QString folder = htmlPath(summary.folder);
    const int written = int(summary.written.size());
    QString text;
    MessageBar::Level level = MessageBar::Level::Positive;
    if (summary.canceled) {
        level = MessageBar::Level::Warning;
        text = tr("Export cancelled: %1 written to <b>%2</b>.")
                   .arg(plural(written, tr("%1 crop"), tr("%1 crops")), folder);
    } else if (summary.failures.isEmpty()) {
        text = tr("Exported %1 to <b>%2</b>.").arg(plural(written, tr("%1 crop"), tr("%1 crops")), folder);
    } else {
        level = MessageBar::Level::Error;
        text = tr("Exported %1 of %2 crops to <b>%3</b>; %4 failed.")
                   .arg(written)
                   .arg(summary.planned)
                   .arg(folder)
                   .arg(summary.failures.size());
    }
    if (summary.skipped > 0)
        text += QLatin1Char(' ')
            + plural(summary.skipped, tr("%1 existing file kept."), tr("%1 existing files kept."));
    m_messageBar->showMessage(level, text, summary.failures.join(QLatin1Char('\n')));
    const QString path = summary.folder;
    m_messageBar->setAction(
        tr("Show Folder"), [path] { QDesktopServices::openUrl(QUrl::fromLocalFile(path)); });
    emit exportFinished(summary);
}

// --- Session messages ------------------------------------------------------------------------------

void MainWindow::onAutosaveFailed(const QString &imagePath, const QString &reason)
{
    // The status bar, not a dialog: autosave retries on the next change and on quit.
    m_unsaved.insert(imagePath, reason);
    m_statusSave->setText(
        tr("⚠ Not saved (%1)").arg(plural(m_unsaved.size(), tr("%1 image"), tr("%1 images"))));
    QStringList lines;
    for (auto it = m_unsaved.cbegin(); it != m_unsaved.cend(); ++it)
        lines << QStringLiteral("%1: %2").arg(fileName(it.key()), it.value());
    m_statusSave->setToolTip(lines.join(QLatin1Char('\n')));
    m_statusSave->show();
    statusBar()->showMessage(
        tr("Could not save the crops of %1: %2").arg(fileName(imagePath), reason), 10000);
}

void MainWindow::onAutosaved(const QString &imagePath)
{
    if (m_unsaved.remove(imagePath) == 0)
        return;
    if (m_unsaved.isEmpty())
        m_statusSave->hide();
    else
        m_statusSave->setText(
            tr("⚠ Not saved (%1)").arg(plural(m_unsaved.size(), tr("%1 image"), tr("%1 images"))));
}

void MainWindow::onSidecarProblem(const QString &imagePath, const QString &message)
{
    Q_UNUSED(imagePath);
    m_sidecarProblems << message;
    if (m_sidecarProblems.size() == 1)
        m_messageBar->showMessage(MessageBar::Level::Warning, message.toHtmlEscaped());
    else
        m_messageBar->showMessage(MessageBar::Level::Warning,
            tr("%1 saved session files could not be read; each was kept aside and the images "
               "open without their saved crops.")
                .arg(m_sidecarProblems.size()),
            m_sidecarProblems.join(QLatin1Char('\n')));
}

// --- State display ------------------------------------------------------------------------------------

void MainWindow::updateActions()
{
    const ImageDocument *doc = m_controller->document();
    const bool hasDoc = doc != nullptr;
    const int crops = doc ? doc->cropCount() : 0;
    const bool hasSelection = doc && doc->indexOf(m_controller->selectedCropId()) >= 0;
    const int index = m_session->currentIndex();
    const int count = m_session->count();

    m_actions[ShortcutId::CopyCrop]->setEnabled(crops > 0);
    m_actions[ShortcutId::CopyCrop]->setText(
        hasSelection || crops <= 1 ? tr("&Copy Crop") : tr("&Copy All Crops"));
    const int selectedImages = int(m_strip->selectedRows().size());
    QAction *paste = m_actions[ShortcutId::PasteCrop];
    paste->setEnabled(hasCopiedCrops() && (hasDoc || selectedImages > 1));
    paste->setText(selectedImages > 1 ? tr("&Paste Crop to %n Selected Images", nullptr, selectedImages)
                                      : tr("&Paste Crop"));
    m_actions[ShortcutId::AddCrop]->setEnabled(hasDoc);
    m_actions[ShortcutId::DeleteCrop]->setEnabled(hasSelection);
    m_actions[ShortcutId::RenameCrop]->setEnabled(hasSelection);
    m_actions[ShortcutId::NextCrop]->setEnabled(crops > 0);
    m_actions[ShortcutId::PreviousCrop]->setEnabled(crops > 0);
    for (ShortcutId id : { ShortcutId::RotateLeft, ShortcutId::RotateRight, ShortcutId::FlipHorizontal,
             ShortcutId::FlipVertical })
        m_actions[id]->setEnabled(hasDoc);
    m_actions[ShortcutId::NextImage]->setEnabled(index >= 0 && index + 1 < count);
    m_actions[ShortcutId::LastImage]->setEnabled(index >= 0 && index + 1 < count);
    m_actions[ShortcutId::PreviousImage]->setEnabled(index > 0);
    m_actions[ShortcutId::FirstImage]->setEnabled(index > 0);
    const bool hasImage = m_canvas->hasImage();
    for (ShortcutId id :
        { ShortcutId::ZoomFit, ShortcutId::Zoom100, ShortcutId::ZoomIn, ShortcutId::ZoomOut })
        m_actions[id]->setEnabled(hasImage);
    m_actions[ShortcutId::ExportCrops]->setEnabled(count > 0);
}

void MainWindow::updateStatus()
{
    const QString path = m_session->currentPath();
    const ImageDocument *doc = m_controller->document();
    if (path.isEmpty()) {
        m_statusName->setText(tr("Open a photo or a folder (%1), or drop it here.")
                                  .arg(keysText(shortcut(ShortcutId::OpenFolder))));
        m_statusIndex->clear();
        m_statusSize->clear();
    } else {
        m_statusName->setText(fileName(path));
        m_statusName->setToolTip(QDir::toNativeSeparators(path));
        m_statusIndex->setText(tr("%1 / %2").arg(m_session->currentIndex() + 1).arg(m_session->count()));
        if (doc)
            m_statusSize->setText(sizeText(doc->displayedSize()));
        else
            m_statusSize->setText(tr("cannot be opened"));
    }
    updateZoomLabel();
}

void MainWindow::updateZoomLabel()
{
    if (!m_canvas->hasImage()) {
        m_statusZoom->clear();
        return;
    }
    const double percent = m_canvas->zoom() * 100.0;
    const QString value = percent >= 10 ? QString::number(qRound(percent)) : QString::number(percent, 'f', 1);
    m_statusZoom->setText(m_canvas->isFitMode() ? tr("Fit · %1 %").arg(value) : tr("%1 %").arg(value));
}

void MainWindow::updateTitle()
{
    const QString path = m_session->currentPath();
    setWindowTitle(path.isEmpty() ? QStringLiteral("Cropwise") : tr("%1 — Cropwise").arg(fileName(path)));
}

QComboBox *MainWindow::aspectCombo() const
{
    return m_aspect->comboBox();
}

QString MainWindow::statusText() const
{
    QStringList parts;
    for (const QLabel *l : { m_statusName, m_statusIndex, m_statusSize, m_statusZoom, m_statusCursor }) {
        if (!l->text().isEmpty())
            parts << l->text();
    }
    return parts.join(QStringLiteral(" | "));
}

// --- Dialogs -------------------------------------------------------------------------------------------

void MainWindow::showShortcuts()
{
    auto *dialog = findChild<ShortcutsDialog *>();
    if (!dialog) {
        dialog = new ShortcutsDialog(this);
        dialog->setModal(false);
    }
    dialog->show();
    dialog->raise();
    dialog->activateWindow();
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About Cropwise"),
        tr("<h3>Cropwise %1</h3><p>Crop photos by hand: several named, labelled crops per image, "
           "exact aspect ratios, composition guides, undo, and export at exactly the crop's pixels "
           "or a chosen size.</p><p>Your crops are saved as you work, in a small "
           "<code>.cropwise.json</code> file beside each photo.</p>")
            .arg(QCoreApplication::applicationVersion()));
}

// --- Events ----------------------------------------------------------------------------------------------

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (m_exportFlow->runner()->isRunning()) {
        m_exportFlow->runner()->cancel();
        m_exportFlow->runner()->future().waitForFinished();
    }
    const QStringList failures = m_session->flushAll();
    if (!failures.isEmpty()) {
        const auto answer = QMessageBox::warning(this, tr("Crops Not Saved"),
            tr("The crops of %1 could not be saved:\n\n%2\n\nQuit anyway and lose these changes?")
                .arg(plural(failures.size(), tr("%1 image"), tr("%1 images")),
                    failures.join(QLatin1Char('\n'))),
            QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Cancel);
        if (answer != QMessageBox::Discard) {
            event->ignore();
            return;
        }
    }
    writeSettings();
    event->accept();
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    if (event->mimeData()->hasUrls()) {
        for (const QUrl &url : event->mimeData()->urls()) {
            if (url.isLocalFile()) {
                event->acceptProposedAction();
                return;
            }
        }
    }
}

void MainWindow::dropEvent(QDropEvent *event)
{
    QStringList paths;
    for (const QUrl &url : event->mimeData()->urls()) {
        if (url.isLocalFile())
            paths << url.toLocalFile();
    }
    if (paths.isEmpty())
        return;
    event->acceptProposedAction();
    openPaths(paths);
}

void MainWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::WindowStateChange)
        m_actions[ShortcutId::FullScreen]->setChecked(isFullScreen());
    QMainWindow::changeEvent(event);
}

} // namespace cropwise
