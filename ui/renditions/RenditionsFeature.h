#pragma once

// The renditions feature of the main window (docs/renditions.md): the "Renditions" dock (the linked
// editor, RenditionsPanel), the preset editor (RenditionPresetDialog) and "Export Renditions" with
// progress, cancel, the overwrite question and a summary in the window's message bar.
//
// The window creates it once and tells it which image is current (setDocument); its actions come
// from the shortcuts table (ShortcutId::ExportRenditions, ShortcutId::ShowRenditions).
//
// Export: open images go as their documents hold them (unsaved edits included), the others from
// their sidecars; core plans every rendition's crop, size and file name
// (planRenditionExport) and exports on the thread pool (RenditionExportRunner). Existing files are
// never replaced without asking (the prompt is injectable for tests).
// Thread: GUI thread only.

#include "ui/ExportFlow.h"
#include "ui/renditions/RenditionExportRequest.h"
#include "ui/renditions/RenditionExportRunner.h"

#include <QObject>
#include <QPointer>

class QDockWidget;
class QUndoStack;

namespace cropwise {

class CropCanvas;
class CropEditController;
class ImageDocument;
class ImageSession;
class MainWindow;
class RenditionsPanel;

class RenditionsFeature : public QObject
{
    Q_OBJECT

public:
    using OverwriteChoice = ExportFlow::OverwriteChoice;
    using OverwritePrompt = ExportFlow::OverwritePrompt;

    // Adds the dock (left of the photo, hidden until asked for) and connects the window's actions.
    RenditionsFeature(
        MainWindow *window, ImageSession *session, CropEditController *controller, CropCanvas *canvas);

    RenditionsPanel *panel() const { return m_panel; }
    QDockWidget *dock() const { return m_dock; }
    RenditionExportRunner *runner() const { return m_runner; }

    // The current image (nullptr: none) and its undo stack.
    void setDocument(ImageDocument *document, QUndoStack *stack);

    // Shows the panel (tab in front); with it shown already in front, hides it.
    void togglePanel();
    // Shows the panel (and makes crops for the current image's renditions).
    void showPanel();

    // Asked once per export when planned files exist (default: a message box).
    void setOverwritePrompt(OverwritePrompt prompt) { m_prompt = std::move(prompt); }
    // Plans and starts the export without the dialog (the dialog calls it too). False when nothing
    // was started (busy, nothing to export, cancelled at the overwrite question, folder error).
    bool exportRenditions(const RenditionExportRequest &request);
    void showExportDialog();
    void showPresetDialog();

Q_SIGNALS:
    void exportFinished(const cropwise::RenditionExportSummary &summary);

private:
    void onExportFinished(const RenditionExportSummary &summary);
    OverwriteChoice askOverwrite(const QStringList &existing) const;
    QList<ExportInput> inputsFor(RenditionExportRequest::Scope scope) const;

    QPointer<MainWindow> m_window;
    QPointer<ImageSession> m_session;
    QPointer<CropEditController> m_controller;
    RenditionsPanel *m_panel;
    QDockWidget *m_dock;
    RenditionExportRunner *m_runner;
    OverwritePrompt m_prompt;
    QString m_lastFolder;
};

} // namespace cropwise
