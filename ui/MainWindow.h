#pragma once

// The Cropwise window: the crop canvas in the centre, the filmstrip (thumbnail strip) below, the
// Crops panel at the right, the aspect/guides/zoom controls in the tool bar, and a status bar with
// the image's name, its index ("3 / 120"), size, the zoom and the pixel under the cursor.
//
// It is wiring, not logic: ImageSession holds the images, documents, undo stacks and autosavers;
// CropEditController turns canvas and panel edits into undo commands; core does geometry, decoding,
// sidecars and export. Every QAction comes from the one shortcuts table (ui/Shortcuts.h).
//
// Opening: openPaths() takes files and folders (command line, drag and drop, dialogs). One file
// opens its whole folder with that file shown (as image viewers do); several files open just
// those; folders open their images. Problems (unreadable folder, files that are not images, bad
// sidecars) are summarised in ONE in-window message bar, never a dialog per file.
//
// Copy/paste: Copy takes the selected crop (or every crop of the image when none is selected).
// Paste with several images selected in the strip pastes onto each selected image except the one
// copied from, scaled to each image with its aspect kept (core pasteCrops); every image gets ONE
// undo step on its own undo stack ("Paste crop"). With one image selected, it pastes onto the
// current image.
//
// Thread: GUI thread only.

#include "core/geometry/AspectRatio.h"
#include "core/geometry/Rect.h"
#include "core/model/Crop.h"
#include "ui/ExportFlow.h"
#include "ui/ExportPlan.h"
#include "ui/Shortcuts.h"
#include "ui/canvas/GuideOverlay.h"
#include "ui/dialogs/ExportDialog.h"

#include <QHash>
#include <QMainWindow>
#include <QMap>
#include <QPointer>

#include <functional>
#include <optional>

class QActionGroup;
class QComboBox;
class QDockWidget;
class QLabel;
class QMenu;

namespace cropwise {

class AspectControls;
class CropCanvas;
class CropEditController;
class CropListPanel;
class ExportRunner;
class ImageSession;
class MessageBar;
class RecentFiles;
class RenditionsFeature;
class ThumbnailModel;
class ThumbnailStrip;
class LabelsWorkbench;
class ReviewWorkbench;
struct DatasetRequest;
struct ExportSummary;

class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    using OverwriteChoice = ExportFlow::OverwriteChoice;
    using OverwritePrompt = ExportFlow::OverwritePrompt;

    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    // --- Opening and navigating ------------------------------------------------------------------
    void openPaths(const QStringList &paths);
    bool goToImage(int index);
    void nextImage();
    void previousImage();

    // --- Editing -------------------------------------------------------------------------------------
    // Returns how many crops were copied.
    int copyCrops();
    // Returns how many images received crops.
    int pasteCrops();
    bool hasCopiedCrops() const { return !m_clipboard.crops.isEmpty(); }

    // --- Export ----------------------------------------------------------------------------------------
    // Asked once per export when planned files exist already (default: a message box).
    void setOverwritePrompt(OverwritePrompt prompt) { m_exportFlow->setOverwritePrompt(std::move(prompt)); }
    // Plans and starts an export without the dialog (the dialog calls it too). False when nothing
    // was started (nothing to export, the user cancelled at the overwrite question, folder error).
    bool exportCrops(const ExportSettings &settings, ExportDialog::Scope scope);
    // Starts a dataset export without the dialog (ui/labels/LabelsWorkbench.h); false when nothing
    // was started. LabelsWorkbench::datasetExported() reports the result.
    bool exportDataset(const DatasetRequest &request);

    // --- For tests and tools ---------------------------------------------------------------------
    ImageSession *session() const { return m_session; }
    CropCanvas *canvas() const { return m_canvas; }
    CropEditController *controller() const { return m_controller; }
    ThumbnailStrip *thumbnailStrip() const { return m_strip; }
    ThumbnailModel *thumbnailModel() const { return m_thumbnails; }
    CropListPanel *cropPanel() const { return m_cropPanel; }
    MessageBar *messageBar() const { return m_messageBar; }
    LabelsWorkbench *labels() const { return m_labels; } // labels, verified, object boxes, datasets
    ReviewWorkbench *review() const { return m_review; } // review of automatic suggestions
    ExportRunner *exportRunner() const { return m_exportFlow->runner(); }
    RenditionsFeature *renditions() const { return m_renditions; }
    QAction *action(ShortcutId id) const { return m_actions.value(id); }
    QList<QAction *> allActions() const { return m_actions.values(); }
    QComboBox *aspectCombo() const;
    QString statusText() const; // the status bar's fields joined, for tests

Q_SIGNALS:
    // The current image's preview is on screen (or failed), for tools such as --screenshot.
    void imageShown(const QString &path);
    void exportFinished(const cropwise::ExportSummary &summary);

protected:
    void closeEvent(QCloseEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    struct Clipboard
    {
        QList<Crop> crops;
        Size sourceSize;
        QString sourcePath;
    };

    void createActions();
    void createMenus();
    void createToolBar();
    void createDocks();
    void createStatusBar();
    void connectSignals();
    void readSettings();
    void writeSettings() const;

    void openFolder(const QString &folder, const QString &currentFile = QString());
    void showImages(
        const QStringList &paths, int current, const QString &summaryTitle, const QStringList &problems);
    void chooseFiles();
    void chooseFolder();
    void showExportDialog();
    void showShortcuts();
    void showAbout();
    void addNewCrop();

    void onCurrentImageChanged(int index, const QString &path);
    void onThumbnailsFinished();
    void onExportFinished(const ExportSummary &summary);
    void onAutosaveFailed(const QString &imagePath, const QString &reason);
    void onAutosaved(const QString &imagePath);
    void onSidecarProblem(const QString &imagePath, const QString &message);

    void setGuides(GuideOverlay guides);
    void cycleGuides();

    void updateActions();
    void updateStatus();
    void updateZoomLabel();
    void updateTitle();

    ImageSession *m_session;
    CropCanvas *m_canvas;
    CropEditController *m_controller;
    ThumbnailModel *m_thumbnails;
    ThumbnailStrip *m_strip;
    CropListPanel *m_cropPanel;
    MessageBar *m_messageBar;
    ExportFlow *m_exportFlow;
    LabelsWorkbench *m_labels = nullptr;
    ReviewWorkbench *m_review = nullptr;
    RecentFiles *m_recent;
    RenditionsFeature *m_renditions = nullptr; // the Renditions dock and export (ui/renditions/)
    QDockWidget *m_cropDock = nullptr;
    QDockWidget *m_stripDock = nullptr;
    QMenu *m_recentMenu = nullptr;

    QMap<ShortcutId, QAction *> m_actions;
    QActionGroup *m_guidesGroup = nullptr;
    AspectControls *m_aspect = nullptr;

    QLabel *m_statusName = nullptr;
    QLabel *m_statusIndex = nullptr;
    QLabel *m_statusSize = nullptr;
    QLabel *m_statusZoom = nullptr;
    QLabel *m_statusCursor = nullptr;
    QLabel *m_statusSave = nullptr;

    Clipboard m_clipboard;
    ExportSettings m_exportSettings;
    ExportDialog::Scope m_exportScope = ExportDialog::Scope::CurrentImage;
    QStringList m_openProblems; // shown with the thumbnail summary
    QString m_openTitle;
    QHash<QString, QString> m_unsaved; // image path -> autosave failure reason
    QStringList m_sidecarProblems;
};

} // namespace cropwise
