#include "ui/review/ReviewWorkbench.h"

#include "ui/MainWindow.h"
#include "ui/Shortcuts.h"
#include "ui/review/ReviewController.h"
#include "ui/review/ReviewIndex.h"
#include "ui/review/ReviewPanel.h"
#include "ui/review/ReviewStatsDialog.h"

#include <QAction>
#include <QDockWidget>
#include <QMenu>
#include <QMenuBar>

namespace cropwise {

ReviewWorkbench::ReviewWorkbench(MainWindow *window)
    : QObject(window)
    , m_window(window)
    , m_controller(new ReviewController(window))
{
    createDock();
    if (QAction *a = window->action(ShortcutId::ShowReviewMetrics))
        connect(a, &QAction::triggered, this, &ReviewWorkbench::showMetrics);
    connect(m_controller, &ReviewController::statsChanged, this, [this] {
        if (m_metrics && m_metrics->isVisible())
            m_metrics->setStats(m_controller->index()->stats());
    });
}

void ReviewWorkbench::createDock()
{
    m_panel = new ReviewPanel(m_controller, m_window);
    m_panel->setMinimumWidth(280);
    m_dock = new QDockWidget(tr("Review"), m_window);
    m_dock->setObjectName(QStringLiteral("reviewDock"));
    m_dock->setWidget(m_panel);
    m_dock->setAllowedAreas(Qt::LeftDockWidgetArea | Qt::RightDockWidgetArea);
    // With the other panels under the Crops panel: the crop list and the review side by side.
    if (auto *labels = m_window->findChild<QDockWidget *>(QStringLiteral("labelsDock"))) {
        m_window->tabifyDockWidget(labels, m_dock);
    } else if (auto *crops = m_window->findChild<QDockWidget *>(QStringLiteral("cropsDock"))) {
        m_window->splitDockWidget(crops, m_dock, Qt::Vertical);
    } else {
        m_window->addDockWidget(Qt::RightDockWidgetArea, m_dock);
    }
    if (auto *panels = m_window->menuBar()->findChild<QMenu *>(QStringLiteral("panelsMenu")))
        panels->addAction(m_dock->toggleViewAction());
}

ReviewStatsDialog *ReviewWorkbench::showMetrics()
{
    if (!m_metrics) {
        m_metrics = new ReviewStatsDialog(m_window);
        m_metrics->setAttribute(Qt::WA_DeleteOnClose);
    }
    m_metrics->setStats(m_controller->index()->stats());
    m_metrics->show();
    m_metrics->raise();
    return m_metrics;
}

} // namespace cropwise
