#pragma once

// Issue 6 in the window: labels, the verified flag, object boxes and dataset export, wired into
// MainWindow from one place so the window itself only creates this object and lists its actions
// in the menus.
//
//  - The "Labels" dock (LabelPanel) edits the folder's label set; number keys 1..9 (the
//    LabelHotkey actions) give the selected crop a label; their menu texts show the bound labels.
//  - Space (ToggleVerified; a tap on the canvas, CropCanvas::spaceTapped) marks the image verified,
//    shown in the status bar and as a check mark in the filmstrip.
//  - Import Object Boxes reads COCO / VOC / YOLO for the open folder (ObjectBoxCatalog); the report
//    of skipped entries goes to the message bar (details list every file:line). Boxes are drawn by
//    ObjectBoxLayer (B toggles it) and listed in the "Object Boxes" dock with their flags.
//  - Export Dataset runs core's exportDataset() in the background (DatasetExportRunner) and never
//    writes into a non-empty folder without asking (setOverwritePrompt for tests).
// Thread: GUI thread only.

#include "core/annotations/AnnotationImport.h"
#include "core/annotations/DatasetExport.h"
#include "ui/labels/DatasetSources.h"

#include <QObject>
#include <QPointer>

#include <functional>

class QDockWidget;
class QLabel;

namespace cropwise {

class DatasetExportRunner;
class ImageDocument;
class LabelPanel;
class LabelsController;
class MainWindow;
class ObjectBoxCatalog;
class ObjectBoxLayer;
class ObjectBoxPanel;

class LabelsWorkbench : public QObject
{
    Q_OBJECT

public:
    // Asked with the folder when a dataset would go into a non-empty folder; true = replace.
    using OverwritePrompt = std::function<bool(const QString &folder)>;

    // window: the parent; its session, controller, canvas, strip and actions must exist.
    explicit LabelsWorkbench(MainWindow *window);

    LabelsController *labels() const { return m_labels; }
    ObjectBoxCatalog *boxCatalog() const { return m_catalog; }
    ObjectBoxLayer *boxLayer() const { return m_layer; }
    LabelPanel *labelPanel() const { return m_labelPanel; }
    ObjectBoxPanel *boxPanel() const { return m_boxPanel; }
    DatasetExportRunner *datasetRunner() const { return m_runner; }
    QString verifiedText() const; // the status bar field

    // Without dialogs (the dialogs call these too). The import report is also shown to the user.
    ImportResult importBoxes(AnnotationFormat format, const QString &path);
    // False when nothing was started (running already, nothing to export, folder refused).
    bool exportDataset(const DatasetRequest &request);
    void setOverwritePrompt(OverwritePrompt prompt) { m_prompt = std::move(prompt); }

Q_SIGNALS:
    void datasetExported(const cropwise::DatasetExportReport &report);

private:
    void createDocks();
    void connectActions();
    void onCurrentImageChanged(int index, const QString &path);
    void onImagesChanged();
    void onLabelSetChanged();
    void onDatasetExported(const DatasetExportReport &report);
    void refreshBoxes();
    void refreshVerified();
    void showImportDialog();
    void showExportDialog();
    QString currentFolder() const;

    QPointer<MainWindow> m_window;
    LabelsController *m_labels;
    ObjectBoxCatalog *m_catalog;
    ObjectBoxLayer *m_layer;
    LabelPanel *m_labelPanel;
    ObjectBoxPanel *m_boxPanel;
    DatasetExportRunner *m_runner;
    QLabel *m_verified;
    QDockWidget *m_labelDock = nullptr;
    QDockWidget *m_boxDock = nullptr;
    QPointer<ImageDocument> m_document;
    DatasetRequest m_lastRequest;
    OverwritePrompt m_prompt;
};

} // namespace cropwise
