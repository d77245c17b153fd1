#pragma once

// Issue 4 in the window: reviewing automatic crop suggestions, wired into MainWindow from one place
// so the window only creates this object and lists the Review actions in its menu.
//  - ReviewController: background suggestion runs, review commands, must-include, overlays,
//    the filmstrip filter and the folder's review index;
//  - the "Review" dock (ReviewPanel), tabbed with the panels under the Crops panel;
//  - Review > Review Metrics (ReviewStatsDialog, non-modal, refreshed while open).
// Thread: GUI thread only.

#include <QObject>
#include <QPointer>

class QDockWidget;

namespace cropwise {

class MainWindow;
class ReviewController;
class ReviewPanel;
class ReviewStatsDialog;

class ReviewWorkbench : public QObject
{
    Q_OBJECT

public:
    // window: the parent; its session, controller, canvas, strip and actions must exist.
    explicit ReviewWorkbench(MainWindow *window);

    ReviewController *controller() const { return m_controller; }
    ReviewPanel *panel() const { return m_panel; }
    QDockWidget *dock() const { return m_dock; }
    // Opens (or raises) the metrics dialog.
    ReviewStatsDialog *showMetrics();

private:
    void createDock();

    QPointer<MainWindow> m_window;
    ReviewController *m_controller;
    ReviewPanel *m_panel = nullptr;
    QDockWidget *m_dock = nullptr;
    QPointer<ReviewStatsDialog> m_metrics;
};

} // namespace cropwise
